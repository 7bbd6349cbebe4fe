from odoo import Command, api, fields, models


class EventEvent(models.Model):
    """Council events (section 4 of the work plan) are linked to their plan line."""

    _name = "event.event"
    _inherit = ["event.event", "kindergarten.calendar.mixin"]

    council_plan_line_id = fields.Many2one(
        "kindergarten.council.plan.line",
        string="Board plan line",
        index="btree_not_null",
        help="The line of the board's work plan this event carries out.",
    )
    council_id = fields.Many2one(
        related="council_plan_line_id.council_id", string="Board", store=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._sync_calendar_event()
        return events

    def write(self, vals):
        res = super().write(vals)
        if {"name", "date_begin", "date_end", "council_plan_line_id"} & set(vals):
            self._sync_calendar_event()
        return res

    def _calendar_event_values(self):
        """A council event in the board's Odoo Calendars, without e-mails: the event's own
        registrations do the inviting. Other events have no entry of ours."""
        self.ensure_one()
        if not self.council_plan_line_id:
            return False
        council = self.sudo().council_plan_line_id.council_id
        partners = council._calendar_partners(self.date_begin.date())
        return {
            "name": self.name,
            "start": self.date_begin,
            "stop": self.date_end,
            "partner_ids": [Command.set(partners.ids)],
        }
