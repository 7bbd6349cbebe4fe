from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    consultation_point_id = fields.Many2one("consultation.point", index=True)
    consultation_topic_ids = fields.Many2many("consultation.topic", string="Consultation topics")
    consultation_specialist_id = fields.Many2one("consultation.specialist", string="Lecturer")


class EventRegistration(models.Model):
    _inherit = "event.registration"

    consultation_point_id = fields.Many2one(
        related="event_id.consultation_point_id", store=True, index=True
    )
