from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ConsultationConsent(models.Model):
    """A parent's consent to processing the family's personal data."""

    _name = "consultation.consent"
    _description = "Personal Data Consent"
    _order = "given_on desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Given by", required=True, index=True, ondelete="cascade"
    )
    point_id = fields.Many2one("consultation.point", required=True, index=True)
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    given_on = fields.Datetime(required=True, default=fields.Datetime.now)
    text_version = fields.Char(string="Text version", required=True)
    channel = fields.Selection(
        [
            ("written", "Written"),
            ("website", "Website"),
            ("in_person", "In person"),
            ("phone", "Phone (recorded)"),
        ],
        required=True,
        default="written",
    )
    withdrawn_on = fields.Datetime(readonly=True)
    active_consent = fields.Boolean(compute="_compute_active_consent", store=True)

    @api.depends("withdrawn_on")
    def _compute_active_consent(self):
        for consent in self:
            consent.active_consent = not consent.withdrawn_on

    def action_withdraw(self):
        """Withdraw the consent; the family's data will be anonymised by the scheduled action."""
        for consent in self:
            if consent.withdrawn_on:
                raise UserError(_("This consent was already withdrawn."))
        self.write({"withdrawn_on": fields.Datetime.now()})
        return True
