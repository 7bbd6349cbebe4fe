from odoo import _, api, fields, models
from odoo.exceptions import UserError


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

    @api.model
    def _portal_register(self, event, partner):
        """Register a parent for a lecture of the point from the portal, once; return the
        registration, or raise a UserError when no seat is left.

        Two parents taking the last seat together: the event's row is written first, so the
        second transaction waits for the first one and then fails to serialize (Odoo retries
        the request, which then sees the seat taken) instead of counting the seats on a
        snapshot without the first registration, as a mere row lock would let it.
        """
        Registration = self.sudo()
        partner = partner.sudo()
        registered = Registration.search(
            [
                ("partner_id", "=", partner.id),
                ("event_id", "=", event.id),
                ("state", "!=", "cancel"),
            ],
            limit=1,
        )
        if registered:
            return registered
        self.env.cr.execute(
            "UPDATE event_event SET write_date = write_date WHERE id = %s", [event.id]
        )
        event.invalidate_recordset(["seats_available", "seats_taken", "seats_reserved"])
        if event.seats_limited and event.seats_available <= 0:
            raise UserError(_("Sorry, there are no seats left for this event."))
        # No savepoint here: the event's mail scheduler may commit the transaction.
        return Registration.create(
            {
                "event_id": event.id,
                "partner_id": partner.id,
                "name": partner.name,
                "email": partner.email,
                "phone": partner.phone,
            }
        )
