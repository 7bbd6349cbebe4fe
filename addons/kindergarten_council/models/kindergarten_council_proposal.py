from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError


class KindergartenCouncilProposal(models.Model):
    """The board's proposals to the administration or the education department (item 1.4.3)."""

    _name = "kindergarten.council.proposal"
    _description = "Board's proposal letter"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index=True
    )
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        related="council_id.company_id", store=True, index=True, string="Preschool"
    )
    date = fields.Date(
        string="Letter date", required=True, default=fields.Date.context_today, tracking=True
    )
    addressee = fields.Selection(
        [("head", "Head of the preschool"), ("department", "Education department")],
        required=True,
        default="head",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Addressed to",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    subject = fields.Char(
        required=True,
        default=lambda self: _("On removing the shortcomings found by the board of trustees"),
        translate=False,
    )
    meeting_id = fields.Many2one(
        "kindergarten.council.meeting",
        string="Decided at",
        domain="[('council_id', '=', council_id)]",
        help="The meeting whose decision sends the proposals (e.g. meeting No. 4, item 3).",
    )
    line_ids = fields.One2many(
        "kindergarten.council.proposal.line", "proposal_id", string="Proposals", copy=True
    )
    lang = fields.Selection(
        selection="_get_lang_selection",
        string="Language of the letter",
        default=lambda self: self._default_lang(),
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("answered", "Answered")],
        default="draft",
        required=True,
        tracking=True,
    )
    date_sent = fields.Date(string="Sent on", readonly=True, tracking=True, copy=False)
    answer = fields.Text(tracking=True, copy=False)
    date_answer = fields.Date(string="Answered on", tracking=True, copy=False)

    _sql_constraints = [
        ("name_company_unique", "UNIQUE(name, company_id)", "A letter number must be unique."),
    ]

    @api.model
    def _get_lang_selection(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _default_lang(self):
        langs = dict(self._get_lang_selection())
        return "kk_KZ" if "kk_KZ" in langs else self.env.lang

    @api.depends("addressee", "council_id")
    def _compute_partner_id(self):
        for proposal in self:
            company = proposal.council_id.company_id
            proposal.partner_id = (
                company.education_department_id
                if proposal.addressee == "department"
                else company.preschool_head_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                council = self.env["kindergarten.council"].browse(vals.get("council_id"))
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(council.company_id or self.env.company)
                    .next_by_code("kindergarten.council.proposal")
                    or "/"
                )
        return super().create(vals_list)

    def _open_findings(self):
        """Open follow-up actions of the board's inspections and meetings not yet proposed."""
        self.ensure_one()
        return self.env["kindergarten.council.action"].search(
            [
                ("council_id", "=", self.council_id.id),
                ("state", "=", "open"),
                ("id", "not in", self.line_ids.action_id.ids),
                "|",
                ("inspection_id", "!=", False),
                ("meeting_id", "!=", False),
            ],
            order="date_deadline, id",
        )

    def action_build_from_findings(self):
        """Add a proposal line for each open finding of inspections and meetings."""
        for proposal in self:
            if proposal.state != "draft":
                raise UserError(_("Only a draft letter can be changed."))
            actions = proposal._open_findings()
            if not actions:
                raise UserError(_("The board has no open findings to propose."))
            sequence = max(proposal.line_ids.mapped("sequence") or [0])
            commands = []
            for action in actions:
                sequence += 10
                commands.append(
                    Command.create(
                        {
                            "sequence": sequence,
                            "action_id": action.id,
                            "name": action.name,
                            "date_due": action.date_deadline,
                        }
                    )
                )
            proposal.line_ids = commands
        return True

    def action_send(self):
        """Record that the letter was sent today."""
        for proposal in self:
            if proposal.state != "draft":
                raise UserError(_("The letter %(name)s was already sent.", name=proposal.name))
            if not proposal.line_ids:
                raise UserError(_("Add at least one proposal to the letter."))
            if not proposal.partner_id:
                raise UserError(
                    _(
                        "Choose whom the letter %(name)s is addressed to (set the head or the "
                        "education department in the preschool's settings).",
                        name=proposal.name,
                    )
                )
        self.write({"state": "sent", "date_sent": fields.Date.context_today(self)})
        return True

    def action_record_answer(self):
        """Record the addressee's answer."""
        for proposal in self:
            if proposal.state != "sent":
                raise UserError(_("Only a sent letter can be answered."))
            if not (proposal.answer or "").strip():
                raise UserError(_("Write down the answer received first."))
        for proposal in self:
            if not proposal.date_answer:
                proposal.date_answer = fields.Date.context_today(self)
        self.write({"state": "answered"})
        return True

    def action_reset_to_draft(self):
        """Back to draft, e.g. to correct a letter that was not actually sent."""
        self.write({"state": "draft", "date_sent": False})
        return True
