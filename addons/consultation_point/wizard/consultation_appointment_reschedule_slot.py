from odoo import fields, models


class ConsultationAppointmentRescheduleSlot(models.TransientModel):
    """A free slot offered to move a consultation to."""

    _name = "consultation.appointment.reschedule.slot"
    _description = "Free Slot to Reschedule To"
    _order = "start, id"

    wizard_id = fields.Many2one(
        "consultation.appointment.reschedule", required=True, ondelete="cascade"
    )
    specialist_id = fields.Many2one("consultation.specialist", required=True)
    start = fields.Datetime(required=True)
    stop = fields.Datetime(required=True)

    def action_pick(self):
        """Move the consultation here and go back to it."""
        self.ensure_one()
        appointment = self.wizard_id.appointment_id
        appointment.reschedule_to(self.specialist_id, self.start)
        return {"type": "ir.actions.act_window_close"}
