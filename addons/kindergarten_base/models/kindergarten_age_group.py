from odoo import api, fields, models


class KindergartenAgeGroup(models.Model):
    """An age group of a preschool (e.g. "Ересек топ", 4–5 years)."""

    _name = "kindergarten.age.group"
    _description = "Preschool Age Group"
    _order = "company_id, sequence, age_from, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
        index=True,
    )
    age_from = fields.Integer(string="From (years)", required=True, default=1)
    age_to = fields.Integer(string="To (years)", required=True, default=2)

    _sql_constraints = [
        (
            "age_range",
            "CHECK(age_from >= 0 AND age_to > age_from AND age_to <= 8)",
            "An age group runs from a lower to a higher age, between 0 and 8 years.",
        ),
    ]

    @api.depends("name", "age_from", "age_to")
    def _compute_display_name(self):
        for group in self:
            group.display_name = f"{group.name} ({group.age_from}\u2013{group.age_to})"
