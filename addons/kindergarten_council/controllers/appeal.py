from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.kindergarten_base.tools import (
    FORM_ERROR_STATUS,
    HONEYPOT_FIELD,
    LIMITS,
    FormError,
    FormParser,
    honeypot_filled,
)
from odoo.addons.kindergarten_base.tools.form import TEXT_MAX

from ..models.kindergarten_council_appeal import APPEAL_CATEGORIES

GUARD_KEY = "council_appeal"


class CouncilAppealController(http.Controller):
    """The public and portal form for parents' appeals to the board (work plan item 3.1)."""

    def _appeal_councils(self):
        """Active boards of the website's preschool (of every preschool without a website)."""
        domain = [("state", "=", "active")]
        website = getattr(request, "website", None)
        if website and website.company_id:
            # One website per preschool: a parent never sees another preschool's board.
            domain.append(("company_id", "=", website.company_id.id))
        # Read as superuser: only the names are shown.
        return request.env["kindergarten.council"].sudo().search(domain)

    def _appeal_form_values(self, **kw):
        """Values of the appeal form template."""
        councils = self._appeal_councils()
        return {
            "councils": councils,
            "categories": [
                (key, dict(self._category_labels()).get(key)) for key, _label in APPEAL_CATEGORIES
            ],
            "values": kw,
            "errors": {},
            "honeypot_field": HONEYPOT_FIELD,
            "is_signed_in": not request.env.user._is_public(),
            "page_name": "council_appeal",
            "limits": LIMITS,
        }

    def _category_labels(self):
        """Category labels in the visitor's language."""
        field = request.env["kindergarten.council.appeal"]._fields["category"]
        return field._description_selection(request.env)

    @http.route(
        "/council/appeal", type="http", auth="public", methods=["GET"], website=True, sitemap=True
    )
    def appeal_form(self, **kw):
        # the link may preset the category (or the board); anything else is not echoed
        form = FormParser(request.env, kw)
        form.selection("category", APPEAL_CATEGORIES)
        form.id("council_id")
        values = {k: v for k, v in form.values.items() if k not in form.errors}
        return request.render(
            "kindergarten_council.appeal_form", self._appeal_form_values(**values)
        )

    def _parse_appeal(self, post, values):
        """Return the appeal's values read from the form, or raise FormError.

        `values` (of the form's template) get what the user typed, to fill the form again.
        """
        councils = values["councils"]
        form = FormParser(request.env, post)
        choose = _("Choose the preschool.")
        if len(councils) == 1 and not post.get("council_id"):
            council = councils
        else:
            council = form.record("council_id", councils, required=True, message=choose)
        vals = {
            "council_id": council.id,
            "category": form.selection(
                "category",
                APPEAL_CATEGORIES,
                required=True,
                message=_("Choose what the appeal is about."),
            ),
            "description": form.text(
                "description",
                max_length=TEXT_MAX,
                multiline=True,
                required=True,
                message=_("Describe the situation."),
            ),
        }
        anonymous = form.boolean("anonymous")
        contact = {
            "contact_name": form.text("contact_name") or False,
            "contact_email": form.email("contact_email") or False,
            "contact_phone": form.phone("contact_phone") or False,
        }
        # only a signed-in parent is offered to sign
        sign = form.boolean("sign") if values["is_signed_in"] else False
        values["values"] = form.values
        form.check()
        if not anonymous:
            vals.update(contact)
            if sign:
                vals["partner_id"] = request.env.user.partner_id.id
        return vals

    @http.route("/council/appeal", type="http", auth="public", methods=["POST"], website=True)
    def appeal_submit(self, **post):
        values = self._appeal_form_values()
        if honeypot_filled(post):
            # A robot filled the hidden field: answer as if all went well, register nothing.
            return request.render("kindergarten_council.appeal_thanks", {"appeal_number": False})
        errors = {}
        try:
            vals = self._parse_appeal(post, values)
        except FormError as error:
            errors = error.errors
        try:
            # Every attempt counts, a wrong one too. By address only: an appeal may be
            # anonymous, so its contact e-mail is not even hashed.
            request.env["kindergarten.form.guard"].sudo()._check_and_count(
                GUARD_KEY, request.httprequest.remote_addr
            )
        except UserError as exc:
            values["errors"] = {"rate": exc.args[0]}
            return request.render("kindergarten_council.appeal_form", values, status=429)
        if errors:
            values["errors"] = errors
            return request.render(
                "kindergarten_council.appeal_form", values, status=FORM_ERROR_STATUS
            )
        # Registered as the public user, so an anonymous appeal of a signed-in parent
        # keeps no trace of them (create_uid).
        appeal = (
            request.env["kindergarten.council.appeal"]
            .with_user(request.env.ref("base.public_user"))
            .sudo()
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
            .create(vals)
        )
        return request.render("kindergarten_council.appeal_thanks", {"appeal_number": appeal.name})
