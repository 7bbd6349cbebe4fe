from odoo import fields, models
from odoo.tools import format_date, format_datetime
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Odoo's own day names have no Kazakh translation: ours have.
DAY_NAMES = [
    _lt("Monday"),
    _lt("Tuesday"),
    _lt("Wednesday"),
    _lt("Thursday"),
    _lt("Friday"),
    _lt("Saturday"),
    _lt("Sunday"),
]


def _hour(value):
    """Return 9.5 as '09:30'."""
    minutes = round(value * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class Website(models.Model):
    """What the public pages say about the website's preschool, read from its records."""

    _inherit = "website"

    def _kg_preschool(self):
        """Return the preschool of the website with its consultation points and boards.

        Everything the home page, the header and the footer show comes from here: the
        company (name, address, phone, e-mail, head), its active consultation points (opening
        hours, how to ask, the booking link, the next lectures) and its active boards of
        trustees (chair, term, the published minutes, open calls for candidates, the survey).
        Read as superuser: a visitor has no access to these records, only to what is shown.
        """
        self.ensure_one()
        company = self.company_id.sudo()
        lang = self.env.lang or "en_US"
        points = (
            self.env["consultation.point"]
            .sudo()
            .search([("company_id", "=", company.id)], order="id")
        )
        boards = (
            self.env["kindergarten.council"]
            .sudo()
            .search([("company_id", "=", company.id), ("state", "=", "active")], order="id")
        )
        return {
            "company": company,
            "name": company._kg_public_name(),
            "address": company._kg_public_address(),
            "phone": company.phone or "",
            "email": company.email or "",
            "head": company.preschool_head_id.name or "",
            "points": [self._kg_point(point) for point in points],
            "boards": [self._kg_board(board, lang) for board in boards],
        }

    def _kg_preschool_point(self):
        """Return the first consultation point of the website's preschool (or nothing)."""
        self.ensure_one()
        return (
            self.env["consultation.point"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)], order="id", limit=1)
        )

    def _kg_point(self, point):
        """Return what a visitor needs to reach the consultation point `point`."""
        calendar = point.resource_calendar_id
        hours = []
        if calendar:
            attendances = calendar.attendance_ids.filtered(
                lambda att: att.display_type != "line_section" and not att.week_type
            ) or calendar.attendance_ids.filtered(lambda att: att.display_type != "line_section")
            for att in attendances.sorted(lambda a: (int(a.dayofweek), a.hour_from)):
                hours.append(
                    (
                        DAY_NAMES[int(att.dayofweek)]._translate(self.env.lang or "en_US"),
                        f"{_hour(att.hour_from)}–{_hour(att.hour_to)}",
                    )
                )
        tz = calendar.tz or "Asia/Almaty"
        events = (
            self.env["event.event"]
            .sudo()
            .search(
                [
                    ("consultation_point_id", "=", point.id),
                    ("date_end", ">=", fields.Datetime.now()),
                ],
                order="date_begin",
                limit=3,
            )
        )
        return {
            "point": point,
            "name": point.name,
            "hours": hours,
            "page_url": f"/consultation-point/{point.id}",
            "request_url": f"/consultation-point/{point.id}/request",
            "booking_url": "/my/consultation/book",
            "events": [
                (
                    event.name,
                    format_datetime(
                        self.env, event.date_begin, tz=tz, dt_format="dd.MM.yyyy HH:mm"
                    ),
                )
                for event in events
            ],
        }

    def _kg_board(self, board, lang):
        """Return what a visitor may know of the board of trustees `board`."""
        today = fields.Date.context_today(self)
        meetings = (
            self.env["kindergarten.council.meeting"]
            .sudo()
            .search(
                [
                    ("council_id", "=", board.id),
                    ("state", "=", "approved"),
                    ("website_minutes_published", "=", True),
                ],
                order="date desc, number desc",
            )
        )
        minutes = []
        for meeting in meetings:
            attachment = meeting._website_minutes_attachment(lang)
            if attachment:
                minutes.append(
                    (
                        meeting._meeting_title(),
                        format_date(self.env, meeting.date, date_format="dd.MM.yyyy"),
                        f"/web/content/{attachment.id}?download=true",
                    )
                )
        calls = (
            self.env["kindergarten.council.call"]
            .sudo()
            .search_count(
                [
                    ("council_id", "=", board.id),
                    ("state", "=", "open"),
                    ("date_announce", "<=", today),
                    ("date_close", ">=", today),
                ]
            )
        )
        surveys = (
            self.env["kindergarten.council.survey"]
            .sudo()
            .search_count([("council_id", "=", board.id), ("state", "=", "open")])
        )
        return {
            "board": board,
            "name": board.name,
            "chair": board.chair_id.name or "",
            "members": len(board._active_members(today)),
            "term": "{} – {}".format(
                format_date(self.env, board.date_start, date_format="dd.MM.yyyy"),
                format_date(self.env, board.date_end, date_format="dd.MM.yyyy"),
            ),
            "minutes": minutes,
            "open_calls": bool(calls),
            "open_survey": bool(surveys),
        }
