from odoo import fields, models


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
