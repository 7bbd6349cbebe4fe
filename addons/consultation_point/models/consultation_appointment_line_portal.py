import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import html2plaintext

_logger = logging.getLogger(__name__)

REMINDER_HOURS = 24


def ics_escape(text):
    """Escape a text value for an iCalendar property (RFC 5545, 3.3.11)."""
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def build_ics(uid, start, stop, summary, description="", location="", url="", stamp=None):
    """Return an iCalendar (.ics) text with one event; datetimes are naive UTC."""
    fmt = "%Y%m%dT%H%M%SZ"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kindergarten KZ//Consultation point//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{(stamp or start).strftime(fmt)}",
        f"DTSTART:{start.strftime(fmt)}",
        f"DTEND:{stop.strftime(fmt)}",
        f"SUMMARY:{ics_escape(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{ics_escape(description)}")
    if location:
        lines.append(f"LOCATION:{ics_escape(location)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


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

    def _ics_attachment(self):
        """Create the .ics attachment of the booking for the parent's calendar."""
        self.ensure_one()
        appt = self.appointment_id.sudo()
        lang = self.partner_id.lang or self.env.lang
        appt_l = appt.with_context(lang=lang)
        location = (
            appt.meeting_url
            if appt.mode == "remote"
            else appt.company_id.partner_id.contact_address
        )
        content = build_ics(
            uid=f"consultation-{appt.id}-{self.id}@{appt.company_id.id}",
            start=appt.start,
            stop=appt.stop,
            summary=appt_l.point_id.name + ": " + (appt_l.topic_id.name or appt_l.name),
            description=html2plaintext(appt.recommendations or "") if appt.state == "done" else "",
            location=(location or "").replace("\n", ", "),
            url=appt.meeting_url or "",
            stamp=fields.Datetime.now(),
        )
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "consultation.ics",
                    "raw": content.encode(),
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
