import logging
from datetime import timedelta

import vobject
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

REMINDER_HOURS = 24


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
    reminder_sent = fields.Boolean(readonly=True, copy=False)

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

    @api.constrains("child_id", "appointment_id", "state")
    def _check_single_booking(self):
        """A child is booked (or waiting) once on a consultation."""
        for line in self.sudo().filtered(lambda li: li.state in ("booked", "waiting")):
            if self.sudo().search_count(
                [
                    ("id", "!=", line.id),
                    ("appointment_id", "=", line.appointment_id.id),
                    ("child_id", "=", line.child_id.id),
                    ("state", "in", ("booked", "waiting")),
                ]
            ):
                raise ValidationError(
                    _("%(child)s is already booked on this consultation.", child=line.child_id.name)
                )

    @api.constrains("state", "appointment_id")
    def _check_capacity(self):
        self.appointment_id._check_capacity()

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.request_id._mark_scheduled()
        return lines

    def _check_markable(self):
        self.appointment_id._check_can_record_outcome()
        for line in self:
            if line.appointment_id.state not in ("reserved", "confirmed", "done", "no_show"):
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

    def _portal_can_change(self):
        """Tell whether the parent may still cancel or reschedule this booking."""
        self.ensure_one()
        appt = self.appointment_id
        if self.state not in ("booked", "waiting") or appt.state not in ("reserved", "confirmed"):
            return False
        limit = timedelta(hours=appt.point_id.cancel_limit_hours or 0)
        return fields.Datetime.now() + limit <= appt.start

    def _check_portal_can_change(self):
        """Raise a UserError unless the parent may still cancel or reschedule the booking."""
        if not self:
            raise UserError(_("Only a booking can be cancelled."))
        for line in self:
            if not line._portal_can_change():
                raise UserError(
                    _(
                        "This consultation can no longer be cancelled or moved online: it is "
                        "less than %(hours)s hours away or already closed. Please call the "
                        "consultation point.",
                        hours=line.appointment_id.point_id.cancel_limit_hours,
                    )
                )

    def _portal_can_confirm(self):
        """Tell whether the parent may confirm this booking: their own place on a reserved
        individual consultation (staff confirm group sessions)."""
        self.ensure_one()
        appt = self.appointment_id
        return self.state == "booked" and appt.kind == "individual" and appt.state == "reserved"

    def _portal_confirm(self):
        """Confirm the parent's reserved consultation, or raise a UserError (nothing kept).

        A remote consultation gets its Discuss room first: the confirmation e-mail (sent
        by action_confirm, with the .ics) carries its link.
        """
        if len(self) != 1 or not self._portal_can_confirm():
            raise UserError(_("This consultation is not waiting for your confirmation."))
        appt = self.appointment_id
        with self.env.cr.savepoint():
            if appt.mode == "remote" and not appt.meeting_url:
                appt.action_generate_discuss_room()
            appt.action_confirm()
        return appt

    def _portal_cancel(self):
        """Cancel the parent's booking: the whole consultation when it was theirs alone.
        Raise a UserError when it is too late to change it online."""
        self._check_portal_can_change()
        for line in self.sudo():
            appt = line.appointment_id
            if appt.kind == "individual":
                appt.action_cancel()
            else:
                line.action_cancel()

    def _parent_calendar_event(self):
        """Return the booking as an unsaved calendar entry for the parent's own calendar.

        Not the consultation's calendar entry: that one is the specialists' private entry,
        and Odoo's export writes its organizer's and attendees' e-mail addresses. This one
        holds the title in the family's language, the time, the place (or the join link)
        and the link to the booking on the portal, and nobody of the staff.
        """
        self.ensure_one()
        appt = self.appointment_id.sudo()
        appt_l = appt.with_context(lang=self.partner_id.lang or self.env.lang)
        location = (
            appt.meeting_url
            if appt.mode == "remote"
            else appt.company_id.partner_id.contact_address
        )
        links = [appt.meeting_url, appt.get_base_url() + f"/my/consultation/appointments/{appt.id}"]
        return (
            self.env["calendar.event"]
            .sudo()
            .new(
                {
                    "name": appt_l.point_id.name + ": " + (appt_l.topic_id.name or appt_l.name),
                    "start": appt.start,
                    "stop": appt.stop,
                    "allday": False,
                    "location": (location or "").replace("\n", ", "),
                    "description": Markup("<p>%s</p>")
                    % Markup("<br/>").join(link for link in links if link),
                    "user_id": False,
                    "partner_ids": [],
                    "alarm_ids": [],
                    "privacy": "private",
                }
            )
        )

    def _ics_attachment(self):
        """Create the .ics attachment of the booking for the parent's calendar."""
        self.ensure_one()
        event = self._parent_calendar_event()
        calendar = vobject.readOne(event._get_ics_file()[event.id].decode())
        # One UID per booking, so that a reschedule's or a reminder's file updates the
        # entry in the parent's calendar instead of adding another (Odoo's export has none).
        appt = self.appointment_id.sudo()
        calendar.vevent.uid.value = f"consultation-{appt.id}-{self.id}@{appt.company_id.id}"
        content = calendar.serialize().encode()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "consultation.ics",
                    "raw": content,
                    "mimetype": "text/calendar",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _send_parent_mail(self, template_xmlid):
        """Queue the e-mail `template_xmlid` with the .ics to each family, in its language."""
        template = self.env.ref(template_xmlid).sudo()
        for line in self.sudo().filtered(lambda li: li.partner_id.email):
            attachment = line._ics_attachment()
            template.send_mail(
                line.id,
                email_values={"attachment_ids": [attachment.id]},
                email_layout_xmlid="mail.mail_notification_light",
            )

    @api.model
    def _cron_send_reminders(self):
        """Remind families of their confirmed consultations starting within a day."""
        now = fields.Datetime.now()
        lines = self.sudo().search(
            [
                ("state", "=", "booked"),
                ("reminder_sent", "=", False),
                ("appointment_id.state", "=", "confirmed"),
                ("appointment_start", ">", now),
                ("appointment_start", "<=", now + timedelta(hours=REMINDER_HOURS)),
            ]
        )
        lines._send_parent_mail("consultation_point.mail_template_appointment_reminder")
        lines.write({"reminder_sent": True})
        if lines:
            _logger.info("Sent %s consultation reminders", len(lines))
        return lines
