"""The public forms' guard, without HTTP: counting, the window, hashes only, the purge."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from ..models.kindergarten_form_guard import DEFAULT_GUARD_LIMIT, LIMIT_PARAM
from ..tools import HONEYPOT_FIELD, honeypot_filled

START = datetime(2027, 2, 26, 17, 30)  # a Friday, 23:30 in Almaty


@tagged("post_install", "-at_install")
class TestFormGuard(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Guard = cls.env["kindergarten.form.guard"]
        cls.Guard.search([]).unlink()
        cls.env["ir.config_parameter"].set_param(LIMIT_PARAM % "test_form", 3)

    def _count(self, ip="10.1.2.3", email=None, key="test_form"):
        return self.Guard._check_and_count(key, ip, email)

    def test_counts_every_attempt_and_refuses_over_the_limit(self):
        with freeze_time(START):
            for _i in range(3):
                self._count()
            # the refused attempt is counted too (no savepoint here, as in the controllers)
            refused = False
            try:
                self._count()
            except UserError:
                refused = True
            self.assertTrue(refused)
            self.assertEqual(self.Guard.search_count([("form_key", "=", "test_form")]), 4)
            # another address, another form: not limited
            self._count(ip="10.9.9.9")
            self._count(key="other_form")

    def test_limit_by_email_whatever_the_address(self):
        with freeze_time(START):
            for i in range(3):
                self._count(ip=f"10.0.0.{i}", email="Parent@Example.kz")
            with self.assertRaises(UserError):
                self._count(ip="10.0.0.99", email=" parent@example.KZ ")
            self._count(ip="10.0.0.98", email="other@example.kz")

    def test_default_limit(self):
        self.env["ir.config_parameter"].set_param(LIMIT_PARAM % "default_form", "not a number")
        with freeze_time(START):
            for _i in range(DEFAULT_GUARD_LIMIT):
                self._count(key="default_form")
            with self.assertRaises(UserError):
                self._count(key="default_form")

    def test_window_boundary(self):
        with freeze_time(START):
            for _i in range(3):
                self._count()
        # one second before the hour is over: still refused
        with freeze_time(datetime(2027, 2, 26, 18, 29, 59)), self.assertRaises(UserError):
            self._count()
        self.Guard.search([("hit_at", "=", datetime(2027, 2, 26, 18, 29, 59))]).unlink()
        # exactly an hour later the first three attempts are out of the window
        with freeze_time(datetime(2027, 2, 26, 18, 30)):
            self.assertTrue(self._count())

    def test_only_keyed_hashes_are_stored(self):
        with freeze_time(START):
            self._count(ip="192.0.2.7", email="aigul@example.kz")
        row = self.Guard.search([("form_key", "=", "test_form")])
        self.assertEqual(len(row), 1)
        values = " ".join(str(v) for v in row.read()[0].values())
        self.assertNotIn("192.0.2.7", values)
        self.assertNotIn("aigul@example.kz", values)
        self.assertEqual(len(row.ip_hash), 64)
        self.assertEqual(row.ip_hash, self.Guard._hash("192.0.2.7"))
        self.assertEqual(row.email_hash, self.Guard._hash("aigul@example.kz"))
        self.assertEqual(row.hit_at, START)
        # keyed: another database secret gives another hash
        self.env["ir.config_parameter"].set_param("database.secret", "another secret")
        self.assertNotEqual(row.ip_hash, self.Guard._hash("192.0.2.7"))

    def test_purge_after_the_window(self):
        with freeze_time(START):
            self._count(ip="10.0.0.1")
        with freeze_time(datetime(2027, 2, 26, 18, 0)):
            self._count(ip="10.0.0.2")
        with freeze_time(datetime(2027, 2, 26, 18, 30)):
            self.Guard._gc_form_guard()
        self.assertEqual(self.Guard.search([]).mapped("hit_at"), [datetime(2027, 2, 26, 18, 0)])

    def test_nobody_but_the_superuser_reads_it(self):
        with freeze_time(START):
            self._count()
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(AccessError):
            self.Guard.with_user(admin).search([])

    def test_honeypot(self):
        self.assertFalse(honeypot_filled({"email": "a@example.kz"}))
        self.assertFalse(honeypot_filled({HONEYPOT_FIELD: ""}))
        self.assertTrue(honeypot_filled({HONEYPOT_FIELD: "http://spam.example"}))

    def test_message_in_kazakh_and_russian(self):
        expected = {"ru_RU": "С вашего адреса", "kk_KZ": "Соңғы бір сағатта"}
        with freeze_time(START):
            for _i in range(3):
                self._count()
            for lang, start in expected.items():
                guard = self.Guard.with_context(lang=lang)
                with self.assertRaises(UserError) as caught:
                    guard._check_and_count("test_form", "10.1.2.3")
                self.assertTrue(caught.exception.args[0].startswith(start), lang)
