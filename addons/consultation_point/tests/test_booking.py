from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged

from .common import REFERENCE_TIME, ConsultationFixtures, almaty_today, next_weekday, utc


@tagged("post_install", "-at_install")
class TestPortalBookingRegister(ConsultationFixtures, TransactionCase):
    """A slot a parent books on the portal always has its entry in the register."""

    freeze_time = REFERENCE_TIME

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        cls.Appointment = cls.env["consultation.appointment"]
        cls.Request = cls.env["consultation.request"]
        cls.partner, cls.child = cls.make_family(cls.env, cls.company, "A", 4)
        cls.tuesday = next_weekday(1)

    def _requests(self):
        return self.Request.search([("child_id", "=", self.child.id)])

    def test_booking_without_request_registers_a_website_request(self):
        appt = self.Appointment.book_for_family(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, self.topic
        )
        request = appt.line_ids.request_id
        self.assertEqual(self._requests(), request)
        self.assertEqual(request.channel, "website")
        self.assertEqual(request.partner_id, self.partner)
        self.assertEqual(request.child_id, self.child)
        self.assertEqual(request.topic_ids, self.topic)
        self.assertEqual(request.form_wanted, "individual")
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(request.point_id, self.point)
        self.assertTrue(request.name.startswith("КП-"))
        self.assertEqual(appt.state, "reserved")

    def test_booking_links_the_open_request_of_the_child_and_topic(self):
        other_topic_request = self.Request.create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "child_id": self.child.id,
                "topic_ids": [Command.set(self.other_topic.ids)],
            }
        )
        request = self.Request.create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "child_id": self.child.id,
                "channel": "phone",
                "topic_ids": [Command.set(self.topic.ids)],
            }
        )
        self.assertEqual(request.state, "new")
        appt = self.Appointment.book_for_family(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, self.topic
        )
        self.assertEqual(appt.line_ids.request_id, request)
        self.assertEqual(request.state, "scheduled")
        self.assertEqual(request.channel, "phone")
        self.assertEqual(other_topic_request.state, "new")
        self.assertEqual(len(self._requests()), 2)

    def test_closed_request_is_not_reused(self):
        done = self.Request.create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "child_id": self.child.id,
                "topic_ids": [Command.set(self.topic.ids)],
            }
        )
        done.action_done()
        appt = self.Appointment.book_for_family(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, self.topic
        )
        self.assertNotEqual(appt.line_ids.request_id, done)
        self.assertEqual(appt.line_ids.request_id.state, "scheduled")

    def test_refused_booking_registers_nothing(self):
        partner7, child7 = self.make_family(self.env, self.company, "Seven", 7)
        with self.assertRaisesRegex(UserError, "aged 1 to 6"):
            self.Appointment.book_for_family(
                self.spec1, utc(self.tuesday, 9), partner7, child7, self.topic
            )
        self.assertFalse(self.Request.search([("child_id", "=", child7.id)]))
        partner_b, child_b = self.make_family(self.env, self.company, "B", 3)
        self.Appointment.book_for_family(
            self.spec1, utc(self.tuesday, 9), partner_b, child_b, self.topic
        )
        with self.assertRaisesRegex(UserError, "just been taken"):
            self.Appointment.book_for_family(
                self.spec1, utc(self.tuesday, 9), self.partner, self.child, self.topic
            )
        self.assertFalse(self._requests())

    def test_portal_reschedule_keeps_the_request(self):
        first = self.Appointment.book_for_family(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, self.topic
        )
        request = first.line_ids.request_id
        second = self.Appointment.book_for_family(
            self.spec1,
            utc(self.tuesday, 10),
            self.partner,
            self.child,
            self.topic,
            replaced_line=first.line_ids,
        )
        self.assertEqual(first.state, "cancelled")
        self.assertEqual(second.line_ids.request_id, request)
        self.assertEqual(self._requests(), request)


@tagged("post_install", "-at_install")
class TestStaffConsultations(ConsultationFixtures, TransactionCase):
    """Consultations staff enter are confirmed; staff move them through the slot search."""

    freeze_time = REFERENCE_TIME

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        cls.Appointment = cls.env["consultation.appointment"]
        cls.partner, cls.child = cls.make_family(cls.env, cls.company, "A", 4)
        cls.tuesday = next_weekday(1)

    def _enter(self, start, user=None, specialist=None):
        return self.Appointment.with_user(user or self.users["receptionist"]).create(
            {
                "point_id": self.point.id,
                "specialist_id": (specialist or self.spec1).id,
                "topic_id": self.topic.id,
                "start": start,
                "stop": start + timedelta(minutes=45),
                "line_ids": [
                    Command.create({"partner_id": self.partner.id, "child_id": self.child.id})
                ],
            }
        )

    def test_staff_entered_consultation_is_confirmed(self):
        appt = self._enter(utc(self.tuesday, 9))
        self.assertEqual(appt.state, "confirmed")
        self.assertFalse(appt.hold_expires_at)
        own = self._enter(utc(self.tuesday, 10), user=self.users["spec1"])
        self.assertEqual(own.state, "confirmed")

    def test_staff_entry_waits_for_the_contract_without_expiry(self):
        self.point.contract_required = True
        appt = self._enter(utc(self.tuesday, 9))
        self.assertEqual(appt.state, "reserved")
        self.assertFalse(appt.hold_expires_at)
        self.assertFalse(self.Appointment._cron_release_holds())
        self.assertEqual(appt.state, "reserved")
        with self.assertRaisesRegex(UserError, "no signed contract"):
            appt.action_confirm()
        contract = self.env["consultation.contract"].create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "child_ids": [Command.set(self.child.ids)],
                "date_start": almaty_today(),
            }
        )
        contract.action_send()
        contract.action_sign("aGVsbG8=", "Parent A")
        appt.action_confirm()
        self.assertEqual(appt.state, "confirmed")
        # The family has had a consultation: the next one is confirmed at once.
        self.assertEqual(self._enter(utc(self.tuesday, 10)).state, "confirmed")

    def test_reschedule_offers_the_free_slots_and_moves(self):
        appt = self._enter(utc(self.tuesday, 9))
        self._enter(utc(self.tuesday, 9, 45))  # taken: not offered
        action = appt.with_user(self.users["spec1"]).action_reschedule()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(wizard.appointment_id, appt)
        starts = wizard.slot_ids.filtered(lambda s: s.start.date() == self.tuesday).mapped("start")
        self.assertEqual(starts, [utc(self.tuesday, 10, 30), utc(self.tuesday, 11, 15)])
        self.assertEqual(
            wizard.slot_ids.mapped("start"),
            [s["start"] for s in appt.reschedule_slots(wizard.date_from)],
        )
        self.assertEqual(set(wizard.slot_ids.specialist_id), {self.spec1})
        thursday = wizard.slot_ids.filtered(
            lambda s: s.start == utc(self.tuesday + timedelta(days=2), 9)
        )
        self.assertTrue(thursday)
        thursday.with_user(self.users["spec1"]).action_pick()
        self.assertEqual(appt.start, utc(self.tuesday + timedelta(days=2), 9))
        self.assertEqual(appt.stop, utc(self.tuesday + timedelta(days=2), 9, 45))
        self.assertEqual(appt.calendar_event_id.start, appt.start)
        self.assertEqual(appt.state, "confirmed")
        self.assertIn("Rescheduled", appt.message_ids[:1].body)

    def test_staff_confirmation_and_reschedule_email_the_family(self):
        self.partner.email = "family.a@example.kz"

        def mails(appt):
            return self.env["mail.mail"].search(
                [
                    ("model", "=", "consultation.appointment.line"),
                    ("res_id", "in", appt.line_ids.ids),
                ]
            )

        appt = self._enter(utc(self.tuesday, 9))
        # confirmed at once: the family is told, with the .ics for their calendar
        self.assertEqual(len(mails(appt)), 1)
        self.assertIn(self.partner, mails(appt).recipient_ids)
        self.assertEqual(mails(appt).attachment_ids.mimetype, "text/calendar")
        appt.line_ids.sudo().reminder_sent = True
        appt.reschedule_to(self.spec1, utc(self.tuesday + timedelta(days=2), 9))
        # the new time is e-mailed, and its reminder will go out again
        self.assertEqual(len(mails(appt)), 2)
        self.assertFalse(appt.line_ids.reminder_sent)

    def test_reschedule_follows_the_booking_rules(self):
        appt = self._enter(utc(self.tuesday, 9))
        taken = self._enter(utc(self.tuesday, 10))
        with self.assertRaisesRegex(UserError, "just been taken"):
            appt.reschedule_to(self.spec1, utc(self.tuesday, 10, 15))
        with self.assertRaisesRegex(UserError, "not available"):
            appt.reschedule_to(self.spec1, utc(self.tuesday, 14))
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.calendar.id,
                "date_from": utc(self.tuesday + timedelta(days=2), 0),
                "date_to": utc(self.tuesday + timedelta(days=2), 23),
            }
        )
        with self.assertRaisesRegex(UserError, "not available"):
            appt.reschedule_to(self.spec1, utc(self.tuesday + timedelta(days=2), 9))
        with self.assertRaisesRegex(UserError, "already passed"):
            appt.reschedule_to(self.spec1, utc(self.tuesday - timedelta(days=14), 9))
        self.assertEqual(appt.start, utc(self.tuesday, 9))
        taken.action_cancel()
        with self.assertRaisesRegex(UserError, "Only a planned consultation"):
            taken.action_reschedule()

    def test_reschedule_form_fields_are_no_longer_free(self):
        appt = self._enter(utc(self.tuesday, 9))
        with Form(appt.with_user(self.users["receptionist"])) as form:
            self.assertTrue(form._get_modifier("start", "readonly"))
            self.assertTrue(form._get_modifier("stop", "readonly"))
