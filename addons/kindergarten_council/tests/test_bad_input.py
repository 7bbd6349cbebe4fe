"""Bad input on the board's public and portal routes: the form again with a message (HTTP
400) or a 404, never a 500, and nothing created or changed."""

from datetime import date, timedelta
from html import unescape
from urllib.parse import urlencode

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kindergarten_base.models.kindergarten_form_guard import LIMIT_PARAM

from ..models.kindergarten_council_call import PORTAL_FILE_MAX_BYTES
from .test_portal import PortalCommon

ARABIC_INDIC = "\u0661\u0662"
BAD_IDS = ("abc", "²²²", ARABIC_INDIC, "\uff11\uff12", "-1", "0", "1.5", "99999999999999999999")
BAD_ROUTE_IDS = ("abc", "-1", "0", "²²²", "99999999999999999999")
HUGE = "й" * 2_000_000


class BadInputMixin:
    def csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200, url)
        return page.text.split('name="csrf_token" value="')[1].split('"')[0]

    def assertAnswered(self, response, statuses, what=""):
        """Assert the response is one of `statuses`: never a server error or a traceback."""
        self.assertLess(response.status_code, 500, what)
        self.assertIn(response.status_code, statuses, what)
        self.assertNotIn("Traceback", response.text, what)
        self.assertLess(len(response.content), 300_000, what)  # the 2,000,000 characters

    def counts(self, *models):
        return {model: self.env[model].sudo().search_count([]) for model in models}


@tagged("post_install", "-at_install")
class TestAppealBadInput(BadInputMixin, HttpCase):
    MODELS = ("kindergarten.council.appeal",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "Bad input board", "state": "active"}
        )
        # every attempt counts: this class sends hundreds from one address
        cls.env["ir.config_parameter"].set_param(LIMIT_PARAM % "council_appeal", 100_000)

    def _post(self, files=None, **data):
        payload = {
            "csrf_token": self.csrf("/council/appeal"),
            "council_id": str(self.council.id),
            "category": "violence",
            "description": "Балаға айқайлады",
            **data,
        }
        payload = {k: v for k, v in payload.items() if v is not None}
        return self.url_open("/council/appeal", data=payload, files=files)

    def assertRefused(self, message, files=None, **data):
        before = self.counts(*self.MODELS)
        response = self._post(files=files, **data)
        what = f"{data} {files}"[:200]
        self.assertAnswered(response, (400,), what)
        self.assertIn("o_council_appeal_form", response.text, what)
        self.assertIn(message, unescape(response.text), what)
        self.assertEqual(self.counts(*self.MODELS), before, what)
        return response

    def test_the_form_shows_its_limits_and_a_good_appeal_goes_through(self):
        page = self.url_open("/council/appeal").text
        self.assertIn('maxlength="10000"', page)
        self.assertIn('maxlength="254"', page)
        self.assertIn("10000", page)
        before = self.counts("kindergarten.council.appeal")["kindergarten.council.appeal"]
        response = self._post(contact_email="parent@example.kz", contact_phone="+7 701 1234567")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.counts("kindergarten.council.appeal")["kindergarten.council.appeal"], before + 1
        )

    def test_board_ids(self):
        for value in BAD_IDS + ("999999999",):
            self.assertRefused("Choose the preschool.", council_id=value)

    def test_category_and_checkboxes(self):
        for value in ("evil", "", "violence" * 1000):
            self.assertRefused("Choose what the appeal is about.", category=value)
        self.assertRefused("This value is not valid.", anonymous="maybe")

    def test_texts(self):
        response = self.assertRefused(
            "Enter at most 10000 characters (you entered 2000000).", description=HUGE
        )
        self.assertIn("й" * 100, response.text)  # what was typed comes back, cut
        self.assertRefused("Describe the situation.", description=" \x00 ")
        self.assertRefused("Describe the situation.", description=None)
        self.assertRefused("Enter at most 200 characters", contact_name=HUGE)
        self.assertRefused("Enter a valid e-mail address.", contact_email="not-an-email")
        for value in ("²²² ²²² ²²²", ARABIC_INDIC * 5, "call me"):
            self.assertRefused("Enter a phone number", contact_phone=value)
        self.assertRefused(
            "This value is not valid.",
            files={"description": ("d.txt", b"x" * 100, "text/plain")},
            description=None,
        )

    def test_the_form_has_its_text_field_when_empty(self):
        page = self.url_open("/council/appeal").text
        self.assertIn('name="description"', page)

    def test_the_link_presets_only_valid_values(self):
        query = urlencode({"category": "evil", "council_id": "²²²", "description": HUGE[:1000]})
        response = self.url_open(f"/council/appeal?{query}")
        self.assertAnswered(response, (200,))
        self.assertNotIn('value="evil"', response.text)
        self.assertNotIn("йййй", response.text)


@tagged("post_install", "-at_install")
class TestCandidacyBadInput(BadInputMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.ref("base.main_company")
        council = cls.env["kindergarten.council"].create(
            {"name": "Bad input candidacy board", "company_id": company.id, "state": "active"}
        )
        cls.age_group = cls.env["kindergarten.age.group"].create(
            {"name": "Bad input group", "age_from": 3, "age_to": 4, "company_id": company.id}
        )
        cls.call = cls.env["kindergarten.council.call"].create(
            {
                "name": "Bad input call",
                "council_id": council.id,
                "date_announce": date.today() - timedelta(days=2),
                "state": "open",
            }
        )
        new_test_user(
            cls.env, login="bad_cand", password="bad_cand_pwd_1", groups="base.group_portal"
        )
        cls.Candidate = cls.env["kindergarten.council.candidate"]

    def setUp(self):
        super().setUp()
        self.authenticate("bad_cand", "bad_cand_pwd_1")
        self.url = f"/council/call/{self.call.id}/apply"

    def assertRefused(self, message, files=None, **data):
        payload = {
            "csrf_token": self.csrf(self.url),
            "represented_group": "parents",
            "age_group_id": str(self.age_group.id),
            **data,
        }
        if files is None:
            files = {"doc_application": ("app.pdf", b"%PDF-1.4", "application/pdf")}
        before = self.counts("kindergarten.council.candidate")
        response = self.url_open(self.url, data=payload, files=files)
        what = f"{data} {files}"[:300]
        self.assertAnswered(response, (400,), what)
        self.assertIn("o_council_candidacy_form", response.text, what)
        self.assertIn(message, unescape(response.text), what)
        self.assertEqual(self.counts("kindergarten.council.candidate"), before, what)

    def test_the_form_shows_the_upload_limit(self):
        page = self.url_open(self.url).text
        self.assertIn("max 10 MB", page)
        self.assertIn("PDF, JPG", page)

    def test_bad_ids(self):
        for value in BAD_ROUTE_IDS:
            self.assertAnswered(self.url_open(f"/council/call/{value}/apply"), (404,), value)
        for value in BAD_IDS + ("999999999",):
            self.assertRefused("Choose an age group of this preschool.", age_group_id=value)
        self.assertRefused(
            "Choose the group you would represent on the board.", represented_group="evil"
        )

    def test_uploads(self):
        pdf = "application/pdf"
        self.assertRefused(
            "big.pdf is larger than 10 MB.",
            files={"doc_cv": ("big.pdf", b"x" * (PORTAL_FILE_MAX_BYTES + 1), pdf)},
        )
        self.assertRefused("app.exe", files={"doc_cv": ("app.exe", b"MZ", pdf)})
        self.assertRefused("empty.pdf is empty.", files={"doc_cv": ("empty.pdf", b"", pdf)})
        self.assertRefused(
            "Send one file here.",
            files=[
                ("doc_cv", ("a.pdf", b"%PDF a", pdf)),
                ("doc_cv", ("b.pdf", b"%PDF b", pdf)),
            ],
        )
        self.assertRefused(
            "This form takes no file here.",
            files={"evil_doc": ("evil.pdf", b"%PDF", pdf)},
        )
        self.assertRefused("This value is not valid.", files={}, doc_cv="not a file")
        self.assertFalse(self.Candidate.search([("call_id", "=", self.call.id)]))


@tagged("post_install", "-at_install")
class TestSurveyCodeBadInput(BadInputMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        council = cls.env["kindergarten.council"].create(
            {"name": "Bad input survey board", "state": "active"}
        )
        cls.campaign = cls.env["kindergarten.council.survey"].create(
            {"council_id": council.id, "year": 2025}
        )
        cls.code = cls.env["kindergarten.council.survey.code"]._issue(cls.campaign, 1)

    def _start(self, files=None, **data):
        payload = {"csrf_token": self.csrf("/council/survey"), **data}
        return self.url_open("/council/survey/start", data=payload, files=files)

    def test_codes(self):
        answers = self.counts("survey.user_input")
        for value, status, message in (
            (HUGE, 400, "Enter at most 32 characters"),
            (" \x00 ", 400, "Enter the code you received."),
            ("²²²²-²²²²-²²²²", 404, "This code is not valid"),
            (ARABIC_INDIC * 6, 404, "This code is not valid"),
        ):
            response = self._start(code=value)
            self.assertAnswered(response, (status,), value[:20])
            self.assertIn(message, unescape(response.text), value[:20])
        response = self._start(files={"code": ("code.txt", self.code.code.encode(), "text/plain")})
        self.assertAnswered(response, (400,))
        self.assertIn("This value is not valid.", unescape(response.text))
        self.assertEqual(self.counts("survey.user_input"), answers)
        self.assertFalse(self.code.used)
        # a long code in the link is not put back whole in the code's field
        response = self.url_open("/council/survey/" + "Z" * 5000)
        self.assertAnswered(response, (200,))
        self.assertIn(f'maxlength="32" value="{"Z" * 32}"', response.text)


@tagged("post_install", "-at_install")
class TestMemberPortalBadInput(BadInputMixin, PortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_boards()

    def setUp(self):
        super().setUp()
        self.authenticate("kg_portal_member", "kg_portal_member_1")

    def test_bad_ids_and_answers(self):
        csrf = self.csrf("/my/council/actions")
        for value in BAD_ROUTE_IDS:
            for url in (f"/my/council/meeting/{value}", f"/my/council/meeting/{value}/minutes"):
                self.assertAnswered(self.url_open(url), (404,), url)
            for url in (
                f"/my/council/meeting/{value}/attend",
                f"/my/council/action/{value}/done",
            ):
                response = self.url_open(url, data={"csrf_token": csrf, "answer": "accepted"})
                self.assertAnswered(response, (404,), url)
        attendee = self.meeting_convened.calendar_event_id.attendee_ids.filtered(
            lambda a: a.partner_id == self.member_user.partner_id
        )
        for answer in ("evil", "accepted" * 1000, "²"):
            response = self.url_open(
                f"/my/council/meeting/{self.meeting_convened.id}/attend",
                data={"csrf_token": csrf, "answer": answer},
            )
            self.assertAnswered(response, (400,), answer[:20])
        self.assertEqual(attendee.state, "needsAction")
        self.assertEqual(self.my_action.state, "open")
