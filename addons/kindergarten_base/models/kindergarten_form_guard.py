import hashlib
import hmac
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

GUARD_WINDOW = timedelta(hours=1)
DEFAULT_GUARD_LIMIT = 5
LIMIT_PARAM = "kindergarten_base.form_guard_limit.%s"


class KindergartenFormGuard(models.Model):
    """One attempt to send a public form: the rate limit's memory, shared by every public form.

    Only keyed hashes of the client's IP and e-mail are kept (HMAC-SHA256 with the database
    secret), for one hour; never the address or the e-mail themselves, and nothing links an
    attempt to what it created. Read and written as superuser only.
    """

    _name = "kindergarten.form.guard"
    _description = "Public form rate limit"
    _log_access = False
    _order = "id desc"

    form_key = fields.Char(required=True, index=True, readonly=True)
    ip_hash = fields.Char(index=True, readonly=True)
    email_hash = fields.Char(index=True, readonly=True)
    hit_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True, readonly=True)

    @api.model
    def _hash(self, value):
        """Keyed hash of `value` (the database secret is the key); False for no value."""
        if not value:
            return False
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        return hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()

    @api.model
    def _limit(self, form_key):
        """How many attempts one IP or one e-mail may make on this form per window."""
        value = self.env["ir.config_parameter"].sudo().get_param(LIMIT_PARAM % form_key)
        try:
            return max(int(value), 1) if value else DEFAULT_GUARD_LIMIT
        except (TypeError, ValueError):
            return DEFAULT_GUARD_LIMIT

    @api.model
    def _check_and_count(self, form_key, ip, email=None):
        """Count one attempt on the form `form_key`, successful or not; refuse it over the limit.

        Raise a UserError when this IP or this e-mail already made the allowed number of
        attempts on this form within the window (the refused attempt is counted too).
        """
        guard = self.sudo()
        now = fields.Datetime.now()
        ip_hash = self._hash((ip or "").strip())
        email_hash = self._hash((email or "").strip().lower())
        base = [("form_key", "=", form_key), ("hit_at", ">", now - GUARD_WINDOW)]
        limit = self._limit(form_key)
        over = (ip_hash and guard.search_count(base + [("ip_hash", "=", ip_hash)]) >= limit) or (
            email_hash and guard.search_count(base + [("email_hash", "=", email_hash)]) >= limit
        )
        guard.create(
            {"form_key": form_key, "ip_hash": ip_hash, "email_hash": email_hash, "hit_at": now}
        )
        if over:
            raise UserError(
                _(
                    "Too many attempts were made from your address in the last hour. "
                    "Please try again later, or contact the preschool by phone."
                )
            )
        return True

    @api.autovacuum
    def _gc_form_guard(self):
        """Forget attempts older than the window."""
        self.sudo().search([("hit_at", "<=", fields.Datetime.now() - GUARD_WINDOW)]).unlink()
