import hashlib
import hmac
from datetime import timedelta

from odoo import api, fields, models

WINDOW_MINUTES = 60
MAX_APPEALS_PER_WINDOW = 5


class KindergartenCouncilAppealRate(models.Model):
    """Keyed hashes of the addresses that sent appeals recently, for the public form's rate limit.

    The address itself is never stored, and nothing links a hash to an appeal.
    """

    _name = "kindergarten.council.appeal.rate"
    _description = "Rate limit of the public appeal form"
    _log_access = False

    key = fields.Char(required=True, index=True)
    hit_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    @api.model
    def _key_of(self, address):
        """Keyed hash of a client address (the database secret is the key)."""
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hmac.new(secret.encode(), (address or "").encode(), hashlib.sha256).hexdigest()

    @api.model
    def _hit(self, address):
        """Record one submission of `address`; False when it is over the limit."""
        rates = self.sudo()
        now = fields.Datetime.now()
        since = now - timedelta(minutes=WINDOW_MINUTES)
        rates.search([("hit_at", "<", since)]).unlink()
        key = self._key_of(address)
        if rates.search_count([("key", "=", key), ("hit_at", ">=", since)]) >= (
            MAX_APPEALS_PER_WINDOW
        ):
            return False
        rates.create({"key": key, "hit_at": now})
        return True
