"""The booking rules the portal used to apply in its routes, now in the models: tested
without HTTP, on every path (portal, staff, reschedule)."""

import functools
import threading
from contextlib import contextmanager
from datetime import timedelta

from freezegun import freeze_time

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import UserError, ValidationError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged

from .common import REFERENCE_TIME, ConsultationFixtures, next_weekday, utc


@tagged("post_install", "-at_install")
class TestBookingRules(ConsultationFixtures, TransactionCase):
    freeze_time = REFERENCE_TIME

    @contextmanager
    def _assertRefused(self, exception, message):
        """assertRaises (which rolls the refused change back, unlike assertRaisesRegex)
        and the reason given."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), message)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        cls.Appointment = cls.env["consultation.appointment"]
        cls.partner, cls.child = cls.make_family(cls.env, cls.company, "A", 4)
        cls.partner.email = "parent.a@example.kz"
        cls.partner_b, cls.child_b = cls.make_family(cls.env, cls.company, "B", 3)
        cls.partner_b.email = "parent.b@example.kz"
        cls.tuesday = next_weekday(1)
        cls.thursday = next_weekday(3)

    def _group_session(self, state="confirmed", capacity=2, day=None):
        session = self.Appointment.create(
            {
                "point_id": self.point.id,
                "specialist_id": self.spec1.id,
                "topic_id": self.topic.id,
                "kind": "group",
                "capacity": capacity,
                "start": utc(day or self.thursday, 9),
                "stop": utc(day or self.thursday, 9, 45),
            }
        )
        session.state = state
        return session

    # ------------------------------------------------ specialist, topic and point
    def test_portal_book_refuses_a_specialist_without_the_topic(self):
        with self._assertRefused(UserError, "Pick a slot from the list"):
            self.Appointment._portal_book(
                self.partner, self.child, self.topic, self.spec2, utc(self.tuesday, 9)
            )
        appt = self.Appointment._portal_book(
            self.partner, self.child, self.topic, self.spec1, utc(self.tuesday, 9)
        )
        self.assertEqual(appt.state, "reserved")
        self.assertEqual(appt.line_ids.partner_id, self.partner)

    def test_portal_book_refuses_a_point_of_another_preschool(self):
        other = self.setup_point(self.env, suffix=" other")
        with self._assertRefused(UserError, "Pick a slot from the list"):
            self.Appointment._portal_book(
                self.partner, self.child, other.topic, other.spec1, utc(self.tuesday, 9)
            )
        self.assertFalse(self.Appointment.search([("specialist_id", "=", other.spec1.id)]))

    def test_staff_entry_needs_a_specialist_of_the_topic_and_point(self):
        values = {
            "point_id": self.point.id,
            "specialist_id": self.spec2.id,
            "topic_id": self.topic.id,
            "start": utc(self.tuesday, 9),
            "stop": utc(self.tuesday, 9, 45),
        }
        with self._assertRefused(ValidationError, "does not consult on"):
            self.Appointment.create(values)
        other = self.setup_point(self.env, suffix=" other")
        with self._assertRefused(ValidationError, "work at its consultation point"):
            self.Appointment.create(
                dict(values, specialist_id=self.spec1.id, other_specialist_ids=other.spec1.ids)
            )
        appt = self.Appointment.create(dict(values, specialist_id=self.spec1.id))
        self.assertEqual(appt.state, "confirmed")

    def test_reschedule_to_a_specialist_without_the_topic_is_refused(self):
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, topic=self.topic
        )
        with self._assertRefused(UserError, "does not consult on"):
            appt.reschedule_to(self.spec2, utc(self.thursday, 9))
        self.assertEqual(appt.specialist_id, self.spec1)
        self.assertEqual(appt.start, utc(self.tuesday, 9))

    # ---------------------------------------------------------------- confirm
    def test_portal_confirm_only_a_reserved_individual_booking(self):
        appt = self.Appointment._portal_book(
            self.partner, self.child, self.topic, self.spec1, utc(self.tuesday, 9)
        )
        line = appt.line_ids
        self.assertTrue(line._portal_can_confirm())
        line._portal_confirm()
        self.assertEqual(appt.state, "confirmed")
        self.assertFalse(line._portal_can_confirm())
        with self._assertRefused(UserError, "not waiting for your confirmation"):
            line._portal_confirm()
        with self._assertRefused(UserError, "not waiting for your confirmation"):
            line.browse()._portal_confirm()
        group = self._group_session(state="reserved")
        seat = group.add_family(self.partner_b, self.child_b)
        self.assertFalse(seat._portal_can_confirm(), "staff confirm group sessions")
        with self._assertRefused(UserError, "not waiting for your confirmation"):
            seat._portal_confirm()
        self.assertEqual(group.state, "reserved")

    def test_portal_confirm_of_a_remote_booking_opens_its_room_first(self):
        appt = self.Appointment._portal_book(
            self.partner, self.child, self.topic, self.spec1, utc(self.tuesday, 9), mode="remote"
        )
        appt.line_ids._portal_confirm()
        self.assertTrue(appt.channel_id)
        self.assertIn(appt.channel_id.invitation_url, appt.meeting_url)

    def test_portal_confirm_keeps_nothing_when_the_contract_is_missing(self):
        self.point.contract_required = True
        appt = self.Appointment._portal_book(
            self.partner, self.child, self.topic, self.spec1, utc(self.tuesday, 9), mode="remote"
        )
        with self._assertRefused(UserError, "no signed contract"):
            appt.line_ids._portal_confirm()
        appt.invalidate_recordset()
        self.assertEqual(appt.state, "reserved")
        self.assertFalse(appt.channel_id, "the room went with the refused confirmation")

    # ------------------------------------------------------------ cancel, move
    def test_cancel_or_move_too_late_is_refused(self):
        self.point.cancel_limit_hours = 24 * 30
        appt = self.Appointment._portal_book(
            self.partner, self.child, self.topic, self.spec1, utc(self.tuesday, 9)
        )
        with self._assertRefused(UserError, "can no longer be cancelled or moved online"):
            appt.line_ids._portal_cancel()
        with self._assertRefused(UserError, "can no longer be cancelled or moved online"):
            self.Appointment._portal_book(
                self.partner,
                self.child,
                self.topic,
                self.spec1,
                utc(self.thursday, 9),
                replaced_line=appt.line_ids,
            )
        self.assertEqual(appt.state, "reserved")
        self.assertEqual(self.Appointment.search_count([("specialist_id", "=", self.spec1.id)]), 1)

    def test_move_within_the_limit_cancels_the_old_booking(self):
        appt = self.Appointment._portal_book(
            self.partner, self.child, self.topic, self.spec1, utc(self.tuesday, 9)
        )
        moved = self.Appointment._portal_book(
            self.partner,
            self.child,
            self.topic,
            self.spec1,
            utc(self.thursday, 9),
            replaced_line=appt.line_ids,
        )
        self.assertEqual(appt.state, "cancelled")
        self.assertEqual(moved.line_ids.request_id, appt.line_ids.request_id)

    # -------------------------------------------------------------- group joins
    def test_joining_twice_keeps_one_seat(self):
        session = self._group_session()
        line = session._portal_join(self.partner, self.child)
        self.assertEqual(line.state, "booked")
        self.assertEqual(line.request_id.form_wanted, "group")
        self.assertEqual(session._portal_join(self.partner, self.child), line)
        self.assertEqual(len(session.line_ids), 1)

    def test_a_child_is_booked_once_on_every_path(self):
        session = self._group_session(capacity=5)
        session.add_family(self.partner, self.child)
        with self._assertRefused(ValidationError, "already booked on this consultation"):
            session.add_family(self.partner, self.child)
        with self._assertRefused(ValidationError, "already booked on this consultation"):
            session.write(
                {
                    "line_ids": [
                        Command.create({"partner_id": self.partner.id, "child_id": self.child.id})
                    ]
                }
            )
        self.assertEqual(len(session.line_ids), 1)

    def test_a_seat_on_a_confirmed_session_is_mailed_on_every_path(self):
        session = self._group_session(capacity=1)
        mails = self.env["mail.mail"]
        before = mails.search([])
        line = session.add_family(self.partner, self.child)  # staff add the family
        sent = mails.search([]) - before
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.model, "consultation.appointment.line")
        self.assertEqual(sent.res_id, line.id)
        self.assertIn(self.partner, sent.recipient_ids)
        # the session is full: the waiting family gets no confirmation
        before = mails.search([])
        waiting = session._portal_join(self.partner_b, self.child_b)
        self.assertEqual(waiting.state, "waiting")
        self.assertFalse(mails.search([]) - before)
        # a reserved (not yet confirmed) session mails nobody
        reserved = self._group_session(state="reserved", day=self.tuesday)
        before = mails.search([])
        reserved.add_family(self.partner_b, self.child_b)
        self.assertFalse(mails.search([]) - before)

    # ----------------------------------------------------------------- lectures
    def _lecture(self, seats=1):
        return self.env["event.event"].create(
            {
                "name": "Lecture",
                "consultation_point_id": self.point.id,
                "date_begin": utc(self.thursday, 15),
                "date_end": utc(self.thursday, 16),
                "seats_limited": True,
                "seats_max": seats,
                "event_mail_ids": [Command.clear()],
            }
        )

    def test_lecture_registration_once_and_within_the_seats(self):
        lecture = self._lecture()
        Registration = self.env["event.registration"]
        registration = Registration._portal_register(lecture, self.partner)
        self.assertEqual(registration.partner_id, self.partner)
        self.assertEqual(registration.email, self.partner.email)
        self.assertEqual(Registration._portal_register(lecture, self.partner), registration)
        with self._assertRefused(UserError, "no seats left"):
            Registration._portal_register(lecture, self.partner_b)
        self.assertEqual(lecture.registration_ids, registration)
        registration.action_cancel()
        self.assertEqual(
            Registration._portal_register(lecture, self.partner_b).partner_id, self.partner_b
        )


@tagged("post_install", "-at_install")
class TestLectureSeatRace(TransactionCase):
    """Two parents take a lecture's last seat at the same moment: exactly one gets it.

    Inside a TransactionCase nothing is committed, so the fixtures are committed through
    a cursor of their own, and each thread registers on its own cursor as a request
    does: in a transaction started before the other one committed, retried by Odoo on a
    serialization failure.
    """

    def _commit_fixtures(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            point = env["consultation.point"].create(
                {"name": "Race lectures", "company_id": env.ref("base.main_company").id}
            )
            start = fields.Datetime.now() + timedelta(days=7)
            lecture = env["event.event"].create(
                {
                    "name": "Race lecture",
                    "consultation_point_id": point.id,
                    "date_begin": start,
                    "date_end": start + timedelta(hours=1),
                    "seats_limited": True,
                    "seats_max": 1,
                    "event_mail_ids": [Command.clear()],
                }
            )
            partners = env["res.partner"].create(
                [
                    {"name": "Race parent 1", "email": "race1@example.kz"},
                    {"name": "Race parent 2", "email": "race2@example.kz"},
                ]
            )
            return {
                "point": point.id,
                "sequence": point.request_sequence_id.id,
                "event": lecture.id,
                "partners": partners.ids,
            }

    def _cleanup(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["event.registration"].search([("event_id", "=", ids["event"])]).unlink()
            env["event.event"].browse(ids["event"]).unlink()
            env["res.partner"].browse(ids["partners"]).unlink()
            env["consultation.point"].browse(ids["point"]).unlink()
            env["ir.sequence"].browse(ids["sequence"]).unlink()

    def test_two_parents_race_for_the_last_seat(self):
        ids = self._commit_fixtures()
        try:
            barrier = threading.Barrier(2, timeout=30)
            results = {}

            def register(index):
                try:
                    with self.registry.cursor() as cr:
                        env = api.Environment(cr, SUPERUSER_ID, {})
                        lecture = env["event.event"].browse(ids["event"])
                        partner = env["res.partner"].browse(ids["partners"][index])
                        # Both transactions see the free seat before either registers.
                        self.assertEqual(lecture.seats_available, 1)
                        barrier.wait()
                        registration = retrying(
                            functools.partial(
                                env["event.registration"]._portal_register, lecture, partner
                            ),
                            env,
                        )
                        results[index] = registration.id
                except UserError as exc:
                    results[index] = exc
                except Exception as exc:  # noqa: BLE001 - reported by the assertions
                    results[index] = exc

            threads = [threading.Thread(target=register, args=(i,)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            successes = [r for r in results.values() if isinstance(r, int)]
            failures = [r for r in results.values() if isinstance(r, UserError)]
            self.assertEqual(len(results), 2, results)
            self.assertEqual(len(successes), 1, results)
            self.assertEqual(len(failures), 1, results)
            self.assertIn("no seats left", str(failures[0]))
            with self.registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM event_registration WHERE event_id = %s",
                    (ids["event"],),
                )
                self.assertEqual(cr.fetchone()[0], 1)
        finally:
            self._cleanup(ids)


@tagged("post_install", "-at_install")
class TestBookingRulesAtTheLimit(ConsultationFixtures, TransactionCase):
    """The cancel limit of the portal, on both sides of it, without HTTP."""

    freeze_time = REFERENCE_TIME

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        cls.partner, cls.child = cls.make_family(cls.env, cls.company, "A", 4)

    def test_cancel_exactly_at_the_limit(self):
        start = utc(next_weekday(1), 9)
        appt = self.env["consultation.appointment"]._portal_book(
            self.partner, self.child, self.topic, self.spec1, start
        )
        with freeze_time(start - timedelta(hours=24) + timedelta(minutes=1)):
            with self.assertRaises(UserError):
                appt.line_ids._portal_cancel()
        with freeze_time(start - timedelta(hours=24)):
            appt.line_ids._portal_cancel()
        self.assertEqual(appt.state, "cancelled")
