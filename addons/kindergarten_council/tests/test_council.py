from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCouncil(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Test preschool"})
        common = {"company_id": cls.company.id, "company_ids": [cls.company.id]}
        cls.viewer = new_test_user(
            cls.env, login="kg_viewer", groups="kindergarten_council.group_council_viewer", **common
        )
        cls.manager = new_test_user(
            cls.env, login="kg_chair", groups="kindergarten_council.group_council_manager", **common
        )
        cls.employee = new_test_user(cls.env, login="kg_emp", groups="base.group_user", **common)

    def _council(self, user):
        return (
            self.env["kindergarten.council"]
            .with_user(user)
            .create(
                {"name": "Board", "date_start": date(2025, 9, 1), "date_end": date(2028, 8, 31)}
            )
        )

    def test_term_cannot_end_before_it_starts(self):
        council = self._council(self.manager)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            council.date_end = date(2025, 8, 1)
            council.flush_recordset()

    def test_manager_creates_viewer_reads_employee_nothing(self):
        council = self._council(self.manager)
        self.assertEqual(council.company_id, self.company)
        self.assertEqual(council.with_user(self.viewer).name, "Board")
        with self.assertRaises(AccessError):
            self._council(self.viewer)
        with self.assertRaises(AccessError):
            council.with_user(self.employee).read(["name"])

    def test_boards_of_other_preschools_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other preschool"})
        self.env["kindergarten.council"].create({"name": "Other board", "company_id": other.id})
        names = self.env["kindergarten.council"].with_user(self.viewer).search([]).mapped("name")
        self.assertNotIn("Other board", names)
