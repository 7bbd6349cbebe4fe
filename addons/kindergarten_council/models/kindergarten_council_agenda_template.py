from odoo import fields, models


class KindergartenCouncilAgendaTemplate(models.Model):
    """A standard agenda item of one of the four yearly general meetings."""

    _name = "kindergarten.council.agenda.template"
    _description = "Standard Agenda Item"
    _order = "meeting_number, sequence, id"

    meeting_number = fields.Integer(required=True, aggregator=False)
    month = fields.Selection(
        [(str(m), str(m)) for m in range(1, 13)],
        help="The month the meeting with this number is held in.",
    )
    plan_code = fields.Char(help="The work plan line of the meeting, e.g. 1.1.")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Title", required=True, translate=True)
    approves_plan = fields.Boolean(string="Approves the work plan")
    active = fields.Boolean(default=True)
