from odoo import fields, models


class KindergartenCouncilRole(models.Model):
    """Who is responsible for a plan line: the chair, the members, the accountant..."""

    _name = "kindergarten.council.role"
    _description = "Responsible Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_unique", "UNIQUE(code)", "A role code is unique.")]
