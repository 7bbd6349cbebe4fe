from datetime import timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields, http
from odoo.tests import HttpCase, tagged

from odoo.addons.kindergarten_base.models.kindergarten_form_guard import LIMIT_PARAM
from odoo.addons.kindergarten_base.tools import HONEYPOT_FIELD

from .common import almaty_today
from .test_portal import _PNG, CpPortalCase


@tagged("post_install", "-at_install")
class TestWebsiteRequest(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.point = cls.env.ref("consultation_point.point_tansholpan")
        cls.topic = cls.env.ref("consultation_point.topic_play")
        cls.today = almaty_today()

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # an anonymous session, for the CSRF token

    def _form(self, **values):
        data = {
            "parent_name": "Сейітова Айгүл",
            "phone": "+7 701 555 12 34",
            "email": "aigul.seitova@example.kz",
            "child_name": "Сейітов Ерасыл",
            "child_birth_date": fields.Date.to_string(self.today - relativedelta(years=3)),
            "topic_id": str(self.topic.id),
            "form_wanted": "individual",
            "question": "Бала құрдастарымен ойнамайды.",
            "consent": "on",
            "csrf_token": http.Request.csrf_token(self),
        }
        data.update(values)
        return {k: v for k, v in data.items() if v is not None}

    def _submit(self, **values):
        return self.url_open(
            f"/consultation-point/{self.point.id}/request/submit", data=self._form(**values)
        )

    def _requests(self, email="aigul.seitova@example.kz"):
        return self.env["consultation.request"].search([("partner_id.email", "=", email)])

    def test_point_page(self):
        self.env["consultation.point.document"].create(
            [
                {
                    "point_id": self.point.id,
                    "name": "Консультативтік пункт туралы ереже",
                    "kind": "regulation",
                    "file": "UERGLTEuNA==",
                    "file_name": "ereje.pdf",
                    "public": True,
                },
                {
                    "point_id": self.point.id,
                    "name": "HIDDEN-STAFFING-TABLE",
                    "kind": "staffing",
                    "file": "UERGLTEuNA==",
                    "file_name": "staff.pdf",
                    "public": False,
                },
            ]
        )
        officer = self.env["res.partner"].create(
            {"name": "Ахметова Сәуле", "email": "dpo@tansholpan.example.kz"}
        )
        self.point.data_officer_id = officer
        self.env["event.event"].create(
            {
                "name": "Ата-аналарға арналған лекторий: ойын",
                "consultation_point_id": self.point.id,
                "date_begin": fields.Datetime.now() + timedelta(days=5),
                "date_end": fields.Datetime.now() + timedelta(days=5, hours=1),
                "event_type_id": self.env.ref("consultation_point.event_type_lecture").id,
            }
        )
        response = self.url_open(f"/consultation-point/{self.point.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(self.point.name, page)
        self.assertIn("09:00–12:00", page)
        self.assertIn("17:00–19:00", page)
        self.assertIn(self.topic.name, page)
        self.assertIn("Консультативтік пункт туралы ереже", page)
        self.assertNotIn("HIDDEN-STAFFING-TABLE", page)
        self.assertIn("Ахметова Сәуле", page)
        self.assertIn("Ата-аналарға арналған лекторий: ойын", page)
        public_doc, hidden_doc = self.point.document_ids.sorted("id")[-2:]
        response = self.url_open(f"/consultation-point/document/{public_doc.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"PDF-1.4")
        response = self.url_open(f"/consultation-point/document/{hidden_doc.id}")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.url_open("/consultation-point/999999").status_code, 404)
        # The website speaks Kazakh and Russian.
        self.assertTrue(
            {"kk_KZ", "ru_RU"}
            <= set(self.env.ref("website.default_website").language_ids.mapped("code"))
        )

    def test_request_creates_family_request_consent_and_invitation(self):
        response = self._submit()
        self.assertEqual(response.status_code, 200)
        consultation_request = self._requests()
        self.assertEqual(len(consultation_request), 1)
        self.assertEqual(consultation_request.channel, "website")
        self.assertEqual(consultation_request.state, "new")
        self.assertTrue(consultation_request.name.startswith(self.point.request_prefix))
        self.assertIn(consultation_request.name, response.text)
        self.assertIn("o_cp_request_ok", response.text)
        partner = consultation_request.partner_id
        self.assertEqual(partner.phone, "+7 701 555 12 34")
        self.assertEqual(consultation_request.child_id.name, "Сейітов Ерасыл")
        self.assertEqual(consultation_request.topic_ids, self.topic)
        consent = self.env["consultation.consent"].search([("partner_id", "=", partner.id)])
        self.assertEqual(consent.channel, "website")
        self.assertEqual(consent.text_version, self.point.consent_text_version)
        user = partner.user_ids
        self.assertTrue(user)
        self.assertTrue(user.has_group("base.group_portal"))
        self.assertFalse(user.has_group("base.group_user"))

    def test_declined_request_is_registered_with_the_reason(self):
        response = self._submit(
            child_birth_date=fields.Date.to_string(self.today - relativedelta(years=7, days=2))
        )
        consultation_request = self._requests()
        self.assertEqual(consultation_request.state, "declined")
        self.assertTrue(consultation_request.name)
        self.assertIn("o_cp_declined", response.text)
        self.assertIn(consultation_request.name, response.text)
        self.assertIn(consultation_request.child_id.name, response.text)
        self.env["consultation.request"].search([]).unlink()
        self.env["kindergarten.form.guard"].search([]).unlink()
        response = self._submit(email="other.parent@example.kz", attends_preschool="on")
        consultation_request = self._requests("other.parent@example.kz")
        self.assertEqual(consultation_request.state, "declined")
        self.assertTrue(consultation_request.child_id.attends_preschool)
        self.assertIn("o_cp_declined", response.text)

    def test_consent_and_fields_required(self):
        response = self._submit(consent=None)
        self.assertIn("o_cp_form_error", response.text)
        self.assertFalse(self._requests())
        response = self._submit(child_name="", email="not-an-email")
        self.assertIn("o_cp_form_error", response.text)
        self.assertFalse(self._requests("not-an-email"))

    def test_invalid_iin_is_explained(self):
        response = self._submit(child_iin="123456789012")
        self.assertEqual(response.status_code, 400)
        self.assertIn("o_cp_form_error", response.text)
        self.assertIn("123456789012", response.text)
        self.assertFalse(self._requests())

    def test_pages_in_kazakh_and_russian(self):
        for lang in ("kk", "ru"):
            response = self.url_open(f"/{lang}/consultation-point/{self.point.id}")
            self.assertEqual(response.status_code, 200, lang)
            self.assertIn(f'lang="{lang}-KZ"' if lang == "kk" else 'lang="ru-RU"', response.text)
            response = self.url_open(f"/{lang}/consultation-point/{self.point.id}/request")
            self.assertEqual(response.status_code, 200, lang)
            self.assertIn("o_cp_request_form", response.text)

    def _guard_rows(self):
        return self.env["kindergarten.form.guard"].search(
            [("form_key", "=", "consultation_request")]
        )

    def test_honeypot(self):
        response = self._submit(**{HONEYPOT_FIELD: "http://spam.example.com"})
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_cp_request_number", response.text)
        self.assertFalse(self._requests())
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "aigul.seitova@example.kz")])
        )
        self.assertFalse(self._guard_rows())

    def test_rate_limit_per_ip_and_email(self):
        self.env["ir.config_parameter"].set_param(LIMIT_PARAM % "consultation_request", 2)
        for i in range(2):
            self.assertEqual(self._submit(child_name=f"Бала {i}").status_code, 200)
        self.assertEqual(len(self._requests()), 2)
        response = self._submit(child_name="Бала 3")
        self.assertEqual(response.status_code, 429)
        self.assertIn("Too many attempts", response.text)
        self.assertEqual(len(self._requests()), 2)
        # Another e-mail from the same address is limited too (per IP).
        response = self._submit(email="third@example.kz")
        self.assertEqual(response.status_code, 429)
        # The shared guard keeps keyed hashes only, never the address or the e-mail.
        rows = self._guard_rows()
        self.assertEqual(len(rows), 4)
        Guard = self.env["kindergarten.form.guard"]
        self.assertEqual(set(rows.mapped("ip_hash")), {Guard._hash("127.0.0.1")})
        self.assertIn(Guard._hash("aigul.seitova@example.kz"), rows.mapped("email_hash"))
        stored = " ".join(str(v) for row in rows.read() for v in row.values())
        self.assertNotIn("127.0.0.1", stored)
        self.assertNotIn("aigul.seitova@example.kz", stored)
        # The limit is per hour: an hour later the parent may write again.
        later = fields.Datetime.now() + timedelta(hours=1, minutes=1)
        with patch.object(fields.Datetime, "now", return_value=later):
            self.assertEqual(self._submit(child_name="Бала 4").status_code, 200)
        self.assertEqual(len(self._requests()), 3)

    def test_failed_attempts_count_too(self):
        self.env["ir.config_parameter"].set_param(LIMIT_PARAM % "consultation_request", 2)
        for _i in range(2):
            response = self._submit(consent=None)
            self.assertEqual(response.status_code, 400)
            self.assertIn("o_cp_form_error", response.text)
        response = self._submit()
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self._requests())


@tagged("post_install", "-at_install")
class TestWebsiteTour(CpPortalCase):
    def test_parent_request_then_booking_signature_and_lecture(self):
        self.lecture.seats_max = 10
        self.env["consultation.point"].search([("id", "!=", self.point.id)]).unlink()
        self.start_tour(f"/consultation-point/{self.point.id}", "website_cp_request")
        consultation_request = self.env["consultation.request"].search(
            [("partner_id.email", "=", "tour.parent@example.kz")]
        )
        self.assertEqual(consultation_request.channel, "website")
        self.assertTrue(consultation_request.partner_id.user_ids)

        # The demo parent renews the contract, books, confirms and registers for a lecture.
        parent = self.env.ref("consultation_point.user_parent").partner_id
        Appointment = self.env["consultation.appointment"]
        before = Appointment.search([("line_ids.partner_id", "=", parent.id)])
        renewal = self.env["consultation.contract"].create(
            {
                "point_id": self.point.id,
                "partner_id": parent.id,
                "child_ids": [Command.set(parent.consultation_child_ids.ids)],
                "date_start": almaty_today(),
            }
        )
        renewal.action_send()
        self.start_tour("/my/consultation", "portal_cp_parent", login="parent")
        self.assertEqual(renewal.state, "signed")
        self.assertTrue(renewal.signature)
        self.assertEqual(renewal.signed_by, parent.name)
        booked = Appointment.search([("line_ids.partner_id", "=", parent.id)]) - before
        self.assertEqual(len(booked), 1)
        self.assertEqual(booked.state, "confirmed")
        self.assertTrue(
            self.env["event.registration"].search(
                [("event_id", "=", self.lecture.id), ("partner_id", "=", parent.id)]
            )
        )

    def test_contract_pdf_download(self):
        self.contract_a.action_sign(_PNG, "Қасымова Жанар")
        self.authenticate("cp_web_parent_a", "cp_web_parent_a")
        response = self.url_open(f"/my/consultation/contracts/{self.contract_a.id}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        # Tests render reports as HTML unless forced; the real PDF is tested with the report.
        self.assertIn(self.contract_a.name, response.content.decode())
        self.assertIn("Қасымова Жанар", response.content.decode())
        self.authenticate("cp_web_parent_b", "cp_web_parent_b")
        response = self.url_open(f"/my/consultation/contracts/{self.contract_a.id}/pdf")
        self.assertEqual(response.status_code, 404)
