from odoo import api, fields, models


class ConsultationAppointmentReschedule(models.TransientModel):
    """Move a planned consultation to a free slot found by the portal's slot search."""

    _name = "consultation.appointment.reschedule"
    _description = "Reschedule a Consultation"

    appointment_id = fields.Many2one("consultation.appointment", required=True, ondelete="cascade")
    point_id = fields.Many2one(related="appointment_id.point_id")
    topic_id = fields.Many2one(related="appointment_id.topic_id")
    current_start = fields.Datetime(related="appointment_id.start", string="Now at")
    date_from = fields.Date(string="Search from", required=True, default=fields.Date.context_today)
    specialist_id = fields.Many2one(
        "consultation.specialist",
        help="Leave empty to see every specialist who takes the consultation's topic.",
        domain="[('point_id', '=', point_id)]",
    )
    slot_ids = fields.One2many(
        "consultation.appointment.reschedule.slot", "wizard_id", string="Free slots"
    )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards._fill_slots()
        return wizards

    def _fill_slots(self):
        """Replace the listed slots with the free ones from the search criteria."""
        for wizard in self:
            slots = wizard.appointment_id.reschedule_slots(wizard.date_from, wizard.specialist_id)
            wizard.slot_ids = [fields.Command.clear()] + [
                fields.Command.create(
                    {
                        "specialist_id": slot["specialist"].id,
                        "start": slot["start"],
                        "stop": slot["stop"],
                    }
                )
                for slot in slots
            ]

    def _action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reschedule %s", self.appointment_id.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_search(self):
        """Search the free slots again (other date or specialist)."""
        self._fill_slots()
        return self._action_open()
