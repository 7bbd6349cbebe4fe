from odoo import fields, models


class ConsultationPoint(models.Model):
    """The consultation point: a structural unit of a preschool (regulation 1.1)."""

    _name = "consultation.point"
    _description = "Consultation Point"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        tracking=True,
    )
    head_id = fields.Many2one(
        "res.users",
        string="Head",
        tracking=True,
        help="The head of the preschool manages the point directly (regulation 2.9).",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Opening hours",
        help="The regulation: 2–3 times a week, in the morning and/or the evening.",
    )
    active = fields.Boolean(default=True)
