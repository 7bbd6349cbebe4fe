from odoo import fields, models


class KindergartenCouncilProposalLine(models.Model):
    """One thing the board asks for in a proposal letter, and by when."""

    _name = "kindergarten.council.proposal.line"
    _description = "Proposal line"
    _order = "proposal_id, sequence, id"

    proposal_id = fields.Many2one(
        "kindergarten.council.proposal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="proposal_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="What is asked", required=True)
    date_due = fields.Date(string="By when")
    action_id = fields.Many2one(
        "kindergarten.council.action",
        string="Finding",
        ondelete="set null",
        help="The open follow-up action of an inspection or a meeting this proposal comes from.",
    )
    source = fields.Char(compute="_compute_source", string="Found at")

    def _compute_source(self):
        for line in self:
            action = line.action_id
            line.source = (action.inspection_id or action.meeting_id).display_name or ""
