from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The Model Rules: candidates apply within 20 calendar days of the announcement.
CALL_DAYS = 20


class KindergartenCouncilCall(models.Model):
    """A call for candidates to the board, announced with a closing date."""

    _name = "kindergarten.council.call"
    _description = "Call for Board Candidates"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_announce desc, id desc"

    name = fields.Char(required=True, tracking=True)
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    date_announce = fields.Date(
        string="Announced on", required=True, default=fields.Date.context_today, tracking=True
    )
    date_close = fields.Date(
        string="Closing date",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=CALL_DAYS),
        tracking=True,
        help="The Model Rules: 20 calendar days after the announcement.",
    )
    announcement = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed"), ("done", "Board elected")],
        default="draft",
        required=True,
        tracking=True,
    )
    candidate_ids = fields.One2many(
        "kindergarten.council.candidate", "call_id", string="Candidates"
    )
    candidate_count = fields.Integer(compute="_compute_candidate_count")
    member_date_start = fields.Date(
        string="Members' term start",
        help="Term start of the members elected from this call (defaults to the election day).",
    )

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_close >= date_announce)",
            "A call cannot close before it is announced.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_announce") and not vals.get("date_close"):
                announce = fields.Date.to_date(vals["date_announce"])
                vals["date_close"] = announce + timedelta(days=CALL_DAYS)
        return super().create(vals_list)

    @api.onchange("date_announce")
    def _onchange_date_announce(self):
        if self.date_announce:
            self.date_close = self.date_announce + timedelta(days=CALL_DAYS)

    @api.depends("candidate_ids")
    def _compute_candidate_count(self):
        for call in self:
            call.candidate_count = len(call.candidate_ids)

    def action_open(self):
        """Announce the call: candidates can apply until the closing date."""
        self.filtered(lambda c: c.state == "draft").write({"state": "open"})
        return True

    def action_close(self):
        """Close the call: no more applications."""
        self.filtered(lambda c: c.state == "open").write({"state": "closed"})
        return True

    def action_elect(self):
        """Elect the accepted candidates of the call."""
        for call in self:
            accepted = call.candidate_ids.filtered(lambda c: c.state == "accepted")
            if not accepted:
                raise UserError(_("Accept at least one candidate before electing the board."))
            accepted.action_elect()
            call.state = "done"
        return True
