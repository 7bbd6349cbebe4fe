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
    def _cp_partner(self):
        return request.env.user.partner_id

    def _cp_domains(self, partner):
        return {
            "consultation.child": [("parent_ids", "in", partner.ids)],
            "consultation.request": [("partner_id", "=", partner.id)],
            "consultation.appointment": [("line_ids.partner_id", "=", partner.id)],
            "consultation.contract": [("partner_id", "=", partner.id)],
        }

    def _cp_search(self, model, extra=None, order=None):
        """Search the family's own records of `model` (explicit domain and record rules)."""
        Model = request.env[model]
        if not Model.has_access("read"):
            return Model.sudo().browse()
        domain = self._cp_domains(self._cp_partner())[model] + (extra or [])
        return Model.search(domain, order=order).sudo()

    def _cp_get(self, model, record_id):
        """Return the family's own record (sudo), or raise NotFound.

        `record_id` is an id from the URL or parsed by FormParser; anything else is not found.
        """
        records = self._cp_search(model, [("id", "=", route_id(record_id))])
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
                values[counter] = len(self._cp_search(model))
        return values

    def _cp_values(self, page_name, **extra):
        values = self._prepare_portal_layout_values()
        partner = self._cp_partner()
        point = self._cp_points()[:1]
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

    def _cp_points(self):
        """Return the consultation points the family deals with (all of its company's)."""
        requests = self._cp_search("consultation.request")
        points = requests.point_id
        Point = request.env["consultation.point"].sudo()
        company = self._cp_partner().sudo().company_id
        if company:
            points |= Point.search([("company_id", "=", company.id)])
        return points or Point.search([])

    def _cp_line(self, appointment):
        """Return the parent's own booking line on `appointment`."""
        partner = self._cp_partner()
        return appointment.line_ids.filtered(lambda li: li.partner_id == partner)[:1]

    # ---------------------------------------------------------------- lists
    @http.route("/my/consultation", type="http", auth="user", website=True)
    def cp_home(self, **kw):
        now = fields.Datetime.now()
        appointments = self._cp_search("consultation.appointment", order="start")
        values = self._cp_values(
            "consultation",
            children=self._cp_search("consultation.child"),
            consultation_requests=self._cp_search("consultation.request"),
            upcoming=appointments.filtered(
                lambda a: a.stop >= now and a.state in ("reserved", "confirmed")
            ),
            contracts=self._cp_search("consultation.contract"),
        )
        return request.render("consultation_point.portal_cp_home", values)

    @http.route("/my/consultation/children", type="http", auth="user", website=True)
    def cp_children(self, **kw):
        values = self._cp_values(
            "consultation_children", children=self._cp_search("consultation.child")
        )
        return request.render("consultation_point.portal_cp_children", values)

    @http.route(
        "/my/consultation/children/<int:child_id>/edit",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def cp_child_edit(self, child_id, **post):
        child = self._cp_get("consultation.child", child_id)
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
        values = self._cp_values(
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
    def cp_requests(self, **kw):
        values = self._cp_values(
            "consultation_requests",
            consultation_requests=self._cp_search("consultation.request"),
        )
        return request.render("consultation_point.portal_cp_requests", values)

    @http.route(
        "/my/consultation/requests/<int:request_id>", type="http", auth="user", website=True
    )
    def cp_request(self, request_id, **kw):
        consultation_request = self._cp_get("consultation.request", request_id)
        values = self._cp_values(
            "consultation_request",
            consultation_request=consultation_request,
            lines=consultation_request.line_ids.filtered(
                lambda li: li.partner_id == self._cp_partner()
            ),
        )
        return request.render("consultation_point.portal_cp_request", values)

    @http.route("/my/consultation/appointments", type="http", auth="user", website=True)
    def cp_appointments(self, **kw):
        values = self._cp_values(
            "consultation_appointments",
            appointments=self._cp_search("consultation.appointment"),
        )
        return request.render("consultation_point.portal_cp_appointments", values)

    def _cp_appointment_page(self, appointment, error=None):
        line = self._cp_line(appointment)
        values = self._cp_values(
            "consultation_appointment",
            appointment=appointment,
            line=line,
            can_change=bool(line) and line._portal_can_change(),
            error=error,
        )
        return request.render("consultation_point.portal_cp_appointment", values)

    @http.route(
        "/my/consultation/appointments/<int:appointment_id>",
        type="http",
        auth="user",
        website=True,
    )
    def cp_appointment(self, appointment_id, **kw):
        appointment = self._cp_get("consultation.appointment", appointment_id)
        return self._cp_appointment_page(appointment)

    @http.route(
        "/my/consultation/appointments/<int:appointment_id>/confirm",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def cp_appointment_confirm(self, appointment_id, **kw):
        appointment = self._cp_get("consultation.appointment", appointment_id)
        line = self._cp_line(appointment)
        if (
            appointment.kind != "individual"
            or appointment.state != "reserved"
            or not line
            or line.state != "booked"
        ):
            return self._cp_appointment_page(
                appointment, _("This consultation is not waiting for your confirmation.")
            )
        try:
            with request.env.cr.savepoint():
                # the room first: the confirmation e-mail carries its link
                if appointment.mode == "remote" and not appointment.meeting_url:
                    appointment.action_generate_discuss_room()
                appointment.action_confirm()
        except (UserError, ValidationError) as exc:
            return self._cp_appointment_page(appointment, exc.args[0])
        # action_confirm e-mailed the confirmation with the .ics
        return request.redirect(f"/my/consultation/appointments/{appointment.id}?message=confirmed")

    @http.route(
        "/my/consultation/appointments/<int:appointment_id>/cancel",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def cp_appointment_cancel(self, appointment_id, **kw):
        appointment = self._cp_get("consultation.appointment", appointment_id)
        line = self._cp_line(appointment)
        if not line or not line._portal_can_change():
            return self._cp_appointment_page(appointment, self._cp_too_late(appointment))
        line._portal_cancel()
        return request.redirect(f"/my/consultation/appointments/{appointment.id}?message=cancelled")

    def _cp_too_late(self, appointment):
        return _(
            "This consultation can no longer be cancelled or moved online: it is less than "
            "%(hours)s hours away or already closed. Please call the consultation point.",
            hours=appointment.point_id.cancel_limit_hours,
        )

    # -------------------------------------------------------------- booking
    def _cp_slots(self, topic, date_from, point, exclude=None):
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

    def _cp_book_form(self, params, submit=False):
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

    def _cp_book_page(self, parsed, error=None):
        """Render the booking page for the parsed parameters (see _cp_book_form)."""
        own_children = self._cp_search("consultation.child")
        children = own_children.filtered(lambda c: not c._ineligibility_reason(fields.Date.today()))
        topics = request.env["consultation.topic"].sudo().search([])
        point = self._cp_points()[:1]
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
            reschedule = self._cp_get("consultation.appointment", parsed["reschedule_id"])
            point = reschedule.point_id
        if (
            point
            and reschedule
            and not reschedule.line_ids.filtered(
                lambda li: li.partner_id == self._cp_partner() and li._portal_can_change()
            )
        ):
            error = error or self._cp_too_late(reschedule)
            reschedule = None
        mode = parsed.get("mode") or "in_person"
        slot_days = self._cp_slots(topic, fields.Date.today(), point) if topic and child else []
        groups = self._cp_group_sessions(topic) if topic and child and not reschedule else []
        values = self._cp_values(
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
        return request.render(
            "consultation_point.portal_cp_book",
            values,
            status=FORM_ERROR_STATUS if error else 200,
        )

    @http.route("/my/consultation/book", type="http", auth="user", methods=["GET"], website=True)
    def cp_book(self, **params):
        form, parsed = self._cp_book_form(params)
        try:
            form.check()
        except FormError as exc:
            return self._cp_book_page(parsed, exc.message)
        return self._cp_book_page(parsed)

    @http.route("/my/consultation/book", type="http", auth="user", methods=["POST"], website=True)
    def cp_book_submit(self, **params):
        form, parsed = self._cp_book_form(params, submit=True)
        try:
            form.check()
        except FormError as exc:
            return self._cp_book_page(parsed, exc.message)
        partner = self._cp_partner()
        child = self._cp_get("consultation.child", parsed["child_id"])
        topic = request.env["consultation.topic"].sudo().browse(parsed["topic_id"])
        specialist = request.env["consultation.specialist"].sudo().browse(parsed["specialist_id"])
        if (
            not topic.exists()
            or not specialist.exists()
            or topic not in specialist.topic_ids
            or specialist.point_id not in self._cp_points()
        ):
            return self._cp_book_page(parsed, _("Pick a slot from the list."))
        old_line = None
        if parsed["reschedule_id"]:
            old = self._cp_get("consultation.appointment", parsed["reschedule_id"])
            old_line = self._cp_line(old)
            if not old_line or not old_line._portal_can_change():
                return self._cp_book_page({}, self._cp_too_late(old))
        try:
            appointment = (
                request.env["consultation.appointment"]
                .sudo()
                .book_for_family(
                    specialist,
                    parsed["start"],
                    partner.sudo(),
                    child,
                    topic,
                    mode=parsed["mode"],
                    replaced_line=old_line,
                )
            )
        except (UserError, ValidationError) as exc:
            return self._cp_book_page(parsed, exc.args[0])
        return request.redirect(f"/my/consultation/appointments/{appointment.id}?message=reserved")

    def _cp_group_sessions(self, topic=None):
        """Return the planned group consultations of the family's points parents may join."""
        domain = [
            ("kind", "=", "group"),
            ("state", "in", ("reserved", "confirmed")),
            ("start", ">", fields.Datetime.now()),
            ("point_id", "in", self._cp_points().ids),
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
    def cp_group_join(self, appointment_id, **params):
        session = self._cp_group_sessions().filtered(lambda a: a.id == route_id(appointment_id))
        if not session:
            raise NotFound()
        form = FormParser(request.env, params)
        child_id = form.id("child_id", required=True)
        parsed = {"child_id": child_id, "topic_id": session.topic_id.id}
        try:
            form.check()
        except FormError as exc:
            return self._cp_book_page({"topic_id": session.topic_id.id}, exc.message)
        child = self._cp_get("consultation.child", child_id)
        partner = self._cp_partner()
        if session.line_ids.filtered(
            lambda li: li.partner_id == partner
            and li.child_id == child
            and li.state in ("booked", "waiting")
        ):
            return request.redirect(f"/my/consultation/appointments/{session.id}")
        try:
            with request.env.cr.savepoint():
                open_request = (
                    request.env["consultation.request"]
                    .sudo()
                    ._for_booking(session.point_id, partner, child, session.topic_id, "group")
                )
                line = session.add_family(partner.sudo(), child, request=open_request)
        except (UserError, ValidationError) as exc:
            return self._cp_book_page(parsed, exc.args[0])
        if line.state == "booked" and session.state == "confirmed":
            line._send_parent_mail("consultation_point.mail_template_appointment_confirmed")
        message = "joined" if line.state == "booked" else "waiting"
        return request.redirect(f"/my/consultation/appointments/{session.id}?message={message}")

    # ------------------------------------------------------------- contracts
    @http.route("/my/consultation/contracts", type="http", auth="user", website=True)
    def cp_contracts(self, **kw):
        values = self._cp_values(
            "consultation_contracts", contracts=self._cp_search("consultation.contract")
        )
        return request.render("consultation_point.portal_cp_contracts", values)

    def _cp_contract(self, contract_id, access_token=None):
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
        partner = self._cp_partner()
        if not access_token and contract.partner_id != partner:
            raise NotFound()
        return contract

    @http.route(
        "/my/consultation/contracts/<int:contract_id>", type="http", auth="public", website=True
    )
    def cp_contract(self, contract_id, access_token=None, **kw):
        contract = self._cp_contract(contract_id, access_token)
        values = self._cp_values(
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
    def cp_contract_pdf(self, contract_id, access_token=None, **kw):
        contract = self._cp_contract(contract_id, access_token)
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
    def cp_contract_sign(self, contract_id, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            contract = self._cp_contract(contract_id, access_token)
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
    def _cp_events(self):
        return (
            request.env["event.event"]
            .sudo()
            .search(
                [
                    ("consultation_point_id", "in", self._cp_points().ids),
                    ("date_end", ">=", fields.Datetime.now()),
                ],
                order="date_begin",
            )
        )

    def _cp_lectures_page(self, error=None):
        partner = self._cp_partner()
        events = self._cp_events()
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
        values = self._cp_values(
            "consultation_lectures", events=events, registered=registered, error=error
        )
        return request.render("consultation_point.portal_cp_lectures", values)

    @http.route("/my/consultation/lectures", type="http", auth="user", website=True)
    def cp_lectures(self, **kw):
        return self._cp_lectures_page()

    @http.route(
        "/my/consultation/lectures/<int:event_id>/register",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def cp_lecture_register(self, event_id, **kw):
        event = self._cp_events().filtered(lambda e: e.id == route_id(event_id))
        if not event:
            raise NotFound()
        partner = self._cp_partner().sudo()
        Registration = request.env["event.registration"].sudo()
        if Registration.search_count(
            [
                ("partner_id", "=", partner.id),
                ("event_id", "=", event.id),
                ("state", "!=", "cancel"),
            ]
        ):
            return request.redirect("/my/consultation/lectures?message=registered")
        # Lock the event so two parents cannot take its last seat together.
        request.env.cr.execute("SELECT id FROM event_event WHERE id = %s FOR UPDATE", [event.id])
        event.invalidate_recordset(["seats_available", "seats_taken", "seats_reserved"])
        if event.seats_limited and event.seats_available <= 0:
            return self._cp_lectures_page(_("Sorry, there are no seats left for this event."))
        # No savepoint here: the event's mail scheduler may commit the transaction.
        Registration.create(
            {
                "event_id": event.id,
                "partner_id": partner.id,
                "name": partner.name,
                "email": partner.email,
                "phone": partner.phone,
            }
        )
        return request.redirect("/my/consultation/lectures?message=registered")

    # --------------------------------------------------------------- consent
    def _cp_consents(self):
        partner = self._cp_partner()
        return request.env["consultation.consent"].sudo().search([("partner_id", "=", partner.id)])

    @http.route("/my/consultation/consent", type="http", auth="user", website=True)
    def cp_consent(self, **kw):
        values = self._cp_values("consultation_consent", consents=self._cp_consents())
        return request.render("consultation_point.portal_cp_consent", values)

    @http.route(
        "/my/consultation/consent/withdraw",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def cp_consent_withdraw(self, **kw):
        consents = self._cp_consents().filtered(lambda c: not c.withdrawn_on)
        if consents:
            consents.action_withdraw()
        return request.redirect("/my/consultation/consent?message=withdrawn")
