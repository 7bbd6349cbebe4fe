from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.kindergarten_base.tools import (
    FORM_ERROR_STATUS,
    LIMITS,
    FormError,
    FormParser,
    route_id,
)

from ..models.kindergarten_council_call import PORTAL_FILE_EXTENSIONS, PORTAL_FILE_MAX_BYTES
from ..models.kindergarten_council_candidate import DOCUMENTS
from ..models.kindergarten_council_member import REPRESENTED_GROUPS


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
        call = self._open_calls().filtered(lambda c: c.id == route_id(call_id))
        if not call:
            raise NotFound()
        return call

    def _age_groups(self, call):
        """The age groups of the call's preschool (read as superuser: names only)."""
        return (
            request.env["kindergarten.age.group"]
            .sudo()
            .search([("company_id", "=", call.company_id.id)])
        )

    def _form_values(self, call, values=None, error=None, errors=None):
        """Values of the application form."""
        groups = request.env["kindergarten.council.candidate"]._fields["represented_group"]
        partner = request.env.user.partner_id
        return {
            "call": call,
            "application": call._portal_application(partner),
            "groups": groups._description_selection(request.env),
            "age_groups": self._age_groups(call),
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
            "errors": errors or {},
            "page_name": "council_candidacy",
            "limits": LIMITS,
            "upload_hint": _(
                "%(types)s; max %(size)s MB",
                types=", ".join(e.lstrip(".").upper() for e in PORTAL_FILE_EXTENSIONS),
                size=PORTAL_FILE_MAX_BYTES // (1024 * 1024),
            ),
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
        form = FormParser(request.env, post, request.httprequest.files)
        represented_group = form.selection(
            "represented_group",
            REPRESENTED_GROUPS,
            required=True,
            message=_("Choose the group you would represent on the board."),
        )
        age_group = form.record(
            "age_group_id",
            self._age_groups(call),
            message=_("Choose an age group of this preschool."),
        )
        files = form.uploads(
            [doc for doc, _label in DOCUMENTS],
            max_files=len(DOCUMENTS),
            max_bytes=PORTAL_FILE_MAX_BYTES,
            extensions=PORTAL_FILE_EXTENSIONS,
        )
        try:
            form.check()
            with request.env.cr.savepoint():
                call._apply_from_portal(
                    request.env.user.partner_id, represented_group, age_group, files
                )
        except FormError as error:
            values = self._form_values(
                call, values=form.values, error=error.message, errors=error.errors
            )
            return request.render(
                "kindergarten_council.candidacy_form", values, status=FORM_ERROR_STATUS
            )
        except UserError as error:
            values = self._form_values(call, values=form.values, error=error.args[0])
            return request.render(
                "kindergarten_council.candidacy_form", values, status=FORM_ERROR_STATUS
            )
        values = self._form_values(call)
        values["saved"] = True
        return request.render("kindergarten_council.candidacy_form", values)
