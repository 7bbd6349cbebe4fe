from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request

from odoo.addons.kindergarten_base.tools import LIMITS, FormError, FormParser, route_id
from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.consultation_appointment import BOOKING_DAYS
from .main import FORM_ERROR_STATUS, fmt_dt

MODES = ("in_person", "remote")
ACCESS_TOKEN_MAX = 128


class ConsultationPortal(CustomerPortal):
    """The parent's pages in "My account": only their own family, read as superuser."""

    # ---------------------------------------------------------------- helpers
    def _consultation_partner(self):
        return request.env.user.partner_id

    def _consultation_domains(self, partner):
        return {
            "consultation.child": [("parent_ids", "in", partner.ids)],
            "consultation.request": [("partner_id", "=", partner.id)],
            "consultation.appointment": [("line_ids.partner_id", "=", partner.id)],
            "consultation.contract": [("partner_id", "=", partner.id)],
        }

    def _consultation_search(self, model, extra=None, order=None):
        """Search the family's own records of `model` (explicit domain and record rules)."""
        Model = request.env[model]
        if not Model.has_access("read"):
            return Model.sudo().browse()
        domain = self._consultation_domains(self._consultation_partner())[model] + (extra or [])
        return Model.search(domain, order=order).sudo()

    def _consultation_record(self, model, record_id):
        """Return the family's own record (sudo), or raise NotFound.

        `record_id` is an id from the URL or parsed by FormParser; anything else is not found.
        """
        records = self._consultation_search(model, [("id", "=", route_id(record_id))])
        if not records:
            raise NotFound()
        return records

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        names = {
            "consultation_child_count": "consultation.child",
            "consultation_request_count": "consultation.request",
            "consultation_appointment_count": "consultation.appointment",
            "consultation_contract_count": "consultation.contract",
        }
        for counter, model in names.items():
            if counter in counters:
                values[counter] = len(self._consultation_search(model))
        return values

    def _prepare_consultation_values(self, page_name, **extra):
        values = self._prepare_portal_layout_values()
        partner = self._consultation_partner()
        point = self._consultation_points()[:1]
        values.update(
            {
                "page_name": page_name,
                "partner": partner,
                "fmt_dt": lambda value, p=None, dt_format="dd.MM.yyyy HH:mm": fmt_dt(
                    request.env, value, p or point, dt_format
                ),
                "selection": lambda model, field: dict(
                    request.env[model]._fields[field]._description_selection(request.env)
                ),
                "message": request.params.get("message"),
                "limits": LIMITS,
            }
        )
        values.update(extra)
        return values

    def _consultation_points(self):
        """Return the consultation points the family deals with (all of its company's)."""
        return request.env["consultation.point"]._portal_points_of(self._consultation_partner())

    def _consultation_line(self, appointment):
        """Return the parent's own booking line on `appointment`."""
        partner = self._consultation_partner()
        return appointment.line_ids.filtered(lambda li: li.partner_id == partner)[:1]

    # ---------------------------------------------------------------- lists
    @http.route("/my/consultation", type="http", auth="user", website=True)
    def portal_my_consultation(self, **kw):
        now = fields.Datetime.now()
        appointments = self._consultation_search("consultation.appointment", order="start")
        values = self._prepare_consultation_values(
            "consultation",
            children=self._consultation_search("consultation.child"),
            consultation_requests=self._consultation_search("consultation.request"),
            upcoming=appointments.filtered(
                lambda a: a.stop >= now and a.state in ("reserved", "confirmed")
            ),
            contracts=self._consultation_search("consultation.contract"),
        )
        return request.render("consultation_point.portal_cp_home", values)

    @http.route("/my/consultation/children", type="http", auth="user", website=True)
    def portal_my_consultation_children(self, **kw):
        values = self._prepare_consultation_values(
            "consultation_children", children=self._consultation_search("consultation.child")
        )
        return request.render("consultation_point.portal_cp_children", values)

    @http.route(
        "/my/consultation/children/<int:child_id>/edit",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_my_consultation_child_edit(self, child_id, **post):
        child = self._consultation_record("consultation.child", child_id)
        error = errors = None
        form = FormParser(request.env, post)
        if request.httprequest.method == "POST":
            name = form.text("name", required=True, message=_("Enter the child's name."))
            birth_date = form.date("birth_date")
            try:
                form.check()
                with request.env.cr.savepoint():
                    child._portal_correct(name, birth_date)
            except FormError as exc:
                error, errors = exc.message, exc.errors
            except (UserError, ValidationError) as exc:
                error = exc.args[0]
            else:
                return request.redirect("/my/consultation/children?message=child_updated")
        values = self._prepare_consultation_values(
            "consultation_child_edit",
            child=child,
            error=error,
            errors=errors or {},
            form=form.values if error else {},
        )
        return request.render(
            "consultation_point.portal_cp_child_edit",
            values,
            status=FORM_ERROR_STATUS if error else 200,
        )

    @http.route("/my/consultation/requests", type="http", auth="user", website=True)
    def portal_my_consultation_requests(self, **kw):
        values = self._prepare_consultation_values(
            "consultation_requests",
            consultation_requests=self._consultation_search("consultation.request"),
        )
        return request.render("consultation_point.portal_cp_requests", values)

    @http.route(
        "/my/consultation/requests/<int:request_id>", type="http", auth="user", website=True
    )
    def portal_my_consultation_request(self, request_id, **kw):
        consultation_request = self._consultation_record("consultation.request", request_id)
        values = self._prepare_consultation_values(
            "consultation_request",
            consultation_request=consultation_request,
            lines=consultation_request.line_ids.filtered(
                lambda li: li.partner_id == self._consultation_partner()
            ),
        )
        return request.render("consultation_point.portal_cp_request", values)

    @http.route("/my/consultation/appointments", type="http", auth="user", website=True)
    def portal_my_consultation_appointments(self, **kw):
        values = self._prepare_consultation_values(
            "consultation_appointments",
            appointments=self._consultation_search("consultation.appointment"),
        )
        return request.render("consultation_point.portal_cp_appointments", values)

    def _prepare_consultation_appointment_values(self, appointment, error=None):
        line = self._consultation_line(appointment)
        return self._prepare_consultation_values(
            "consultation_appointment",
            appointment=appointment,
            line=line,
            can_change=bool(line) and line._portal_can_change(),
            can_confirm=bool(line) and line._portal_can_confirm(),
            error=error,
        )

    def _render_consultation_appointment(self, appointment, error=None):
        values = self._prepare_consultation_appointment_values(appointment, error)
        return request.render("consultation_point.portal_cp_appointment", values)

    @http.route(
        "/my/consultation/appointments/<int:appointment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_consultation_appointment(self, appointment_id, **kw):
        appointment = self._consultation_record("consultation.appointment", appointment_id)
        return self._render_consultation_appointment(appointment)

    @http.route(
        "/my/consultation/appointments/<int:appointment_id>/confirm",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_consultation_appointment_confirm(self, appointment_id, **kw):
        appointment = self._consultation_record("consultation.appointment", appointment_id)
        try:
            # e-mails the confirmation with the .ics
            self._consultation_line(appointment)._portal_confirm()
        except (UserError, ValidationError) as exc:
            return self._render_consultation_appointment(appointment, exc.args[0])
        return request.redirect(f"/my/consultation/appointments/{appointment.id}?message=confirmed")

    @http.route(
        "/my/consultation/appointments/<int:appointment_id>/cancel",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_consultation_appointment_cancel(self, appointment_id, **kw):
        appointment = self._consultation_record("consultation.appointment", appointment_id)
        try:
            self._consultation_line(appointment)._portal_cancel()
        except UserError as exc:
            return self._render_consultation_appointment(appointment, exc.args[0])
        return request.redirect(f"/my/consultation/appointments/{appointment.id}?message=cancelled")

    # -------------------------------------------------------------- booking
    def _consultation_slots(self, topic, date_from, point):
        """Return the free slots for `topic` grouped by day: [(day label, [slot])]."""
        slots = point.sudo()._get_free_slots(
            topic, date_from, date_from + timedelta(days=BOOKING_DAYS)
        )
        days = []
        for slot in slots:
            label = fmt_dt(request.env, slot["start"], point, "EEEE, d MMMM")
            if not days or days[-1][0] != label:
                days.append((label, []))
            days[-1][1].append(slot)
        return days

    def _parse_consultation_book(self, params, submit=False):
        """Parse the booking parameters: (FormParser, {child_id, topic_id, reschedule_id,
        mode, specialist_id, start}); a slot (specialist and start) is required on submit."""
        form = FormParser(request.env, params)
        pick = _("Pick a slot from the list.")
        parsed = {
            "child_id": form.id("child_id", required=submit),
            "topic_id": form.id("topic_id", required=submit, message=pick if submit else None),
            "reschedule_id": form.id("reschedule_id"),
            "mode": form.selection("mode", MODES, default="in_person"),
        }
        if submit:
            parsed["specialist_id"] = form.id("specialist_id", required=True, message=pick)
            parsed["start"] = form.datetime("start", required=True, message=pick)
        return form, parsed

    def _prepare_consultation_book_values(self, parsed, error=None):
        """The booking page's values for the parsed parameters (see _parse_consultation_book)."""
        own_children = self._consultation_search("consultation.child")
        children = own_children.filtered(lambda c: not c._ineligibility_reason(fields.Date.today()))
        topics = request.env["consultation.topic"].sudo().search([])
        point = self._consultation_points()[:1]
        child = topic = reschedule = None
        if parsed.get("child_id"):
            child = own_children.filtered(lambda c: c.id == parsed["child_id"])
            if not child:
                raise NotFound()
            if child not in children:
                error = error or child._ineligibility_reason(fields.Date.today())
                child = None
        if parsed.get("topic_id"):
            topic = topics.filtered(lambda t: t.id == parsed["topic_id"])
        if parsed.get("reschedule_id"):
            reschedule = self._consultation_record(
                "consultation.appointment", parsed["reschedule_id"]
            )
            point = reschedule.point_id
        if reschedule:
            try:
                self._consultation_line(reschedule)._check_portal_can_change()
            except UserError as exc:
                error = error or exc.args[0]
                reschedule = None
        mode = parsed.get("mode") or "in_person"
        slot_days = (
            self._consultation_slots(topic, fields.Date.today(), point)
            if topic and child and point
            else []
        )
        groups = (
            self._consultation_group_sessions(topic) if topic and child and not reschedule else []
        )
        return self._prepare_consultation_values(
            "consultation_book",
            children=children,
            topics=topics,
            child=child,
            topic=topic,
            mode=mode,
            reschedule=reschedule,
            slot_days=slot_days,
            group_sessions=groups,
            point=point,
            error=error,
        )

    def _render_consultation_book(self, parsed, error=None):
        values = self._prepare_consultation_book_values(parsed, error)
        return request.render(
            "consultation_point.portal_cp_book",
            values,
            status=FORM_ERROR_STATUS if values["error"] else 200,
        )

    @http.route("/my/consultation/book", type="http", auth="user", methods=["GET"], website=True)
    def portal_my_consultation_book(self, **params):
        form, parsed = self._parse_consultation_book(params)
        try:
            form.check()
        except FormError as exc:
            return self._render_consultation_book(parsed, exc.message)
        return self._render_consultation_book(parsed)

    @http.route("/my/consultation/book", type="http", auth="user", methods=["POST"], website=True)
    def portal_my_consultation_book_submit(self, **params):
        form, parsed = self._parse_consultation_book(params, submit=True)
        try:
            form.check()
        except FormError as exc:
            return self._render_consultation_book(parsed, exc.message)
        child = self._consultation_record("consultation.child", parsed["child_id"])
        old_line = None
        if parsed["reschedule_id"]:
            old = self._consultation_record("consultation.appointment", parsed["reschedule_id"])
            old_line = self._consultation_line(old)
        try:
            appointment = (
                request.env["consultation.appointment"]
                .sudo()
                ._portal_book(
                    self._consultation_partner().sudo(),
                    child,
                    request.env["consultation.topic"].sudo().browse(parsed["topic_id"]),
                    request.env["consultation.specialist"].sudo().browse(parsed["specialist_id"]),
                    parsed["start"],
                    mode=parsed["mode"],
                    replaced_line=old_line,
                )
            )
        except (UserError, ValidationError) as exc:
            return self._render_consultation_book(parsed, exc.args[0])
        return request.redirect(f"/my/consultation/appointments/{appointment.id}?message=reserved")

    def _consultation_group_sessions(self, topic=None):
        """Return the planned group consultations of the family's points parents may join."""
        domain = [
            ("kind", "=", "group"),
            ("state", "in", ("reserved", "confirmed")),
            ("start", ">", fields.Datetime.now()),
            ("point_id", "in", self._consultation_points().ids),
        ]
        if topic:
            domain.append(("topic_id", "=", topic.id))
        return request.env["consultation.appointment"].sudo().search(domain, order="start")

    @http.route(
        "/my/consultation/group/<int:appointment_id>/join",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_consultation_group_join(self, appointment_id, **params):
        session = self._consultation_group_sessions().filtered(
            lambda a: a.id == route_id(appointment_id)
        )
        if not session:
            raise NotFound()
        form = FormParser(request.env, params)
        child_id = form.id("child_id", required=True)
        parsed = {"child_id": child_id, "topic_id": session.topic_id.id}
        try:
            form.check()
        except FormError as exc:
            return self._render_consultation_book({"topic_id": session.topic_id.id}, exc.message)
        child = self._consultation_record("consultation.child", child_id)
        try:
            # e-mails a seat on a confirmed session
            line = session._portal_join(self._consultation_partner().sudo(), child)
        except (UserError, ValidationError) as exc:
            return self._render_consultation_book(parsed, exc.args[0])
        message = "joined" if line.state == "booked" else "waiting"
        return request.redirect(f"/my/consultation/appointments/{session.id}?message={message}")

    # ------------------------------------------------------------- contracts
    @http.route("/my/consultation/contracts", type="http", auth="user", website=True)
    def portal_my_consultation_contracts(self, **kw):
        values = self._prepare_consultation_values(
            "consultation_contracts", contracts=self._consultation_search("consultation.contract")
        )
        return request.render("consultation_point.portal_cp_contracts", values)

    def _consultation_contract(self, contract_id, access_token=None):
        if access_token is not None and (
            not isinstance(access_token, str) or len(access_token) > ACCESS_TOKEN_MAX
        ):
            raise NotFound()
        contract_id = route_id(contract_id)
        try:
            contract = self._document_check_access(
                "consultation.contract", contract_id, access_token=access_token
            )
        except (AccessError, MissingError) as exc:
            raise NotFound() from exc
        partner = self._consultation_partner()
        if not access_token and contract.partner_id != partner:
            raise NotFound()
        return contract

    @http.route(
        "/my/consultation/contracts/<int:contract_id>", type="http", auth="public", website=True
    )
    def portal_my_consultation_contract(self, contract_id, access_token=None, **kw):
        contract = self._consultation_contract(contract_id, access_token)
        values = self._prepare_consultation_values(
            "consultation_contract",
            contract=contract,
            access_token=access_token,
            can_sign=contract.state in ("draft", "sent"),
        )
        return request.render("consultation_point.portal_cp_contract", values)

    @http.route(
        "/my/consultation/contracts/<int:contract_id>/pdf",
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_consultation_contract_pdf(self, contract_id, access_token=None, **kw):
        contract = self._consultation_contract(contract_id, access_token)
        pdf = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(contract.company_id)
            ._render_qweb_pdf("consultation_point.action_report_contract", contract.ids)[0]
        )
        filename = f"{contract.name.replace('/', '-')}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    @http.route(
        "/my/consultation/contract/<int:contract_id>/sign",
        type="json",
        auth="public",
        website=True,
    )
    def portal_my_consultation_contract_sign(
        self, contract_id, access_token=None, name=None, signature=None
    ):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            contract = self._consultation_contract(contract_id, access_token)
        except NotFound:
            return {"error": _("This contract was not found.")}
        form = FormParser(request.env, {"name": name, "signature": signature})
        required = _("A signature and the signer's full name are required.")
        name = form.text("name", required=True, message=required)
        signature = form.image_base64("signature", required=True, message=required)
        try:
            form.check()
            with request.env.cr.savepoint():
                contract.action_sign(signature, name, ip=request.httprequest.remote_addr)
        except FormError as exc:
            return {"error": exc.message}
        except (UserError, ValidationError) as exc:
            return {"error": exc.args[0]}
        query = (
            f"?message=signed&access_token={access_token}" if access_token else "?message=signed"
        )
        return {
            "force_refresh": True,
            "redirect_url": f"/my/consultation/contracts/{contract.id}{query}",
        }

    # -------------------------------------------------------------- lectures
    def _consultation_events(self):
        return (
            request.env["event.event"]
            .sudo()
            .search(
                [
                    ("consultation_point_id", "in", self._consultation_points().ids),
                    ("date_end", ">=", fields.Datetime.now()),
                ],
                order="date_begin",
            )
        )

    def _prepare_consultation_lectures_values(self, error=None):
        partner = self._consultation_partner()
        events = self._consultation_events()
        registered = (
            request.env["event.registration"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("event_id", "in", events.ids),
                    ("state", "!=", "cancel"),
                ]
            )
            .event_id
        )
        return self._prepare_consultation_values(
            "consultation_lectures", events=events, registered=registered, error=error
        )

    def _render_consultation_lectures(self, error=None):
        values = self._prepare_consultation_lectures_values(error)
        return request.render("consultation_point.portal_cp_lectures", values)

    @http.route("/my/consultation/lectures", type="http", auth="user", website=True)
    def portal_my_consultation_lectures(self, **kw):
        return self._render_consultation_lectures()

    @http.route(
        "/my/consultation/lectures/<int:event_id>/register",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_consultation_lecture_register(self, event_id, **kw):
        event = self._consultation_events().filtered(lambda e: e.id == route_id(event_id))
        if not event:
            raise NotFound()
        try:
            request.env["event.registration"].sudo()._portal_register(
                event, self._consultation_partner()
            )
        except UserError as exc:
            return self._render_consultation_lectures(exc.args[0])
        return request.redirect("/my/consultation/lectures?message=registered")

    # --------------------------------------------------------------- consent
    def _consultation_consents(self):
        partner = self._consultation_partner()
        return request.env["consultation.consent"].sudo().search([("partner_id", "=", partner.id)])

    @http.route("/my/consultation/consent", type="http", auth="user", website=True)
    def portal_my_consultation_consent(self, **kw):
        values = self._prepare_consultation_values(
            "consultation_consent", consents=self._consultation_consents()
        )
        return request.render("consultation_point.portal_cp_consent", values)

    @http.route(
        "/my/consultation/consent/withdraw",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_consultation_consent_withdraw(self, **kw):
        consents = self._consultation_consents().filtered(lambda c: not c.withdrawn_on)
        if consents:
            consents.action_withdraw()
        return request.redirect("/my/consultation/consent?message=withdrawn")
