from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.consultation_request import CHANNELS, FORMS


def phone_digits(phone):
    """The last ten digits of a phone number (+7 701 000 11 22 -> 7010001122)."""
    return "".join(c for c in phone or "" if c.isdigit())[-10:]


def normalized_name(name):
    """A name compared without case and extra spaces."""
    return " ".join((name or "").split()).casefold()


class ConsultationRequestQuick(models.TransientModel):
    """Turn a phone call (or a visitor) into a registered request in a few clicks."""

    _name = "consultation.request.quick"
    _description = "Quick Request Entry"

    point_id = fields.Many2one(
        "consultation.point",
        required=True,
        default=lambda self: self.env["consultation.point"]._default_point(),
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    phone = fields.Char()
    partner_id = fields.Many2one("res.partner", string="Known parent")
    parent_name = fields.Char(string="Parent's name")
    child_id = fields.Many2one(
        "consultation.child", string="Known child", domain="[('parent_ids', 'in', partner_id)]"
    )
    child_name = fields.Char(string="Child's name")
    child_birth_date = fields.Date(string="Child's birth date")
    attends_preschool = fields.Boolean(string="Attends this preschool")
    topic_ids = fields.Many2many("consultation.topic", string="Topics")
    question = fields.Text()
    form_wanted = fields.Selection(FORMS, default="individual", required=True)
    specialist_id = fields.Many2one(
        "consultation.specialist", domain="[('point_id', '=', point_id)]"
    )
    consent_text = fields.Html(related="point_id.consent_text", string="Consent text")
    has_consent = fields.Boolean(compute="_compute_has_consent")
    consent_given = fields.Boolean(
        string="The parent consents to the processing of personal data",
        help="Read the point's consent text to the parent; their consent is recorded with "
        "the channel of the request and the text's version.",
    )

    @api.depends("partner_id", "point_id")
    def _compute_has_consent(self):
        for wizard in self:
            wizard.has_consent = bool(
                wizard.partner_id.sudo().consultation_consent_ids.filtered(
                    lambda c, point=wizard.point_id: c.active_consent and c.point_id == point
                )
            )

    @api.onchange("phone")
    def _onchange_phone(self):
        if self.phone and not self.partner_id:
            self.partner_id = self._parents_with_phone(self.env["res.partner"])[:1]

    def _parents_with_phone(self, partners):
        """Return the parents of the point's company whose phone or mobile is the one typed.

        Phones are stored as typed ("+7 701 555 44 33", "8(701)5554433"), so they are
        compared on their last ten digits.
        """
        digits = phone_digits(self.phone)
        if len(digits) < 10:
            return partners.browse()
        parents = partners.search(
            [
                ("consultation_child_ids", "!=", False),
                ("company_id", "in", [self.point_id.company_id.id, False]),
                "|",
                ("phone", "!=", False),
                ("mobile", "!=", False),
            ]
        )
        return parents.filtered(lambda p: digits in (phone_digits(p.phone), phone_digits(p.mobile)))

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.child_id and self.partner_id not in self.child_id.parent_ids:
            # another parent (or none): the child picked for the previous one does not follow
            self.child_id = False
        if self.partner_id:
            self.parent_name = self.partner_id.name
            self.phone = self.phone or self.partner_id.phone
            if len(self.partner_id.consultation_child_ids) == 1:
                self.child_id = self.partner_id.consultation_child_ids

    def _find_known_parent(self):
        """Return the point's parent whose name and phone are exactly the caller's, if any.

        A specialist only sees the families they work with, so a family known to the point
        can be invisible to them; matching name and phone (what the caller tells) is searched
        as superuser so the call does not create a second contact for the same parent.
        """
        name = normalized_name(self.parent_name)
        if not name:
            return self.env["res.partner"]
        match = self._parents_with_phone(self.env["res.partner"].sudo()).filtered(
            lambda p: normalized_name(p.name) == name
        )
        return match[:1].sudo(False)

    def _find_known_child(self, partner):
        """Return the parent's child with exactly the name and birth date given on the call."""
        name = normalized_name(self.child_name)
        return (
            partner.sudo()
            .consultation_child_ids.filtered(
                lambda c: normalized_name(c.name) == name and c.birth_date == self.child_birth_date
            )[:1]
            .sudo(False)
        )

    def _get_partner(self):
        """Return the known parent or create one from the call."""
        if self.partner_id:
            return self.partner_id
        if not self.parent_name:
            raise UserError(_("Enter the parent's name or pick a known parent."))
        known = self._find_known_parent()
        if known:
            return known
        return self.env["res.partner"].create(
            {
                "name": self.parent_name,
                "phone": self.phone,
                "company_id": self.point_id.company_id.id,
            }
        )

    def _get_child(self, partner):
        """Return the known child or create one from the call."""
        if self.child_id:
            if partner not in self.child_id.parent_ids:
                self.child_id.parent_ids = [fields.Command.link(partner.id)]
            return self.child_id
        if not self.child_name or not self.child_birth_date:
            raise UserError(_("Enter the child's name and birth date or pick a known child."))
        known = self._find_known_child(partner)
        if known:
            return known
        return self.env["consultation.child"].create(
            {
                "name": self.child_name,
                "birth_date": self.child_birth_date,
                "attends_preschool": self.attends_preschool,
                "parent_ids": [fields.Command.link(partner.id)],
                "company_id": self.point_id.company_id.id,
            }
        )

    def _record_consent(self, partner):
        """Record the parent's consent given on this call, unless one is already active."""
        self.ensure_one()
        active = partner.sudo().consultation_consent_ids.filtered(
            lambda c: c.active_consent and c.point_id == self.point_id
        )
        if active:
            return active[:1]
        return (
            self.env["consultation.consent"]
            .sudo()
            .create(
                {
                    "partner_id": partner.id,
                    "point_id": self.point_id.id,
                    "channel": self.channel,
                    "text_version": self.point_id.consent_text_version,
                }
            )
        )

    def action_create(self):
        """Register the request and open it."""
        self.ensure_one()
        if not self.consent_given and not self.has_consent:
            raise UserError(
                _(
                    "Ask the parent for their consent to the processing of personal data "
                    "(read them the point's consent text) and tick the box: without it the "
                    "family's data cannot be registered."
                )
            )
        partner = self._get_partner()
        self._record_consent(partner)
        child = self._get_child(partner)
        request = self.env["consultation.request"].create(
            {
                "point_id": self.point_id.id,
                "channel": self.channel,
                "partner_id": partner.id,
                "child_id": child.id,
                "topic_ids": [fields.Command.set(self.topic_ids.ids)],
                "question": self.question,
                "form_wanted": self.form_wanted,
                "specialist_id": self.specialist_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "consultation.request",
            "res_id": request.id,
            "view_mode": "form",
            "target": "current",
        }
