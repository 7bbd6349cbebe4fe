from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import REFERENCE_TIME, almaty_today

CONFIDENTIAL = "CONFIDENTIAL-NOTE-7731"
REFERRAL_SECRET = "REFERRAL-SECRET-4412"
B_MARKERS = ("Бейсенова Дана", "Бейсенов Алихан", "B-RECOMMENDATION-5520", "B-QUESTION-9034")


class CpPortalCase(HttpCase):
    """Two families of the demo point: the demo parent (A) and another family (B).

    The data is built from the clock's today: the cases without a browser freeze the clock
    at REFERENCE_TIME (their class attribute `freeze_time`); the browser tours keep the real
    clock. The free slots start two days after today in Almaty, beyond the 24-hour limit
    for parents' changes whatever the hour.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.point = env.ref("consultation_point.point_tansholpan")
        cls.point.write({"cancel_limit_hours": 24, "contract_required": True, "hold_minutes": 60})
        cls.company = cls.point.company_id
        common = {"company_id": cls.company.id, "company_ids": [cls.company.id]}
        cls.topic = env.ref("consultation_point.topic_socialisation")
        spec_user = new_test_user(
            env,
            login="cp_web_spec",
            name="Маманова Гүлнар",
            groups="consultation_point.group_consultation_specialist",
            **common,
        )
        cls.specialist = env["consultation.specialist"].create(
            {
                "user_id": spec_user.id,
                "point_id": cls.point.id,
                "role": "psychologist",
                "topic_ids": [Command.set([cls.topic.id])],
            }
        )
        today = almaty_today()
        cls.slots = cls.specialist._get_free_slots(
            today + timedelta(days=2), today + timedelta(days=23), topic=cls.topic
        )
        # Family A: a portal parent of the demo point (the demo parent has demo records).
        cls.user_a = new_test_user(
            env,
            login="cp_web_parent_a",
            name="Қасымова Жанар",
            groups="base.group_portal",
            **common,
        )
        cls.partner_a = cls.user_a.partner_id
        cls.child_a = env["consultation.child"].create(
            {
                "name": "Қасымов Нұрсұлтан",
                "birth_date": today - relativedelta(years=4),
                "parent_ids": [Command.set(cls.partner_a.ids)],
                "company_id": cls.company.id,
            }
        )
        cls.request_a = env["consultation.request"].create(
            {
                "point_id": cls.point.id,
                "channel": "phone",
                "partner_id": cls.partner_a.id,
                "child_id": cls.child_a.id,
                "topic_ids": [Command.set(cls.topic.ids)],
                "question": "A-QUESTION",
            }
        )
        cls.contract_a = env["consultation.contract"].create(
            {
                "point_id": cls.point.id,
                "partner_id": cls.partner_a.id,
                "child_ids": [Command.set(cls.child_a.ids)],
                "date_start": today,
            }
        )
        cls.contract_a.action_send()
        # Family B: another portal parent with every kind of record.
        cls.user_b = new_test_user(
            env,
            login="cp_web_parent_b",
            name=B_MARKERS[0],
            groups="base.group_portal",
            **common,
        )
        cls.partner_b = cls.user_b.partner_id
        cls.child_b = env["consultation.child"].create(
            {
                "name": B_MARKERS[1],
                "birth_date": today - relativedelta(years=3),
                "parent_ids": [Command.set(cls.partner_b.ids)],
                "company_id": cls.company.id,
            }
        )
        cls.request_b = env["consultation.request"].create(
            {
                "point_id": cls.point.id,
                "channel": "website",
                "partner_id": cls.partner_b.id,
                "child_id": cls.child_b.id,
                "topic_ids": [Command.set(cls.topic.ids)],
                "question": B_MARKERS[3],
            }
        )
        cls.appointment_b = cls._make_appointment(cls.slots[-1], cls.partner_b, cls.child_b)
        cls.appointment_b.write({"recommendations": f"<p>{B_MARKERS[2]}</p>"})
        env["consultation.note"].create(
            {
                "name": CONFIDENTIAL,
                "body": f"<p>{CONFIDENTIAL}</p>",
                "appointment_id": cls.appointment_b.id,
                "child_id": cls.child_b.id,
                "company_id": cls.company.id,
            }
        )
        cls.contract_b = env["consultation.contract"].create(
            {
                "point_id": cls.point.id,
                "partner_id": cls.partner_b.id,
                "child_ids": [Command.set(cls.child_b.ids)],
                "date_start": today,
            }
        )
        env["consultation.consent"].create(
            {
                "partner_id": cls.partner_b.id,
                "point_id": cls.point.id,
                "channel": "website",
                "text_version": "2025-1",
            }
        )
        cls.consent_a = env["consultation.consent"].create(
            {
                "partner_id": cls.partner_a.id,
                "point_id": cls.point.id,
                "channel": "written",
                "text_version": "2025-1",
            }
        )
        cls.lecture = env["event.event"].create(
            {
                "name": "Баланың мектепке дайындығы",
                "event_type_id": env.ref("consultation_point.event_type_lecture").id,
                "consultation_point_id": cls.point.id,
                "date_begin": fields.Datetime.now() + timedelta(days=10),
                "date_end": fields.Datetime.now() + timedelta(days=10, hours=1),
                "seats_limited": True,
                "seats_max": 1,
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _make_appointment(cls, slot, partner, child, state="reserved"):
        return cls.env["consultation.appointment"].create(
            {
                "point_id": cls.point.id,
                "specialist_id": slot["specialist"].id,
                "topic_id": cls.topic.id,
                "start": slot["start"],
                "stop": slot["stop"],
                "state": state,
                "line_ids": [Command.create({"partner_id": partner.id, "child_id": child.id})],
            }
        )

    def _post(self, url, data=None):
        data = dict(data or {}, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=True)

    def assertNoLeak(self, response, markers=B_MARKERS + (CONFIDENTIAL, REFERRAL_SECRET)):
        for marker in markers:
            self.assertNotIn(marker, response.text, f"{marker} leaked into {response.url}")


@tagged("post_install", "-at_install")
class TestPortalIsolation(CpPortalCase):
    freeze_time = REFERENCE_TIME

    def test_own_pages_show_own_family_only(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        for url in (
            "/my",
            "/my/consultation",
            "/my/consultation/children",
            f"/my/consultation/children/{self.child_a.id}/edit",
            "/my/consultation/requests",
            f"/my/consultation/requests/{self.request_a.id}",
            "/my/consultation/appointments",
            "/my/consultation/contracts",
            f"/my/consultation/contracts/{self.contract_a.id}",
            "/my/consultation/book",
            f"/my/consultation/book?child_id={self.child_a.id}&topic_id={self.topic.id}",
            "/my/consultation/lectures",
            "/my/consultation/consent",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNoLeak(response)
        page = self.url_open("/my/consultation").text
        self.assertIn(self.child_a.name, page)
        self.assertIn(self.request_a.name, page)
        self.assertIn(self.contract_a.name, page)

    def test_other_family_ids_are_refused_on_every_route(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        b = self
        get_urls = [
            f"/my/consultation/requests/{b.request_b.id}",
            f"/my/consultation/appointments/{b.appointment_b.id}",
            f"/my/consultation/contracts/{b.contract_b.id}",
            f"/my/consultation/contracts/{b.contract_b.id}/pdf",
            f"/my/consultation/book?child_id={b.child_b.id}&topic_id={b.topic.id}",
            f"/my/consultation/book?reschedule_id={b.appointment_b.id}",
            f"/my/consultation/children/{b.child_b.id}/edit",
        ]
        for url in get_urls:
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNoLeak(response)
        post_urls = [
            (f"/my/consultation/children/{b.child_b.id}/edit", {"name": "Intruder"}),
            (f"/my/consultation/appointments/{b.appointment_b.id}/confirm", {}),
            (f"/my/consultation/appointments/{b.appointment_b.id}/cancel", {}),
            (f"/my/consultation/group/{b.appointment_b.id}/join", {"child_id": b.child_a.id}),
            (
                "/my/consultation/book",
                {
                    "child_id": b.child_b.id,
                    "topic_id": b.topic.id,
                    "specialist_id": b.specialist.id,
                    "start": fields.Datetime.to_string(b.slots[0]["start"]),
                },
            ),
            (
                "/my/consultation/book",
                {
                    "child_id": b.child_a.id,
                    "topic_id": b.topic.id,
                    "specialist_id": b.specialist.id,
                    "start": fields.Datetime.to_string(b.slots[0]["start"]),
                    "reschedule_id": b.appointment_b.id,
                },
            ),
        ]
        for url, data in post_urls:
            response = self._post(url, data)
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNoLeak(response)
        sign = self.make_jsonrpc_request(
            f"/my/consultation/contract/{b.contract_b.id}/sign",
            {"name": "Intruder", "signature": "iVBORw0KGgo="},
        )
        self.assertTrue(sign.get("error"))
        # Nothing of family B changed.
        self.assertEqual(b.child_b.name, B_MARKERS[1])
        self.assertEqual(b.appointment_b.state, "reserved")
        self.assertEqual(b.appointment_b.line_ids.state, "booked")
        self.assertEqual(b.contract_b.state, "draft")
        self.assertFalse(
            self.env["consultation.appointment.line"].search(
                [("child_id", "=", b.child_b.id), ("partner_id", "=", b.partner_a.id)]
            )
        )

    def test_contract_by_token_and_anonymous_refused(self):
        response = self.url_open(f"/my/consultation/contracts/{self.contract_b.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNoLeak(response)
        response = self.url_open(
            f"/my/consultation/contracts/{self.contract_b.id}?access_token=wrong-token"
        )
        self.assertEqual(response.status_code, 404)
        token = self.contract_b._portal_ensure_token()
        response = self.url_open(
            f"/my/consultation/contracts/{self.contract_b.id}?access_token={token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.contract_b.name, response.text)
        for url in ("/my/consultation", f"/my/consultation/requests/{self.request_b.id}"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"])

    def test_notes_never_shown_but_recommendations_are(self):
        appointment = self._make_appointment(self.slots[1], self.partner_a, self.child_a)
        appointment.line_ids.write({"state": "attended"})
        appointment.write({"state": "done", "recommendations": "<p>A-RECOMMENDATION-3001</p>"})
        self.env["consultation.note"].create(
            {
                "name": CONFIDENTIAL,
                "body": f"<p>{CONFIDENTIAL}</p>",
                "appointment_id": appointment.id,
                "child_id": self.child_a.id,
                "company_id": self.company.id,
            }
        )
        self.env["consultation.referral"].create(
            {
                "child_id": self.child_a.id,
                "partner_id": self.partner_a.id,
                "reason": REFERRAL_SECRET,
                "company_id": self.company.id,
            }
        )
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        response = self.url_open(f"/my/consultation/appointments/{appointment.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("A-RECOMMENDATION-3001", response.text)
        self.assertNoLeak(response)
        for url in (
            "/my/consultation",
            "/my/consultation/appointments",
            f"/my/consultation/requests/{self.request_a.id}",
        ):
            self.assertNoLeak(self.url_open(url))

    def test_home_counters(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {
                "counters": [
                    "consultation_child_count",
                    "consultation_request_count",
                    "consultation_appointment_count",
                    "consultation_contract_count",
                ]
            },
        )
        self.assertEqual(counters["consultation_child_count"], 1)
        self.assertEqual(counters["consultation_request_count"], 1)
        self.assertEqual(counters["consultation_appointment_count"], 0)
        self.assertEqual(counters["consultation_contract_count"], 1)


@tagged("post_install", "-at_install")
class TestPortalBooking(CpPortalCase):
    freeze_time = REFERENCE_TIME

    def _book(self, slot, **extra):
        data = {
            "child_id": self.child_a.id,
            "topic_id": self.topic.id,
            "specialist_id": slot["specialist"].id,
            "start": fields.Datetime.to_string(slot["start"]),
            "mode": "in_person",
        }
        data.update(extra)
        return self._post("/my/consultation/book", data)

    def _mine(self):
        return self.env["consultation.appointment"].search(
            [("line_ids.partner_id", "=", self.partner_a.id), ("state", "!=", "cancelled")]
        )

    def test_slots_are_listed_and_taken_slot_is_refused(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        page = self.url_open(
            f"/my/consultation/book?child_id={self.child_a.id}&topic_id={self.topic.id}"
        ).text
        self.assertIn(fields.Datetime.to_string(self.slots[0]["start"]), page)
        # Family B's slot is not offered.
        self.assertNotIn(fields.Datetime.to_string(self.appointment_b.start), page)
        response = self._book({"specialist": self.specialist, "start": self.appointment_b.start})
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_cp_error", response.text)
        self.assertFalse(self._mine())
        self.assertNoLeak(response)

    def test_outside_hours_refused(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        start = self.slots[0]["start"].replace(hour=20, minute=0)  # 02:00 in Almaty
        response = self._book({"specialist": self.specialist, "start": start})
        self.assertIn("o_cp_error", response.text)
        self.assertFalse(self._mine())

    def test_book_confirm_needs_contract_then_mail_with_ics(self):
        self.specialist.user_id.partner_id.email = "gulnar.mamanova@example.com"
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        response = self._book(self.slots[0])
        appointment = self._mine()
        self.assertEqual(len(appointment), 1)
        self.assertEqual(appointment.state, "reserved")
        self.assertTrue(
            response.url.endswith(
                f"/my/consultation/appointments/{appointment.id}?message=reserved"
            )
        )
        self.assertEqual(appointment.line_ids.request_id, self.request_a)
        # The contract is not signed yet: the first consultation cannot be confirmed.
        response = self._post(f"/my/consultation/appointments/{appointment.id}/confirm")
        self.assertIn("o_cp_error", response.text)
        self.assertEqual(appointment.state, "reserved")
        sign = self.make_jsonrpc_request(
            f"/my/consultation/contract/{self.contract_a.id}/sign",
            {"name": "Қасымова Жанар", "signature": _PNG},
        )
        self.assertTrue(sign.get("force_refresh"), sign)
        self.assertEqual(self.contract_a.state, "signed")
        self.assertEqual(self.contract_a.signed_by, "Қасымова Жанар")
        self._post(f"/my/consultation/appointments/{appointment.id}/confirm")
        self.assertEqual(appointment.state, "confirmed")
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "consultation.appointment.line"),
                ("res_id", "=", appointment.line_ids.id),
            ]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.partner_a, mail.recipient_ids)
        ics = mail.attachment_ids.filtered(lambda a: a.name.endswith(".ics"))
        self.assertEqual(len(ics), 1)
        content = ics.raw.decode()
        self.assertIn("BEGIN:VEVENT", content)
        self.assertIn("DTSTART:" + appointment.start.strftime("%Y%m%dT%H%M%SZ"), content)
        self.assertIn("DTEND:" + appointment.stop.strftime("%Y%m%dT%H%M%SZ"), content)
        self.assertIn(f"UID:consultation-{appointment.id}-{appointment.line_ids.id}@", content)
        self.assertIn("LOCATION:", content)
        # The parent's file is not the specialists' private calendar entry: nobody of
        # the staff is in it, neither as organizer nor as attendee.
        self.assertNotIn("ORGANIZER", content)
        self.assertNotIn("ATTENDEE", content)
        self.assertNotIn(self.specialist.name, content)
        self.assertNotIn(self.specialist.user_id.partner_id.email, content)
        # Signing twice is refused.
        again = self.make_jsonrpc_request(
            f"/my/consultation/contract/{self.contract_a.id}/sign",
            {"name": "Қасымова Жанар", "signature": _PNG},
        )
        self.assertTrue(again.get("error"))

    def test_remote_consultation_gets_a_join_link(self):
        self.contract_a.action_sign(_PNG, "Қасымова Жанар")
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        self._book(self.slots[0], mode="remote")
        appointment = self._mine()
        self.assertEqual(appointment.mode, "remote")
        page = self.url_open(f"/my/consultation/appointments/{appointment.id}").text
        self.assertNotIn("o_cp_join", page, "no link before the confirmation")
        self._post(f"/my/consultation/appointments/{appointment.id}/confirm")
        self.assertEqual(appointment.state, "confirmed")
        self.assertTrue(appointment.meeting_url)
        page = self.url_open(f"/my/consultation/appointments/{appointment.id}").text
        self.assertIn("o_cp_join", page)
        self.assertIn(appointment.meeting_url, page)
        ics = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "consultation.appointment.line"),
                ("res_id", "=", appointment.line_ids.id),
            ]
        )
        self.assertIn(appointment.meeting_url, ics.raw.decode())

    def test_specialist_of_another_preschool_refused(self):
        other_company = self.env["res.company"].create({"name": "Басқа бөбекжай"})
        other_point = self.point.copy(
            {"name": "Other point", "company_id": other_company.id, "request_sequence_id": False}
        )
        user = new_test_user(
            self.env,
            login="cp_web_other_spec",
            groups="consultation_point.group_consultation_specialist",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        other = self.env["consultation.specialist"].create(
            {
                "user_id": user.id,
                "point_id": other_point.id,
                "topic_ids": [Command.set(self.topic.ids)],
            }
        )
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        response = self._book({"specialist": other, "start": self.slots[0]["start"]})
        self.assertIn("o_cp_error", response.text)
        self.assertFalse(self._mine())

    def test_group_consultation_seats_and_waiting_list(self):
        session = self._make_appointment(self.slots[2], self.partner_b, self.child_b)
        session.write({"kind": "group", "capacity": 2, "state": "confirmed"})
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        page = self.url_open(
            f"/my/consultation/book?child_id={self.child_a.id}&topic_id={self.topic.id}"
        ).text
        self.assertIn(f"/my/consultation/group/{session.id}/join", page)
        self.assertNoLeak(page_response := self.url_open("/my/consultation/book"))
        self.assertEqual(page_response.status_code, 200)
        response = self._post(
            f"/my/consultation/group/{session.id}/join", {"child_id": self.child_a.id}
        )
        line = session.line_ids.filtered(lambda li: li.partner_id == self.partner_a)
        self.assertEqual(line.state, "booked")
        self.assertIn("o_cp_joined", response.text)
        # The parent sees the session but never family B's data on it.
        self.assertNoLeak(response)
        self.assertNotIn("o_cp_confirm", response.text, "parents do not confirm group sessions")
        # Joining twice does not take a second seat.
        self._post(f"/my/consultation/group/{session.id}/join", {"child_id": self.child_a.id})
        self.assertEqual(len(session.line_ids), 2)
        # The group is full: a third family goes to the waiting list.
        user_c = new_test_user(
            self.env,
            login="cp_web_parent_c",
            groups="base.group_portal",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        child_c = self.env["consultation.child"].create(
            {
                "name": "Child C",
                "birth_date": almaty_today() - relativedelta(years=2),
                "parent_ids": [Command.set(user_c.partner_id.ids)],
                "company_id": self.company.id,
            }
        )
        self.authenticate("cp_web_parent_c", "cp_web_parent_c")
        response = self._post(f"/my/consultation/group/{session.id}/join", {"child_id": child_c.id})
        self.assertIn("o_cp_waiting", response.text)
        self.assertEqual(
            session.line_ids.filtered(lambda li: li.child_id == child_c).state, "waiting"
        )
        # Family C cannot join with another family's child.
        response = self._post(
            f"/my/consultation/group/{session.id}/join", {"child_id": self.child_a.id}
        )
        self.assertEqual(response.status_code, 404)
        # Family A cancels: family C takes the seat.
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        self._post(f"/my/consultation/appointments/{session.id}/cancel")
        self.assertEqual(line.state, "cancelled")
        self.assertEqual(session.state, "confirmed")
        self.assertEqual(
            session.line_ids.filtered(lambda li: li.child_id == child_c).state, "booked"
        )

    def test_reminder_cron(self):
        self.contract_a.action_sign(_PNG, "Қасымова Жанар")
        appointment = self._make_appointment(self.slots[0], self.partner_a, self.child_a)
        appointment.action_confirm()
        Line = self.env["consultation.appointment.line"]
        domain = [("model", "=", Line._name), ("res_id", "=", appointment.line_ids.id)]
        confirmation = self.env["mail.mail"].search(domain)
        self.assertEqual(len(confirmation), 1, "confirming e-mails the family")
        with freeze_before(appointment.start - timedelta(hours=2)):
            sent = Line._cron_send_reminders()
            self.assertIn(appointment.line_ids, sent)
            self.assertFalse(Line._cron_send_reminders(), "a reminder is sent once")
        mail = self.env["mail.mail"].search(domain) - confirmation
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.attachment_ids.filtered(lambda a: a.mimetype == "text/calendar"))

    def test_reminder_in_parent_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.partner_a.lang = "ru_RU"
        template = self.env.ref("consultation_point.mail_template_appointment_reminder")
        appointment = self._make_appointment(self.slots[0], self.partner_a, self.child_a)
        self.assertEqual(
            template._render_lang(appointment.line_ids.ids)[appointment.line_ids.id], "ru_RU"
        )

    def test_cancel_and_reschedule_within_limit(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        far = [s for s in self.slots if s["start"] > fields.Datetime.now() + timedelta(days=2)]
        self._book(far[0])
        first = self._mine()
        response = self._book(far[1], reschedule_id=first.id)
        self.assertEqual(response.status_code, 200)
        second = self._mine()
        self.assertEqual(len(second), 1)
        self.assertNotEqual(first, second)
        self.assertEqual(first.state, "cancelled")
        self.assertEqual(second.start, far[1]["start"])
        self._post(f"/my/consultation/appointments/{second.id}/cancel")
        self.assertEqual(second.state, "cancelled")
        self.assertFalse(self._mine())

    def test_cancel_limit_on_both_sides_of_24_hours(self):
        first, second = self.slots[0], self.slots[1]
        in_time = self._make_appointment(first, self.partner_a, self.child_a, state="confirmed")
        too_late = self._make_appointment(second, self.partner_a, self.child_a, state="confirmed")
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        # exactly 24 hours before the first consultation: the parent may still cancel it
        with freeze_time(first["start"] - timedelta(hours=24)):
            self._post(f"/my/consultation/appointments/{in_time.id}/cancel")
        self.assertEqual(in_time.state, "cancelled")
        # 23 hours 59 minutes before the second one: too late
        with freeze_time(second["start"] - timedelta(hours=24) + timedelta(minutes=1)):
            response = self._post(f"/my/consultation/appointments/{too_late.id}/cancel")
        self.assertIn("o_cp_error", response.text)
        self.assertEqual(too_late.state, "confirmed")

    def test_cancel_refused_too_late(self):
        self.point.cancel_limit_hours = 24 * 30
        appointment = self._make_appointment(self.slots[0], self.partner_a, self.child_a)
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        response = self._post(f"/my/consultation/appointments/{appointment.id}/cancel")
        self.assertIn("o_cp_error", response.text)
        self.assertEqual(appointment.state, "reserved")
        response = self._book(self.slots[1], reschedule_id=appointment.id)
        self.assertIn("o_cp_error", response.text)
        self.assertEqual(appointment.state, "reserved")
        self.assertEqual(len(self._mine()), 1)

    def test_ineligible_child_cannot_be_booked(self):
        self.child_a.attends_preschool = True
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        page = self.url_open("/my/consultation/book").text
        self.assertNotIn(f'value="{self.child_a.id}"', page)
        response = self._book(self.slots[0])
        self.assertIn("o_cp_error", response.text)
        self.assertFalse(self._mine())

    def test_lecture_registration_respects_seats(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        self._post(f"/my/consultation/lectures/{self.lecture.id}/register")
        registration = self.env["event.registration"].search([("event_id", "=", self.lecture.id)])
        self.assertEqual(registration.partner_id, self.partner_a)
        # Registering twice keeps one registration.
        self._post(f"/my/consultation/lectures/{self.lecture.id}/register")
        self.assertEqual(
            self.env["event.registration"].search_count([("event_id", "=", self.lecture.id)]), 1
        )
        # The only seat is taken: family B is refused.
        self.authenticate("cp_web_parent_b", "cp_web_parent_b")
        response = self._post(f"/my/consultation/lectures/{self.lecture.id}/register")
        self.assertIn("o_cp_error", response.text)
        self.assertEqual(
            self.env["event.registration"].search_count([("event_id", "=", self.lecture.id)]), 1
        )
        # An event of no consultation point is not offered.
        other = self.lecture.copy({"consultation_point_id": False, "seats_max": 10})
        response = self._post(f"/my/consultation/lectures/{other.id}/register")
        self.assertEqual(response.status_code, 404)

    def test_consent_withdrawal(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        page = self.url_open("/my/consultation/consent").text
        self.assertIn("o_cp_withdraw", page)
        self._post("/my/consultation/consent/withdraw")
        self.assertTrue(self.consent_a.withdrawn_on)
        self.assertFalse(
            self.env["consultation.consent"].search(
                [("partner_id", "=", self.partner_b.id), ("withdrawn_on", "!=", False)]
            ),
            "another family's consent is untouched",
        )
        self.assertIn(self.partner_a, self.env["res.partner"]._cron_consultation_anonymise())
        self.assertTrue(self.partner_a.consultation_anonymised_on)


_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    "kgAAAABJRU5ErkJggg=="
)


def freeze_before(moment):
    """Freeze time at `moment` (naive UTC)."""
    return freeze_time(moment)


@tagged("post_install", "-at_install")
class TestPortalChildCorrection(CpPortalCase):
    freeze_time = REFERENCE_TIME

    def _correct(self, child, name, birth_date):
        return self._post(
            f"/my/consultation/children/{child.id}/edit",
            {"name": name, "birth_date": birth_date},
        )

    def test_parent_corrects_own_child(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        page = self.url_open("/my/consultation/children").text
        self.assertIn(f"/my/consultation/children/{self.child_a.id}/edit", page)
        form = self.url_open(f"/my/consultation/children/{self.child_a.id}/edit").text
        self.assertIn(self.child_a.birth_date.isoformat(), form)
        new_birth = almaty_today() - relativedelta(years=5, months=1)
        response = self._correct(
            self.child_a, " Қасымов Нұрсұлтан Ерланұлы ", new_birth.isoformat()
        )
        self.assertTrue(response.url.endswith("/my/consultation/children?message=child_updated"))
        self.assertIn("o_cp_child_updated", response.text)
        self.assertEqual(self.child_a.name, "Қасымов Нұрсұлтан Ерланұлы")
        self.assertEqual(self.child_a.birth_date, new_birth)
        self.assertNoLeak(response)

    def test_invalid_correction_is_refused_with_a_clear_error(self):
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        name, birth = self.child_a.name, self.child_a.birth_date
        future = (almaty_today() + timedelta(days=3)).isoformat()
        for data, message in (
            ({"name": "Renamed", "birth_date": future}, "cannot be in the future"),
            ({"name": "  ", "birth_date": birth.isoformat()}, "Enter the child"),
            ({"name": "Renamed", "birth_date": "31.02.2020"}, "day, month and year"),
        ):
            response = self._correct(self.child_a, data["name"], data["birth_date"])
            self.assertEqual(response.status_code, 400)
            self.assertIn("o_cp_error", response.text)
            self.assertIn(message, response.text)
            self.assertEqual(self.child_a.name, name)
            self.assertEqual(self.child_a.birth_date, birth)

    def test_birth_date_must_match_the_iin(self):
        self.child_a.write({"iin": "200315500007", "birth_date": date(2020, 3, 15)})
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        response = self._correct(self.child_a, self.child_a.name, "2020-04-15")
        self.assertIn("o_cp_error", response.text)
        self.assertIn("200315500007", response.text)
        self.assertEqual(self.child_a.birth_date, date(2020, 3, 15))

    def test_booking_without_request_lands_in_the_register(self):
        child = self.env["consultation.child"].create(
            {
                "name": "Қасымова Аяру",
                "birth_date": almaty_today() - relativedelta(years=2),
                "parent_ids": [Command.set(self.partner_a.ids)],
                "company_id": self.company.id,
            }
        )
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        slot = self.slots[0]
        self._post(
            "/my/consultation/book",
            {
                "child_id": child.id,
                "topic_id": self.topic.id,
                "specialist_id": slot["specialist"].id,
                "start": fields.Datetime.to_string(slot["start"]),
                "mode": "in_person",
            },
        )
        line = self.env["consultation.appointment.line"].search([("child_id", "=", child.id)])
        self.assertEqual(line.appointment_id.state, "reserved")
        request = line.request_id
        self.assertEqual(request.channel, "website")
        self.assertEqual(request.partner_id, self.partner_a)
        self.assertEqual(request.topic_ids, self.topic)
        self.assertEqual(request.state, "scheduled")
        page = self.url_open("/my/consultation/requests").text
        self.assertIn(request.name, page)
