from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged


class PortalCommon:
    @classmethod
    def _setup_boards(cls):
        env = cls.env
        cls.company = env.ref("base.main_company")
        cls.member_user = new_test_user(
            env,
            login="kg_portal_member",
            password="kg_portal_member_1",
            groups="base.group_portal",
            name="Портал Мүше",
        )
        cls.other_user = new_test_user(
            env,
            login="kg_portal_other",
            password="kg_portal_other_1",
            groups="base.group_portal",
            name="Басқа Ата-ана",
        )
        cls.colleague = env["res.partner"].create({"name": "Әріптес Мүше"})
        start, end = date.today() - timedelta(days=400), date.today() + timedelta(days=400)
        Council = env["kindergarten.council"]
        cls.board = Council.create(
            {"name": "Портал кеңесі", "company_id": cls.company.id, "state": "active"}
        )
        cls.other_board = Council.create(
            {"name": "Басқа кеңес", "company_id": cls.company.id, "state": "active"}
        )
        Member = env["kindergarten.council.member"]
        for board, partner in (
            (cls.board, cls.member_user.partner_id),
            (cls.board, cls.colleague),
            (cls.other_board, cls.other_user.partner_id),
        ):
            Member.create(
                {
                    "council_id": board.id,
                    "partner_id": partner.id,
                    "represented_group": "community",
                    "date_start": start,
                    "date_end": end,
                }
            )
        cls.meeting_convened = cls._meeting(cls.board, 1, date.today() + timedelta(days=7))
        cls.meeting_convened.action_convene()
        cls.meeting_approved = cls._meeting(cls.board, 2, date.today() - timedelta(days=30))
        cls.meeting_approved.action_convene()
        cls.meeting_approved.action_hold()
        cls.meeting_approved.action_approve()
        cls.meeting_held = cls._meeting(cls.board, 3, date.today() - timedelta(days=3))
        cls.meeting_held.action_convene()
        cls.meeting_held.action_hold()
        cls.meeting_draft = cls._meeting(cls.board, 4, date.today() + timedelta(days=60))
        cls.meeting_other = cls._meeting(cls.other_board, 1, date.today() + timedelta(days=7))
        cls.meeting_other.action_convene()
        Attachment = env["ir.attachment"]
        cls.meeting_convened.member_document_ids = Attachment.create(
            {
                "name": "Жоспар жобасы.txt",
                "raw": b"plan",
                "res_model": "kindergarten.council.meeting",
                "res_id": cls.meeting_convened.id,
            }
        )
        # attached to the meeting's chatter (e.g. an internal note) but not published
        Attachment.create(
            {
                "name": "Ішкі жазба.txt",
                "raw": b"internal",
                "res_model": "kindergarten.council.meeting",
                "res_id": cls.meeting_convened.id,
            }
        )
        Action = env["kindergarten.council.action"]
        cls.my_action = Action.create(
            {
                "name": "Ата-аналар жиналысын өткізу",
                "partner_id": cls.member_user.partner_id.id,
                "council_id": cls.board.id,
                "meeting_id": cls.meeting_approved.id,
                "date_deadline": date.today() + timedelta(days=10),
            }
        )
        cls.colleague_action = Action.create(
            {
                "name": "Әріптестің тапсырмасы",
                "partner_id": cls.colleague.id,
                "council_id": cls.board.id,
                "meeting_id": cls.meeting_approved.id,
            }
        )
        cls.other_action = Action.create(
            {
                "name": "Басқа кеңестің тапсырмасы",
                "partner_id": cls.other_user.partner_id.id,
                "council_id": cls.other_board.id,
                "meeting_id": cls.meeting_other.id,
            }
        )

    @classmethod
    def _meeting(cls, board, number, day):
        return cls.env["kindergarten.council.meeting"].create(
            {
                "council_id": board.id,
                "number": number,
                "date": day,
                "place": "Әдістемелік кабинет",
                "agenda_item_ids": [
                    Command.create({"name": f"Күн тәртібі {number}: қысқы кезеңге дайындық"})
                ],
            }
        )

    def _attendee(self, meeting, user):
        return meeting.calendar_event_id.attendee_ids.filtered(
            lambda attendee: attendee.partner_id == user.partner_id
        )


@tagged("post_install", "-at_install")
class TestPortalDemo(HttpCase):
    def test_demo_member_sees_balakai(self):
        member = self.env.ref("kindergarten_council.user_portal_member")
        self.assertTrue(member.share)
        meetings = self.env["kindergarten.council.meeting"].with_user(member).search([])
        self.assertIn(self.env.ref("kindergarten_council.meeting_1"), meetings)
        self.assertTrue(all(m.state != "draft" for m in meetings))
        actions = self.env["kindergarten.council.action"].with_user(member).search([])
        self.assertEqual(actions, self.env.ref("kindergarten_council.action_menu_to_parents"))
        self.authenticate("member", "member")
        page = self.url_open(
            f"/my/council/meeting/{self.env.ref('kindergarten_council.meeting_1').id}"
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("/minutes", page.text)


@tagged("post_install", "-at_install")
class TestPortalRules(PortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_boards()

    def test_record_rules(self):
        Meeting = self.env["kindergarten.council.meeting"].with_user(self.member_user)
        self.assertEqual(
            Meeting.search([]),
            self.meeting_convened | self.meeting_approved | self.meeting_held,
        )
        Action = self.env["kindergarten.council.action"].with_user(self.member_user)
        self.assertEqual(Action.search([]), self.my_action)
        Council = self.env["kindergarten.council"].with_user(self.member_user)
        self.assertEqual(Council.search([]), self.board)
        with self.assertRaises(AccessError):
            self.meeting_other.with_user(self.member_user).read(["name"])
        with self.assertRaises(AccessError):
            self.my_action.with_user(self.member_user).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.env["kindergarten.council.agenda.item"].with_user(self.member_user).search([])

    def test_member_sees_only_the_meetings_of_their_term(self):
        former = new_test_user(
            self.env, login="kg_portal_former", groups="base.group_portal", name="Бұрынғы Мүше"
        )
        self.env["kindergarten.council.member"].create(
            {
                "council_id": self.board.id,
                "partner_id": former.partner_id.id,
                "represented_group": "sponsors",
                "date_start": date.today() - timedelta(days=100),
                "date_end": date.today() - timedelta(days=10),
            }
        )
        during = self._meeting(self.board, 11, date.today() - timedelta(days=20))
        after = self._meeting(self.board, 12, date.today() + timedelta(days=20))
        (during | after).action_convene()
        Meeting = self.env["kindergarten.council.meeting"]
        self.assertEqual(Meeting.with_user(former).search([]), during)
        with self.assertRaises(AccessError):
            after.with_user(former).read(["date"])
        # the member whose term covers both dates sees both
        self.assertLessEqual(during | after, Meeting.with_user(self.member_user).search([]))


@tagged("post_install", "-at_install")
class TestPortalRoutes(PortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_boards()

    def setUp(self):
        super().setUp()
        self.authenticate("kg_portal_member", "kg_portal_member_1")

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return page, page.text.split('name="csrf_token" value="')[1].split('"')[0]

    def test_meetings_list(self):
        page = self.url_open("/my/council/meetings")
        self.assertEqual(page.status_code, 200)
        for meeting in (self.meeting_convened, self.meeting_approved, self.meeting_held):
            self.assertIn(f"/my/council/meeting/{meeting.id}", page.text)
        self.assertNotIn(f"/my/council/meeting/{self.meeting_draft.id}", page.text)
        self.assertNotIn(f"/my/council/meeting/{self.meeting_other.id}", page.text)
        self.assertIn('id="o_council_portal_sections"', page.text)

    def test_home_counters(self):
        response = self.url_open(
            "/my/counters",
            data='{"jsonrpc": "2.0", "params": {"counters": '
            '["council_meeting_count", "council_action_count"]}}',
            headers={"Content-Type": "application/json"},
        )
        result = response.json()["result"]
        self.assertEqual(result["council_meeting_count"], 3)
        self.assertEqual(result["council_action_count"], 1)

    def test_meeting_page_agenda_documents_and_minutes(self):
        page = self.url_open(f"/my/council/meeting/{self.meeting_convened.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Күн тәртібі 1", page.text)
        self.assertIn("Жоспар жобасы.txt", page.text)
        self.assertNotIn("Ішкі жазба.txt", page.text)  # only what the secretary published
        self.assertIn("I will attend", page.text)
        self.assertNotIn("/minutes", page.text)
        # draft minutes never: held but not approved
        held = self.url_open(f"/my/council/meeting/{self.meeting_held.id}/minutes")
        self.assertEqual(held.status_code, 404)
        approved = self.url_open(f"/my/council/meeting/{self.meeting_approved.id}/minutes")
        self.assertEqual(approved.status_code, 200)
        self.assertEqual(approved.headers["Content-Type"], "application/pdf")
        # Under test the report engine gives the HTML of the PDF (no wkhtmltopdf run).
        self.assertIn("Күн тәртібі 2", approved.content.decode())

    def test_confirm_attendance(self):
        attendee = self._attendee(self.meeting_convened, self.member_user)
        self.assertEqual(attendee.state, "needsAction")
        _page, csrf = self._csrf(f"/my/council/meeting/{self.meeting_convened.id}")
        response = self.url_open(
            f"/my/council/meeting/{self.meeting_convened.id}/attend",
            data={"csrf_token": csrf, "answer": "accepted"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(attendee.state, "accepted")
        self.url_open(
            f"/my/council/meeting/{self.meeting_convened.id}/attend",
            data={"csrf_token": csrf, "answer": "declined"},
        )
        self.assertEqual(attendee.state, "declined")

    def test_mark_action_done(self):
        _page, csrf = self._csrf("/my/council/actions")
        self.assertIn("Ата-аналар жиналысын өткізу", _page.text)
        self.assertNotIn("Әріптестің тапсырмасы", _page.text)
        response = self.url_open(
            f"/my/council/action/{self.my_action.id}/done", data={"csrf_token": csrf}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.my_action.state, "done")
        self.assertTrue(self.my_action.date_done)
        # done once only
        again = self.url_open(
            f"/my/council/action/{self.my_action.id}/done", data={"csrf_token": csrf}
        )
        self.assertEqual(again.status_code, 404)

    def test_other_boards_ids_on_every_route(self):
        _page, csrf = self._csrf("/my/council/actions")
        for meeting in (self.meeting_other, self.meeting_draft):
            for url in (
                f"/my/council/meeting/{meeting.id}",
                f"/my/council/meeting/{meeting.id}/minutes",
            ):
                self.assertEqual(self.url_open(url).status_code, 404, url)
            response = self.url_open(
                f"/my/council/meeting/{meeting.id}/attend",
                data={"csrf_token": csrf, "answer": "accepted"},
            )
            self.assertEqual(response.status_code, 404)
        other_attendee = self._attendee(self.meeting_other, self.other_user)
        self.assertEqual(other_attendee.state, "needsAction")
        for action in (self.other_action, self.colleague_action):
            response = self.url_open(
                f"/my/council/action/{action.id}/done", data={"csrf_token": csrf}
            )
            self.assertEqual(response.status_code, 404)
            self.assertEqual(action.state, "open")
        self.assertEqual(self.url_open("/my/council/meeting/999999").status_code, 404)

    def test_public_visitor_is_sent_to_login(self):
        self.authenticate(None, None)
        response = self.url_open(
            f"/my/council/meeting/{self.meeting_convened.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_member_tour(self):
        self.start_tour("/my", "kindergarten_council_portal_member", login="kg_portal_member")
        self.assertEqual(self._attendee(self.meeting_convened, self.member_user).state, "accepted")
        self.assertEqual(self.my_action.state, "done")
