import logging
from contextlib import contextmanager
from datetime import timedelta

import psycopg2
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

BOOKING_DAYS = 14  # how far ahead parents (and staff rescheduling) see free slots


class ConsultationAppointment(models.Model):
    """An individual or group consultation (regulation 2.1, 2.4)."""

    _name = "consultation.appointment"
    _description = "Consultation"
    _inherit = ["mail.thread", "mail.activity.mixin", "kindergarten.calendar.mixin"]
    _order = "start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    point_id = fields.Many2one(
        "consultation.point",
        required=True,
        index=True,
        default=lambda self: self.env["consultation.point"]._default_point(),
    )
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("individual", "Individual"), ("group", "Group")],
        required=True,
        default="individual",
        tracking=True,
    )
    specialist_id = fields.Many2one(
        "consultation.specialist",
        required=True,
        index=True,
        tracking=True,
        domain="[('point_id', '=', point_id)]",
    )
    user_id = fields.Many2one(related="specialist_id.user_id", store=True, string="Specialist user")
    other_specialist_ids = fields.Many2many(
        "consultation.specialist",
        string="Other specialists",
        domain="[('point_id', '=', point_id), ('id', '!=', specialist_id)]",
    )
    topic_id = fields.Many2one("consultation.topic", tracking=True)
    start = fields.Datetime(required=True, tracking=True, index=True)
    stop = fields.Datetime(required=True, tracking=True)
    duration = fields.Float(compute="_compute_duration", string="Duration (hours)")
    mode = fields.Selection(
        [("in_person", "In person"), ("remote", "Remote")],
        required=True,
        default="in_person",
        tracking=True,
    )
    meeting_url = fields.Char(string="Meeting link", tracking=True)
    channel_id = fields.Many2one("discuss.channel", string="Discuss room", readonly=True)
    capacity = fields.Integer(default=1, required=True)
    line_ids = fields.One2many("consultation.appointment.line", "appointment_id", string="Families")
    seats_taken = fields.Integer(compute="_compute_seats")
    waiting_count = fields.Integer(compute="_compute_seats")
    state = fields.Selection(
        [
            ("reserved", "Reserved"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
            ("no_show", "No-show"),
        ],
        default="reserved",
        required=True,
        tracking=True,
        index=True,
    )
    hold_expires_at = fields.Datetime(
        readonly=True, help="A slot held by a parent is released when not confirmed by then."
    )
    recommendations = fields.Html(help="Recommendations the parent sees in the portal.")
    note_ids = fields.One2many("consultation.note", "appointment_id", string="Notes")

    _sql_constraints = [
        ("stop_after_start", "CHECK(stop > start)", "A consultation must end after it starts."),
        ("capacity_positive", "CHECK(capacity >= 1)", "The capacity must be at least 1."),
        (
            "individual_single",
            "CHECK(kind = 'group' OR capacity = 1)",
            "An individual consultation is for one family.",
        ),
        # Overlapping consultations of one specialist, refused by the database itself (the
        # constraint "consultation_appointment_specialist_no_overlap"). Odoo datetimes are
        # UTC "timestamp without time zone": tsrange is the immutable equivalent of
        # tstzrange(start, stop) here.
        (
            "specialist_no_overlap",
            "EXCLUDE USING gist (specialist_id WITH =, tsrange(start, stop) WITH &&)"
            " WHERE (state != 'cancelled')",
            "A specialist cannot hold two consultations at the same time.",
        ),
    ]

    def _auto_init(self):
        # The exclusion constraint compares integers with '=' in a GiST index.
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        return super()._auto_init()

    @api.depends("topic_id", "start", "specialist_id")
    def _compute_name(self):
        for appt in self:
            appt.name = " – ".join(
                filter(None, [appt.topic_id.name, appt.specialist_id.name])
            ) or _("Consultation")

    @api.depends("start", "stop")
    def _compute_duration(self):
        for appt in self:
            appt.duration = (
                (appt.stop - appt.start).total_seconds() / 3600 if appt.start and appt.stop else 0
            )

    @api.depends("line_ids.state")
    def _compute_seats(self):
        for appt in self:
            appt.seats_taken = len(appt.line_ids.filtered(lambda li: li.state in _SEATED))
            appt.waiting_count = len(appt.line_ids.filtered(lambda li: li.state == "waiting"))

    @api.onchange("start", "specialist_id", "point_id")
    def _onchange_start(self):
        if self.start and self.point_id and (not self.stop or self.stop <= self.start):
            self.stop = self.start + timedelta(minutes=self.point_id.slot_minutes)

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind == "individual":
            self.capacity = 1
        elif self.capacity < 2:
            self.capacity = 10

    # ------------------------------------------------------------------ rules
    @api.constrains("start", "stop", "specialist_id", "other_specialist_ids", "state")
    def _check_availability(self):
        for appt in self.filtered(lambda a: a.state != "cancelled"):
            for spec in appt.specialist_id | appt.other_specialist_ids:
                if not spec._receives_during(appt.start, appt.stop):
                    raise ValidationError(
                        _(
                            "%(specialist)s does not receive from %(start)s to %(stop)s: "
                            "outside the point's hours or the specialist's availability, "
                            "or during a leave or a holiday.",
                            specialist=spec.name,
                            start=appt._format_in_point_tz(appt.start),
                            stop=appt._format_in_point_tz(appt.stop),
                        )
                    )
            others = appt.other_specialist_ids
            # sudo: a specialist does not read the other specialists' consultations.
            if others and self.sudo().search_count(
                [
                    ("id", "!=", appt.id),
                    ("state", "!=", "cancelled"),
                    ("start", "<", appt.stop),
                    ("stop", ">", appt.start),
                    "|",
                    ("specialist_id", "in", others.ids),
                    ("other_specialist_ids", "in", others.ids),
                ]
            ):
                raise ValidationError(_("Another specialist of this consultation is busy then."))

    @api.constrains("specialist_id", "other_specialist_ids", "topic_id", "point_id")
    def _check_specialists(self):
        """The specialist takes the consultation's topic; every specialist works at its point."""
        for appt in self.sudo():
            if appt.topic_id and appt.topic_id not in appt.specialist_id.topic_ids:
                raise ValidationError(
                    _(
                        "%(specialist)s does not consult on %(topic)s.",
                        specialist=appt.specialist_id.name,
                        topic=appt.topic_id.name,
                    )
                )
            if (appt.specialist_id | appt.other_specialist_ids).point_id != appt.point_id:
                raise ValidationError(
                    _("The specialists of a consultation work at its consultation point.")
                )

    def _format_in_point_tz(self, value):
        """Format a UTC datetime in the point's time zone."""
        tz = pytz.timezone(self.point_id.resource_calendar_id.tz or "UTC")
        return pytz.utc.localize(value).astimezone(tz).strftime("%d.%m.%Y %H:%M")

    @api.model
    def _local_day(self, value, point=None):
        """Return the day of a naive UTC datetime in the point's time zone (not the UTC day)."""
        point = point or self.point_id
        tz = pytz.timezone(point.sudo().resource_calendar_id.tz or "UTC")
        return pytz.utc.localize(value).astimezone(tz).date()

    @api.constrains("line_ids", "capacity")
    def _check_capacity(self):
        for appt in self:
            if appt.seats_taken > appt.capacity:
                raise ValidationError(
                    _(
                        "%(name)s has %(capacity)s seats; %(taken)s families are booked.",
                        name=appt.name,
                        capacity=appt.capacity,
                        taken=appt.seats_taken,
                    )
                )

    # ---------------------------------------------------------------- booking
    @api.model
    def book_slot(
        self, specialist, start, partner, child, topic=None, request=None, mode="in_person"
    ):
        """Hold a free slot for a family; return the consultation or raise a UserError.

        Safe under concurrency: the database's exclusion constraint lets only one of
        two simultaneous bookings of the same specialist and time succeed; a row lock
        on the specialist queues simultaneous bookings so the loser gets a clear error.
        """
        specialist = specialist.sudo()
        point = specialist.point_id
        child._check_bookable(self._local_day(start, point), partner)
        stop = start + timedelta(minutes=point.slot_minutes)
        if start < fields.Datetime.now():
            raise UserError(_("This time has already passed; pick another slot."))
        vals = {
            "point_id": point.id,
            "specialist_id": specialist.id,
            "topic_id": topic.id if topic else False,
            "start": start,
            "stop": stop,
            "mode": mode,
            "state": "reserved",
            "hold_expires_at": fields.Datetime.now() + timedelta(minutes=point.hold_minutes),
            "line_ids": [
                fields.Command.create(
                    {
                        "partner_id": partner.id,
                        "child_id": child.id,
                        "request_id": request.id if request else False,
                    }
                )
            ],
        }
        with self._locked_slot(specialist):
            appointment = self.sudo().create(vals)
            appointment.flush_recordset()
        return appointment.with_env(self.env)

    @contextmanager
    def _locked_slot(self, specialist):
        """Run a booking change under the specialist's row lock; a lost race or a slot the
        rules refuse becomes a clear UserError, and nothing of the change is kept."""
        try:
            with self.env.cr.savepoint():
                # Queue concurrent bookings of one specialist: the second one then meets
                # the first one's committed row in the exclusion constraint instead of
                # deadlocking with it while both are being inserted.
                self.env.cr.execute(
                    "SELECT id FROM consultation_specialist WHERE id = %s FOR UPDATE",
                    (specialist.id,),
                )
                yield
        except (
            psycopg2.errors.ExclusionViolation,
            psycopg2.errors.DeadlockDetected,
            psycopg2.errors.SerializationFailure,
        ) as exc:
            raise UserError(
                _("Sorry, this slot has just been taken. Please pick another one.")
            ) from exc
        except ValidationError as exc:
            raise UserError(
                _("This slot is not available: %(reason)s", reason=exc.args[0])
            ) from exc

    @api.model
    def book_for_family(
        self, specialist, start, partner, child, topic, mode="in_person", replaced_line=None
    ):
        """Book a slot a parent picked on the portal, recorded in the register of requests.

        The family's open request for the child and topic is linked (and so moves to
        scheduled), or a website request is registered for it; when the booking replaces
        another one (a reschedule), the old booking's request is kept and the old booking
        is cancelled. Nothing is kept when the booking fails (book_slot checks the child).
        """
        with self.env.cr.savepoint():
            request = replaced_line.request_id if replaced_line else None
            request = request or self.env["consultation.request"]._for_booking(
                specialist.sudo().point_id, partner, child, topic
            )
            appointment = self.book_slot(
                specialist, start, partner, child, topic=topic, request=request, mode=mode
            )
            if replaced_line:
                replaced_line._portal_cancel()
        return appointment

    @api.model
    def _portal_book(
        self, partner, child, topic, specialist, start, mode="in_person", replaced_line=None
    ):
        """Book the slot a parent picked on the portal; return the consultation or raise a
        UserError (nothing is kept then).

        The rules of every booking apply (the specialist takes the topic and works at the
        consultation's point, the child may be served, the slot is free and to come); the
        portal adds that the specialist works at one of the family's points and that a
        booking being moved (`replaced_line`) may still be changed online.
        """
        specialist = specialist.sudo()
        if (
            not topic.exists()
            or not specialist.exists()
            or topic not in specialist.topic_ids
            or specialist.point_id not in self.env["consultation.point"]._portal_points_of(partner)
        ):
            raise UserError(_("Pick a slot from the list."))
        if replaced_line is not None:
            replaced_line._check_portal_can_change()
        return self.book_for_family(
            specialist, start, partner, child, topic, mode=mode, replaced_line=replaced_line
        )

    def _portal_join(self, partner, child):
        """Book a family into this group session from the portal, once.

        Return the family's booking: the one the child has when already booked or waiting,
        else a new one (on the waiting list when the session is full), recorded in the
        register of requests.
        """
        self.ensure_one()
        booked = self.line_ids.filtered(
            lambda li: li.partner_id == partner
            and li.child_id == child
            and li.state in ("booked", "waiting")
        )
        if booked:
            return booked[:1]
        with self.env.cr.savepoint():
            request = (
                self.env["consultation.request"]
                .sudo()
                ._for_booking(self.point_id, partner, child, self.topic_id, "group")
            )
            return self.add_family(partner, child, request=request)

    def _check_can_reschedule(self):
        """Only a planned consultation can move to another slot."""
        for appt in self:
            if appt.state not in ("reserved", "confirmed"):
                raise UserError(_("Only a planned consultation can be rescheduled."))

    def reschedule_slots(self, date_from, specialist=None, days=BOOKING_DAYS):
        """Return the free slots this consultation can move to (the portal's slot search)."""
        self.ensure_one()
        return self.point_id._get_free_slots(
            self.topic_id,
            date_from,
            date_from + timedelta(days=days),
            specialists=specialist or None,
            slot_minutes=round(self.duration * 60),
        )

    def reschedule_to(self, specialist, start):
        """Move the consultation to a free slot, under the booking rules; raise a UserError."""
        self.ensure_one()
        self._check_can_reschedule()
        if start < fields.Datetime.now():
            raise UserError(_("This time has already passed; pick another slot."))
        for line in self.line_ids.filtered(lambda li: li.state in ("booked", "waiting")):
            line.child_id._check_bookable(self._local_day(start))
        old = self._format_in_point_tz(self.start)
        stop = start + (self.stop - self.start)
        with self._locked_slot(specialist):
            self.write({"specialist_id": specialist.id, "start": start, "stop": stop})
            self.flush_recordset()
        # the families hear of the new time (with a new .ics) and get its reminder again
        self.line_ids.sudo().write({"reminder_sent": False})
        if self.state == "confirmed":
            self._notify_confirmed()
        self.message_post(
            body=_(
                "Rescheduled from %(old)s to %(new)s.", old=old, new=self._format_in_point_tz(start)
            )
        )
        return True

    def action_reschedule(self):
        """Open the slot search to move the consultation."""
        self.ensure_one()
        self._check_can_reschedule()
        wizard = self.env["consultation.appointment.reschedule"].create(
            {"appointment_id": self.id, "specialist_id": self.specialist_id.id}
        )
        return wizard._action_open()

    def add_family(self, partner, child, request=None):
        """Book a family into a group session, or onto its waiting list when it is full;
        a seat on a confirmed session is e-mailed to the family (as a confirmation)."""
        self.ensure_one()
        if self.state not in ("reserved", "confirmed"):
            raise UserError(_("Families can only join a planned consultation."))
        child._check_bookable(self._local_day(self.start), partner)
        # Lock the session's row: two families cannot take the last seat together.
        self.env.cr.execute(
            "SELECT id FROM consultation_appointment WHERE id = %s FOR UPDATE", (self.id,)
        )
        self.invalidate_recordset(["line_ids"])
        self.line_ids.invalidate_recordset()
        taken = (
            self.env["consultation.appointment.line"]
            .sudo()
            .search_count([("appointment_id", "=", self.id), ("state", "in", _SEATED)])
        )
        state = "booked" if taken < self.capacity else "waiting"
        line = (
            self.env["consultation.appointment.line"]
            .sudo()
            .create(
                {
                    "appointment_id": self.id,
                    "partner_id": partner.id,
                    "child_id": child.id,
                    "request_id": request.id if request else False,
                    "state": state,
                }
            )
        )
        # a seat on a confirmed session is confirmed: the family gets the e-mail and .ics
        if state == "booked" and self.state == "confirmed":
            line._send_parent_mail("consultation_point.mail_template_appointment_confirmed")
        return line.with_env(self.env)

    def _promote_waiting(self):
        """Give freed seats to the families waiting longest."""
        for appt in self:
            free = appt.capacity - appt.seats_taken
            waiting = appt.line_ids.filtered(lambda li: li.state == "waiting").sorted("id")
            waiting[: max(free, 0)].write({"state": "booked"})

    # ---------------------------------------------------------------- states
    def _check_can_record_outcome(self):
        """Only the consultation's specialists and the head record what happened."""
        if self.env.su or self.env.user.has_group("consultation_point.group_consultation_head"):
            return
        for appt in self:
            if self.env.user not in (appt.specialist_id | appt.other_specialist_ids).user_id:
                raise UserError(
                    _("Only the specialist of %(name)s or the head can do this.", name=appt.name)
                )

    def _parents_without_contract(self):
        """Return the parents whose first consultation waits for a signed contract."""
        self.ensure_one()
        missing = self.env["res.partner"]
        if not self.point_id.contract_required:
            return missing
        Line = self.env["consultation.appointment.line"].sudo()
        day = self._local_day(self.start)
        for line in self.sudo().line_ids.filtered(lambda li: li.state == "booked"):
            earlier = Line.search_count(
                [
                    ("partner_id", "=", line.partner_id.id),
                    ("appointment_id", "!=", self.id),
                    ("appointment_id.state", "in", ("confirmed", "done")),
                ]
            )
            if not earlier and not line.partner_id._consultation_signed_contract(day):
                missing |= line.partner_id
        return missing

    def _check_contract(self):
        """With the setting on, a family's first consultation needs a signed contract."""
        for appt in self:
            missing = appt._parents_without_contract()
            if missing:
                raise UserError(
                    _(
                        "%(parent)s has no signed contract: the first consultation "
                        "cannot be confirmed before the contract is signed.",
                        parent=missing[:1].name,
                    )
                )

    def _confirm_staff_entry(self):
        """Confirm consultations entered by staff unless a family still lacks its contract.

        A parent's booking from the portal is a hold that expires; a consultation staff
        enter was agreed with the family, so it is confirmed at once. Only when the point
        requires a signed contract before the first consultation and it is missing does
        it stay reserved, without expiry, until staff confirm it after the signature.
        """
        ready = self.filtered(lambda a: a.state == "reserved" and not a._parents_without_contract())
        if ready:
            ready.write({"state": "confirmed"})
            ready._notify_confirmed()

    def _notify_confirmed(self):
        """E-mail each booked family the confirmation, with the .ics, in its language."""
        self.line_ids.filtered(lambda li: li.state == "booked")._send_parent_mail(
            "consultation_point.mail_template_appointment_confirmed"
        )

    def action_confirm(self):
        """Confirm a reserved consultation."""
        for appt in self:
            if appt.state != "reserved":
                raise UserError(_("Only a reserved consultation can be confirmed."))
        self._check_contract()
        self.write({"state": "confirmed", "hold_expires_at": False})
        self.line_ids.request_id._mark_scheduled()
        self._notify_confirmed()

    def action_done(self):
        """Close a consultation once attendance is recorded."""
        self._check_can_record_outcome()
        for appt in self:
            if appt.state not in ("reserved", "confirmed"):
                raise UserError(_("Only a planned consultation can be marked as done."))
            if appt.line_ids.filtered(lambda li: li.state == "booked"):
                raise UserError(_("Mark every family as attended or absent first."))
            if not appt.line_ids.filtered(lambda li: li.state == "attended"):
                raise UserError(_("Nobody attended: mark the consultation as a no-show."))
        self.write({"state": "done"})
        self.line_ids.filtered(lambda li: li.state == "attended").request_id.filtered(
            lambda r: r.state in ("new", "scheduled")
        ).write({"state": "done"})

    def action_no_show(self):
        """Nobody came."""
        self._check_can_record_outcome()
        for appt in self:
            if appt.state not in ("reserved", "confirmed"):
                raise UserError(_("Only a planned consultation can be marked as a no-show."))
        self.line_ids.filtered(lambda li: li.state == "booked").write({"state": "no_show"})
        self.write({"state": "no_show"})

    def action_cancel(self):
        """Cancel the consultation and free the slot."""
        for appt in self:
            if appt.state not in ("reserved", "confirmed"):
                raise UserError(_("Only a planned consultation can be cancelled."))
        self.line_ids.filtered(lambda li: li.state in ("booked", "waiting")).write(
            {"state": "cancelled"}
        )
        self.write({"state": "cancelled"})

    def action_generate_discuss_room(self):
        """Create a private Discuss room for a remote consultation and use its invitation link.

        The room is a members-only group conversation (never a channel other employees could
        browse or join): the specialists are its members, and the family joins through the
        invitation link on their portal page.
        """
        for appt in self:
            if not appt.channel_id:
                channel = (
                    self.env["discuss.channel"]
                    .sudo()
                    .create({"name": appt.name, "channel_type": "group"})
                )
                specialists = appt.specialist_id | appt.other_specialist_ids
                channel.add_members(
                    partner_ids=specialists.user_id.partner_id.ids, post_joined_message=False
                )
                appt.channel_id = channel
            base = appt.get_base_url()
            appt.write({"mode": "remote", "meeting_url": base + appt.channel_id.invitation_url})

    @api.model
    def _cron_release_holds(self):
        """Release the reserved slots nobody confirmed in time."""
        expired = self.search(
            [("state", "=", "reserved"), ("hold_expires_at", "<", fields.Datetime.now())]
        )
        if expired:
            _logger.info("Releasing %s expired consultation holds", len(expired))
            expired.action_cancel()
        return expired

    # --------------------------------------------------------- calendar sync
    def _calendar_event_values(self):
        """The specialists' private calendar entry of the consultation (none once cancelled)."""
        self.ensure_one()
        if self.state == "cancelled":
            return False
        partners = (self.specialist_id | self.other_specialist_ids).partner_id
        return {
            "name": self.name,
            "start": self.start,
            "stop": self.stop,
            "user_id": self.user_id.id,
            "partner_ids": [fields.Command.set(partners.ids)],
            "videocall_location": self.meeting_url or False,
            "privacy": "private",
        }

    @api.model_create_multi
    def create(self, vals_list):
        # Staff enter consultations without a state; portal bookings are explicit holds.
        staff_entered = [not {"state", "hold_expires_at"} & set(vals) for vals in vals_list]
        appointments = super().create(vals_list)
        appointments._sync_calendar_event()
        appointments.line_ids.request_id.filtered(lambda r: r.state == "new")._mark_scheduled()
        appointments.browse(
            [appt.id for appt, staff in zip(appointments, staff_entered, strict=True) if staff]
        )._confirm_staff_entry()
        return appointments

    def write(self, vals):
        if "recommendations" in vals:
            self._check_can_record_outcome()
        res = super().write(vals)
        if {"start", "stop", "state", "specialist_id", "other_specialist_ids", "meeting_url"} & set(
            vals
        ):
            self._sync_calendar_event()
        if "capacity" in vals or "state" in vals:
            self.filtered(lambda a: a.state in ("reserved", "confirmed"))._promote_waiting()
        return res


_SEATED = ("booked", "attended", "no_show")
