from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.kindergarten_base.tools import ACADEMIC_MONTHS

MONTHS = ACADEMIC_MONTHS


class ConsultationPlanLine(models.Model):
    """One lecture or seminar of the work plan."""

    _name = "consultation.plan.line"
    _description = "Work Plan Activity"
    _order = "plan_id, month_sequence, planned_date, id"

    plan_id = fields.Many2one("consultation.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    month = fields.Selection(MONTHS, required=True)
    month_sequence = fields.Integer(compute="_compute_month_sequence", store=True)
    name = fields.Char(string="Title", required=True)
    event_type_id = fields.Many2one("event.type", string="Form", required=True)
    topic_id = fields.Many2one("consultation.topic", required=True)
    specialist_id = fields.Many2one(
        "consultation.specialist", domain="[('point_id', '=', parent.point_id)]"
    )
    planned_date = fields.Datetime(help="When empty, the 15th of the month at 10:00.")
    duration = fields.Float(string="Duration (hours)", default=1.5)
    event_id = fields.Many2one("event.event", readonly=True, copy=False)

    @api.depends("month")
    def _compute_month_sequence(self):
        for line in self:
            month = int(line.month or 9)
            line.month_sequence = month - 9 if month >= 9 else month + 3

    def _start(self):
        """Return the planned start (naive UTC)."""
        self.ensure_one()
        if self.planned_date:
            return self.planned_date
        month = int(self.month)
        year = self.plan_id.academic_year + (0 if month >= 9 else 1)
        tz = pytz.timezone(self.plan_id.point_id.resource_calendar_id.tz or "UTC")
        local = tz.localize(datetime.combine(datetime(year, month, 15).date(), time(10)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _event_values(self):
        self.ensure_one()
        start = self._start()
        point = self.plan_id.point_id
        return {
            "name": self.name,
            "event_type_id": self.event_type_id.id,
            "date_begin": start,
            "date_end": start + timedelta(hours=self.duration or 1.5),
            "date_tz": point.resource_calendar_id.tz or "Asia/Almaty",
            "company_id": point.company_id.id,
            "consultation_point_id": point.id,
            "consultation_topic_ids": [fields.Command.set(self.topic_id.ids)],
            "consultation_specialist_id": self.specialist_id.id,
            "user_id": self.specialist_id.user_id.id or self.env.user.id,
        }
