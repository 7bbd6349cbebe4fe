from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.kindergarten_council_candidate import DOCUMENTS


class CouncilCandidacyController(http.Controller):
    """Calls for candidates on the website and applications from the portal (1.1 item 2)."""

    def _open_calls(self):
        """Calls taking applications today, of the website's preschool when there is a website."""
        today = fields.Date.context_today(request.env.user)
        domain = [
            ("state", "=", "open"),
            ("date_announce", "<=", today),
            ("date_close", ">=", today),
        ]
        website = getattr(request, "website", None)
        if website and website.company_id:
            domain.append(("company_id", "=", website.company_id.id))
        # Read as superuser: the announcement is public.
        return request.env["kindergarten.council.call"].sudo().search(domain)

    def _call(self, call_id):
        """An open call of the site, or 404."""
        call = self._open_calls().filtered(lambda c: c.id == call_id)
        if not call:
            raise NotFound()
        return call

    def _form_values(self, call, values=None, error=None):
        """Values of the application form."""
        groups = request.env["kindergarten.council.candidate"]._fields["represented_group"]
        partner = request.env.user.partner_id
        return {
            "call": call,
            "application": call._portal_application(partner),
            "groups": groups._description_selection(request.env),
            "age_groups": request.env["kindergarten.age.group"]
            .sudo()
            .search([("company_id", "=", call.company_id.id)]),
            "documents": [
                (
                    doc,
                    request.env["kindergarten.council.candidate"]
                    ._fields[doc]
                    .get_description(request.env)["string"],
                )
                for doc, _label in DOCUMENTS
            ],
            "values": values or {},
            "error": error,
            "page_name": "council_candidacy",
        }

    @http.route("/council/calls", type="http", auth="public", website=True, sitemap=True)
    def calls(self, **kw):
        return request.render("kindergarten_council.candidacy_calls", {"calls": self._open_calls()})

    @http.route(
        "/council/call/<int:call_id>/apply", type="http", auth="user", methods=["GET"], website=True
    )
    def apply_form(self, call_id, **kw):
        call = self._call(call_id)
        return request.render("kindergarten_council.candidacy_form", self._form_values(call))

    @http.route(
        "/council/call/<int:call_id>/apply",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def apply_submit(self, call_id, **post):
        call = self._call(call_id)
        files = {}
        for doc, _label in DOCUMENTS:
            upload = request.httprequest.files.get(doc)
            if upload and upload.filename:
                files[doc] = (upload.filename, upload.read())
        age_group = (
            request.env["kindergarten.age.group"]
            .sudo()
            .browse(int(post["age_group_id"]) if (post.get("age_group_id") or "").isdigit() else [])
        )
        try:
            call._apply_from_portal(
                request.env.user.partner_id,
                post.get("represented_group"),
                age_group.exists(),
                files,
            )
        except UserError as error:
            values = self._form_values(call, values=post, error=error.args[0])
            return request.render("kindergarten_council.candidacy_form", values, status=400)
        values = self._form_values(call)
        values["saved"] = True
        return request.render("kindergarten_council.candidacy_form", values)
