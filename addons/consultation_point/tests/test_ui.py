import time as clock
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ConsultationFixtures, almaty_today, next_weekday, utc


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_head_opens_the_app(self):
        new_test_user(
            self.env,
            login="cp_head_ui",
            password="cp_head_pwd_1",
            groups="consultation_point.group_consultation_head",
        )
        self.start_tour("/odoo", "consultation_point_menu", login="cp_head_ui")

    def test_app_hidden_from_other_employees(self):
        new_test_user(
            self.env, login="cp_other", password="cp_other_pwd_1", groups="base.group_user"
        )
        self.start_tour("/odoo", "consultation_point_menu_hidden", login="cp_other")


@tagged("post_install", "-at_install")
class TestSpecialistUi(ConsultationFixtures, HttpCase):
    def test_specialist_records_attendance_and_writes_a_note(self):
        fx = self.setup_point(self.env)
        users = fx.users
        users["spec1"].password = "t_spec1_pwd_1"
        partner, child = self.make_family(self.env, fx.company, "T", 4)
        appointment = self.env["consultation.appointment"].book_slot(
            fx.spec1, utc(next_weekday(1), 9), partner, child, fx.topic
        )
        appointment.action_confirm()
        self.start_tour(
            f"/odoo/action-consultation_point.consultation_appointment_action/{appointment.id}",
            "consultation_point_specialist_attendance",
            login="t_spec1",
        )
        self.assertEqual(appointment.state, "done")
        self.assertEqual(appointment.line_ids.state, "attended")
        note = self.env["consultation.note"].search([("appointment_id", "=", appointment.id)])
        self.assertEqual(note.name, "Plays alone, avoids eye contact")
        self.assertEqual(note.author_id, users["spec1"])
        self.assertEqual(note.child_id, child)
        self.assertFalse(
            self.env["consultation.note"].with_user(users["spec2"]).search([("id", "=", note.id)])
        )

    def test_receptionist_turns_a_call_into_a_request(self):
        fx = self.setup_point(self.env)
        fx.users["receptionist"].password = "t_rec_pwd_1"
        self.start_tour(
            "/odoo/action-consultation_point.consultation_request_action",
            "consultation_point_receptionist_call",
            login="t_rec",
        )
        request = self.env["consultation.request"].search(
            [("partner_id.name", "=", "Caller Parent")]
        )
        self.assertEqual(request.point_id, fx.point)
        self.assertEqual(request.channel, "phone")
        self.assertEqual(request.child_id.name, "Caller Child")
        self.assertEqual(request.question, "Does not sleep at night")
        self.assertEqual(request.state, "new")

    def test_receptionist_reschedules_through_the_slot_search(self):
        fx = self.setup_point(self.env)
        fx.users["receptionist"].password = "t_rec_pwd_1"
        partner, child = self.make_family(self.env, fx.company, "R", 4)
        start = utc(next_weekday(1), 10, 30)
        appointment = self.env["consultation.appointment"].create(
            {
                "point_id": fx.point.id,
                "specialist_id": fx.spec1.id,
                "topic_id": fx.topic.id,
                "start": start,
                "stop": start + timedelta(minutes=45),
                "line_ids": [Command.create({"partner_id": partner.id, "child_id": child.id})],
            }
        )
        self.assertEqual(appointment.state, "confirmed")
        # The tour runs on the real clock and picks the first free slot the wizard offers:
        # the point is closed until the day after tomorrow, so that no slot begins (and
        # drops out of the search) between this line and the tour, whatever the hour.
        today = almaty_today()
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed for the next two days",
                "calendar_id": fx.calendar.id,
                "date_from": fields.Datetime.now() - timedelta(days=1),
                "date_to": utc(today + timedelta(days=2), 0),
            }
        )
        first = appointment.reschedule_slots(today)[0]
        self.assertGreaterEqual(first["start"], utc(today + timedelta(days=2), 0))
        self.start_tour(
            f"/odoo/action-consultation_point.consultation_appointment_action/{appointment.id}",
            "consultation_point_receptionist_reschedule",
            login="t_rec",
        )
        self.assertEqual(appointment.start, first["start"])
        self.assertNotEqual(appointment.start, start)
        self.assertEqual(appointment.calendar_event_id.start, first["start"])

    def test_specialist_sees_the_day(self):
        fx = self.setup_point(self.env)
        users, spec1, spec2 = fx.users, fx.spec1, fx.spec2
        fx.calendar.attendance_ids = [Command.clear()] + [
            Command.create({"name": d, "dayofweek": d, "hour_from": 0, "hour_to": 24})
            for d in "0123456"
        ]
        users["spec1"].write({"name": "Myday Spec One", "password": "t_spec1_pwd_1"})
        users["spec2"].name = "Myday Spec Two"
        partner, child = self.make_family(self.env, fx.company, "D", 4)
        # "Today" is the browser's day: the filter runs in Chromium on the real clock, in
        # the time zone of this machine (in the specialist's browser, Almaty). Noon of that
        # day is today there whatever the hour; a run started in the last two minutes
        # before midnight waits for the new day rather than straddle it.
        local_now = datetime.now().astimezone()
        midnight = datetime.combine(local_now.date() + timedelta(days=1), time())
        to_midnight = (midnight.astimezone() - local_now).total_seconds()
        if to_midnight < 120:
            clock.sleep(to_midnight + 5)
            local_now = datetime.now().astimezone()

        def noon(day):
            local = datetime.combine(day, time(12)).astimezone()
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        today = local_now.date()
        Appointment = self.env["consultation.appointment"]
        for spec, day in ((spec1, today), (spec2, today), (spec1, today + timedelta(days=1))):
            Appointment.create(
                {
                    "point_id": fx.point.id,
                    "specialist_id": spec.id,
                    "topic_id": spec.topic_ids[:1].id,
                    "start": noon(day),
                    "stop": noon(day) + timedelta(minutes=45),
                    "line_ids": [Command.create({"partner_id": partner.id, "child_id": child.id})],
                }
            )
        self.start_tour(
            "/odoo/action-consultation_point.consultation_appointment_action_my_day",
            "consultation_point_specialist_my_day",
            login="t_spec1",
        )

    def test_head_opens_the_dashboard_and_the_journal_printing(self):
        fx = self.setup_point(self.env)
        fx.users["head"].password = "t_head_pwd_1"
        partner, child = self.make_family(self.env, fx.company, "H", 4)
        self.env["consultation.request"].create(
            {"point_id": fx.point.id, "partner_id": partner.id, "child_id": child.id}
        )
        self.start_tour(
            "/odoo/action-consultation_point.consultation_request_action",
            "consultation_point_head_journals",
            login="t_head",
        )
