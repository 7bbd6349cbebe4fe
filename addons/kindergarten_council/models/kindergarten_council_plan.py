from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import academic_year_label, academic_year_of

# Standard month of each of the four general meetings (Model plan: Oct, Dec, Mar, May).
MEETING_MONTHS = {1: 10, 2: 12, 3: 3, 4: 5}


class KindergartenCouncilPlan(models.Model):
    """The board's work plan for an academic year (September to August)."""

    _name = "kindergarten.council.plan"
    _description = "Board Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "academic_year desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    academic_year = fields.Integer(
        required=True,
        default=lambda self: academic_year_of(fields.Date.context_today(self)),
        tracking=True,
        aggregator=False,
        help="The first calendar year of the academic year, e.g. 2025 for 2025–2026.",
    )
    academic_year_label = fields.Char(string="Academic year", compute="_compute_name", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "kindergarten.council.plan.line", "plan_id", string="Lines", copy=True
    )
    approval_item_id = fields.Many2one(
        "kindergarten.council.agenda.item",
        string="Approved by decision",
        readonly=True,
        copy=False,
        tracking=True,
    )
    approval_meeting_id = fields.Many2one(
        related="approval_item_id.meeting_id", string="Approved at meeting"
    )
    meeting_ids = fields.One2many(
        "kindergarten.council.meeting",
        compute="_compute_meeting_ids",
        string="Meetings of the year",
    )
    line_done_count = fields.Integer(compute="_compute_progress")
    line_overdue_count = fields.Integer(compute="_compute_progress")

    _sql_constraints = [
        (
            "year_unique",
            "UNIQUE(council_id, academic_year)",
            "The board already has a work plan for this academic year.",
        ),
    ]

    @api.depends("academic_year", "council_id.name")
    def _compute_name(self):
        for plan in self:
            label = academic_year_label(plan.academic_year) if plan.academic_year else ""
            plan.academic_year_label = label
            plan.name = _("Work plan %(year)s", year=label)

    @api.depends("academic_year")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for plan in self:
            label = academic_year_label(plan.academic_year) if plan.academic_year else ""
            plan.display_name = _("Work plan %(year)s", year=label)

    def _compute_meeting_ids(self):
        Meeting = self.env["kindergarten.council.meeting"]
        for plan in self:
            plan.meeting_ids = Meeting.search(
                [
                    ("council_id", "=", plan.council_id.id),
                    ("academic_year", "=", plan.academic_year),
                ]
            )

    @api.depends("line_ids.status")
    def _compute_progress(self):
        for plan in self:
            plan.line_done_count = len(plan.line_ids.filtered(lambda x: x.status == "done"))
            plan.line_overdue_count = len(plan.line_ids.filtered(lambda x: x.status == "overdue"))

    def write(self, vals):
        frozen = {"line_ids", "academic_year", "council_id"} & set(vals)
        if frozen and any(p.state == "approved" for p in self):
            raise UserError(
                _("The plan is approved: reopen it by a new meeting's decision to change it.")
            )
        return super().write(vals)

    def _find_approval_item(self):
        """Return the adopted 'approve the work plan' item of an approved meeting No. 1."""
        self.ensure_one()
        return self.env["kindergarten.council.agenda.item"].search(
            [
                ("meeting_id.council_id", "=", self.council_id.id),
                ("meeting_id.academic_year", "=", self.academic_year),
                ("meeting_id.number", "=", 1),
                ("meeting_id.state", "=", "approved"),
                ("approves_plan", "=", True),
                ("result", "=", "adopted"),
            ],
            limit=1,
        )

    def action_approve(self):
        """Approve the plan by the adopted decision of meeting No. 1 of its year."""
        if not self.env.user.has_group("kindergarten_council.group_council_manager"):
            raise UserError(_("Only the chair or a board manager can approve the work plan."))
        for plan in self:
            item = plan._find_approval_item()
            if not item:
                raise UserError(
                    _(
                        "The work plan %(year)s is approved by a decision of general meeting "
                        "No. 1: record the adopted decision on its 'approve the work plan' item "
                        "and approve that meeting's minutes first.",
                        year=plan.academic_year_label,
                    )
                )
            plan.write({"state": "approved", "approval_item_id": item.id})
        return True

    def action_reset_to_draft(self):
        if not self.env.user.has_group("kindergarten_council.group_council_manager"):
            raise UserError(_("Only the chair or a board manager can reopen the work plan."))
        self.write({"state": "draft", "approval_item_id": False})
        return True

    def get_report_sections(self):
        """Return [(section label, lines)] in the document's order, skipping empty sections."""
        self.ensure_one()
        labels = self.env["kindergarten.council.plan.line"]._fields["section"]
        result = []
        for key, label in labels._description_selection(self.env):
            lines = self.line_ids.filtered(lambda x, k=key: x.section == k)
            if lines:
                result.append((label, lines))
        return result

    def action_copy_to_next_year(self):
        """Copy the plan and its lines to the next academic year, as a draft."""
        self.ensure_one()
        year = self.academic_year + 1
        if self.search_count(
            [("council_id", "=", self.council_id.id), ("academic_year", "=", year)]
        ):
            raise UserError(
                _("The board already has a work plan for %(year)s.", year=academic_year_label(year))
            )
        new = self.copy({"academic_year": year, "state": "draft"})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def action_create_meetings(self):
        """Create the four general meetings of the year with their standard agendas."""
        self.ensure_one()
        Meeting = self.env["kindergarten.council.meeting"]
        templates = (
            self.env["kindergarten.council.agenda.template"]
            .with_context(lang=self.council_id.lang or self.env.lang)
            .search([])
        )
        existing = set(self.meeting_ids.mapped("number"))
        created = Meeting
        for number in sorted(set(templates.mapped("meeting_number"))):
            if number in existing:
                continue
            items = templates.filtered(lambda t, n=number: t.meeting_number == n)
            month = int(items[0].month or MEETING_MONTHS.get(number, 9))
            year = self.academic_year if month >= 9 else self.academic_year + 1
            line = self.line_ids.filtered(lambda x, c=items[0].plan_code: x.code == c)[:1]
            created |= Meeting.create(
                {
                    "council_id": self.council_id.id,
                    "number": number,
                    "date": fields.Date.to_date(f"{year}-{month:02d}-15"),
                    "plan_line_id": line.id,
                    "place": self.council_id.company_id.name,
                    "agenda_item_ids": [
                        Command.create(
                            {
                                "sequence": t.sequence,
                                "name": t.name,
                                "approves_plan": t.approves_plan,
                                "plan_line_id": line.id,
                            }
                        )
                        for t in items
                    ],
                }
            )
        if not created:
            raise UserError(_("The meetings of this year already exist."))
        self.invalidate_recordset(["meeting_ids"])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "kindergarten_council.kindergarten_council_meeting_action"
        )
        action["domain"] = [("id", "in", created.ids)]
        return action
