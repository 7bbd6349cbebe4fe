from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.kindergarten_base.models.kindergarten_form_guard import (
    DEFAULT_GUARD_LIMIT,
    LIMIT_PARAM,
)
from odoo.addons.kindergarten_base.tools import HONEYPOT_FIELD


@tagged("post_install", "-at_install")
class TestAppealForm(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "Form board", "state": "active"}
        )
        cls.Appeal = cls.env["kindergarten.council.appeal"]

    def _post(self, **data):
        page = self.url_open("/council/appeal")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Form board", page.text)
        csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        payload = {
            "csrf_token": csrf,
            "council_id": str(self.council.id),
            "category": "violence",
            "description": "Балаға айқайлады",
            **data,
        }
        return self.url_open("/council/appeal", data=payload)

    def test_public_anonymous_appeal(self):
        response = self._post(anonymous="1", contact_name="should be dropped")
        self.assertEqual(response.status_code, 200)
        appeal = self.Appeal.search([("council_id", "=", self.council.id)])
        self.assertEqual(len(appeal), 1)
        self.assertIn(appeal.name, response.text)
        self.assertTrue(appeal.is_anonymous)
        self.assertFalse(appeal.contact_name)
        self.assertEqual(appeal.create_uid, self.env.ref("base.public_user"))
        self.assertEqual(appeal.category, "violence")

    def test_only_the_websites_preschool_is_offered(self):
        other_company = self.env["res.company"].create({"name": "Басқа балабақша"})
        other = self.env["kindergarten.council"].create(
            {"name": "Other preschool board", "state": "active", "company_id": other_company.id}
        )
        page = self.url_open("/council/appeal")
        if "website" in self.env:
            # the website belongs to the main preschool: the other board is neither listed
            # nor accepted when its id is posted by hand
            self.assertNotIn("Other preschool board", page.text)
            response = self._post(council_id=str(other.id))
            self.assertEqual(response.status_code, 400)
            self.assertFalse(self.Appeal.search([("council_id", "=", other.id)]))
        else:
            # without the website module one form serves every preschool of the database
            self.assertIn("Басқа балабақша — Other preschool board", page.text)
            self.assertEqual(self._post(council_id=str(other.id)).status_code, 200)
            self.assertEqual(self.Appeal.search_count([("council_id", "=", other.id)]), 1)

    def _guard_rows(self):
        return self.env["kindergarten.form.guard"].search([("form_key", "=", "council_appeal")])

    def test_honeypot_registers_nothing(self):
        response = self._post(**{HONEYPOT_FIELD: "http://spam.example"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.Appeal.search([("council_id", "=", self.council.id)]))
        self.assertFalse(self._guard_rows())

    def test_missing_text_is_refused(self):
        response = self._post(description="  ")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.Appeal.search([("council_id", "=", self.council.id)]))

    def test_rate_limit_per_address(self):
        for _i in range(DEFAULT_GUARD_LIMIT):
            self.assertEqual(self._post().status_code, 200)
        response = self._post()
        self.assertEqual(response.status_code, 429)
        self.assertIn("Too many attempts", response.text)
        self.assertEqual(
            self.Appeal.search_count([("council_id", "=", self.council.id)]),
            DEFAULT_GUARD_LIMIT,
        )
        # the shared guard keeps a keyed hash of the address, never the address
        rows = self._guard_rows()
        self.assertEqual(len(rows), DEFAULT_GUARD_LIMIT + 1)
        Guard = self.env["kindergarten.form.guard"]
        self.assertEqual(set(rows.mapped("ip_hash")), {Guard._hash("127.0.0.1")})
        self.assertEqual(set(rows.mapped("email_hash")), {False})

    def test_failed_attempts_count_too(self):
        self.env["ir.config_parameter"].set_param(LIMIT_PARAM % "council_appeal", 2)
        for _i in range(2):
            self.assertEqual(self._post(description="  ").status_code, 400)
        self.assertEqual(self._post().status_code, 429)
        self.assertFalse(self.Appeal.search([("council_id", "=", self.council.id)]))

    def test_signed_in_parent_signs_or_stays_anonymous(self):
        parent = new_test_user(
            self.env, login="ap_parent", password="ap_parent_pwd_1", groups="base.group_portal"
        )
        self.authenticate("ap_parent", "ap_parent_pwd_1")
        self._post(sign="1", contact_name="Ата-ана")
        self._post(anonymous="1", sign="1")
        signed, anonymous = self.Appeal.search([("council_id", "=", self.council.id)], order="id")
        self.assertEqual(signed.partner_id, parent.partner_id)
        self.assertFalse(anonymous.partner_id)
        self.assertTrue(anonymous.is_anonymous)
        self.assertNotEqual(anonymous.create_uid, parent)
        signed.write({"answer": "Жауап берілді", "state": "answered"})
        page = self.url_open("/my/council/appeals")
        self.assertEqual(page.status_code, 200)
        self.assertIn(signed.name, page.text)
        self.assertIn("Жауап берілді", page.text)
        self.assertNotIn(anonymous.name, page.text)
