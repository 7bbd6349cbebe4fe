from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..tools import fill_template


class ConsultationContract(models.Model):
    """The contract between a parent and the head of the preschool (regulation 2.8)."""

    _name = "consultation.contract"
    _description = "Parent Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(string="Number", readonly=True, copy=False, default="/")
    point_id = fields.Many2one(
        "consultation.point",
        required=True,
        index=True,
        default=lambda self: self.env["consultation.point"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    head_id = fields.Many2one(
        "res.users",
        string="Head",
        compute="_compute_head_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Parent", required=True, tracking=True, index=True
    )
    child_ids = fields.Many2many(
        "consultation.child", string="Children", domain="[('parent_ids', 'in', partner_id)]"
    )
    lang = fields.Selection(
        [("kk", "Kazakh"), ("ru", "Russian")], string="Language", required=True, default="kk"
    )
    body = fields.Html(string="Terms", sanitize=True)
    date_start = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("signed", "Signed"), ("expired", "Expired")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    signature = fields.Binary(attachment=True, copy=False)
    signed_by = fields.Char(copy=False, tracking=True)
    signed_on = fields.Datetime(copy=False, tracking=True)
    signer_email = fields.Char(copy=False)
    signer_phone = fields.Char(copy=False)
    signer_ip = fields.Char(string="Signed from (IP)", copy=False)

    _sql_constraints = [
        ("dates_order", "CHECK(date_end >= date_start)", "A contract ends after it starts."),
        (
            "signed_complete",
            "CHECK(state != 'signed' OR (signed_by IS NOT NULL AND signed_on IS NOT NULL))",
            "A signed contract records who signed and when.",
        ),
    ]

    @api.depends("point_id")
    def _compute_head_id(self):
        for contract in self:
            contract.head_id = contract.point_id.head_id

    @api.onchange("date_start", "point_id")
    def _onchange_date_start(self):
        if self.date_start:
            self.date_end = self.date_start + relativedelta(
                months=self.point_id.contract_months or 12, days=-1
            )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id:
            self.child_ids = self.partner_id.consultation_child_ids
            self.lang = "ru" if (self.partner_id.lang or "").startswith("ru") else "kk"

    @api.model_create_multi
    def create(self, vals_list):
        Point = self.env["consultation.point"]
        for vals in vals_list:
            if not vals.get("date_end") and vals.get("date_start"):
                point = Point.browse(vals.get("point_id"))
                vals["date_end"] = fields.Date.to_date(vals["date_start"]) + relativedelta(
                    months=point.contract_months or 12, days=-1
                )
        contracts = super().create(vals_list)
        for contract in contracts:
            if contract.name == "/":
                contract.name = self.env["ir.sequence"].next_by_code(
                    "consultation.contract"
                ) or str(contract.id)
            if not contract.body:
                contract.body = contract._render_body()
        return contracts

    def _render_body(self):
        """Fill the point's template in the contract's language for this contract."""
        self.ensure_one()
        lang_code = "ru_RU" if self.lang == "ru" else "kk_KZ"
        values = {
            "point": self.point_id.with_context(lang=lang_code).name,
            "head": self.head_id.name or "",
            "parent": self.partner_id.name or "",
            "children": ", ".join(self.child_ids.mapped("name")),
            "date_start": format_date(self.env, self.date_start, lang_code=lang_code),
            "date_end": format_date(self.env, self.date_end, lang_code=lang_code),
            "number": self.name or "",
        }
        return fill_template(self.point_id._contract_template(self.lang), values)

    def action_render(self):
        """Refill the terms from the point's template."""
        for contract in self:
            if contract.state != "draft":
                raise UserError(_("Only a draft contract can be refilled."))
            contract.body = contract._render_body()

    def action_send(self):
        """Make the contract available to the parent for signing."""
        for contract in self:
            if contract.state != "draft":
                raise UserError(_("Only a draft contract can be sent."))
        self.write({"state": "sent"})

    def action_sign(self, signature_b64, name, email=None, phone=None, ip=None):
        """Record the parent's signature (base64 image) and name; return True."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(_("This contract cannot be signed any more."))
        if not signature_b64 or not (name or "").strip():
            raise UserError(_("A signature and the signer's full name are required."))
        if self.date_end < fields.Date.context_today(self):
            raise UserError(_("This contract has expired."))
        self.write(
            {
                "signature": signature_b64,
                "signed_by": name.strip(),
                "signed_on": fields.Datetime.now(),
                "signer_email": email or self.partner_id.email,
                "signer_phone": phone or self.partner_id.phone,
                "signer_ip": ip,
                "state": "signed",
            }
        )
        self.message_post(body=_("Signed by %s.", name.strip()))
        return True

    def action_expire(self):
        """Mark contracts whose period ended as expired."""
        self.write({"state": "expired"})

    @api.model
    def _cron_expire(self):
        """Expire contracts after their end date (the day after it ends in the user's zone)."""
        today = fields.Date.context_today(self)
        self.search([("state", "in", ("sent", "signed")), ("date_end", "<", today)]).action_expire()

    def _compute_access_url(self):
        for contract in self:
            contract.access_url = f"/my/consultation/contracts/{contract.id}"
