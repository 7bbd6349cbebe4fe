from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import ACADEMIC_MONTHS

from ..tools import plan_line_deadlines, plan_line_status

SECTIONS = [
    ("organisational", "Organisational work"),
    ("financial", "Financial and charitable activity"),
    ("oversight", "Oversight"),
    ("events", "Events"),
]
TIMINGS = [
    ("month", "In a month"),
    ("times_year", "N times a year"),
    ("quarterly", "Once a quarter"),
    ("twice_year", "At least twice a year"),
    ("yearly", "Once a year"),
    ("ongoing", "Ongoing"),
    ("as_money_arrives", "As money arrives"),
    ("per_plan", "Per the ministry's or preschool's plan"),
]
MONTHS = ACADEMIC_MONTHS
# Fields that cannot change once the plan is approved.
CONTENT_FIELDS = {"code", "section", "activity", "timing", "month", "month_end", "times", "plan_id"}


class KindergartenCouncilPlanLine(models.Model):
    """A line of the work plan: what, when, who, and whether it is done."""

    _name = "kindergarten.council.plan.line"
    _description = "Work Plan Line"
    _inherit = ["mail.thread", "mail.activity.mixin", "kindergarten.calendar.mixin"]
    _order = "plan_id, section_sequence, sequence, code, id"
    _rec_name = "code"

    plan_id = fields.Many2one(
        "kindergarten.council.plan", required=True, ondelete="cascade", index=True
    )
    council_id = fields.Many2one(related="plan_id.council_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    academic_year = fields.Integer(related="plan_id.academic_year", store=True, aggregator=False)
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="The number in the document, e.g. 1.1 or 4.9.")
    section = fields.Selection(SECTIONS, required=True, default="organisational")
    section_sequence = fields.Integer(compute="_compute_section_sequence", store=True)
    activity = fields.Text(required=True, translate=True)
    timing = fields.Selection(TIMINGS, required=True, default="month")
    month = fields.Selection(MONTHS, help="The month (or first month) it is due in.")
    month_end = fields.Selection(MONTHS, string="To month")
    times = fields.Integer(string="Times a year", default=1, aggregator=False)
    date_deadline = fields.Date(
        string="Deadline", help="For lines following another plan: the date set by that plan."
    )
    when = fields.Char(compute="_compute_when")
    responsible_role_ids = fields.Many2many(
        "kindergarten.council.role", string="Responsible", help="Roles responsible for the line."
    )
    responsible_partner_ids = fields.Many2many(
        "res.partner",
        "kindergarten_council_plan_line_partner_rel",
        "line_id",
        "partner_id",
        string="Responsible people",
    )
    meeting_ids = fields.One2many("kindergarten.council.meeting", "plan_line_id", string="Meetings")
    agenda_item_ids = fields.One2many(
        "kindergarten.council.agenda.item", "plan_line_id", string="Agenda items"
    )
    inspection_ids = fields.One2many(
        "kindergarten.council.inspection", "plan_line_id", string="Inspections"
    )
    event_ids = fields.One2many(
        "event.event", "council_plan_line_id", string="Events", groups="event.group_event_user"
    )
    survey_ids = fields.One2many(
        "kindergarten.council.survey", "plan_line_id", string="Parent surveys"
    )
    done_count = fields.Integer(
        string="Times carried out", compute="_compute_status", store=True, aggregator="sum"
    )
    status = fields.Selection(
        [("done", "Done"), ("due", "Due"), ("overdue", "Overdue"), ("ongoing", "Ongoing")],
        compute="_compute_status",
        store=True,
        index=True,
        help="By the timing rule as of the last refresh (daily).",
    )
    next_deadline = fields.Date(
        compute="_compute_status", store=True, help="The next date the line is due by."
    )

    _sql_constraints = [
        ("code_unique", "UNIQUE(plan_id, code)", "A plan line's code is unique in the plan."),
        (
            "times_positive",
            "CHECK(times IS NULL OR times >= 0)",
            "Times a year cannot be negative.",
        ),
    ]

    @api.depends("section")
    def _compute_section_sequence(self):
        order = {key: i for i, (key, _label) in enumerate(SECTIONS)}
        for line in self:
            line.section_sequence = order.get(line.section, 9)

    @api.depends("timing", "month", "month_end", "times")
    def _compute_when(self):
        timings = dict(self._fields["timing"]._description_selection(self.env))
        months = dict(self._fields["month"]._description_selection(self.env))
        for line in self:
            if line.timing == "month" and line.month:
                text = months[line.month]
                if line.month_end and line.month_end != line.month:
                    text = f"{text}\u2013{months[line.month_end]}"
            elif line.timing == "times_year":
                text = _("%(times)s times a year", times=line.times)
            else:
                text = timings.get(line.timing, "")
            line.when = text

    def _done_dates(self):
        """Return the dates the line was carried out: meetings held, inspections, events,
        closed parent surveys."""
        self.ensure_one()
        line = self.sudo()
        meetings = (line.meeting_ids | line.agenda_item_ids.meeting_id).filtered(
            lambda m: m.state in ("held", "approved")
        )
        dates = list(meetings.mapped("date"))
        dates += line.inspection_ids.filtered(lambda i: i.state == "done").mapped("date")
        dates += [e.date_begin.date() for e in line.event_ids if e.date_begin]
        dates += line.survey_ids.filtered(lambda s: s.state == "closed").mapped("date_closed")
        return dates

    @api.depends(
        "timing",
        "month",
        "month_end",
        "times",
        "date_deadline",
        "plan_id.academic_year",
        "meeting_ids.state",
        "meeting_ids.date",
        "agenda_item_ids.meeting_id.state",
        "inspection_ids.state",
        "inspection_ids.date",
        "event_ids.date_begin",
        "survey_ids.state",
        "survey_ids.date_closed",
    )
    def _compute_status(self):
        today = fields.Date.context_today(self)
        as_of = self.env.context.get("plan_status_date") or today
        for line in self:
            if not line.plan_id.academic_year:
                line.status = "due"
                line.done_count = 0
                line.next_deadline = False
                continue
            dates = line._done_dates()
            line.done_count = len(dates)
            line.status = line._status_on(as_of, dates)
            line.next_deadline = line._next_deadline_on(as_of)

    def _status_on(self, as_of, dates=None):
        """Return the line's status as of a date (see tools.plan_line_status)."""
        self.ensure_one()
        return plan_line_status(
            self.timing,
            self.plan_id.academic_year,
            as_of,
            self._done_dates() if dates is None else dates,
            month=self.month,
            month_end=self.month_end,
            times=self.times,
            deadline=self.date_deadline,
        )

    def write(self, vals):
        if CONTENT_FIELDS & set(vals) and any(line.plan_id.state == "approved" for line in self):
            raise UserError(
                _("The plan is approved: reopen it by a new meeting's decision to change it.")
            )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["kindergarten.council.plan"].browse(
            [v["plan_id"] for v in vals_list if v.get("plan_id")]
        )
        if any(p.state == "approved" for p in plans):
            raise UserError(
                _("The plan is approved: reopen it by a new meeting's decision to change it.")
            )
        return super().create(vals_list)

    @api.model
    def _cron_refresh_status(self):
        """Recompute the status of the current and last academic years' plan lines."""
        today = fields.Date.context_today(self)
        lines = self.search([("academic_year", ">=", today.year - 2)])
        self.env.add_to_compute(self._fields["status"], lines)
        self.env.add_to_compute(self._fields["done_count"], lines)
        self.env.add_to_compute(self._fields["next_deadline"], lines)
        lines.flush_recordset()
        lines._schedule_inspection_reminders(today)
        lines._sync_deadline_calendar(today)

    def _sync_deadline_calendar(self, today):
        """Show due and overdue lines on their deadline in the board's Odoo Calendars."""
        self.with_context(kindergarten_deadline_today=today)._sync_calendar_event()

    def _calendar_event_values(self):
        """The line's next deadline, all day, while it is due or overdue and someone is in term."""
        self.ensure_one()
        today = self.env.context.get("kindergarten_deadline_today") or fields.Date.context_today(
            self
        )
        day = self._next_deadline_on(today) or (today if self.status == "overdue" else False)
        partners = self.council_id._calendar_partners(day) if day else False
        if self.status not in ("due", "overdue") or not partners:
            return False
        return {
            "name": _(
                "Board plan %(code)s: %(activity)s",
                code=self.code,
                activity=(self.activity or "").split("\n")[0][:80],
            ),
            "allday": True,
            "start": day,
            "stop": day,
            "user_id": self.council_id.secretary_user_id.id,
            "partner_ids": [Command.set(partners.ids)],
        }

    def _next_deadline_on(self, day):
        """Return the first deadline of the timing rule that is not passed on `day`."""
        self.ensure_one()
        ends = [
            end
            for _start, end in plan_line_deadlines(
                self.timing, self.plan_id.academic_year, self.month, self.month_end, self.times
            )
            if end >= day
        ]
        return min(ends) if ends else self.date_deadline

    def _schedule_inspection_reminders(self, today):
        """Give the secretary a to-do when a quarterly or twice-yearly oversight line is due."""
        for line in self.filtered(
            lambda x: x.section == "oversight"
            and x.timing in ("quarterly", "twice_year", "times_year")
        ):
            user = line.council_id.secretary_user_id
            status = line._status_on(today)
            deadline = line._next_deadline_on(today)
            if not user or status not in ("due", "overdue"):
                continue
            if status == "due" and (not deadline or (deadline - today).days > 31):
                continue
            if line.activity_ids.filtered(lambda a, u=user: a.user_id == u):
                continue
            line.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=deadline or today,
                summary=_("Inspection due: plan line %(code)s", code=line.code),
                user_id=user.id,
            )
