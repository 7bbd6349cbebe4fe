from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class ConsultationAppointmentLine(models.Model):
    """A family booked on a consultation: one row of the attendance journal."""

    _name = "consultation.appointment.line"
    _description = "Consultation Attendance"
    _order = "appointment_start desc, id"
    _rec_name = "partner_id"

    appointment_id = fields.Many2one(
        "consultation.appointment", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="appointment_id.company_id", store=True, index=True)
    point_id = fields.Many2one(related="appointment_id.point_id", store=True)
    appointment_start = fields.Datetime(
        related="appointment_id.start", store=True, string="Date and time"
    )
    appointment_state = fields.Selection(related="appointment_id.state", string="Consultation")
    specialist_id = fields.Many2one(related="appointment_id.specialist_id", store=True)
    topic_id = fields.Many2one(related="appointment_id.topic_id", store=True)
    kind = fields.Selection(related="appointment_id.kind", store=True)
    partner_id = fields.Many2one("res.partner", string="Parent", required=True, index=True)
    child_id = fields.Many2one("consultation.child", required=True, index=True)
    request_id = fields.Many2one(
        "consultation.request", index=True, domain="[('child_id', '=', child_id)]"
    )
    state = fields.Selection(
        [
            ("booked", "Booked"),
            ("waiting", "Waiting list"),
            ("attended", "Attended"),
            ("no_show", "No-show"),
            ("cancelled", "Cancelled"),
        ],
        default="booked",
        required=True,
        index=True,
    )
    attended_count = fields.Integer(compute="_compute_rates", store=True, aggregator="sum")
    no_show_rate = fields.Float(
        compute="_compute_rates", store=True, aggregator="avg", string="No-show rate (%)"
    )

    @api.depends("state")
    def _compute_rates(self):
        for line in self:
            line.attended_count = 1 if line.state == "attended" else 0
            line.no_show_rate = 100.0 if line.state == "no_show" else 0.0

    @api.constrains("child_id", "appointment_id", "state")
    def _check_child_can_be_served(self):
        for line in self.filtered(lambda li: li.state in ("booked", "waiting")):
            appt = line.appointment_id
            reason = line.child_id._ineligibility_reason(appt._local_day(appt.start))
            if reason:
                raise ValidationError(reason)

    @api.constrains("state", "appointment_id")
    def _check_capacity(self):
        self.appointment_id._check_capacity()

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.request_id._mark_scheduled()
        return lines

    def _check_markable(self):
        self.appointment_id._check_can_hold()
        for line in self:
            if line.appointment_id.state not in ("held", "confirmed", "done", "no_show"):
                raise UserError(_("Attendance is recorded on planned consultations only."))
            if line.state not in ("booked", "attended", "no_show"):
                raise UserError(_("%s is not booked on this consultation.", line.partner_id.name))

    def action_attended(self):
        """Record that the family came."""
        self._check_markable()
        self.write({"state": "attended"})

    def action_no_show(self):
        """Record that the family did not come."""
        self._check_markable()
        self.write({"state": "no_show"})

    def action_cancel(self):
        """Cancel the family's booking; the first on the waiting list takes the seat."""
        for line in self:
            if line.state not in ("booked", "waiting"):
                raise UserError(_("Only a booking can be cancelled."))
        self.write({"state": "cancelled"})
        self.appointment_id._promote_waiting()
