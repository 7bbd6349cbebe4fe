from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ConsultationReferral(models.Model):
    """A referral of a family to another organisation (regulation 1.3); confidential."""

    _name = "consultation.referral"
    _description = "Referral to Another Organisation"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    organisation_type = fields.Selection(
        [
            ("pmpk", "Psychological-medical-pedagogical commission"),
            ("polyclinic", "Polyclinic"),
            ("social", "Social protection"),
            ("other", "Other organisation"),
        ],
        required=True,
        default="pmpk",
        tracking=True,
    )
    organisation = fields.Char(string="Organisation name")
    author_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True, index=True
    )
    child_id = fields.Many2one("consultation.child", required=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Parent", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    reason = fields.Text(required=True)
    documents_sent = fields.Text(string="What was sent")
    consent = fields.Boolean(
        string="Parent's consent", tracking=True, help="The parent agreed to send the documents."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("closed", "Outcome received")],
        default="draft",
        required=True,
        tracking=True,
    )
    outcome = fields.Text(tracking=True)

    @api.depends("organisation_type", "child_id")
    def _compute_name(self):
        labels = dict(self._fields["organisation_type"]._description_selection(self.env))
        for ref in self:
            ref.name = f"{labels.get(ref.organisation_type, '')} – {ref.child_id.name or ''}"

    def action_send(self):
        """Send the referral; the parent's consent is required."""
        for ref in self:
            if not ref.consent:
                raise UserError(_("The parent's consent is needed before anything is sent."))
            if ref.state != "draft":
                raise UserError(_("Only a draft referral can be sent."))
        self.write({"state": "sent"})

    def action_close(self):
        """Record the outcome that came back."""
        for ref in self:
            if ref.state != "sent" or not ref.outcome:
                raise UserError(_("Write the outcome of a sent referral first."))
        self.write({"state": "closed"})
