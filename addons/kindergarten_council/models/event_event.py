from odoo import Command, api, fields, models


class EventEvent(models.Model):
    """Council events (section 4 of the work plan) are linked to their plan line."""

    _inherit = "event.event"

    council_plan_line_id = fields.Many2one(
        "kindergarten.council.plan.line",
        string="Board plan line",
        index="btree_not_null",
        help="The line of the board's work plan this event carries out.",
    )
    council_id = fields.Many2one(
        related="council_plan_line_id.council_id", string="Board", store=True
    )
    council_calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Board calendar entry",
        copy=False,
        readonly=True,
        help="Shows the board's event in Odoo Calendar.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._sync_council_calendar()
        return events

    def write(self, vals):
        res = super().write(vals)
        if {"name", "date_begin", "date_end", "council_plan_line_id"} & set(vals):
            self._sync_council_calendar()
        return res

    def unlink(self):
        self.sudo().council_calendar_event_id.unlink()
        return super().unlink()

    def _sync_council_calendar(self):
        """Keep a calendar entry for each council event, in the board's Odoo Calendars."""
        Board = self.env["kindergarten.council"].sudo()
        model_id = self.env["ir.model"]._get_id(self._name)
        for event in self:
            entry = event.sudo().council_calendar_event_id
            if not event.council_plan_line_id:
                entry.unlink()
                continue
            council = event.sudo().council_plan_line_id.council_id
            partners = council._calendar_partners(event.date_begin.date())
            vals = {
                "name": event.name,
                "start": event.date_begin,
                "stop": event.date_end,
                # attendees without e-mails: the event's own registrations do the inviting
                "partner_ids": [Command.set(partners.ids)],
                "res_model_id": model_id,
                "res_id": event.id,
            }
            created = Board._upsert_calendar_entry(entry, vals)
            if not entry:
                event.sudo().council_calendar_event_id = created
