from odoo import api, fields, models


class ConsultationNote(models.Model):
    """A confidential specialist note: conversation, diagnostics, observation (2.3).

    Its own model with its own record rules: only the author and the head read it.
    """

    _name = "consultation.note"
    _description = "Confidential Consultation Note"
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("conversation", "Conversation"),
            ("diagnostics", "Diagnostic examination"),
            ("observation", "Observation"),
        ],
        required=True,
        default="conversation",
    )
    author_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True, index=True
    )
    appointment_id = fields.Many2one("consultation.appointment", ondelete="cascade", index=True)
    child_id = fields.Many2one("consultation.child", required=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    body = fields.Html()

    @api.onchange("appointment_id")
    def _onchange_appointment_id(self):
        if self.appointment_id and not self.child_id:
            self.child_id = self.appointment_id.line_ids[:1].child_id
        if self.appointment_id:
            self.company_id = self.appointment_id.company_id
