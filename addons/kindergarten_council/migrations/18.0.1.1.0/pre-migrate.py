"""18.0.1.1.0: council events keep their Odoo Calendar entry in the shared calendar
mixin's `calendar_event_id` (was `council_calendar_event_id`): keep the links."""

from odoo.tools.sql import column_exists, rename_column


def migrate(cr, version):
    if column_exists(cr, "event_event", "council_calendar_event_id") and not column_exists(
        cr, "event_event", "calendar_event_id"
    ):
        rename_column(cr, "event_event", "council_calendar_event_id", "calendar_event_id")
        cr.execute(
            "UPDATE ir_model_fields SET name = 'calendar_event_id'"
            " WHERE model = 'event.event' AND name = 'council_calendar_event_id'"
        )
        # Keep the field's external id with it, or the upgrade would drop it as obsolete.
        cr.execute(
            "UPDATE ir_model_data SET name = 'field_event_event__calendar_event_id'"
            " WHERE module = 'kindergarten_council'"
            " AND name = 'field_event_event__council_calendar_event_id'"
        )
