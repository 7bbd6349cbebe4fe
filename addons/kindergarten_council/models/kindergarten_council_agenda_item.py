from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, is_html_empty

from ..tools import vote_result


class KindergartenCouncilAgendaItem(models.Model):
    """An item on a meeting's agenda, with the decision and the votes."""

    _name = "kindergarten.council.agenda.item"
    _description = "Agenda Item"
    _inherit = ["mail.thread"]
    _order = "meeting_id, sequence, id"

    meeting_id = fields.Many2one(
        "kindergarten.council.meeting", required=True, ondelete="cascade", index=True
    )
    council_id = fields.Many2one(related="meeting_id.council_id", store=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    meeting_state = fields.Selection(related="meeting_id.state", string="Meeting status")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Title", required=True)
    speaker_id = fields.Many2one("res.partner", string="Speaker")
    plan_line_id = fields.Many2one(
        "kindergarten.council.plan.line",
        string="Plan line served",
        index="btree_not_null",
        domain="[('plan_id.council_id', '=', council_id)]",
    )
    approves_plan = fields.Boolean(
        string="Approves the work plan",
        help="A decision on this item approves the board's work plan for the year.",
    )
    amends_meeting_id = fields.Many2one(
        "kindergarten.council.meeting",
        string="Amends the minutes of",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        domain="[('council_id', '=', council_id), ('state', '=', 'approved')]",
        help="Approved minutes are locked: a later meeting's decision on this item amends them. "
        "The amendment is printed with the amended minutes once this meeting's minutes are "
        "approved.",
    )
    decision = fields.Html(tracking=True)
    votes_for = fields.Integer(string="For", tracking=True, aggregator=False)
    votes_against = fields.Integer(string="Against", tracking=True, aggregator=False)
    votes_abstained = fields.Integer(string="Abstained", tracking=True, aggregator=False)
    chair_vote = fields.Selection(
        [("for", "For"), ("against", "Against"), ("abstained", "Abstained")],
        string="Chair's vote",
        tracking=True,
    )
    result = fields.Selection(
        [("adopted", "Adopted"), ("rejected", "Rejected")],
        compute="_compute_result",
        store=True,
        tracking=True,
    )
    action_ids = fields.One2many(
        "kindergarten.council.action", "agenda_item_id", string="Follow-up actions"
    )

    _sql_constraints = [
        (
            "votes_positive",
            "CHECK(votes_for >= 0 AND votes_against >= 0 AND votes_abstained >= 0)",
            "Vote counts cannot be negative.",
        ),
    ]

    @api.depends(
        "votes_for",
        "votes_against",
        "votes_abstained",
        "chair_vote",
        "meeting_id.present_count",
        "council_id.majority_rule",
    )
    def _compute_result(self):
        for item in self:
            item.result = vote_result(
                item.votes_for,
                item.votes_against,
                item.votes_abstained,
                item.meeting_id.present_count,
                item.council_id.majority_rule or "simple",
                item.chair_vote,
            )

    def _has_votes_or_decision(self):
        self.ensure_one()
        return bool(self.votes_for or self.votes_against or self.votes_abstained)

    @api.constrains("votes_for", "votes_against", "votes_abstained", "decision", "meeting_id")
    def _check_votes(self):
        for item in self:
            meeting = item.meeting_id
            total = item.votes_for + item.votes_against + item.votes_abstained
            if total > meeting.present_count:
                raise ValidationError(
                    _(
                        "Item %(item)s: %(votes)s votes were counted but only %(present)s "
                        "members are present.",
                        item=item.sequence,
                        votes=total,
                        present=meeting.present_count,
                    )
                )
            if (item._has_votes_or_decision() or item.decision_is_set()) and not meeting.quorum:
                raise ValidationError(
                    _(
                        "%(meeting)s has no quorum (%(present)s of %(members)s members present): "
                        "no decision can be recorded.",
                        meeting=meeting.display_name,
                        present=meeting.present_count,
                        members=meeting.members_count,
                    )
                )

    @api.constrains("amends_meeting_id", "meeting_id")
    def _check_amended_meeting(self):
        for item in self.filtered("amends_meeting_id"):
            amended, meeting = item.amends_meeting_id, item.meeting_id
            if amended == meeting or amended.council_id != meeting.council_id:
                raise ValidationError(
                    _("A decision can only amend an earlier meeting of the same board.")
                )
            if amended.state != "approved":
                raise ValidationError(
                    _(
                        "The minutes of %(meeting)s are not approved yet: correct them "
                        "directly instead of amending them.",
                        meeting=amended.display_name,
                    )
                )
            if (amended.date, amended.number) >= (meeting.date, meeting.number):
                raise ValidationError(
                    _(
                        "%(meeting)s can only be amended by a later meeting.",
                        meeting=amended.display_name,
                    )
                )

    def _amends_caption(self):
        """Return "Amends the minutes of Meeting No. N of <date>." in the environment's language."""
        self.ensure_one()
        return self.env._(
            "Amends the minutes of %(meeting)s of %(date)s.",
            meeting=self.amends_meeting_id.display_name,
            date=format_date(self.env, self.amends_meeting_id.date),
        )

    def _amendment_caption(self):
        """Return the sentence that introduces this amendment in the amended minutes."""
        self.ensure_one()
        return self.env._(
            "By decision of %(meeting)s of %(date)s, item %(item)s (%(title)s):",
            meeting=self.meeting_id.display_name,
            date=format_date(self.env, self.meeting_id.date),
            item=self.meeting_id.agenda_item_ids.ids.index(self.id) + 1,
            title=self.name,
        )

    def decision_is_set(self):
        """Tell whether a decision text was written (an empty paragraph does not count)."""
        self.ensure_one()
        return not is_html_empty(self.decision)

    @api.model_create_multi
    def create(self, vals_list):
        Meeting = self.env["kindergarten.council.meeting"]
        for vals in vals_list:
            Meeting.browse(vals.get("meeting_id"))._check_minutes_change("agenda", vals, "create")
        return super().create(vals_list)

    def write(self, vals):
        self.meeting_id._check_minutes_change("agenda", vals)
        return super().write(vals)

    def action_open_decision(self):
        """Open the item's form to write the decision, votes and follow-up actions."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Agenda item"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def unlink(self):
        self.meeting_id._check_minutes_change("agenda", operation="unlink")
        return super().unlink()
