from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    consultation_specialist_id = fields.Many2one(
        "consultation.specialist", string="Consultation specialist", ondelete="cascade", index=True
    )

    @api.onchange("consultation_specialist_id")
    def _onchange_consultation_specialist_id(self):
        for leave in self.filtered("consultation_specialist_id"):
            leave.resource_id = leave.consultation_specialist_id.resource_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("consultation_specialist_id") and not vals.get("resource_id"):
                spec = self.env["consultation.specialist"].browse(
                    vals["consultation_specialist_id"]
                )
                vals["resource_id"] = spec.resource_id.id
        return super().create(vals_list)
