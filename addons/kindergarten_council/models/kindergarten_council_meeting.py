from datetime import timedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import (
    DOCUMENT_LANGS,
    academic_year_label,
    academic_year_of,
    document_lang,
)

from ..tools import name_search_domain

# Fields that can still change on approved minutes (mail and technical bookkeeping).
# The one gate of the minutes (`_check_minutes_change`) reads these:
# what of an approved meeting may still be written (links kept by Odoo, published files),
MINUTES_REPORT = "kindergarten_council.action_report_meeting_minutes"
UNLOCKED_FIELDS = {"message_main_attachment_id", "calendar_event_id", "member_document_ids"}
# what of a meeting is frozen once it is convened,
AGENDA_FIELDS = {"council_id", "number", "date", "hour"}
# what can be recorded on the agenda items of a convened or held meeting,
DECISION_FIELDS = {
    "decision",
    "votes_for",
    "votes_against",
    "votes_abstained",
    "chair_vote",
    "action_ids",
}
# and what is recorded only once the meeting is convened.
VOTE_FIELDS = {"votes_for", "votes_against", "votes_abstained", "chair_vote"}


class KindergartenCouncilMeeting(models.Model):
    """A general meeting of the board, numbered within the academic year."""

    _name = "kindergarten.council.meeting"
    _description = "Board Meeting"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "kindergarten.calendar.mixin",
        "kindergarten.tz.mixin",
    ]
    _order = "date desc, number desc, id desc"

    # Not stored: the name is built in the reader's language (Kazakh, Russian, ...).
    name = fields.Char(compute="_compute_name", search="_search_name")
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    number = fields.Integer(required=True, default=1, tracking=True, aggregator=False)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    hour = fields.Float(string="Time", default=15.0, help="Local time the meeting starts.")
    duration = fields.Float(default=1.5, help="Expected duration in hours.")
    academic_year = fields.Integer(
        compute="_compute_academic_year", store=True, index=True, aggregator=False
    )
    academic_year_label = fields.Char(
        string="Academic year", compute="_compute_academic_year", store=True
    )
    place = fields.Char(tracking=True)
    online_url = fields.Char(string="Online link", tracking=True)
    plan_line_id = fields.Many2one(
        "kindergarten.council.plan.line",
        string="Plan line",
        index=True,
        domain="[('plan_id.council_id', '=', council_id)]",
        help="The work plan line this meeting carries out (e.g. 1.1).",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("convened", "Convened"),
            ("held", "Held"),
            ("approved", "Minutes approved"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    agenda_item_ids = fields.One2many(
        "kindergarten.council.agenda.item", "meeting_id", string="Agenda", copy=True
    )
    attendance_ids = fields.One2many(
        "kindergarten.council.meeting.attendance", "meeting_id", string="Attendance"
    )
    guest_partner_ids = fields.Many2many(
        "res.partner",
        "kindergarten_council_meeting_guest_rel",
        "meeting_id",
        "partner_id",
        string="Invited guests",
    )
    action_ids = fields.One2many(
        "kindergarten.council.action", "meeting_id", string="Follow-up actions"
    )
    previous_action_ids = fields.Many2many(
        "kindergarten.council.action",
        compute="_compute_previous_action_ids",
        string="Open actions of earlier meetings",
    )
    members_count = fields.Integer(
        string="Voting members", compute="_compute_quorum", store=True, aggregator=False
    )
    present_count = fields.Integer(
        string="Present", compute="_compute_quorum", store=True, aggregator=False
    )
    quorum = fields.Boolean(string="Quorum reached", compute="_compute_quorum", store=True)
    quorum_sentence = fields.Char(compute="_compute_quorum_sentence")
    chair_partner_id = fields.Many2one(
        "res.partner",
        string="Chaired by",
        help="Defaults to the board's chair whose term covers the meeting date.",
    )
    secretary_partner_id = fields.Many2one(
        "res.partner",
        string="Minutes taken by",
        help="Defaults to the board's secretary.",
    )
    notes = fields.Html()
    member_document_ids = fields.Many2many(
        "ir.attachment",
        "kindergarten_council_meeting_member_document_rel",
        "meeting_id",
        "attachment_id",
        string="Documents for members",
        help="Files the members see on the portal (e.g. the draft plan to discuss). Other "
        "attachments of the meeting, such as those of internal notes, stay internal.",
    )
    amendment_item_ids = fields.One2many(
        "kindergarten.council.agenda.item",
        "amends_meeting_id",
        string="Amendments",
        help="Decisions of later meetings that amend these minutes.",
    )

    _sql_constraints = [
        (
            "number_unique",
            "UNIQUE(council_id, academic_year, number)",
            "This meeting number is already used by the board in this academic year.",
        ),
        ("number_positive", "CHECK(number > 0)", "A meeting number is positive."),
    ]

    @api.depends("number", "academic_year_label")
    @api.depends_context("lang")
    def _compute_name(self):
        for meeting in self:
            meeting.name = meeting._meeting_title()

    @api.depends("number", "academic_year_label")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for meeting in self:
            meeting.display_name = meeting._meeting_title()

    def _meeting_title(self):
        """Return "Meeting No. N (year)" in the language of the environment."""
        self.ensure_one()
        return self.env._(
            "Meeting No. %(number)s (%(year)s)",
            number=self.number,
            year=self.academic_year_label or "",
        )

    def _search_name(self, operator, value):
        """Find meetings by the number and academic year written in their name."""
        return name_search_domain(operator, value, "number", "academic_year")

    @api.depends("date")
    def _compute_academic_year(self):
        for meeting in self:
            year = academic_year_of(meeting.date) if meeting.date else 0
            meeting.academic_year = year
            meeting.academic_year_label = academic_year_label(year) if year else False

    @api.depends(
        "attendance_ids.status",
        "attendance_ids.is_voting",
        "council_id.quorum_numerator",
        "council_id.quorum_denominator",
    )
    def _compute_quorum(self):
        for meeting in self:
            voting = meeting.attendance_ids.filtered("is_voting")
            meeting.members_count = len(voting)
            meeting.present_count = len(voting.filtered(lambda a: a.status == "present"))
            meeting.quorum = bool(meeting.council_id) and meeting.council_id._has_quorum(
                meeting.present_count, meeting.members_count
            )

    @api.depends("quorum", "present_count", "members_count")
    @api.depends_context("lang")
    def _compute_quorum_sentence(self):
        for meeting in self:
            if meeting.quorum:
                meeting.quorum_sentence = _(
                    "%(present)s of %(members)s members of the board are present; "
                    "the quorum is reached and the meeting is competent.",
                    present=meeting.present_count,
                    members=meeting.members_count,
                )
            else:
                meeting.quorum_sentence = _(
                    "%(present)s of %(members)s members of the board are present; "
                    "there is no quorum.",
                    present=meeting.present_count,
                    members=meeting.members_count,
                )

    @api.depends("council_id", "date")
    def _compute_previous_action_ids(self):
        for meeting in self:
            if not meeting.council_id or not meeting.date:
                meeting.previous_action_ids = False
                continue
            meeting.previous_action_ids = self.env["kindergarten.council.action"].search(
                [
                    ("council_id", "=", meeting.council_id.id),
                    ("state", "=", "open"),
                    ("meeting_id", "!=", meeting._origin.id or False),
                    "|",
                    ("meeting_id.date", "<", meeting.date),
                    ("meeting_id", "=", False),
                ]
            )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        for meeting in meetings:
            if not meeting.chair_partner_id:
                meeting.chair_partner_id = meeting._default_chair()
            if not meeting.secretary_partner_id:
                meeting.secretary_partner_id = meeting.council_id.secretary_id
        meetings._sync_attendance()
        meetings._sync_calendar_event()
        return meetings

    def write(self, vals):
        self._check_minutes_change("meeting", vals)
        res = super().write(vals)
        if {"date", "council_id"} & set(vals):
            self._sync_attendance()
        if {"date", "hour", "duration", "place", "online_url", "number"} & set(vals):
            self._sync_calendar_event()
        return res

    def unlink(self):
        if any(m.state != "draft" for m in self):
            raise UserError(_("Only draft meetings can be deleted."))
        return super().unlink()

    def _check_minutes_change(self, part, vals=None, operation="write"):
        """The one gate of the minutes: may `part` of these meetings change?

        `part` is what changes: "meeting" (the meeting itself), "agenda" (its agenda
        items, with their decisions and votes) or "attendance"; `operation` is "create",
        "write" or "unlink"; `vals` the values written. Every create, write and unlink of
        the meeting and of its parts calls it; it raises a UserError saying why not.
        Approved minutes change only by a later meeting's decision (amendments).
        """
        changed = set(vals or ())
        for meeting in self:
            state = meeting.state
            if state == "approved" and (part != "meeting" or changed - UNLOCKED_FIELDS):
                raise UserError(
                    _(
                        "The minutes of %(meeting)s are approved and cannot be changed; "
                        "a later meeting's decision can amend them.",
                        meeting=meeting.display_name,
                    )
                )
            if state in ("convened", "held"):
                if part == "meeting" and changed & AGENDA_FIELDS:
                    raise UserError(
                        _(
                            "%(meeting)s is convened: its agenda, number and date are frozen.",
                            meeting=meeting.display_name,
                        )
                    )
                if part == "agenda" and (operation != "write" or changed - DECISION_FIELDS):
                    raise UserError(
                        _(
                            "%(meeting)s is convened: its agenda is frozen; only decisions and "
                            "votes can be recorded.",
                            meeting=meeting.display_name,
                        )
                    )
            if (
                state == "draft"
                and part == "agenda"
                and any((vals or {}).get(f) for f in VOTE_FIELDS)
            ):
                raise UserError(_("Convene the meeting before recording decisions and votes."))

    # -------------------------------------------------------------- helpers

    def _default_chair(self):
        """Return the partner chairing the board on the meeting date."""
        self.ensure_one()
        chair = self.council_id._active_members(self.date).filtered(lambda m: m.role == "chair")
        return chair[:1].partner_id

    def _sync_attendance(self):
        """Add a line for each voting member whose term covers the date, drop the others."""
        Attendance = self.env["kindergarten.council.meeting.attendance"]
        for meeting in self.filtered(lambda m: m.state == "draft"):
            council = meeting.council_id
            expected = council._active_members(meeting.date)
            voting_partners = council._voting_partners(meeting.date)
            lines = meeting.attendance_ids
            lines.filtered(lambda a, keep=voting_partners: a.partner_id not in keep).unlink()
            known = meeting.attendance_ids.partner_id
            new_vals = [
                {
                    "meeting_id": meeting.id,
                    "partner_id": member.partner_id.id,
                    "member_id": member.id,
                }
                for member in expected
                if member.partner_id not in known
            ]
            if (
                council.secretary_votes
                and council.secretary_id
                and council.secretary_id not in (known | expected.partner_id)
            ):
                new_vals.append({"meeting_id": meeting.id, "partner_id": council.secretary_id.id})
            Attendance.create(new_vals)

    def _event_datetimes(self):
        """Return the UTC start and stop of the meeting, its hour read in the preschool's zone."""
        self.ensure_one()
        start = self._kindergarten_utc(self.date, self.hour)
        return start, start + timedelta(hours=self.duration or 1.0)

    def _calendar_event_values(self):
        """The meeting in Odoo Calendar: nobody attends a draft, the invited once convened."""
        self.ensure_one()
        start, stop = self._event_datetimes()
        partners = self._invited_partners() if self.state != "draft" else self.env["res.partner"]
        return {
            "name": f"{self.council_id.name}: {self.name}",
            "start": start,
            "stop": stop,
            "location": self.place or False,
            "videocall_location": self.online_url or False,
            "partner_ids": [Command.set(partners.ids)],
        }

    def _invited_partners(self):
        """Return the partners invited to the meeting: members, secretary, guests."""
        self.ensure_one()
        return (
            self.attendance_ids.partner_id
            | self.council_id._active_members(self.date).partner_id
            | self.secretary_partner_id
            | self.guest_partner_ids
        )

    # -------------------------------------------------------------- actions

    def action_convene(self):
        """Freeze the agenda and invite members and guests through the calendar event."""
        for meeting in self:
            if meeting.state != "draft":
                raise UserError(_("Only a draft meeting can be convened."))
            if not meeting.agenda_item_ids:
                raise UserError(
                    _(
                        "%(meeting)s has no agenda: add agenda items before convening it.",
                        meeting=meeting.display_name,
                    )
                )
            meeting._sync_attendance()
            meeting.state = "convened"
            # The calendar e-mails the invitations (with its .ics) to the attendees.
            meeting._sync_calendar_event(notify=True)
            partners = meeting._invited_partners()
            meeting.message_post(
                body=_(
                    "Meeting convened; invitations sent to %(count)s people.", count=len(partners)
                )
            )
        return True

    def action_hold(self):
        """Record that the meeting took place with the attendance marked."""
        for meeting in self:
            if meeting.state != "convened":
                raise UserError(_("Only a convened meeting can be marked as held."))
            meeting.state = "held"
        return True

    def action_approve(self):
        """Approve and lock the minutes (chair / manager only)."""
        if not self.env.user.has_group("kindergarten_council.group_council_manager"):
            raise UserError(_("Only the chair or a board manager can approve the minutes."))
        for meeting in self:
            if meeting.state != "held":
                raise UserError(_("Only the minutes of a held meeting can be approved."))
            meeting.state = "approved"
        return True

    def action_reset_to_draft(self):
        """Reopen a convened meeting's agenda (the invitations stay sent)."""
        for meeting in self:
            if meeting.state != "convened":
                raise UserError(_("Only a convened meeting can go back to draft."))
            meeting.state = "draft"
        return True

    def action_amend(self):
        """Put an amendment of these approved minutes on the agenda of the board's next meeting."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(
                _("Only approved minutes are amended by a later meeting; correct these directly.")
            )
        meeting = self._next_draft_meeting()
        self.env["kindergarten.council.agenda.item"].create(
            {
                "meeting_id": meeting.id,
                "sequence": max(meeting.agenda_item_ids.mapped("sequence"), default=0) + 10,
                "name": _("Amendment to the minutes of %(meeting)s", meeting=self.display_name),
                "amends_meeting_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": meeting.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _next_draft_meeting(self):
        """Return the board's next draft meeting after this one, creating it when there is none."""
        self.ensure_one()
        meeting = self.search(
            [
                ("council_id", "=", self.council_id.id),
                ("state", "=", "draft"),
                ("date", ">", self.date),
            ],
            order="date, number",
            limit=1,
        )
        if not meeting:
            day = max(fields.Date.context_today(self), self.date + timedelta(days=1))
            meeting = self.create(
                {
                    "council_id": self.council_id.id,
                    "date": day,
                    "number": self._next_number(self.council_id, academic_year_of(day)),
                    "place": self.place,
                }
            )
        return meeting

    def _amendments_in_force(self):
        """Return the adopted amendments of these minutes whose own minutes are approved."""
        self.ensure_one()
        return self.amendment_item_ids.filtered(
            lambda item: item.meeting_id.state == "approved" and item.result == "adopted"
        ).sorted(lambda item: (item.meeting_id.date, item.meeting_id.number, item.sequence))

    def action_refresh_attendance(self):
        """Refill the attendance from the members whose term covers the date."""
        self._sync_attendance()
        return True

    def action_open_calendar_event(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }

    # ---------------------------------------------------------------- minutes
    def _minutes_lang(self, lang=None):
        """The res.lang code the minutes are printed in: `lang` (kk_KZ or ru_RU, or kk/ru)
        when asked, else the board's language (Kazakh when the board's is neither).
        A UserError for any other language asked."""
        self.ensure_one()
        if not lang:
            lang = self.council_id.lang if self.council_id.lang in DOCUMENT_LANGS else "kk_KZ"
        return document_lang(self.env, lang)

    def _minutes_file_name(self, lang=None):
        """The minutes' PDF file name, in the language they are printed in."""
        self.ensure_one()
        meeting = self.with_context(lang=self._minutes_lang(lang))
        return meeting.env._("Minutes %(name)s.pdf", name=meeting._meeting_title())

    def _render_minutes_pdf(self, lang=None):
        """Return the PDF of the minutes in `lang` (see _minutes_lang)."""
        lang = self[:1]._minutes_lang(lang) if lang else None
        return self.env["ir.actions.report"]._render_qweb_pdf(
            MINUTES_REPORT, self.ids, data={"lang": lang} if lang else None
        )[0]

    def action_print_minutes(self):
        """Print the minutes in the language of the context's `minutes_lang` (the form's
        Kazakh and Russian buttons), else in the board's language."""
        lang = self.env.context.get("minutes_lang")
        data = {"lang": self[:1]._minutes_lang(lang)} if lang else None
        return self.env.ref(MINUTES_REPORT).report_action(self, data=data)

    @api.model
    def _next_number(self, council, year):
        """Return the next free meeting number of a board in an academic year."""
        meetings = self.search([("council_id", "=", council.id), ("academic_year", "=", year)])
        return max(meetings.mapped("number"), default=0) + 1
