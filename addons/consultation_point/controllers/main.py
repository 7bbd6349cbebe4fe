import logging

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import format_datetime

_logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_homepage"
REQUIRED_FIELDS = ("parent_name", "email", "phone", "child_name", "child_birth_date", "topic_id")


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
        point = request.env["consultation.point"].sudo().browse(point_id).exists()
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

        def hour(value):
            return f"{int(value):02d}:{round(value % 1 * 60):02d}"

        return [
            (days[att.dayofweek], f"{hour(att.hour_from)}–{hour(att.hour_to)}")
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
        document = request.env["consultation.point.document"].sudo().browse(document_id).exists()
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

    def _validate(self, post):
        """Return {field: message} for what is missing or wrong in the form."""
        errors = {}
        for name in REQUIRED_FIELDS:
            if not (post.get(name) or "").strip():
                errors[name] = _("This field is required.")
        email = (post.get("email") or "").strip()
        if email and "@" not in email:
            errors["email"] = _("Enter a valid e-mail address.")
        if post.get("child_birth_date"):
            try:
                birth = fields.Date.to_date(post["child_birth_date"])
                if birth > fields.Date.context_today(request.env.user):
                    errors["child_birth_date"] = _("The birth date is in the future.")
            except ValueError:
                errors["child_birth_date"] = _("Enter the date as YYYY-MM-DD.")
        if post.get("consent") != "on":
            errors["consent"] = _(
                "Your consent to the processing of personal data is needed to register "
                "the request."
            )
        return errors

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
        values.update({"post": post, "honeypot_field": HONEYPOT_FIELD, "errors": {}})
        ip = request.httprequest.remote_addr
        if post.get(HONEYPOT_FIELD):
            # A robot filled the hidden field: answer as if all went well, save nothing.
            _logger.info("Consultation request form: honeypot filled from %s", ip)
            return request.render("consultation_point.website_request_done", values)
        Submission = request.env["consultation.web.submission"].sudo()
        if Submission._is_rate_limited(ip, post.get("email")):
            values["errors"] = {
                "global": _(
                    "Too many requests were sent from this address in the last hour. "
                    "Please try again later or call the consultation point."
                )
            }
            return request.render("consultation_point.website_request_form", values, status=429)
        errors = self._validate(post)
        if errors:
            values["errors"] = errors
            return request.render("consultation_point.website_request_form", values)
        topic = request.env["consultation.topic"].sudo().browse(int(post["topic_id"])).exists()
        form_wanted = post.get("form_wanted")
        if form_wanted not in dict(values["forms"]):
            form_wanted = "individual"
        data = {
            "parent_name": post["parent_name"].strip(),
            "phone": post["phone"].strip(),
            "email": post["email"].strip(),
            "child_name": post["child_name"].strip(),
            "child_birth_date": fields.Date.to_date(post["child_birth_date"]),
            "child_iin": (post.get("child_iin") or "").strip() or False,
            "attends_preschool": post.get("attends_preschool") == "on",
            "topic_ids": topic.ids,
            "question": (post.get("question") or "").strip(),
            "form_wanted": form_wanted,
            "consent": True,  # validated above: the box is required
        }
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
            return request.render("consultation_point.website_request_form", values)
        Submission._remember(ip, data["email"], point, consultation_request)
        invited = self._invite_parent(consultation_request.partner_id)
        values.update({"consultation_request": consultation_request, "invited": invited})
        return request.render("consultation_point.website_request_done", values)
