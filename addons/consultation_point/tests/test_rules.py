from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..tools import age_on, fill_template, split_into_slots
from .common import REFERENCE_TIME, ConsultationFixtures, almaty_today, next_weekday, utc


@tagged("post_install", "-at_install")
class TestPureRules(TransactionCase):
    def test_age_on(self):
        self.assertEqual(age_on(date(2020, 3, 15), date(2025, 3, 14)), 4)
        self.assertEqual(age_on(date(2020, 3, 15), date(2025, 3, 15)), 5)
        self.assertIsNone(age_on(False, date(2025, 3, 15)))

    def test_age_of_a_child_born_on_29_february(self):
        # a year without 29 February: the birthday is 1 March
        self.assertEqual(age_on(date(2020, 2, 29), date(2027, 2, 28)), 6)
        self.assertEqual(age_on(date(2020, 2, 29), date(2027, 3, 1)), 7)
        # a leap year: the birthday itself
        self.assertEqual(age_on(date(2020, 2, 29), date(2028, 2, 28)), 7)
        self.assertEqual(age_on(date(2020, 2, 29), date(2028, 2, 29)), 8)

    def test_split_into_slots(self):
        start = fields.Datetime.to_datetime("2025-01-07 04:00:00")
        slots = split_into_slots([(start, start + timedelta(hours=3))], timedelta(minutes=45))
        self.assertEqual(len(slots), 4)
        self.assertEqual(slots[-1][1], start + timedelta(minutes=180))

    def test_fill_template(self):
        self.assertEqual(fill_template("A {{ parent }} {{ x }}", {"parent": "B"}), "A B {{ x }}")


@tagged("post_install", "-at_install")
class TestConsultationRules(ConsultationFixtures, TransactionCase):
    freeze_time = REFERENCE_TIME  # Wednesday 13 January 2027, 10:00 in Almaty

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        cls.partner, cls.child = cls.make_family(cls.env, cls.company, "A", 4)
        cls.partner_b, cls.child_b = cls.make_family(cls.env, cls.company, "B", 3)
        cls.Appointment = cls.env["consultation.appointment"]
        cls.tuesday = next_weekday(1)

    def _request(self, child, partner, day=None, **extra):
        return self.env["consultation.request"].create(
            {
                "point_id": self.point.id,
                "partner_id": partner.id,
                "child_id": child.id,
                "date_received": day or almaty_today(),
                **{"channel": "phone", **extra},
            }
        )

    # ------------------------------------------------------------ children
    def test_iin_checksum_and_birth_date(self):
        Child = self.env["consultation.child"]
        with self.assertRaises(ValidationError):
            Child.create({"name": "X", "iin": "200315500001", "company_id": self.company.id})
        # A valid IIN of a girl born 2020-03-15 (century digit 6).
        from odoo.addons.kindergarten_base.tools import iin_check_digit

        first11 = next(
            f"2003156{n:04d}"
            for n in range(10000)
            if iin_check_digit(f"2003156{n:04d}") is not None
        )
        iin = first11 + str(iin_check_digit(first11))
        child = Child.create({"name": "Y", "iin": iin, "company_id": self.company.id})
        self.assertEqual(child.birth_date, date(2020, 3, 15))
        with self.assertRaises(ValidationError):
            child.birth_date = date(2020, 3, 16)

    # ------------------------------------------------------------ register
    def test_numbering_per_year(self):
        first = self._request(self.child, self.partner, date(2025, 10, 1))
        second = self._request(self.child, self.partner, date(2025, 10, 2))
        next_year = self._request(self.child, self.partner, date(2026, 1, 10))
        self.assertEqual(first.name, "КП-2025/0001")
        self.assertEqual(second.name, "КП-2025/0002")
        self.assertEqual(next_year.name, "КП-2026/0001")

    def test_too_old_or_attending_is_saved_declined(self):
        _p7, child7 = self.make_family(self.env, self.company, "Seven", 7)
        _pa, attending = self.make_family(self.env, self.company, "Att", 4, attends=True)
        req7 = self._request(child7, _p7)
        req_att = self._request(attending, _pa)
        self.assertEqual(req7.state, "declined")
        self.assertIn("aged 1 to 6", req7.decline_reason)
        self.assertTrue(req7.name.startswith("КП-"))
        self.assertEqual(req_att.state, "declined")
        self.assertIn("attends the preschool", req_att.decline_reason)
        with self.assertRaises(UserError):
            req7.action_reset()
        with self.assertRaises(UserError):
            req7.action_schedule()

    def test_form_warns_and_saves_declined(self):
        _p7, child7 = self.make_family(self.env, self.company, "Seven", 7)
        form = Form(self.env["consultation.request"])
        form.point_id = self.point
        form.partner_id = _p7
        form.child_id = child7
        request = form.save()
        self.assertEqual(request.state, "declined")
        self.assertTrue(request.auto_declined)

    def test_child_without_birth_date_cannot_be_booked(self):
        unknown = self.env["consultation.child"].create(
            {
                "name": "Age unknown",
                "parent_ids": [Command.set(self.partner.ids)],
                "company_id": self.company.id,
            }
        )
        # the request is registered (staff may learn the birth date later) ...
        self.assertEqual(self._request(unknown, self.partner).state, "new")
        # ... but no slot is booked before the age can be checked
        with self.assertRaisesRegex(UserError, "birth date first"):
            self.Appointment.book_slot(self.spec1, utc(self.tuesday, 9), self.partner, unknown)
        self.assertFalse(
            self.env["consultation.appointment.line"].search([("child_id", "=", unknown.id)])
        )

    def test_child_of_one_to_six_is_accepted(self):
        request = self._request(self.child, self.partner)
        self.assertEqual(request.state, "new")

    def test_quick_wizard_turns_a_call_into_a_request(self):
        wizard = Form(self.env["consultation.request.quick"].with_user(self.users["receptionist"]))
        wizard.point_id = self.point
        wizard.phone = "+7 701 000 1122"
        wizard.parent_name = "Caller"
        wizard.child_name = "Small"
        wizard.child_birth_date = almaty_today() - relativedelta(years=3)
        wizard.topic_ids.add(self.topic)
        record = wizard.save()
        # without the parent's consent nothing of the family is registered
        requests_before = self.env["consultation.request"].search_count([])
        with self.assertRaisesRegex(UserError, "consent"):
            record.action_create()
        self.assertEqual(self.env["consultation.request"].search_count([]), requests_before)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Caller")]))
        record.consent_given = True
        action = record.action_create()
        request = self.env["consultation.request"].browse(action["res_id"])
        self.assertEqual(request.channel, "phone")
        self.assertEqual(request.partner_id.phone, "+7 701 000 1122")
        self.assertEqual(request.child_id.parent_ids, request.partner_id)
        self.assertEqual(request.state, "new")
        consent = request.partner_id.consultation_consent_ids
        self.assertEqual(consent.channel, "phone")
        self.assertEqual(consent.text_version, self.point.consent_text_version)
        self.assertTrue(consent.active_consent)
        # the next call of the same parent needs no new consent
        again = Form(self.env["consultation.request.quick"].with_user(self.users["receptionist"]))
        again.point_id = self.point
        again.partner_id = request.partner_id
        self.assertTrue(again.has_consent)
        again.save().action_create()
        self.assertEqual(request.partner_id.consultation_consent_ids, consent)

    # ------------------------------------------------------------ slots
    def test_free_slots_follow_hours_and_topic(self):
        slots = self.point._get_free_slots(
            self.topic, self.tuesday, self.tuesday + timedelta(days=2)
        )
        # Tue 09-12 (4 slots), Wed 17-19 (2 slots), Thu 09-12 (4 slots) for spec1 only.
        self.assertEqual(len(slots), 10)
        self.assertEqual({s["specialist"] for s in slots}, {self.spec1})
        self.assertEqual(slots[0]["start"], utc(self.tuesday, 9))
        self.assertEqual(slots[4]["start"], utc(self.tuesday + timedelta(days=1), 17))

    def test_free_slots_skip_holidays_leaves_and_bookings(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": self.calendar.id,
                "date_from": utc(self.tuesday, 0),
                "date_to": utc(self.tuesday, 23),
            }
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Sick",
                "consultation_specialist_id": self.spec1.id,
                "date_from": utc(self.tuesday + timedelta(days=1), 0),
                "date_to": utc(self.tuesday + timedelta(days=1), 23),
            }
        )
        self.Appointment.book_slot(
            self.spec1, utc(self.tuesday + timedelta(days=2), 9), self.partner, self.child
        )
        slots = self.point._get_free_slots(
            self.topic, self.tuesday, self.tuesday + timedelta(days=2)
        )
        starts = [s["start"] for s in slots]
        self.assertEqual(len(slots), 3)
        self.assertNotIn(utc(self.tuesday + timedelta(days=2), 9), starts)
        self.assertEqual(starts[0], utc(self.tuesday + timedelta(days=2), 9, 45))

    def test_own_availability_narrows_the_hours(self):
        own = self.env["resource.calendar"].create(
            {
                "name": "Nurse",
                "company_id": self.company.id,
                "tz": "Asia/Almaty",
                "attendance_ids": [
                    Command.clear(),
                    Command.create(
                        {"name": "Thu", "dayofweek": "3", "hour_from": 10, "hour_to": 12}
                    ),
                ],
            }
        )
        self.spec2.resource_calendar_id = own
        slots = self.point._get_free_slots(
            self.other_topic, self.tuesday, self.tuesday + timedelta(days=6)
        )
        self.assertEqual(len(slots), 2)
        self.assertEqual(slots[0]["start"], utc(self.tuesday + timedelta(days=2), 10))
        self.assertIn("Thursday 10:00–12:00", self.spec2.schedule_summary)

    def test_booking_outside_hours_or_on_leave_fails(self):
        with self.assertRaisesRegex(UserError, "not available"):
            self.Appointment.book_slot(self.spec1, utc(self.tuesday, 13), self.partner, self.child)
        with self.assertRaises(ValidationError):
            self.Appointment.create(
                {
                    "point_id": self.point.id,
                    "specialist_id": self.spec1.id,
                    "start": utc(self.tuesday - timedelta(days=1), 10),
                    "stop": utc(self.tuesday - timedelta(days=1), 10, 45),
                }
            )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed",
                "calendar_id": self.calendar.id,
                "date_from": utc(self.tuesday, 0),
                "date_to": utc(self.tuesday, 23),
            }
        )
        with self.assertRaisesRegex(UserError, "not available"):
            self.Appointment.book_slot(self.spec1, utc(self.tuesday, 9), self.partner, self.child)

    def test_book_slot_holds_and_second_booking_is_refused(self):
        request = self._request(self.child, self.partner)
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, self.topic, request
        )
        self.assertEqual(appt.state, "reserved")
        self.assertTrue(appt.hold_expires_at)
        self.assertEqual(request.state, "scheduled")
        self.assertTrue(appt.calendar_event_id)
        self.assertEqual(appt.calendar_event_id.start, appt.start)
        with self.assertRaisesRegex(UserError, "just been taken"):
            self.Appointment.book_slot(
                self.spec1, utc(self.tuesday, 9, 30), self.partner_b, self.child_b
            )

    def test_exclusion_constraint_in_the_database(self):
        vals = {
            "point_id": self.point.id,
            "specialist_id": self.spec1.id,
            "start": utc(self.tuesday, 9),
            "stop": utc(self.tuesday, 9, 45),
        }
        self.Appointment.create(vals)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Appointment.create(
                dict(vals, start=utc(self.tuesday, 9, 30), stop=utc(self.tuesday, 10, 15))
            )
            self.env.flush_all()

    def test_cancelled_slot_can_be_taken_again(self):
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        appt.action_cancel()
        self.assertFalse(appt.calendar_event_id)
        again = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner_b, self.child_b
        )
        self.assertEqual(again.state, "reserved")

    def test_no_booking_for_a_child_the_point_cannot_serve(self):
        p7, child7 = self.make_family(self.env, self.company, "Seven", 7)
        with self.assertRaisesRegex(UserError, "aged 1 to 6"):
            self.Appointment.book_slot(self.spec1, utc(self.tuesday, 9), p7, child7)
        with self.assertRaises(ValidationError):
            self.Appointment.create(
                {
                    "point_id": self.point.id,
                    "specialist_id": self.spec1.id,
                    "start": utc(self.tuesday, 10),
                    "stop": utc(self.tuesday, 10, 45),
                    "line_ids": [Command.create({"partner_id": p7.id, "child_id": child7.id})],
                }
            )
        with self.assertRaisesRegex(UserError, "not a parent"):
            self.Appointment.book_slot(self.spec1, utc(self.tuesday, 9), self.partner_b, self.child)

    def test_group_capacity_and_waiting_list(self):
        group = self.Appointment.create(
            {
                "point_id": self.point.id,
                "specialist_id": self.spec1.id,
                "kind": "group",
                "capacity": 2,
                "start": utc(self.tuesday, 10),
                "stop": utc(self.tuesday, 11),
            }
        )
        p3, c3 = self.make_family(self.env, self.company, "C", 5)
        first = group.add_family(self.partner, self.child)
        group.add_family(self.partner_b, self.child_b)
        third = group.add_family(p3, c3)
        self.assertEqual(first.state, "booked")
        self.assertEqual(third.state, "waiting")
        self.assertEqual(group.seats_taken, 2)
        with self.assertRaises(ValidationError):
            group.line_ids.filtered(lambda li: li.state == "waiting").state = "booked"
        first.action_cancel()
        self.assertEqual(third.state, "booked")
        self.assertEqual(group.waiting_count, 0)

    def test_hold_is_released_by_the_scheduled_action(self):
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        kept = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 10), self.partner_b, self.child_b
        )
        appt.hold_expires_at = fields.Datetime.now() - timedelta(minutes=1)
        released = self.Appointment._cron_release_holds()
        self.assertEqual(released, appt)
        self.assertEqual(appt.state, "cancelled")
        self.assertEqual(appt.line_ids.state, "cancelled")
        self.assertEqual(kept.state, "reserved")

    def test_contract_required_before_first_confirmation(self):
        self.point.contract_required = True
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
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
        self.assertIn(self.partner.name, contract.body)
        self.assertEqual(contract.date_end, almaty_today() + relativedelta(months=12, days=-1))
        contract.action_send()
        contract.action_sign("aGVsbG8=", "Parent A")
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.signed_by, "Parent A")
        appt.action_confirm()
        self.assertEqual(appt.state, "confirmed")
        with self.assertRaises(UserError):
            contract.action_sign("aGVsbG8=", "Again")

    def test_contract_not_required_when_setting_off(self):
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        appt.action_confirm()
        self.assertEqual(appt.state, "confirmed")

    def test_attendance_and_done(self):
        request = self._request(self.child, self.partner)
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, request=request
        )
        appt.action_confirm()
        with self.assertRaisesRegex(UserError, "Mark every family"):
            appt.with_user(self.users["spec1"]).action_done()
        with self.assertRaises(AccessError):
            appt.line_ids.with_user(self.users["spec2"]).action_attended()
        appt.line_ids.with_user(self.users["spec1"]).action_attended()
        appt.with_user(self.users["spec1"]).action_done()
        self.assertEqual(appt.state, "done")
        self.assertEqual(request.state, "done")
        self.assertEqual(request.waiting_days, (self.tuesday - almaty_today()).days)

    def test_remote_consultation_gets_a_discuss_room(self):
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, mode="remote"
        )
        appt.action_generate_discuss_room()
        room = appt.channel_id
        self.assertTrue(room)
        self.assertIn(f"/chat/{room.id}/{room.uuid}", appt.meeting_url)
        # a private room: the specialist is in it, other employees can neither see nor join it
        self.assertEqual(room.channel_type, "group")
        self.assertIn(self.users["spec1"].partner_id, room.channel_member_ids.partner_id)
        colleague = self.users["spec2"]
        self.assertNotIn(room, self.env["discuss.channel"].with_user(colleague).search([]))
        with self.assertRaises(AccessError):
            room.with_user(colleague).read(["name"])

    # ------------------------------------------------------------ plan
    def test_work_plan_creates_events(self):
        plan = self.env["consultation.plan"].create(
            {
                "point_id": self.point.id,
                "academic_year": 2025,
                "line_ids": [
                    Command.create(
                        {
                            "month": "2",
                            "name": "Lecture",
                            "event_type_id": self.env.ref(
                                "consultation_point.event_type_lecture"
                            ).id,
                            "topic_id": self.topic.id,
                            "specialist_id": self.spec1.id,
                        }
                    )
                ],
            }
        )
        self.assertEqual(plan.academic_year_label, "2025–2026")
        with self.assertRaises(UserError):
            plan.action_create_events()
        plan.action_approve()
        events = plan.action_create_events()
        self.assertEqual(len(events), 1)
        self.assertEqual(events.consultation_point_id, self.point)
        self.assertEqual(events.consultation_topic_ids, self.topic)
        self.assertEqual(events.date_begin, utc(date(2026, 2, 15), 10))
        self.assertFalse(plan.action_create_events())

    # ------------------------------------------------------------ privacy
    def test_withdrawn_consent_anonymises_the_family(self):
        request = self._request(self.child, self.partner, question="Private question")
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child, request=request
        )
        consent = self.env["consultation.consent"].create(
            {"partner_id": self.partner.id, "point_id": self.point.id, "text_version": "v1"}
        )
        self.partner.write({"email": "a@example.kz", "phone": "+7 700 000 0000"})
        appt.recommendations = "<p>Child A needs speech therapy</p>"
        referral = self.env["consultation.referral"].create(
            {
                "child_id": self.child.id,
                "partner_id": self.partner.id,
                "reason": "Speech",
                "company_id": self.company.id,
            }
        )
        referral.message_post(body="Parent A agreed on the phone")
        lecture = self.env["event.event"].create(
            {
                "name": "Lecture",
                "date_begin": utc(self.tuesday, 12),
                "date_end": utc(self.tuesday, 13),
            }
        )
        Registration = self.env["event.registration"]
        registrations = Registration.create(
            [
                {"event_id": lecture.id, "partner_id": self.partner.id},
                {"event_id": lecture.id, "name": "Parent A", "email": "A@example.kz"},
            ]
        )
        number = request.name
        self.assertNotIn(self.partner, self.env["res.partner"]._cron_consultation_anonymise())
        consent.action_withdraw()
        families = self.env["res.partner"]._cron_consultation_anonymise()
        self.assertIn(self.partner, families)
        self.assertFalse(self.partner.email or self.partner.phone)
        self.assertNotIn("Parent A", self.partner.name)
        self.assertFalse(self.child.birth_date)
        self.assertTrue(self.child.anonymised)
        self.assertNotIn("Child A", self.child.name)
        self.assertFalse(request.question)
        self.assertFalse(appt.recommendations)
        self.assertNotIn("Parent A", " ".join(referral.message_ids.mapped("body")))
        for registration in registrations:
            self.assertFalse(registration.email)
            self.assertNotIn("Parent A", registration.name)
        self.assertEqual(len(lecture.registration_ids), 2, "the lecture still counts them")
        # Numbers, dates, topics and counts stay.
        self.assertEqual(request.name, number)
        self.assertTrue(request.date_received)
        self.assertEqual(appt.line_ids.child_id, self.child)
        self.assertEqual(self.partner_b.name, "Parent B")

    def test_retention_period_anonymises_old_families(self):
        old = self._request(self.child, self.partner, almaty_today() - relativedelta(months=40))
        self._request(self.child_b, self.partner_b, almaty_today() - relativedelta(months=2))
        families = self.env["res.partner"]._cron_consultation_anonymise()
        self.assertEqual(families, self.partner)
        self.assertTrue(old.child_id.anonymised)
        self.assertFalse(self.child_b.anonymised)

    # ------------------------------------------------------------ boundaries
    # The class runs on Wednesday 13 January 2027, 10:00 in Almaty; self.tuesday is the
    # 19th. Almaty is UTC+5: its next day begins at 19:00 UTC.

    def _child(self, birth_date, name="Boundary child"):
        return self.env["consultation.child"].create(
            {
                "name": name,
                "birth_date": birth_date,
                "parent_ids": [Command.set(self.partner.ids)],
                "company_id": self.company.id,
            }
        )

    def test_booked_from_the_first_birthday_to_the_eve_of_the_seventh(self):
        self.assertEqual(self.tuesday, date(2027, 1, 19))
        for birth_date, bookable in (
            (date(2026, 1, 20), False),  # one year old the next day
            (date(2026, 1, 19), True),  # one year old that very day
            (date(2020, 1, 20), True),  # still six: seven the next day
            (date(2020, 1, 19), False),  # seven that very day
        ):
            child = self._child(birth_date, f"Born {birth_date}")
            if bookable:
                appt = self.Appointment.book_slot(
                    self.spec1, utc(self.tuesday, 9), self.partner, child
                )
                appt.action_cancel()
            else:
                with self.assertRaisesRegex(UserError, "aged 1 to 6", msg=str(birth_date)):
                    self.Appointment.book_slot(
                        self.spec1, utc(self.tuesday, 9), self.partner, child
                    )

    def test_age_checked_on_the_consultations_day_in_almaty(self):
        # a point open all Tuesday: 02:00 in Almaty on the 19th is 21:00 UTC on the 18th
        self.calendar.attendance_ids = [
            Command.create({"name": "Tue night", "dayofweek": "1", "hour_from": 0, "hour_to": 9})
        ]
        night = utc(self.tuesday, 2)
        self.assertEqual(night, datetime(2027, 1, 18, 21, 0))
        one = self._child(date(2026, 1, 19), "One on the Tuesday")
        seven = self._child(date(2020, 1, 19), "Seven on the Tuesday")
        appt = self.Appointment.book_slot(self.spec1, night, self.partner, one)
        self.assertEqual(appt.line_ids.child_id, one)
        appt.action_cancel()
        with self.assertRaisesRegex(UserError, "aged 1 to 6"):
            self.Appointment.book_slot(self.spec1, night, self.partner, seven)
        with self.assertRaisesRegex(UserError, "aged 1 to 6"):
            self.Appointment.book_for_family(self.spec1, night, self.partner, seven, self.topic)
        with self.assertRaises(ValidationError):
            self.Appointment.create(
                {
                    "point_id": self.point.id,
                    "specialist_id": self.spec1.id,
                    "start": night,
                    "stop": night + timedelta(minutes=45),
                    "line_ids": [
                        Command.create({"partner_id": self.partner.id, "child_id": seven.id})
                    ],
                }
            )
        # booked while six (Thursday 14 January), then moved to that night: refused
        thursday = self.Appointment.book_slot(
            self.spec1, utc(date(2027, 1, 14), 9), self.partner, seven
        )
        with self.assertRaisesRegex(UserError, "aged 1 to 6"):
            thursday.reschedule_to(self.spec1, night)
        group = self.Appointment.create(
            {
                "point_id": self.point.id,
                "specialist_id": self.spec1.id,
                "kind": "group",
                "capacity": 5,
                "start": night,
                "stop": night + timedelta(minutes=45),
            }
        )
        self.assertEqual(group.add_family(self.partner, one).state, "booked")
        with self.assertRaisesRegex(UserError, "aged 1 to 6"):
            group.add_family(self.partner, seven)

    def test_age_and_request_by_almatys_date(self):
        # seven years old on 14 January 2027, which begins at 19:00 UTC on the 13th in Almaty
        child = self._child(date(2020, 1, 14))
        Request = self.env["consultation.request"].with_user(self.users["receptionist"])
        vals = {"point_id": self.point.id, "partner_id": self.partner.id, "child_id": child.id}
        with freeze_time("2027-01-13 18:59:00"):
            self.assertEqual(child.with_user(self.users["receptionist"]).age, 6)
            before = Request.create(vals)
        with freeze_time("2027-01-13 19:00:00"):
            child.invalidate_recordset(["age"])
            self.assertEqual(child.with_user(self.users["receptionist"]).age, 7)
            after = Request.create(vals)
        self.assertEqual((before.date_received, before.state), (date(2027, 1, 13), "new"))
        self.assertEqual((after.date_received, after.state), (date(2027, 1, 14), "declined"))
        self.assertIn("aged 1 to 6", after.decline_reason)

    def test_register_numbers_start_again_with_almatys_new_year(self):
        Request = self.env["consultation.request"].with_user(self.users["receptionist"])
        vals = {"point_id": self.point.id, "partner_id": self.partner.id, "child_id": self.child.id}
        with freeze_time("2027-12-31 18:59:00"):  # 31 December, 23:59 in Almaty
            december = Request.create(vals)
        with freeze_time("2027-12-31 19:00:00"):  # 1 January 2028 in Almaty
            january = Request.create(vals)
        self.assertEqual(december.date_received, date(2027, 12, 31))
        self.assertTrue(december.name.startswith("КП-2027/"), december.name)
        self.assertEqual(january.date_received, date(2028, 1, 1))
        self.assertEqual(january.name, "КП-2028/0001")

    def test_parents_change_a_booking_until_24_hours_before(self):
        self.assertEqual(self.point.cancel_limit_hours, 24)
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        appt.action_confirm()
        line = appt.line_ids
        self.assertEqual(appt.start, datetime(2027, 1, 19, 4, 0))
        with freeze_time("2027-01-18 04:00:00"):  # exactly 24 hours before
            self.assertTrue(line._portal_can_change())
        with freeze_time("2027-01-18 04:01:00"):  # 23 h 59 min before
            self.assertFalse(line._portal_can_change())
        self.point.cancel_limit_hours = 0
        with freeze_time("2027-01-19 04:00:00"):  # no limit: up to the start
            self.assertTrue(line._portal_can_change())

    def test_reminder_from_24_hours_before_the_start(self):
        self.partner.email = "family.a@example.kz"
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        appt.action_confirm()
        line = appt.line_ids
        Line = self.env["consultation.appointment.line"]
        with freeze_time("2027-01-18 03:59:00"):  # 24 h 1 min before: not yet
            self.assertFalse(Line._cron_send_reminders() & line)
        with freeze_time("2027-01-18 04:00:00"):  # 24 h before: the day before
            self.assertEqual(Line._cron_send_reminders() & line, line)
            self.assertFalse(Line._cron_send_reminders() & line, "sent once")
        line.sudo().reminder_sent = False
        with freeze_time("2027-01-19 04:00:00"):  # started: too late for a reminder
            self.assertFalse(Line._cron_send_reminders() & line)

    def test_hold_released_after_its_60_minutes(self):
        self.assertEqual(self.point.hold_minutes, 60)
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        self.assertEqual(appt.hold_expires_at, datetime(2027, 1, 13, 6, 0))
        with freeze_time("2027-01-13 06:00:00"):  # the 60th minute: still held
            self.assertFalse(self.Appointment._cron_release_holds() & appt)
        self.assertEqual(appt.state, "reserved")
        with freeze_time("2027-01-13 06:00:01"):
            self.assertEqual(self.Appointment._cron_release_holds() & appt, appt)
        self.assertEqual(appt.state, "cancelled")

    def test_contract_expires_the_day_after_its_end_in_almaty(self):
        contract = self.env["consultation.contract"].create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "date_start": date(2026, 2, 1),
            }
        )
        self.assertEqual(contract.date_end, date(2027, 1, 31))
        contract.write(
            {"state": "signed", "signed_by": "Parent A", "signed_on": datetime(2026, 2, 1, 5)}
        )
        Contract = self.env["consultation.contract"].with_context(tz="Asia/Almaty")
        with freeze_time("2027-01-31 18:59:00"):  # its last day, 23:59 in Almaty
            Contract._cron_expire()
            self.assertEqual(contract.state, "signed")
        with freeze_time("2027-01-31 19:00:00"):  # 1 February in Almaty
            Contract._cron_expire()
            self.assertEqual(contract.state, "expired")

    def test_family_anonymised_the_day_after_its_retention_period(self):
        self.assertEqual(self.point.retention_months, 36)
        # the last contact: a consent given at 20:00 UTC on 12 January 2024, the 13th in Almaty
        self.env["consultation.consent"].create(
            {
                "partner_id": self.partner.id,
                "point_id": self.point.id,
                "text_version": "v1",
                "given_on": datetime(2024, 1, 12, 20, 0),
            }
        )
        Partner = self.env["res.partner"].with_context(tz="Asia/Almaty")
        with freeze_time("2027-01-13 18:59:00"):  # 13 January 2027 in Almaty: 36 months
            self.assertNotIn(self.partner, Partner._cron_consultation_anonymise())
        self.assertFalse(self.child.anonymised)
        with freeze_time("2027-01-13 19:00:00"):  # 14 January in Almaty: over 36 months
            self.assertIn(self.partner, Partner._cron_consultation_anonymise())
        self.assertTrue(self.child.anonymised)

    def test_new_work_plan_is_for_the_academic_year_of_almatys_date(self):
        Plan = self.env["consultation.plan"].with_user(self.users["head"])
        with freeze_time("2027-08-31 18:59:00"):  # 31 August, 23:59 in Almaty
            self.assertEqual(Plan.create({"point_id": self.point.id}).academic_year, 2026)
        with freeze_time("2027-08-31 19:00:00"):  # 1 September in Almaty
            self.assertEqual(Plan.create({"point_id": self.point.id}).academic_year, 2027)

    # ------------------------------------------------------------ website API
    def test_request_from_the_website(self):
        values = {
            "parent_name": "Web Parent",
            "phone": "+7 700 123 4567",
            "email": "web.parent@example.kz",
            "child_name": "Web Child",
            "child_birth_date": almaty_today() - relativedelta(years=2),
            "topic_ids": self.topic.ids,
            "question": "Sleep",
            "consent": True,
        }
        request = self.env["consultation.request"].create_from_website(self.point, values)
        self.assertEqual(request.channel, "website")
        self.assertEqual(request.state, "new")
        self.assertEqual(request.partner_id.email, "web.parent@example.kz")
        self.assertEqual(request.child_id.parent_ids, request.partner_id)
        consent = request.partner_id.consultation_consent_ids
        self.assertEqual(consent.channel, "website")
        self.assertTrue(consent.active_consent)
        # The same e-mail and child's name from an anonymous visitor: a new contact and
        # child, never the existing family (anyone can type anyone's e-mail).
        again = self.env["consultation.request"].create_from_website(
            self.point, dict(values, child_birth_date=almaty_today() - relativedelta(years=7))
        )
        self.assertNotEqual(again.partner_id, request.partner_id)
        self.assertNotEqual(again.child_id, request.child_id)
        self.assertEqual(request.partner_id.consultation_child_ids, request.child_id)
        self.assertEqual(len(request.partner_id.consultation_consent_ids), 1)
        # the decline reason speaks of what the visitor typed, not of the family's child
        self.assertEqual(again.state, "declined")
        self.assertEqual(request.child_id.birth_date, values["child_birth_date"])
        # The signed-in parent files for their own family: their child is reused.
        own = self.env["consultation.request"].create_from_website(
            self.point, values, partner=request.partner_id
        )
        self.assertEqual(own.partner_id, request.partner_id)
        self.assertEqual(own.child_id, request.child_id)
        older = self.env["consultation.request"].create_from_website(
            self.point,
            dict(
                values, child_name="Big", child_birth_date=almaty_today() - relativedelta(years=7)
            ),
        )
        self.assertEqual(older.state, "declined")
        self.assertIn("aged 1 to 6", older.decline_reason)

    def test_website_request_never_attaches_to_a_staff_contact(self):
        """Anyone can type a staff member's e-mail into the public form."""
        staff = new_test_user(self.env, login="cp_staff_mail", email="staff.mail@example.kz")
        request = self.env["consultation.request"].create_from_website(
            self.point,
            {
                "parent_name": "Someone",
                "email": "STAFF.mail@example.kz",
                "child_name": "Child",
                "child_birth_date": almaty_today() - relativedelta(years=3),
                "consent": True,
            },
        )
        self.assertNotEqual(request.partner_id, staff.partner_id)
        self.assertEqual(request.partner_id.name, "Someone")
        self.assertFalse(staff.partner_id.consultation_child_ids)

    # ------------------------------------------------------------ dashboard
    def test_hold_time_follows_the_setting(self):
        self.point.hold_minutes = 30
        before = fields.Datetime.now()
        appt = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        self.assertAlmostEqual((appt.hold_expires_at - before).total_seconds(), 30 * 60, delta=5)
        self.assertEqual(appt.stop - appt.start, timedelta(minutes=45))

    def test_dashboard_figures(self):
        first = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 9), self.partner, self.child
        )
        second = self.Appointment.book_slot(
            self.spec1, utc(self.tuesday, 10), self.partner_b, self.child_b
        )
        first.line_ids.action_attended()
        second.line_ids.action_no_show()
        Line = self.env["consultation.appointment.line"]
        groups = Line.read_group(
            [("point_id", "=", self.point.id)],
            ["attended_count:sum", "no_show_rate:avg"],
            [],
        )
        self.assertEqual(groups[0]["attended_count"], 1)
        self.assertEqual(groups[0]["no_show_rate"], 50.0)
        Request = self.env["consultation.request"]
        self._request(self.child, self.partner, channel="written")
        self._request(self.child_b, self.partner_b, channel="phone")
        by_channel = {
            g["channel"]: g["request_count"]
            for g in Request.read_group(
                [("point_id", "=", self.point.id)], ["request_count:sum"], ["channel"]
            )
        }
        self.assertEqual(by_channel, {"written": 1, "phone": 1})

    def test_contracts_expire_after_their_period(self):
        contract = self.env["consultation.contract"].create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "date_start": almaty_today() - relativedelta(years=1, days=10),
                "date_end": almaty_today() - relativedelta(days=10),
            }
        )
        contract.write(
            {"state": "signed", "signed_by": "Parent A", "signed_on": fields.Datetime.now()}
        )
        current = self.env["consultation.contract"].create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner_b.id,
                "date_start": almaty_today(),
            }
        )
        self.env["consultation.contract"]._cron_expire()
        self.assertEqual(contract.state, "expired")
        self.assertEqual(current.state, "draft")
        self.assertFalse(self.partner._consultation_signed_contract(almaty_today()))
