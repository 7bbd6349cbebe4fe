from odoo import api, fields, models


class KindergartenCalendarMixin(models.AbstractModel):
    """A record shown as one entry in Odoo Calendar (a meeting, a consultation, a deadline).

    The one place that creates, updates and removes our calendar entries, in the shape of
    `hr.leave` (`_prepare_holidays_meeting_values` and the one creator): each model only
    says what its entry holds, in `_calendar_event_values`. Entries are written as
    superuser (the attendees' own calendars, whatever the rights of who saved the record)
    and without e-mailing the attendees unless asked: our documents do the inviting.
    """

    _name = "kindergarten.calendar.mixin"
    _description = "Record with an Odoo Calendar entry"

    calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Calendar entry",
        copy=False,
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )

    def _calendar_event_values(self):
        """Return the values of the record's calendar entry, or False for no entry.

        Models override this; `res_model_id` and `res_id` are added here. The
        default is no entry, so a model that has not said what its entry holds
        gets none (and an existing one is removed).
        """
        self.ensure_one()
        return False

    def _sync_calendar_event(self, notify=False):
        """Create, update or remove each record's calendar entry from its values.

        `notify=True` lets Odoo's calendar e-mail the attendees as usual.
        """
        Event = self.env["calendar.event"].sudo().with_context(no_mail_to_attendees=not notify)
        model_id = self.env["ir.model"]._get_id(self._name)
        for record in self:
            entry = record.sudo().calendar_event_id
            values = record._calendar_event_values()
            if not values:
                entry.unlink()
                continue
            values = dict(values, res_model_id=model_id, res_id=record.id)
            if entry:
                entry.with_context(no_mail_to_attendees=not notify).write(values)
            else:
                record.sudo().calendar_event_id = Event.create(values)

    @api.ondelete(at_uninstall=False)
    def _unlink_calendar_event(self):
        self.sudo().calendar_event_id.unlink()
