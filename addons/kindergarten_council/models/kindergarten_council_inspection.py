from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty

INSPECTION_TYPES = [
    ("rights_safety", "Pupils' rights and safety"),
    ("sanitary", "Sanitary and hygiene rules"),
    ("food", "Food quality"),
    ("water", "Drinking water"),
    ("grounds", "Grounds"),
    ("sponsorship_spending", "Spending of sponsorship money"),
    ("head_report", "Head's report"),
    ("other", "Other"),
]


class KindergartenCouncilInspection(models.Model):
    """An entry of the board's oversight register (section 3 of the work plan)."""

    _name = "kindergarten.council.inspection"
    _description = "Oversight Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    inspection_type = fields.Selection(
        INSPECTION_TYPES, string="Type", required=True, default="sanitary", tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    plan_line_id = fields.Many2one(
        "kindergarten.council.plan.line",
        string="Plan line",
        index="btree_not_null",
        domain="[('plan_id.council_id', '=', council_id), ('section', '=', 'oversight')]",
    )
    member_ids = fields.Many2many(
        "kindergarten.council.member",
        "kindergarten_council_inspection_member_rel",
        "inspection_id",
        "member_id",
        string="Members taking part",
        domain="[('council_id', '=', council_id)]",
    )
    reporter_id = fields.Many2one(
        "res.partner",
        string="Reported by",
        help="For a head's report: the head of the preschool.",
    )
    findings = fields.Html(tracking=True)
    recommendations = fields.Html(tracking=True)
    action_ids = fields.One2many(
        "kindergarten.council.action", "inspection_id", string="Follow-up actions"
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )

    @api.onchange("inspection_type", "council_id")
    def _onchange_inspection_type(self):
        if self.inspection_type == "head_report" and not self.reporter_id:
            self.reporter_id = self.council_id.company_id.preschool_head_id

    def write(self, vals):
        res = super().write(vals)
        if "inspection_type" in vals:
            self._check_head_scope()
        return res

    def _check_head_scope(self):
        """A head of preschool who is not a secretary only keeps head's reports."""
        if self.env.su or self.env.user.has_group("kindergarten_council.group_council_secretary"):
            return
        if any(i.inspection_type != "head_report" for i in self):
            raise AccessError(_("The head of the preschool records head's reports only."))

    def action_done(self):
        """Close the inspection: its findings are recorded."""
        for inspection in self:
            if inspection.state != "planned":
                raise UserError(_("Only a planned inspection can be closed."))
            no_members = not inspection.member_ids and inspection.inspection_type != "head_report"
            if is_html_empty(inspection.findings) or no_members:
                raise UserError(
                    _("Record the findings and the members taking part before closing it.")
                )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_reset(self):
        self.write({"state": "planned"})
        return True
