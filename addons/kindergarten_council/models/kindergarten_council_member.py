from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

REPRESENTED_GROUPS = [
    ("parents", "Parents / legal representatives"),
    ("community", "Community"),
    ("sponsors", "Sponsors"),
    ("local_authority", "Local authority"),
    ("veteran_teachers", "Veteran teachers"),
    ("other", "Other"),
]


class KindergartenCouncilMember(models.Model):
    """A partner on the board for a term: counts for quorum and votes inside the term only."""

    _name = "kindergarten.council.member"
    _description = "Board Member"
    _inherit = ["mail.thread"]
    _order = "council_id, role_sequence, date_start, id"
    _rec_name = "partner_id"

    council_id = fields.Many2one(
        "kindergarten.council", required=True, ondelete="cascade", index=True, tracking=True
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        compute="_compute_user_id",
        string="User",
        help="The member's user (internal or portal), if any.",
    )
    role = fields.Selection(
        [("chair", "Chair"), ("deputy_chair", "Deputy chair"), ("member", "Member")],
        default="member",
        required=True,
        tracking=True,
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    represented_group = fields.Selection(
        REPRESENTED_GROUPS, default="parents", required=True, tracking=True
    )
    age_group_id = fields.Many2one(
        "kindergarten.age.group",
        string="Age group",
        tracking=True,
        domain="[('company_id', '=', company_id)]",
        help="For a parent: the age group of the preschool they represent (one parent per group).",
    )
    date_start = fields.Date(
        string="Term start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Term end",
        required=True,
        default=lambda self: fields.Date.context_today(self) + relativedelta(years=3, days=-1),
        tracking=True,
        help="The Model Rules: three years.",
    )
    active = fields.Boolean(default=True)
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")

    _sql_constraints = [
        (
            "term_order",
            "CHECK(date_end >= date_start)",
            "A member's term cannot end before it starts.",
        ),
        (
            "one_chair",
            "EXCLUDE USING gist (council_id WITH =, daterange(date_start, date_end, '[]') WITH &&)"
            " WHERE (role = 'chair' AND active)",
            "A board has one chair at a time: the chairs' terms overlap.",
        ),
        (
            "one_parent_per_age_group",
            "EXCLUDE USING gist (council_id WITH =, age_group_id WITH =, "
            "daterange(date_start, date_end, '[]') WITH &&)"
            " WHERE (represented_group = 'parents' AND active AND age_group_id IS NOT NULL)",
            "At most one parent per age group of the preschool sits on the board at a time.",
        ),
    ]

    def _auto_init(self):
        # The exclusion constraints compare integers with '=' in a GiST index.
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        return super()._auto_init()

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"chair": 1, "deputy_chair": 2, "member": 3}
        for member in self:
            member.role_sequence = order.get(member.role, 9)

    @api.depends("partner_id")
    def _compute_user_id(self):
        for member in self:
            member.user_id = member.partner_id.with_context(active_test=False).user_ids[:1]

    @api.depends("partner_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for member in self:
            name = member.partner_id.display_name or ""
            member.display_name = f"{name} ({roles.get(member.role)})" if name else ""

    def is_active_on(self, day):
        """Tell whether the member's term covers `day` (and the member is not archived)."""
        self.ensure_one()
        return bool(self.active and day and self.date_start <= day <= self.date_end)

    @api.constrains("partner_id", "council_id")
    def _check_not_secretary(self):
        self.council_id._check_secretary_not_member()

    @api.constrains("represented_group", "age_group_id")
    def _check_parent_age_group(self):
        for member in self:
            if member.represented_group == "parents" and not member.age_group_id:
                raise ValidationError(
                    _(
                        "%(name)s represents the parents: choose the age group they represent.",
                        name=member.partner_id.display_name,
                    )
                )
