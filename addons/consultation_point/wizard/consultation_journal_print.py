from datetime import datetime, time

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import academic_year_bounds, academic_year_of

JOURNALS = [
    ("requests", "Register of requests"),
    ("attendance", "Attendance journal"),
    ("plan", "Work plan"),
    ("schedule", "Work schedule"),
    ("lectures", "Schedule of lectures and seminars"),
    ("contracts", "Contracts with parents"),
]
XLSX_REPORTS = {
    "requests": "consultation_point.journal_requests_xlsx",
    "attendance": "consultation_point.journal_attendance_xlsx",
}


class ConsultationJournalPrint(models.TransientModel):
    """Print one of the point's journals (regulation 2.8) for a period, in kk or ru."""

    _name = "consultation.journal.print"
    _description = "Print a Consultation Point Journal"

    journal = fields.Selection(JOURNALS, required=True, default="requests")
    point_id = fields.Many2one(
        "consultation.point",
        required=True,
        default=lambda self: self.env["consultation.point"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: academic_year_bounds(
            academic_year_of(fields.Date.context_today(self))
        )[0],
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: academic_year_bounds(
            academic_year_of(fields.Date.context_today(self))
        )[1],
    )
    lang = fields.Selection(
        [("kk_KZ", "Kazakh"), ("ru_RU", "Russian")], required=True, default="kk_KZ"
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wiz in self:
            if wiz.date_from > wiz.date_to:
                raise UserError(_("The period must end after it starts."))

    # ------------------------------------------------------------ data
    def _utc_bounds(self):
        """Return the period as naive UTC datetimes in the point's time zone."""
        tz = pytz.timezone(self.point_id.resource_calendar_id.tz or "UTC")
        start = tz.localize(datetime.combine(self.date_from, time.min))
        stop = tz.localize(datetime.combine(self.date_to, time.max))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _local(self, value, fmt="%d.%m.%Y %H:%M"):
        """Format a naive UTC datetime in the point's time zone."""
        if not value:
            return ""
        tz = pytz.timezone(self.point_id.resource_calendar_id.tz or "UTC")
        return pytz.utc.localize(value).astimezone(tz).strftime(fmt)

    def _requests(self):
        """Return the register's requests of the period."""
        return self.env["consultation.request"].search(
            [
                ("point_id", "=", self.point_id.id),
                ("date_received", ">=", self.date_from),
                ("date_received", "<=", self.date_to),
            ],
            order="date_received, id",
        )

    def _attendance_lines(self):
        """Return the families booked on consultations of the period."""
        start, stop = self._utc_bounds()
        return self.env["consultation.appointment.line"].search(
            [
                ("point_id", "=", self.point_id.id),
                ("appointment_start", ">=", start),
                ("appointment_start", "<=", stop),
                ("state", "in", ("booked", "attended", "no_show")),
            ],
            order="appointment_start, id",
        )

    def _events(self):
        """Return the point's lectures and seminars of the period."""
        start, stop = self._utc_bounds()
        return self.env["event.event"].search(
            [
                ("consultation_point_id", "=", self.point_id.id),
                ("date_begin", ">=", start),
                ("date_begin", "<=", stop),
            ],
            order="date_begin, id",
        )

    def _lecture_registrations(self):
        """Return the registrations to the lectures and seminars of the period."""
        return self._events().registration_ids.filtered(lambda r: r.state != "cancel")

    def _plan_lines(self):
        """Return the activities of the work plan(s) of the period's academic year(s)."""
        years = range(academic_year_of(self.date_from), academic_year_of(self.date_to) + 1)
        plans = self.env["consultation.plan"].search(
            [("point_id", "=", self.point_id.id), ("academic_year", "in", list(years))]
        )
        return plans.line_ids

    def _specialists(self):
        """Return the point's specialists for the work schedule."""
        return self.point_id.specialist_ids

    def _contracts(self):
        """Return the contracts in force during the period."""
        return self.env["consultation.contract"].search(
            [
                ("point_id", "=", self.point_id.id),
                ("date_start", "<=", self.date_to),
                ("date_end", ">=", self.date_from),
            ],
            order="date_start, id",
        )

    def _selection_label(self, record, field_name):
        """Return the label of a selection value in the journal's language."""
        field = record._fields[field_name]
        labels = dict(field._description_selection(self.env(context={"lang": self.lang})))
        return labels.get(record[field_name], "")

    def _title(self):
        """Return the journal's title in its language."""
        return self._selection_label(self, "journal")

    # ------------------------------------------------------------ actions
    def action_print_pdf(self):
        """Print the journal as a PDF."""
        self.ensure_one()
        return self.env.ref("consultation_point.action_report_journal").report_action(
            self, config=False
        )

    def action_export_xlsx(self):
        """Export the register of requests or the attendance journal to XLSX."""
        self.ensure_one()
        if self.journal not in XLSX_REPORTS:
            raise UserError(
                _("Only the register of requests and the attendance journal export to XLSX.")
            )
        return self.env.ref(XLSX_REPORTS[self.journal]).report_action(self, config=False)
