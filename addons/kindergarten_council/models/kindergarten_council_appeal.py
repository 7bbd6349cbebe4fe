from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import academic_year_bounds

APPEAL_CATEGORIES = [
    ("rights", "Rights of a child or parent"),
    ("safety", "Safety"),
    ("violence", "Violence"),
    ("discrimination", "Discrimination"),
    ("fee", "Pressed to pay a fee"),
    ("other", "Other"),
]
DEFAULT_ANSWER_WORKING_DAYS = 10
TERM_PARAM = "kindergarten_council.appeal_answer_working_days"


def add_working_days(start, days):
    """Return the date that lies `days` working days (Monday to Friday) after `start`."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


class KindergartenCouncilAppeal(models.Model):
    """A parent's appeal to the board of trustees (work plan item 3.1)."""

    _name = "kindergarten.council.appeal"
    _description = "Appeal to the Board of Trustees"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        related="council_id.company_id", store=True, index=True, string="Preschool"
    )
    category = fields.Selection(APPEAL_CATEGORIES, required=True, default="other", tracking=True)
    description = fields.Text(string="Appeal", required=True)
    contact_name = fields.Char(string="Name", help="Empty when the appeal is anonymous.")
    contact_email = fields.Char(string="E-mail")
    contact_phone = fields.Char(string="Phone")
    partner_id = fields.Many2one(
        "res.partner",
        string="Signed-in author",
        index=True,
        readonly=True,
        help="Only set when a signed-in parent chose to sign the appeal on the portal.",
    )
    is_anonymous = fields.Boolean(string="Anonymous", compute="_compute_is_anonymous", store=True)
    date_received = fields.Date(
        string="Received on", required=True, default=fields.Date.context_today, readonly=True
    )
    date_deadline = fields.Date(
        string="Answer due",
        compute="_compute_date_deadline",
        store=True,
        readonly=False,
        tracking=True,
    )
    state = fields.Selection(
        [("received", "Received"), ("in_progress", "In progress"), ("answered", "Answered")],
        default="received",
        required=True,
        tracking=True,
    )
    answer = fields.Text()
    date_answered = fields.Date(string="Answered on", readonly=True, tracking=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", string="Overdue")

    _sql_constraints = [
        ("name_company_unique", "UNIQUE(name, company_id)", "An appeal number must be unique."),
    ]

    @api.depends("partner_id", "contact_name", "contact_email", "contact_phone")
    def _compute_is_anonymous(self):
        for appeal in self:
            appeal.is_anonymous = not (
                appeal.partner_id
                or appeal.contact_name
                or appeal.contact_email
                or appeal.contact_phone
            )

    @api.depends("date_received")
    def _compute_date_deadline(self):
        term = self._answer_term_days()
        for appeal in self:
            appeal.date_deadline = appeal.date_received and add_working_days(
                appeal.date_received, term
            )

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for appeal in self:
            appeal.is_overdue = bool(
                appeal.state != "answered" and appeal.date_deadline and appeal.date_deadline < today
            )

    @api.model
    def _answer_term_days(self):
        """Working days the board has to answer an appeal (a system parameter, default 10)."""
        value = self.env["ir.config_parameter"].sudo().get_param(TERM_PARAM)
        try:
            days = int(value) if value else DEFAULT_ANSWER_WORKING_DAYS
        except ValueError:
            days = DEFAULT_ANSWER_WORKING_DAYS
        return max(days, 1)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                council = self.env["kindergarten.council"].browse(vals.get("council_id"))
                vals["name"] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .with_company(council.sudo().company_id or self.env.company)
                    .next_by_code("kindergarten.council.appeal")
                    or "/"
                )
        appeals = super().create(vals_list)
        appeals._schedule_answer_activity()
        return appeals

    def _answer_responsible_users(self):
        """Internal users of the head and the chair who may read the appeal."""
        self.ensure_one()
        partners = self.company_id.preschool_head_id | self.council_id.chair_id
        return partners.with_context(active_test=False).user_ids.filtered(
            lambda user: user.active
            and not user.share
            and (
                user.has_group("kindergarten_council.group_council_manager")
                or user.has_group("kindergarten_base.group_head")
            )
        )

    def _schedule_answer_activity(self):
        """A to-do for the head and the chair, due on the answer deadline."""
        for appeal in self.sudo():
            for user in appeal._answer_responsible_users():
                appeal.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=appeal.date_deadline,
                    summary=_("Answer the appeal %(name)s", name=appeal.name),
                    user_id=user.id,
                )

    def action_start(self):
        """Take the appeal into work."""
        for appeal in self:
            if appeal.state != "received":
                raise UserError(_("Only a newly received appeal can be taken into work."))
        self.write({"state": "in_progress"})

    def action_answer(self):
        """Record that the board has answered the appeal."""
        for appeal in self:
            if appeal.state == "answered":
                raise UserError(_("The appeal %(name)s is already answered.", name=appeal.name))
            if not (appeal.answer or "").strip():
                raise UserError(
                    _("Write the answer to the appeal %(name)s first.", name=appeal.name)
                )
        self.write({"state": "answered", "date_answered": fields.Date.context_today(self)})
        self.sudo().activity_ids.action_feedback(feedback=_("Answered"))

    def action_reopen(self):
        """Reopen an answered appeal."""
        self.write({"state": "in_progress", "date_answered": False})

    @api.model
    def _count_for_year(self, council, year):
        """Count (never name) a board's appeals of an academic year, per category."""
        start, end = academic_year_bounds(year)
        groups = self.sudo()._read_group(
            [
                ("council_id", "=", council.id),
                ("date_received", ">=", start),
                ("date_received", "<=", end),
            ],
            ["category"],
            ["__count"],
        )
        counts = {key: 0 for key, _label in APPEAL_CATEGORIES}
        for category, count in groups:
            counts[category] = count
        counts["total"] = sum(counts[key] for key, _label in APPEAL_CATEGORIES)
        return counts
