from werkzeug.exceptions import BadRequest, NotFound

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.kindergarten_base.tools import FormError, FormParser, route_id
from odoo.addons.portal.controllers.portal import CustomerPortal

VISIBLE_MEETING_STATES = ("convened", "held", "approved")


class CouncilMemberPortal(CustomerPortal):
    """'My account' for board members: meetings, attendance, own follow-up actions."""

    # ------------------------------------------------------------ helpers

    def _council_meetings_domain(self):
        """Meetings a portal member may see (the record rules restrict them to own boards)."""
        return [("state", "in", VISIBLE_MEETING_STATES)]

    def _council_actions_domain(self):
        """Follow-up actions assigned to the signed-in member."""
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _council_record(self, model, record_id):
        """The record as the signed-in user, or 404 when it does not exist or is not theirs."""
        record = request.env[model].browse(route_id(record_id))
        try:
            record.check_access("read")
            if not record.exists():
                raise MissingError(model)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return record

    def _council_meeting(self, meeting_id):
        """A meeting of the member's own board that has been convened, or 404."""
        meeting = self._council_record("kindergarten.council.meeting", meeting_id)
        if meeting.state not in VISIBLE_MEETING_STATES:
            raise NotFound()
        return meeting

    def _council_attendee(self, meeting):
        """The member's calendar attendee of a convened meeting (superuser), if any."""
        partner = request.env.user.partner_id
        return meeting.sudo().calendar_event_id.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == partner
        )[:1]

    def _council_documents(self, meeting):
        """The files the secretary published to the members, with access tokens for download."""
        attachments = meeting.sudo().member_document_ids
        attachments.generate_access_token()
        return attachments

    def _council_portal_sections(self, councils):
        """Extra sections of the member's board page; later issues (e.g. the charity fund
        ledger) add theirs by extending this method and the template hook
        'kindergarten_council.portal_my_council_sections'."""
        return []

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Meeting = request.env["kindergarten.council.meeting"]
        Action = request.env["kindergarten.council.action"]
        if "council_meeting_count" in counters:
            values["council_meeting_count"] = (
                Meeting.search_count(self._council_meetings_domain())
                if Meeting.has_access("read")
                else 0
            )
        if "council_action_count" in counters:
            values["council_action_count"] = (
                Action.search_count(self._council_actions_domain() + [("state", "=", "open")])
                if Action.has_access("read")
                else 0
            )
        return values

    # ------------------------------------------------------------ routes

    @http.route(["/my/council", "/my/council/meetings"], type="http", auth="user", website=True)
    def portal_my_council_meetings(self, **kw):
        Meeting = request.env["kindergarten.council.meeting"]
        if not Meeting.has_access("read"):
            raise NotFound()
        meetings = Meeting.search(self._council_meetings_domain(), order="date desc, id desc")
        councils = meetings.council_id | request.env["kindergarten.council"].search([])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "council_meetings",
                "meetings": meetings,
                "councils": councils,
                "sections": self._council_portal_sections(councils),
                "today": fields.Date.context_today(request.env.user),
            }
        )
        return request.render("kindergarten_council.portal_my_council_meetings", values)

    @http.route("/my/council/meeting/<int:meeting_id>", type="http", auth="user", website=True)
    def portal_my_council_meeting(self, meeting_id, **kw):
        meeting = self._council_meeting(meeting_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "council_meeting",
                "meeting": meeting,
                "agenda": meeting.sudo().agenda_item_ids,
                "show_decisions": meeting.state == "approved",
                # adopted amendments of approved minutes (agenda items, read as superuser)
                "amendments": meeting.sudo()._amendments_in_force()
                if meeting.state == "approved"
                else [],
                "attendee": self._council_attendee(meeting),
                "documents": self._council_documents(meeting),
                "message": kw.get("message"),
            }
        )
        return request.render("kindergarten_council.portal_my_council_meeting", values)

    @http.route(
        "/my/council/meeting/<int:meeting_id>/attend",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_council_meeting_attend(self, meeting_id, **kw):
        meeting = self._council_meeting(meeting_id)
        attendee = self._council_attendee(meeting)
        if meeting.state != "convened" or not attendee:
            raise NotFound()
        form = FormParser(request.env, kw)
        answer = form.selection("answer", ("accepted", "declined"), default="accepted")
        try:
            form.check()
        except FormError as error:
            # the page's two buttons send one of both: anything else is a forged request
            raise BadRequest(error.message) from error
        if answer == "declined":
            attendee.do_decline()
        else:
            attendee.do_accept()
        return request.redirect(f"/my/council/meeting/{meeting.id}?message=attendance")

    @http.route(
        "/my/council/meeting/<int:meeting_id>/minutes", type="http", auth="user", website=True
    )
    def portal_my_council_meeting_minutes(self, meeting_id, lang=None, **kw):
        """The approved minutes as PDF, in `lang` (kk_KZ or ru_RU, or kk/ru) when asked,
        else in the board's language; any other language is a bad request."""
        meeting = self._council_meeting(meeting_id)
        if meeting.state != "approved":
            raise NotFound()  # draft minutes are never shown on the portal
        try:
            lang = meeting.sudo()._minutes_lang(lang)
        except UserError as error:
            raise BadRequest(error.args[0]) from error
        pdf = meeting.sudo()._render_minutes_pdf(lang)
        filename = meeting._minutes_file_name(lang)
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )

    @http.route("/my/council/appeals", type="http", auth="user", website=True)
    def portal_my_council_appeals(self, **kw):
        # Appeals are hidden from everybody but the chair and the head: a parent sees only
        # the ones they signed with their account, read as superuser.
        appeals = (
            request.env["kindergarten.council.appeal"]
            .sudo()
            .search([("partner_id", "=", request.env.user.partner_id.id)])
        )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "council_appeals", "appeals": appeals})
        return request.render("kindergarten_council.portal_my_council_appeals", values)

    @http.route("/my/council/actions", type="http", auth="user", website=True)
    def portal_my_council_actions(self, **kw):
        Action = request.env["kindergarten.council.action"]
        if not Action.has_access("read"):
            raise NotFound()
        actions = Action.search(self._council_actions_domain(), order="state, date_deadline, id")
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "council_actions", "actions": actions})
        return request.render("kindergarten_council.portal_my_council_actions", values)

    @http.route(
        "/my/council/action/<int:action_id>/done",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_my_council_action_done(self, action_id, **kw):
        action = self._council_record("kindergarten.council.action", action_id)
        if action.partner_id != request.env.user.partner_id or action.state != "open":
            raise NotFound()
        # Portal members have no write access: the state change runs as superuser, in
        # the member's name in the chatter.
        action.sudo().with_context(mail_create_nosubscribe=True).action_done()
        action.sudo().message_post(
            body=_("Marked done by %(name)s on the portal.", name=request.env.user.name),
            author_id=request.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return request.redirect("/my/council/actions")
