from odoo import fields, models


class ConsultationTopic(models.Model):
    """A question the point helps parents with (regulation 2.2)."""

    _name = "consultation.topic"
    _description = "Consultation Topic"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    specialist_ids = fields.Many2many(
        "consultation.specialist",
        "consultation_specialist_topic_rel",
        "topic_id",
        "specialist_id",
        string="Specialists",
    )
