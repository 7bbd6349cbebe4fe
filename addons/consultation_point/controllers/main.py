import logging

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import format_datetime, format_duration

from odoo.addons.kindergarten_base.tools import (
    FORM_ERROR_STATUS,
    HONEYPOT_FIELD,
    LIMITS,
    FormError,
    FormParser,
    honeypot_filled,
    route_id,
)
from odoo.addons.kindergarten_base.tools.form import TEXT_MAX

_logger = logging.getLogger(__name__)

GUARD_KEY = "consultation_request"


def point_tz(point):
    """Return the time zone name of the point's opening hours."""
    return point.sudo().resource_calendar_id.tz or "Asia/Almaty"


def fmt_dt(env, value, point, dt_format="dd.MM.yyyy HH:mm"):
    """Format a naive UTC datetime in the point's time zone."""
    return format_datetime(env, value, tz=point_tz(point), dt_format=dt_format) if value else ""


class ConsultationWebsite(http.Controller):
    """The point's public page and the request form for parents without an account."""

    # ----------------------------------------------------------------- helpers
    def _get_point(self, point_id):
        point = request.env["consultation.point"].sudo().browse(route_id(point_id)).exists()
        if not point:
            raise NotFound()
        return point

    def _opening_hours(self, point):
        """Return [(day label, 'HH:MM–HH:MM')] of the point's opening hours."""
        calendar = point.resource_calendar_id
        if not calendar:
            return []
        days = dict(
            request.env["resource.calendar.attendance"]
            ._fields["dayofweek"]
            ._description_selection(request.env)
        )
        return [
            (
                days[att.dayofweek],
                f"{format_duration(att.hour_from)}–{format_duration(att.hour_to)}",
            )
            for att in calendar.attendance_ids.sorted(lambda a: (a.dayofweek, a.hour_from))
            if att.display_type != "line_section"
        ]

    def _upcoming_events(self, point):
        """Return the point's lectures and seminars still to come."""
        return (
            request.env["event.event"]
            .sudo()
            .search(
                [
                    ("consultation_point_id", "=", point.id),
                    ("date_end", ">=", fields.Datetime.now()),
                ],
                order="date_begin",
                limit=20,
            )
        )

    def _selection(self, model, field):
        return request.env[model]._fields[field]._description_selection(request.env)

    def _point_values(self, point):
        env = request.env
        return {
            "point": point,
            "hours": self._opening_hours(point),
            "topics": env["consultation.topic"].sudo().search([]),
            "specialists": point.specialist_ids.filtered("active"),
            "roles": dict(self._selection("consultation.specialist", "role")),
            "events": self._upcoming_events(point),
            "documents": point.document_ids.filtered("public"),
            "forms": self._selection("consultation.request", "form_wanted"),
            "fmt_dt": lambda value: fmt_dt(env, value, point),
            "slug": env["ir.http"]._slug,
            "main_object": point,
            "limits": LIMITS,
            "today": fields.Date.to_string(fields.Date.context_today(env.user)),
        }

    # ------------------------------------------------------------------ pages
    @http.route("/consultation-point", type="http", auth="public", website=True, sitemap=True)
    def points(self, **kw):
        points = request.env["consultation.point"].sudo().search([])
        if len(points) == 1:
            return request.redirect(f"/consultation-point/{points.id}")
        return request.render("consultation_point.website_points", {"points": points})

    @http.route(
        "/consultation-point/<int:point_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def point_page(self, point_id, **kw):
        point = self._get_point(point_id)
        return request.render("consultation_point.website_point_page", self._point_values(point))

    @http.route(
        "/consultation-point/document/<int:document_id>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def document(self, document_id, **kw):
        document = (
            request.env["consultation.point.document"].sudo().browse(route_id(document_id)).exists()
        )
        if not document or not document.public:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            document, "file", filename=document.file_name or document.name
        )
        return stream.get_response(as_attachment=True)

    # ----------------------------------------------------------- request form
    @http.route(
        "/consultation-point/<int:point_id>/request",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def request_form(self, point_id, **kw):
        point = self._get_point(point_id)
        values = self._point_values(point)
        values.update({"errors": {}, "post": {}, "honeypot_field": HONEYPOT_FIELD})
        return request.render("consultation_point.website_request_form", values)

    def _parse_request(self, post, values):
        """Return the values of create_from_website read from the form, or raise FormError."""
        env = request.env
        form = FormParser(env, post)
        data = {
            "parent_name": form.text("parent_name", required=True),
            "phone": form.phone("phone", required=True),
            "email": form.email("email", required=True),
            "child_name": form.text("child_name", required=True),
            "child_birth_date": form.date("child_birth_date", required=True),
            "child_iin": form.iin("child_iin") or False,
            "attends_preschool": form.boolean("attends_preschool"),
            "topic_ids": form.record("topic_id", values["topics"], required=True).ids,
            "question": form.text("question", max_length=TEXT_MAX, multiline=True),
            "form_wanted": form.selection("form_wanted", values["forms"], default="individual"),
            "consent": form.boolean("consent"),
        }
        birth = data["child_birth_date"]
        if birth and birth > fields.Date.context_today(env.user):
            form.add_error("child_birth_date", _("The birth date is in the future."))
        if not data["consent"]:
            form.add_error(
                "consent",
                _(
                    "Your consent to the processing of personal data is needed to register "
                    "the request."
                ),
            )
        values["post"] = form.values
        form.check()
        return data

    def _invite_parent(self, partner):
        """Give the parent portal access and send the invitation (unless they have a user)."""
        partner = partner.sudo()
        if partner.with_context(active_test=False).user_ids or not partner.email:
            return False
        try:
            with request.env.cr.savepoint():
                wizard = (
                    request.env["portal.wizard"]
                    .sudo()
                    .create({"partner_ids": [fields.Command.set(partner.ids)]})
                )
                wizard.user_ids.action_grant_access()
        except (UserError, ValidationError) as exc:
            _logger.info("No portal invitation for partner %s: %s", partner.id, exc)
            return False
        return True

    @http.route(
        "/consultation-point/<int:point_id>/request/submit",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def request_submit(self, point_id, **post):
        point = self._get_point(point_id)
        values = self._point_values(point)
        values.update({"post": {}, "honeypot_field": HONEYPOT_FIELD, "errors": {}})
        ip = request.httprequest.remote_addr
        if honeypot_filled(post):
            # A robot filled the hidden field: answer as if all went well, save nothing.
            _logger.info("Consultation request form: honeypot filled")
            return request.render("consultation_point.website_request_done", values)
        errors = {}
        try:
            data = self._parse_request(post, values)
        except FormError as error:
            errors = error.errors
        try:
            # Every attempt counts, a wrong one too; the e-mail is only hashed.
            request.env["kindergarten.form.guard"].sudo()._check_and_count(
                GUARD_KEY, ip, values["post"].get("email")
            )
        except UserError as exc:
            values["errors"] = {"global": exc.args[0]}
            return request.render("consultation_point.website_request_form", values, status=429)
        if errors:
            values["errors"] = errors
            return request.render(
                "consultation_point.website_request_form", values, status=FORM_ERROR_STATUS
            )
        try:
            with request.env.cr.savepoint():
                # A signed-in parent files for their own family; anybody else gets a new one.
                user = request.env.user
                own = user.partner_id if user.share and not user._is_public() else None
                consultation_request = (
                    request.env["consultation.request"]
                    .sudo()
                    .create_from_website(point, data, partner=own)
                )
        except (UserError, ValidationError) as exc:
            values["errors"] = {"global": exc.args[0]}
            return request.render(
                "consultation_point.website_request_form", values, status=FORM_ERROR_STATUS
            )
        invited = self._invite_parent(consultation_request.partner_id)
        values.update({"consultation_request": consultation_request, "invited": invited})
        return request.render("consultation_point.website_request_done", values)
