from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import academic_year_label, academic_year_of


class ConsultationPlan(models.Model):
    """The point's work plan for an academic year (regulation 2.8)."""

    _name = "consultation.plan"
    _description = "Consultation Point Work Plan"
    _inherit = ["mail.thread"]
    _order = "academic_year desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    point_id = fields.Many2one(
        "consultation.point",
        required=True,
        index=True,
        default=lambda self: self.env["consultation.point"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    academic_year = fields.Integer(
        required=True,
        default=lambda self: academic_year_of(fields.Date.context_today(self)),
        help="First calendar year of the academic year, e.g. 2025 for 2025–2026.",
    )
    academic_year_label = fields.Char(
        compute="_compute_academic_year_label", string="Academic year"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")], default="draft", tracking=True
    )
    line_ids = fields.One2many("consultation.plan.line", "plan_id", string="Activities")

    _sql_constraints = [
        ("point_year_unique", "UNIQUE(point_id, academic_year)", "One plan per year and point."),
    ]

    @api.depends("academic_year")
    def _compute_academic_year_label(self):
        for plan in self:
            plan.academic_year_label = academic_year_label(plan.academic_year)

    @api.depends("academic_year")
    def _compute_name(self):
        for plan in self:
            plan.name = _("Work plan %(year)s", year=academic_year_label(plan.academic_year))

    def action_approve(self):
        """Approve the plan."""
        self.write({"state": "approved"})

    def action_create_events(self):
        """Create the lectures and seminars of the plan that have no event yet."""
        for plan in self:
            if plan.state != "approved":
                raise UserError(_("Approve the plan before creating its events."))
        lines = self.line_ids.filtered(lambda li: not li.event_id)
        for line in lines:
            line.event_id = self.env["event.event"].create(line._event_values())
        return lines.event_id
