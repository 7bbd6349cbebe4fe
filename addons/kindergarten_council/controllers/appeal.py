from odoo import _, http
from odoo.http import request

from ..models.kindergarten_council_appeal import APPEAL_CATEGORIES

HONEYPOT_FIELD = "website_url"
MAX_TEXT = 10000


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
        }

    def _category_labels(self):
        """Category labels in the visitor's language."""
        field = request.env["kindergarten.council.appeal"]._fields["category"]
        return field._description_selection(request.env)

    @http.route(
        "/council/appeal", type="http", auth="public", methods=["GET"], website=True, sitemap=True
    )
    def appeal_form(self, **kw):
        return request.render("kindergarten_council.appeal_form", self._appeal_form_values(**kw))

    @http.route("/council/appeal", type="http", auth="public", methods=["POST"], website=True)
    def appeal_submit(self, **post):
        values = self._appeal_form_values(**post)
        if post.get(HONEYPOT_FIELD):
            # A robot filled the hidden field: answer as if all went well, register nothing.
            return request.render("kindergarten_council.appeal_thanks", {"appeal_number": False})
        errors = {}
        council = values["councils"].filtered(lambda c: str(c.id) == post.get("council_id"))
        if len(values["councils"]) == 1 and not post.get("council_id"):
            council = values["councils"]
        if not council:
            errors["council_id"] = _("Choose the preschool.")
        category = post.get("category")
        if category not in dict(APPEAL_CATEGORIES):
            errors["category"] = _("Choose what the appeal is about.")
        description = (post.get("description") or "").strip()
        if not description:
            errors["description"] = _("Describe the situation.")
        if errors:
            values["errors"] = errors
            return request.render("kindergarten_council.appeal_form", values, status=400)
        if (
            not request.env["kindergarten.council.appeal.rate"]
            .sudo()
            ._hit(request.httprequest.remote_addr)
        ):
            values["errors"] = {
                "rate": _("Too many appeals were sent from your address. Try again in an hour.")
            }
            return request.render("kindergarten_council.appeal_form", values, status=429)
        vals = {
            "council_id": council.id,
            "category": category,
            "description": description[:MAX_TEXT],
        }
        if not post.get("anonymous"):
            vals.update(
                {
                    "contact_name": (post.get("contact_name") or "").strip()[:200] or False,
                    "contact_email": (post.get("contact_email") or "").strip()[:200] or False,
                    "contact_phone": (post.get("contact_phone") or "").strip()[:50] or False,
                }
            )
            if values["is_signed_in"] and post.get("sign"):
                vals["partner_id"] = request.env.user.partner_id.id
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
