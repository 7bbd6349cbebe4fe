import logging
from datetime import timedelta

import vobject
from markupsafe import Markup

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

REMINDER_HOURS = 24


class ConsultationAppointmentLine(models.Model):
    _inherit = "consultation.appointment.line"

    reminder_sent = fields.Boolean(readonly=True, copy=False)

    def _portal_can_change(self):
        """Tell whether the parent may still cancel or reschedule this booking."""
        self.ensure_one()
        appt = self.appointment_id
        if self.state not in ("booked", "waiting") or appt.state not in ("held", "confirmed"):
            return False
        limit = timedelta(hours=appt.point_id.cancel_limit_hours or 0)
        return fields.Datetime.now() + limit <= appt.start

    def _portal_cancel(self):
        """Cancel the parent's booking: the whole consultation when it was theirs alone."""
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
