"""Bad input on every public and portal route: the form again with a message, or a 404,
never a 500, and nothing created or changed."""

from html import unescape
from urllib.parse import urlencode

from dateutil.relativedelta import relativedelta

from odoo import fields, http
from odoo.tests import HttpCase, tagged

from odoo.addons.kindergarten_base.models.kindergarten_form_guard import LIMIT_PARAM

from .test_portal import _PNG, CpPortalCase

# ids a browser never sends for a record: words, Unicode digits int() accepts, negative,
# zero, decimals, out of PostgreSQL's integer range
ARABIC_INDIC = "\u0661\u0662"
BAD_IDS = ("abc", "²²²", ARABIC_INDIC, "\uff11\uff12", "-1", "0", "1.5", "99999999999999999999")
BAD_ROUTE_IDS = ("abc", "-1", "0", "²²²", "99999999999999999999")
HUGE = "й" * 2_000_000
CHOOSE = "Choose a value from the list."
REQUIRED = "This field is required."


class BadInputMixin:
    def assertAnswered(self, response, statuses, what=""):
        """Assert the response is one of `statuses` (never a server error)."""
        self.assertLess(response.status_code, 500, what)
        self.assertIn(response.status_code, statuses, what)
        # never the 2,000,000 characters echoed back
        self.assertLess(len(response.content), 300_000, what)

    def get(self, path, **params):
        return self.url_open(f"{path}?{urlencode(params)}")

    def counts(self, *models):
        return {model: self.env[model].sudo().search_count([]) for model in models}


@tagged("post_install", "-at_install")
class TestWebsiteRequestBadInput(BadInputMixin, HttpCase):
    MODELS = (
        "consultation.request",
        "consultation.child",
        "consultation.consent",
        "res.partner",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.point = cls.env.ref("consultation_point.point_tansholpan")
        cls.topic = cls.env.ref("consultation_point.topic_play")
        # every attempt counts: this class sends hundreds from one address
        cls.env["ir.config_parameter"].set_param(LIMIT_PARAM % "consultation_request", 100_000)

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _submit(self, files=None, **values):
        data = {
            "parent_name": "Сейітова Айгүл",
            "phone": "+7 701 555 12 34",
            "email": "bad.input@example.kz",
            "child_name": "Сейітов Ерасыл",
            "child_birth_date": fields.Date.to_string(fields.Date.today() - relativedelta(years=3)),
            "topic_id": str(self.topic.id),
            "form_wanted": "individual",
            "question": "Бала құрдастарымен ойнамайды.",
            "consent": "on",
            "csrf_token": http.Request.csrf_token(self),
        }
        data.update(values)
        data = {k: v for k, v in data.items() if v is not None}
        return self.url_open(
            f"/consultation-point/{self.point.id}/request/submit", data=data, files=files
        )

    def assertRefused(self, message, files=None, **values):
        before = self.counts(*self.MODELS)
        response = self._submit(files=files, **values)
        what = f"{values} {files}"[:200]
        self.assertAnswered(response, (400,), what)
        self.assertIn("o_cp_request_form", response.text, what)
        self.assertIn("o_cp_form_error", response.text, what)
        self.assertIn(message, unescape(response.text), what)
        self.assertEqual(self.counts(*self.MODELS), before, what)
        return response

    def test_the_form_shows_its_limits(self):
        page = self.url_open(f"/consultation-point/{self.point.id}/request").text
        self.assertIn('maxlength="10000"', page)
        self.assertIn('maxlength="200"', page)
        self.assertIn('maxlength="12"', page)
        self.assertIn("10000", page)

    def test_a_good_request_still_goes_through(self):
        before = self.counts("consultation.request")
        response = self._submit()
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_cp_request_number", response.text)
        self.assertEqual(
            self.counts("consultation.request")["consultation.request"],
            before["consultation.request"] + 1,
        )

    def test_topic_ids(self):
        for value in BAD_IDS + ("999999999",):
            self.assertRefused(CHOOSE, topic_id=value)
        self.assertRefused(REQUIRED, topic_id="")

    def test_iin_of_unicode_digits(self):
        for value in ("²" * 12, ARABIC_INDIC[0] * 12, "12345", "abcdefghijkl"):
            response = self.assertRefused("The IIN has 12 digits 0-9.", child_iin=value)
            # the typed value is given back in the form
            self.assertIn(f'value="{value}"', response.text)
        self.assertRefused("is not valid: check its digits", child_iin="123456789012")

    def test_over_long_texts(self):
        response = self.assertRefused(
            "Enter at most 10000 characters (you entered 2000000).", question=HUGE
        )
        self.assertIn("й" * 100, response.text)  # the start of what was typed is kept
        for field in ("parent_name", "child_name"):
            self.assertRefused("Enter at most 200 characters", **{field: HUGE})
        self.assertRefused("Enter at most 254 characters", email="a" * 300 + "@example.kz")
        self.assertRefused("Enter at most 32 characters", phone="7" * 2_000_000)

    def test_dates(self):
        for value in ("2021-02-30", "abc", "²⁰²¹-01-01", ARABIC_INDIC * 2 + "-01-01", HUGE):
            self.assertRefused("Enter a real date: day, month and year", child_birth_date=value)
        self.assertRefused("Enter a date from", child_birth_date="1800-01-01")
        self.assertRefused(
            "The birth date is in the future.",
            child_birth_date=fields.Date.to_string(fields.Date.today() + relativedelta(days=2)),
        )

    def test_phone_email_choices_and_checkboxes(self):
        for value in ("²²² ²²² ²²²", "call me", ARABIC_INDIC * 5, "12"):
            self.assertRefused("Enter a phone number", phone=value)
        self.assertRefused("Enter a valid e-mail address.", email="aigul at example.kz")
        self.assertRefused(CHOOSE, form_wanted="evil")
        self.assertRefused("This value is not valid.", attends_preschool="maybe")
        self.assertRefused("This value is not valid.", consent="maybe")

    def test_missing_required_fields(self):
        for field in ("parent_name", "phone", "email", "child_name", "child_birth_date"):
            self.assertRefused(REQUIRED, **{field: None})
            self.assertRefused(REQUIRED, **{field: " \x00 "})
        self.assertRefused("Your consent to the processing of personal data", consent=None)

    def test_a_file_where_a_text_is_expected(self):
        self.assertRefused(
            "This value is not valid.",
            files={"question": ("question.txt", b"x" * 1000, "text/plain")},
            question=None,
        )

    def test_bad_ids_in_urls(self):
        for value in BAD_ROUTE_IDS:
            for url in (
                f"/consultation-point/{value}",
                f"/consultation-point/{value}/request",
                f"/consultation-point/document/{value}",
            ):
                self.assertAnswered(self.url_open(url), (404,), url)
            response = self.url_open(
                f"/consultation-point/{value}/request/submit",
                data={"csrf_token": http.Request.csrf_token(self), "topic_id": "abc"},
            )
            self.assertAnswered(response, (404,), value)
        # Arabic-Indic digits in a URL are a number for the router: the page or a 404
        url = "/consultation-point/" + "".join(chr(0x0660 + int(c)) for c in str(self.point.id))
        self.assertAnswered(self.url_open(url), (200, 404), url)


@tagged("post_install", "-at_install")
class TestPortalBadInput(BadInputMixin, CpPortalCase):
    MODELS = (
        "consultation.appointment",
        "consultation.appointment.line",
        "consultation.request",
        "event.registration",
    )

    def setUp(self):
        super().setUp()
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")

    def assertPageError(self, response, message, what=""):
        self.assertAnswered(response, (400,), what)
        self.assertIn("o_cp_error", response.text, what)
        self.assertIn(message, unescape(response.text), what)

    def test_bad_ids_in_portal_urls(self):
        before = self.counts(*self.MODELS)
        for value in BAD_ROUTE_IDS:
            for url in (
                f"/my/consultation/children/{value}/edit",
                f"/my/consultation/requests/{value}",
                f"/my/consultation/appointments/{value}",
                f"/my/consultation/contracts/{value}",
                f"/my/consultation/contracts/{value}/pdf",
            ):
                self.assertAnswered(self.url_open(url), (404,), url)
            for url in (
                f"/my/consultation/appointments/{value}/confirm",
                f"/my/consultation/appointments/{value}/cancel",
                f"/my/consultation/group/{value}/join",
                f"/my/consultation/lectures/{value}/register",
                f"/my/consultation/children/{value}/edit",
            ):
                response = self._post(url, {"child_id": self.child_a.id, "name": "X"})
                self.assertAnswered(response, (404,), url)
        for value in ("-1", "0", "99999999999999999999"):
            sign = self.make_jsonrpc_request(
                f"/my/consultation/contract/{value}/sign", {"name": "X", "signature": _PNG}
            )
            self.assertEqual(sign.get("error"), "This contract was not found.")
        self.assertEqual(self.counts(*self.MODELS), before)
        self.assertEqual(self.child_a.name, "Қасымов Нұрсұлтан")

    def test_child_correction(self):
        name, birth = self.child_a.name, self.child_a.birth_date
        url = f"/my/consultation/children/{self.child_a.id}/edit"
        cases = [
            ({"name": HUGE, "birth_date": "2021-03-15"}, "Enter at most 200 characters"),
            ({"name": " \x00 ", "birth_date": "2021-03-15"}, "Enter the child's name."),
            ({"name": "Renamed", "birth_date": "²⁰²⁰-01-01"}, "day, month and year"),
            ({"name": "Renamed", "birth_date": ARABIC_INDIC * 2 + "-01-01"}, "day, month"),
            ({"name": "Renamed", "birth_date": "2020-13-01"}, "day, month and year"),
            ({"name": "Renamed", "birth_date": "1800-01-01"}, "Enter a date from"),
            ({"name": "Renamed", "birth_date": HUGE}, "day, month and year"),
        ]
        for data, message in cases:
            response = self._post(url, data)
            self.assertPageError(response, message, message)
            self.assertIn("o_cp_child_form", response.text)
            self.assertEqual(self.child_a.name, name)
            self.assertEqual(self.child_a.birth_date, birth)

    def test_booking_page_parameters(self):
        for key in ("child_id", "topic_id", "reschedule_id"):
            for value in BAD_IDS:
                response = self.get("/my/consultation/book", **{key: value})
                self.assertPageError(response, CHOOSE, f"{key}={value}")
        response = self.get(
            "/my/consultation/book", child_id=self.child_a.id, topic_id=self.topic.id, mode="evil"
        )
        self.assertPageError(response, CHOOSE, "mode")
        # a well-formed id of another family's child is not found
        response = self.get("/my/consultation/book", child_id=self.child_b.id)
        self.assertAnswered(response, (404,))

    def test_booking_submit(self):
        slot = self.slots[0]
        good = {
            "child_id": self.child_a.id,
            "topic_id": self.topic.id,
            "specialist_id": slot["specialist"].id,
            "start": fields.Datetime.to_string(slot["start"]),
            "mode": "in_person",
        }
        before = self.counts(*self.MODELS)
        cases = [("child_id", value, CHOOSE) for value in BAD_IDS]
        cases += [
            (key, value, "Pick a slot")
            for key in ("topic_id", "specialist_id")
            for value in BAD_IDS
        ]
        cases += [
            ("child_id", "", REQUIRED),
            ("specialist_id", "", "Pick a slot"),
            ("start", "", "Pick a slot"),
            ("start", "abc", "Pick a slot"),
            ("start", "2026-02-30 10:00:00", "Pick a slot"),
            ("start", "²⁰²⁶-03-02 10:00:00", "Pick a slot"),
            ("start", "1800-03-02 10:00:00", "Pick a slot"),
            ("start", HUGE, "Pick a slot"),
            ("mode", "evil", CHOOSE),
            ("reschedule_id", "abc", CHOOSE),
            ("reschedule_id", "-1", CHOOSE),
        ]
        for key, value, message in cases:
            response = self._post("/my/consultation/book", dict(good, **{key: value}))
            self.assertPageError(response, message, f"{key}={value[:20]}")
        self.assertEqual(self.counts(*self.MODELS), before)

    def test_group_join(self):
        session = self._make_appointment(self.slots[2], self.partner_b, self.child_b)
        session.write({"kind": "group", "capacity": 5, "state": "confirmed"})
        before = self.counts(*self.MODELS)
        for value in BAD_IDS + ("",):
            response = self._post(f"/my/consultation/group/{session.id}/join", {"child_id": value})
            message = REQUIRED if value == "" else CHOOSE
            self.assertPageError(response, message, value)
        self.assertEqual(self.counts(*self.MODELS), before)
        self.assertEqual(len(session.line_ids), 1)

    def test_contract_signature(self):
        url = f"/my/consultation/contract/{self.contract_a.id}/sign"
        cases = [
            ({"name": HUGE, "signature": _PNG}, "Enter at most 200 characters"),
            ({"name": "  ", "signature": _PNG}, "signer's full name are required"),
            ({"name": {"evil": 1}, "signature": _PNG}, "This value is not valid."),
            ({"name": "Қасымова Жанар", "signature": "not an image!"}, "This is not an image."),
            ({"name": "Қасымова Жанар", "signature": "TVo="}, "This is not an image."),
            ({"name": "Қасымова Жанар", "signature": "A" * 2_000_000}, "larger than"),
            ({"name": "Қасымова Жанар", "signature": ["x"]}, "This value is not valid."),
        ]
        for params, message in cases:
            result = self.make_jsonrpc_request(url, params)
            self.assertIn(message, result.get("error") or "", message)
        self.assertEqual(self.contract_a.state, "sent")
        self.assertFalse(self.contract_a.signature)
        # an access token of any size or type is not found, never a crash
        response = self.get(
            f"/my/consultation/contracts/{self.contract_a.id}", access_token="x" * 500
        )
        self.assertAnswered(response, (404,))
        result = self.make_jsonrpc_request(
            url, {"name": "X", "signature": _PNG, "access_token": {"evil": 1}}
        )
        self.assertTrue(result.get("error"))
        self.assertEqual(self.contract_a.state, "sent")
