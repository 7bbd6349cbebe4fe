from datetime import timedelta

from odoo import api, fields, models

DEFAULT_RATE_LIMIT = 5
RATE_WINDOW = timedelta(hours=1)
KEEP_FOR = timedelta(days=7)


class ConsultationWebSubmission(models.Model):
    """One request sent through the public form: the server-side memory of the rate limit."""

    _name = "consultation.web.submission"
    _description = "Website Request Submission"
    _order = "id desc"

    ip = fields.Char(string="IP address", index=True, readonly=True)
    email = fields.Char(index=True, readonly=True)
    point_id = fields.Many2one("consultation.point", readonly=True, ondelete="cascade")
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    request_id = fields.Many2one("consultation.request", readonly=True, ondelete="set null")

    @api.model
    def _rate_limit(self):
        """Return how many requests one IP or one e-mail may send per hour."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("consultation_point.website_rate_limit", DEFAULT_RATE_LIMIT)
        )
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return DEFAULT_RATE_LIMIT

    @api.model
    def _is_rate_limited(self, ip, email):
        """Tell whether this IP or e-mail already sent the allowed number of requests this hour."""
        since = fields.Datetime.now() - RATE_WINDOW
        limit = self._rate_limit()
        base = [("create_date", ">=", since)]
        Submission = self.sudo()
        if ip and Submission.search_count(base + [("ip", "=", ip)]) >= limit:
            return True
        email = (email or "").strip().lower()
        return bool(email) and Submission.search_count(base + [("email", "=", email)]) >= limit

    @api.model
    def _remember(self, ip, email, point, request=None):
        """Remember one submission for the rate limit."""
        return self.sudo().create(
            {
                "ip": ip,
                "email": (email or "").strip().lower() or False,
                "point_id": point.id,
                "request_id": request.id if request else False,
            }
        )

    @api.autovacuum
    def _gc_old_submissions(self):
        """Forget submissions older than a week (the IP is personal data too)."""
        self.sudo().search([("create_date", "<", fields.Datetime.now() - KEEP_FOR)]).unlink()
