from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.kindergarten_base.tools import iin_birth_date, iin_is_valid

from ..tools import age_on

MIN_AGE = 1
MAX_AGE = 6


class ConsultationChild(models.Model):
    """A child of a family the point serves (regulation 1.1: aged 1 to 6, not attending)."""

    _name = "consultation.child"
    _description = "Child of a Family"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    birth_date = fields.Date(tracking=True)
    iin = fields.Char(string="IIN", size=12, tracking=True, copy=False)
    parent_ids = fields.Many2many(
        "res.partner",
        "consultation_child_parent_rel",
        "child_id",
        "partner_id",
        string="Parents / legal representatives",
    )
    attends_preschool = fields.Boolean(
        string="Attends this preschool",
        tracking=True,
        help="The point serves only children who do not attend the preschool.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    age = fields.Integer(compute="_compute_age", string="Age today")
    request_ids = fields.One2many("consultation.request", "child_id", string="Requests")
    appointment_line_ids = fields.One2many(
        "consultation.appointment.line", "child_id", string="Consultations booked"
    )
    anonymised = fields.Boolean(readonly=True, copy=False)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("iin_unique", "UNIQUE(iin, company_id)", "Another child already has this IIN."),
    ]

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for child in self:
            child.age = age_on(child.birth_date, today) or 0

    @api.constrains("iin", "birth_date")
    def _check_iin(self):
        for child in self.filtered("iin"):
            if not iin_is_valid(child.iin):
                raise ValidationError(
                    _("The IIN %(iin)s is not a valid 12-digit IIN.", iin=child.iin)
                )
            encoded = iin_birth_date(child.iin)
            if child.birth_date and encoded and encoded != child.birth_date:
                raise ValidationError(
                    _(
                        "The IIN %(iin)s gives the birth date %(iin_date)s, " "not %(birth_date)s.",
                        iin=child.iin,
                        iin_date=encoded,
                        birth_date=child.birth_date,
                    )
                )

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = fields.Date.context_today(self)
        for child in self.filtered(lambda c: c.birth_date and c.birth_date > today):
            raise ValidationError(
                _("The birth date of %(child)s cannot be in the future.", child=child.name)
            )

    @api.onchange("iin")
    def _onchange_iin(self):
        for child in self:
            if child.iin and not child.birth_date:
                child.birth_date = iin_birth_date(child.iin)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("iin") and not vals.get("birth_date"):
                vals["birth_date"] = iin_birth_date(vals["iin"]) or False
        return super().create(vals_list)

    def age_on(self, day):
        """Return the child's age in full years on `day`."""
        self.ensure_one()
        return age_on(self.birth_date, day)

    def _ineligibility_reason(self, day):
        """Return why the point cannot serve the child on `day`, or '' when it can."""
        self.ensure_one()
        if self.attends_preschool:
            return _(
                "%(child)s attends the preschool; the consultation point serves only "
                "children who do not attend it.",
                child=self.name,
            )
        age = self.age_on(day)
        if age is None:
            return ""
        if age < MIN_AGE or age > MAX_AGE:
            return _(
                "%(child)s is %(age)s on %(day)s; the consultation point serves children "
                "aged 1 to 6.",
                child=self.name,
                age=age,
                day=format_date(self.env, day),
            )
        return ""

    def _portal_correct(self, name, birth_date):
        """Correct the child's name and birth date as the parent typed them on the portal."""
        self.ensure_one()
        name = (name or "").strip()
        if not name:
            raise UserError(_("Enter the child's name."))
        try:
            day = fields.Date.to_date(birth_date) if birth_date else False
        except ValueError as exc:
            raise UserError(_("Enter the birth date as day, month and year.")) from exc
        self.write({"name": name, "birth_date": day})

    def _check_bookable(self, day, partner=None):
        """Raise a UserError when the child cannot be booked on `day` (by `partner`)."""
        self.ensure_one()
        if not self.birth_date:
            raise UserError(
                _(
                    "Enter %(child)s's birth date first: the consultation point serves children "
                    "aged 1 to 6 and checks the age before every booking.",
                    child=self.name,
                )
            )
        reason = self._ineligibility_reason(day)
        if reason:
            raise UserError(reason)
        if partner and partner not in self.sudo().parent_ids:
            raise UserError(
                _("%(parent)s is not a parent of %(child)s.", parent=partner.name, child=self.name)
            )
