from odoo import fields, models


class EventType(models.Model):
    _inherit = "event.type"

    is_council = fields.Boolean(
        string="Board of trustees event", help="An event kind of the board's work plan."
    )
