import base64
from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from ..models.kindergarten_council_candidate import DOCUMENTS


@tagged("post_install", "-at_install")
class TestCandidacyPortal(HttpCase):
    """Candidates apply to an open call on the portal with their documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "Candidacy board", "company_id": cls.company.id, "state": "active"}
        )
        cls.age_group = cls.env["kindergarten.age.group"].create(
            {"name": "Ортаңғы топ (тест)", "age_from": 3, "age_to": 4, "company_id": cls.company.id}
        )
        Call = cls.env["kindergarten.council.call"]
        cls.call = Call.create(
            {
                "name": "Қамқоршылық кеңесіне кандидаттар (тест)",
                "council_id": cls.council.id,
                "date_announce": date.today() - timedelta(days=2),
                "state": "open",
            }
        )
        cls.draft_call = Call.create({"name": "Жарияланбаған шақыру", "council_id": cls.council.id})
        cls.closed_call = Call.create(
            {
                "name": "Мерзімі өткен шақыру",
                "council_id": cls.council.id,
                "date_announce": date.today() - timedelta(days=40),
                "state": "open",
            }
        )
        cls.parent = new_test_user(
            cls.env,
            login="cand_parent",
            password="cand_parent_pwd_1",
            groups="base.group_portal",
            name="Кандидат Ата-ана",
        )
        cls.Candidate = cls.env["kindergarten.council.candidate"]

    def _post(self, call, files=None, **data):
        page = self.url_open(f"/council/call/{call.id}/apply")
        self.assertEqual(page.status_code, 200)
        self.csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        payload = {
            "csrf_token": self.csrf,
            "represented_group": "parents",
            "age_group_id": str(self.age_group.id),
            **data,
        }
        return self.url_open(f"/council/call/{call.id}/apply", data=payload, files=files or {})

    def test_public_list_shows_the_calls_taking_applications(self):
        page = self.url_open("/council/calls")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.call.name, page.text)
        self.assertNotIn(self.draft_call.name, page.text)
        self.assertNotIn(self.closed_call.name, page.text)  # its 20 days are over
        # a visitor who is not signed in is sent to the login page to apply
        response = self.url_open(f"/council/call/{self.call.id}/apply", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_apply_with_documents_then_complete_them(self):
        self.authenticate("cand_parent", "cand_parent_pwd_1")
        response = self._post(
            self.call,
            files={
                "doc_application": ("өтініш.pdf", b"%PDF-1.4 application", "application/pdf"),
                "doc_cv": ("cv.docx", b"cv content", "application/octet-stream"),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_council_candidacy_saved", response.text)
        candidate = self.Candidate.search([("call_id", "=", self.call.id)])
        self.assertEqual(candidate.partner_id, self.parent.partner_id)
        self.assertEqual(candidate.state, "applied")
        self.assertEqual(candidate.age_group_id, self.age_group)
        self.assertEqual(base64.b64decode(candidate.doc_application_file), b"%PDF-1.4 application")
        # the secretary ticks a document once checked: an upload alone does not
        self.assertFalse(candidate.doc_application)
        self.assertFalse(candidate.documents_complete)
        self.assertIn("өтініш.pdf", candidate.message_ids[0].body)
        # coming back later with the missing certificate completes the same application
        self._post(
            self.call,
            files={"doc_no_corruption": ("анықтама.jpg", b"jpeg bytes", "image/jpeg")},
        )
        self.assertEqual(self.Candidate.search([("call_id", "=", self.call.id)]), candidate)
        self.assertTrue(candidate.doc_no_corruption_file)
        self.assertTrue(candidate.doc_cv_file)
        page = self.url_open(f"/council/call/{self.call.id}/apply")
        self.assertIn("o_council_candidacy_documents", page.text)
        # once the secretary has examined it, the application cannot be changed any more
        candidate.write(dict.fromkeys([doc for doc, _label in DOCUMENTS], True))
        candidate.action_accept()
        page = self.url_open(f"/council/call/{self.call.id}/apply")
        self.assertNotIn("o_council_candidacy_form", page.text)
        response = self.url_open(
            f"/council/call/{self.call.id}/apply",
            data={"csrf_token": self.csrf, "represented_group": "community"},
            files={"doc_cv": ("cv2.pdf", b"other", "application/pdf")},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("already been examined", response.text)
        self.assertEqual(base64.b64decode(candidate.doc_cv_file), b"cv content")
        self.assertEqual(candidate.represented_group, "parents")

    def test_bad_input_gets_a_clear_error_and_saves_nothing(self):
        self.authenticate("cand_parent", "cand_parent_pwd_1")
        pdf = {"doc_application": ("app.pdf", b"%PDF", "application/pdf")}
        cases = [
            ({"age_group_id": ""}, pdf, "age group"),
            ({}, {"doc_application": ("app.exe", b"MZ", "application/octet-stream")}, "app.exe"),
            ({}, {}, "Attach at least your application"),
            ({"represented_group": "aliens"}, pdf, "Choose the group"),
        ]
        for data, files, message in cases:
            with self.subTest(message=message):
                response = self._post(self.call, files=files, **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertFalse(self.Candidate.search([("call_id", "=", self.call.id)]))

    def test_closed_and_draft_calls_take_no_application(self):
        self.authenticate("cand_parent", "cand_parent_pwd_1")
        for call in (self.closed_call, self.draft_call):
            self.assertEqual(self.url_open(f"/council/call/{call.id}/apply").status_code, 404)
        self.assertFalse(
            self.Candidate.search([("call_id", "in", [self.closed_call.id, self.draft_call.id])])
        )

    def test_a_parent_sees_only_their_own_application(self):
        other = self.env["res.partner"].create({"name": "Басқа кандидат"})
        self.Candidate.create(
            {"call_id": self.call.id, "partner_id": other.id, "doc_cv_file": base64.b64encode(b"x")}
        )
        self.authenticate("cand_parent", "cand_parent_pwd_1")
        page = self.url_open(f"/council/call/{self.call.id}/apply")
        self.assertNotIn("o_council_candidacy_documents", page.text)
        self.assertNotIn("Басқа кандидат", page.text)
