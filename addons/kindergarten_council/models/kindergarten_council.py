from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import has_quorum


class KindergartenCouncil(models.Model):
    """The board of trustees of one preschool (company) for a term."""

    _name = "kindergarten.council"
    _description = "Board of Trustees"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True, translate=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Term start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Term end",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(years=3, days=-1),
        tracking=True,
        help="The Model Rules: a board is elected for three years.",
    )
    state = fields.Selection(
        [("forming", "Forming"), ("active", "Active"), ("dissolved", "Dissolved")],
        default="forming",
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)
    lang = fields.Selection(
        selection="_get_lang_selection",
        string="Language of documents",
        default=lambda self: self._default_lang(),
        help="The language the minutes and the work plan are printed in by default.",
    )
    member_ids = fields.One2many("kindergarten.council.member", "council_id", string="Members")
    chair_id = fields.Many2one(
        "res.partner",
        string="Chair",
        compute="_compute_chair_id",
        help="The member whose chair's term covers today.",
    )
    secretary_id = fields.Many2one(
        "res.partner",
        string="Secretary",
        tracking=True,
        help="Keeps the minutes. By the Model Rules the secretary is not a member of the board.",
    )
    secretary_user_id = fields.Many2one(
        "res.users",
        string="Secretary's user",
        compute="_compute_secretary_user_id",
        help="The internal user who receives the board's reminders.",
    )
    secretary_votes = fields.Boolean(
        string="Secretary votes",
        tracking=True,
        help="Tick when the preschool's rules make the secretary a voting member "
        "counted for the quorum.",
    )
    quorum_numerator = fields.Integer(
        string="Quorum (numerator)", default=2, required=True, tracking=True
    )
    quorum_denominator = fields.Integer(
        string="Quorum (denominator)", default=3, required=True, tracking=True
    )
    majority_rule = fields.Selection(
        [
            ("simple", "Simple majority of the members present"),
            ("chair_tie", "Simple majority; the chair's vote decides a tie"),
        ],
        default="simple",
        required=True,
        tracking=True,
    )
    meeting_ids = fields.One2many("kindergarten.council.meeting", "council_id", string="Meetings")
    plan_ids = fields.One2many("kindergarten.council.plan", "council_id", string="Work plans")
    member_count = fields.Integer(compute="_compute_counts", string="Members count")
    meeting_count = fields.Integer(compute="_compute_counts", string="Meetings count")
    last_meeting_date = fields.Date(compute="_compute_meeting_overdue")
    meeting_overdue = fields.Boolean(
        string="A quarter without a meeting",
        compute="_compute_meeting_overdue",
        help="The Model Rules ask for a meeting at least once a quarter.",
    )

    _sql_constraints = [
        (
            "term_order",
            "CHECK(date_end >= date_start)",
            "A board's term cannot end before it starts.",
        ),
        (
            "quorum_fraction",
            "CHECK(quorum_denominator > 0 AND quorum_numerator > 0 "
            "AND quorum_numerator <= quorum_denominator)",
            "The quorum is a fraction between 0 and 1, e.g. 2/3.",
        ),
    ]

    @api.model
    def _get_lang_selection(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _default_lang(self):
        installed = dict(self.env["res.lang"].get_installed())
        return "kk_KZ" if "kk_KZ" in installed else self.env.lang or "en_US"

    def _active_members(self, day):
        """Return the members whose term covers `day`."""
        self.ensure_one()
        return self.member_ids.filtered(lambda m: m.is_active_on(day))

    def _voting_partners(self, day):
        """Return the partners who vote and count for the quorum on `day`."""
        partners = self._active_members(day).partner_id
        if self.secretary_votes and self.secretary_id:
            partners |= self.secretary_id
        return partners

    def _calendar_partners(self, day):
        """Return who sees the board's dates in Odoo Calendar: the secretary and the members in
        term on `day` who are internal users (portal members see the portal instead)."""
        self.ensure_one()
        partners = self._active_members(day).partner_id | self.secretary_id
        return partners.filtered(lambda partner: any(not u.share for u in partner.user_ids))

    @api.model
    def _has_quorum(self, present, members):
        """Apply the board's quorum fraction to `present` of `members`."""
        self.ensure_one()
        return has_quorum(present, members, self.quorum_numerator, self.quorum_denominator)

    @api.depends("member_ids.role", "member_ids.date_start", "member_ids.date_end")
    def _compute_chair_id(self):
        today = fields.Date.context_today(self)
        for council in self:
            chair = council._active_members(today).filtered(lambda m: m.role == "chair")
            council.chair_id = chair[:1].partner_id

    @api.depends("secretary_id")
    def _compute_secretary_user_id(self):
        for council in self:
            users = council.secretary_id.with_context(active_test=False).user_ids
            council.secretary_user_id = users.filtered(lambda u: not u.share)[:1]

    @api.depends("member_ids", "meeting_ids")
    def _compute_counts(self):
        for council in self:
            council.member_count = len(council.member_ids)
            council.meeting_count = len(council.meeting_ids)

    @api.depends("meeting_ids.date", "meeting_ids.state", "state", "date_start")
    def _compute_meeting_overdue(self):
        today = fields.Date.context_today(self)
        for council in self:
            held = council.meeting_ids.filtered(lambda m: m.state in ("held", "approved"))
            last = max(held.mapped("date"), default=False)
            council.last_meeting_date = last
            since = last or council.date_start
            council.meeting_overdue = bool(
                council.state == "active" and since and today - since > timedelta(days=92)
            )

    @api.constrains("secretary_id", "secretary_votes")
    def _check_secretary_not_member(self):
        for council in self:
            if council.secretary_votes or not council.secretary_id:
                continue
            if council.secretary_id in council.member_ids.partner_id:
                raise ValidationError(
                    _(
                        "%(name)s is the board's secretary and cannot be a member: by the "
                        "Model Rules the secretary does not vote. Tick 'Secretary votes' if "
                        "your preschool's rules differ.",
                        name=council.secretary_id.display_name,
                    )
                )

    def action_open_members(self):
        """Open the members of this board."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kindergarten_council.kindergarten_council_member_action"
        )
        action["domain"] = [("council_id", "=", self.id)]
        action["context"] = {"default_council_id": self.id}
        return action

    def action_open_meetings(self):
        """Open the meetings of this board."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kindergarten_council.kindergarten_council_meeting_action"
        )
        action["domain"] = [("council_id", "=", self.id)]
        action["context"] = {"default_council_id": self.id}
        return action
