from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_duration

from odoo.addons.resource.models.utils import Intervals

ROLES = [
    ("educator", "Educator"),
    ("psychologist", "Educational psychologist"),
    ("medical", "Medical worker"),
    ("speech_therapist", "Speech therapist"),
    ("other", "Other"),
]


class ConsultationSpecialist(models.Model):
    """A member of staff who receives families at the point (regulation 2.6)."""

    _name = "consultation.specialist"
    _description = "Consultation Specialist"
    _inherit = ["resource.mixin", "mail.thread"]
    _order = "point_id, sequence, id"

    name = fields.Char(related="user_id.name", store=True, readonly=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users", required=True, ondelete="restrict", tracking=True, index=True
    )
    partner_id = fields.Many2one(related="user_id.partner_id")
    point_id = fields.Many2one(
        "consultation.point", required=True, ondelete="cascade", index=True, tracking=True
    )
    # the point's company (resource.mixin's is the resource's, writable, default the user's)
    company_id = fields.Many2one(
        related="point_id.company_id", store=True, index=True, readonly=True, default=None
    )
    role = fields.Selection(ROLES, required=True, default="educator", tracking=True)
    topic_ids = fields.Many2many(
        "consultation.topic",
        "consultation_specialist_topic_rel",
        "specialist_id",
        "topic_id",
        string="Topics",
    )
    # resource.mixin's working hours (related to the resource's), optional here
    resource_calendar_id = fields.Many2one(
        string="Own availability",
        default=False,
        help="When empty, the specialist receives during all the point's opening hours; "
        "otherwise only when both calendars are open.",
    )
    leave_ids = fields.One2many(
        "resource.calendar.leaves", "consultation_specialist_id", string="Leaves"
    )
    active = fields.Boolean(default=True)
    schedule_summary = fields.Text(
        string="Receives", compute="_compute_schedule_summary", help="The work schedule."
    )

    _sql_constraints = [
        (
            "user_point_unique",
            "UNIQUE(user_id, point_id)",
            "This user is already a specialist of the point.",
        ),
    ]

    def _prepare_resource_values(self, vals, tz):
        """The specialist's resource (resource.mixin): the user's, in the point's company and
        time zone, with the specialist's own availability (none: the point's hours)."""
        values = super()._prepare_resource_values(vals, tz)
        user = self.env["res.users"].browse(vals.get("user_id"))
        point = self.env["consultation.point"].browse(vals.get("point_id"))
        values.update({"name": user.name, "user_id": user.id, "resource_type": "user"})
        if point.company_id:
            values["company_id"] = point.company_id.id
        if point.resource_calendar_id.tz:
            values["tz"] = point.resource_calendar_id.tz
        return values

    def _tz(self):
        """Return the time zone of the point's opening hours."""
        self.ensure_one()
        return pytz.timezone(self.point_id.resource_calendar_id.tz or self.user_id.tz or "UTC")

    def _available_intervals(self, start, stop, open_hours=None):
        """Return Intervals (aware UTC) when the specialist receives between start and stop.

        The point's hours minus its holidays and closures (`open_hours` when the
        caller computed them already), intersected with the specialist's own
        availability, minus the specialist's leaves.
        """
        self.ensure_one()
        point_cal = self.point_id.resource_calendar_id
        if not point_cal:
            return Intervals()
        start = start if start.tzinfo else pytz.utc.localize(start)
        stop = stop if stop.tzinfo else pytz.utc.localize(stop)
        tz = self._tz()
        if open_hours is None:
            open_hours = point_cal._work_intervals_batch(start, stop, tz=tz)[False]
        if self.resource_calendar_id and self.resource_calendar_id != point_cal:
            own = self.resource_calendar_id._attendance_intervals_batch(start, stop, tz=tz)[False]
            open_hours &= own
        own_leaves = Intervals(
            (
                pytz.utc.localize(leave.date_from),
                pytz.utc.localize(leave.date_to),
                leave,
            )
            for leave in self.leave_ids
            if leave.date_from < stop.replace(tzinfo=None)
            and leave.date_to > start.replace(tzinfo=None)
        )
        return open_hours - own_leaves

    def _receives_during(self, start, stop):
        """Tell whether the specialist receives during the whole of [start, stop) (naive UTC):
        inside one available interval (hours, own availability, leaves, holidays)."""
        self.ensure_one()
        start = pytz.utc.localize(start)
        stop = pytz.utc.localize(stop)
        return any(
            begin <= start and stop <= end
            for begin, end, _recs in self._available_intervals(
                start - timedelta(days=1), stop + timedelta(days=1)
            )
        )

    def _get_free_slots(
        self, date_from, date_to, topic=None, slot_minutes=None, include_past=False
    ):
        """Return the free slots of these specialists (of one point) between two dates;
        see consultation.point._get_free_slots."""
        return self.point_id.ensure_one()._get_free_slots(
            topic,
            date_from,
            date_to,
            specialists=self,
            slot_minutes=slot_minutes,
            include_past=include_past,
        )

    def first_free_slot(self, date_from, date_to, include_past=False):
        """Return the specialist's first free slot from `date_from` to `date_to` (days in the
        point's zone) as {"start", "stop"} (naive UTC); raise a UserError when none is free.
        `include_past` for consultations that took place (staff entering them, the demo).
        """
        self.ensure_one()
        slots = self._get_free_slots(date_from, date_to, include_past=include_past)
        if not slots:
            raise UserError(
                _(
                    "%(specialist)s has no free slot from %(date_from)s to %(date_to)s.",
                    specialist=self.name,
                    date_from=date_from,
                    date_to=date_to,
                )
            )
        return {"start": slots[0]["start"], "stop": slots[0]["stop"]}

    def _weekly_schedule(self):
        """Return [(weekday, hour_from, hour_to)] when the specialist receives each week."""
        self.ensure_one()
        tz = self._tz()
        monday = datetime.combine(
            fields.Date.today() - timedelta(days=fields.Date.today().weekday()), time.min
        )
        start = tz.localize(monday)
        stop = tz.localize(monday + timedelta(days=7))
        point_cal = self.point_id.resource_calendar_id
        if not point_cal:
            return []
        hours = point_cal._attendance_intervals_batch(start, stop, tz=tz)[False]
        if self.resource_calendar_id and self.resource_calendar_id != point_cal:
            hours &= self.resource_calendar_id._attendance_intervals_batch(start, stop, tz=tz)[
                False
            ]
        rows = []
        for begin, end, _recs in hours:
            begin, end = begin.astimezone(tz), end.astimezone(tz)
            rows.append(
                (begin.weekday(), begin.hour + begin.minute / 60, end.hour + end.minute / 60)
            )
        return rows

    @api.depends("resource_calendar_id", "point_id.resource_calendar_id")
    def _compute_schedule_summary(self):
        days = dict(
            self.env["resource.calendar.attendance"]
            ._fields["dayofweek"]
            ._description_selection(self.env)
        )
        for spec in self:
            spec.schedule_summary = "\n".join(
                f"{days[str(day)]} {format_duration(h_from)}–{format_duration(h_to)}"
                for day, h_from, h_to in spec._weekly_schedule()
            )
