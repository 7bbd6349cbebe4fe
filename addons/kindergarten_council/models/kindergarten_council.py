from dateutil.relativedelta import relativedelta

from odoo import fields, models


class KindergartenCouncil(models.Model):
    """The board of trustees of one preschool (company) for a term."""

    _name = "kindergarten.council"
    _description = "Board of Trustees"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True, translate=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Term start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Term end",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(years=3, days=-1),
        tracking=True,
        help="The Model Rules: a board is elected for three years.",
    )
    state = fields.Selection(
        [("forming", "Forming"), ("active", "Active"), ("dissolved", "Dissolved")],
        default="forming",
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "term_order",
            "CHECK(date_end >= date_start)",
            "A board's term cannot end before it starts.",
        ),
    ]
