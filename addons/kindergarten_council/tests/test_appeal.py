from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from ..models.kindergarten_council_appeal import add_working_days


@tagged("post_install", "-at_install")
class TestAppeal(TransactionCase):
    # Wednesday 14 January 2026, 10:00 in Almaty: appeals are received "today"
    freeze_time = "2026-01-14 05:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Appeal preschool"})
        common = {
            "company_id": cls.company.id,
            "company_ids": [cls.company.id],
            "tz": "Asia/Almaty",
        }
        cls.chair = new_test_user(
            cls.env, login="ap_chair", groups="kindergarten_council.group_council_manager", **common
        )
        cls.head = new_test_user(
            cls.env, login="ap_head", groups="kindergarten_base.group_head", **common
        )
        cls.secretary = new_test_user(
            cls.env, login="ap_sec", groups="kindergarten_council.group_council_secretary", **common
        )
        cls.viewer = new_test_user(
            cls.env, login="ap_view", groups="kindergarten_council.group_council_viewer", **common
        )
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "Board", "company_id": cls.company.id, "state": "active"}
        )

    def _appeal(self, **vals):
        return self.env["kindergarten.council.appeal"].create(
            {"council_id": self.council.id, "category": "fee", "description": "Ақша жинады", **vals}
        )

    def test_working_days(self):
        # Friday 2025-10-03 + 10 working days = Friday 2025-10-17
        self.assertEqual(add_working_days(date(2025, 10, 3), 10), date(2025, 10, 17))
        self.assertEqual(add_working_days(date(2025, 10, 4), 1), date(2025, 10, 6))

    def test_number_deadline_and_anonymity(self):
        appeal = self._appeal(date_received=date(2025, 10, 3))
        self.assertTrue(appeal.name.startswith("ӨТ-"), appeal.name)
        self.assertEqual(appeal.company_id, self.company)
        self.assertEqual(appeal.date_deadline, date(2025, 10, 17))
        self.assertTrue(appeal.is_anonymous)
        other = self._appeal(contact_name="Сәуле")
        self.assertFalse(other.is_anonymous)
        self.assertNotEqual(other.name, appeal.name)

    def test_received_today_in_almaty_and_overdue_after_the_deadline(self):
        # received at 20:00 UTC on Friday 16 January: Saturday 17 January in Almaty, so
        # ten working days run from Monday 19 January to Friday 30 January
        with freeze_time("2026-01-16 20:00:00"):
            appeal = (
                self.env["kindergarten.council.appeal"]
                .with_context(tz="Asia/Almaty")
                .create({"council_id": self.council.id, "description": "Ақша жинады"})
                .with_user(self.chair)
            )
            self.assertEqual(appeal.date_received, date(2026, 1, 17))
        self.assertEqual(appeal.date_deadline, date(2026, 1, 30))

        def overdue():
            appeal.invalidate_recordset(["is_overdue"])
            return appeal.is_overdue

        with freeze_time("2026-01-30 18:59:00"):  # the deadline, 23:59 in Almaty
            self.assertFalse(overdue())
        with freeze_time("2026-01-30 19:00:00"):  # 31 January in Almaty
            self.assertTrue(overdue())
            appeal.answer = "Жауап"
            appeal.action_answer()
            self.assertFalse(overdue(), "an answered appeal is not overdue")
        self.assertEqual(appeal.date_answered, date(2026, 1, 31))

    def test_term_is_configurable(self):
        self.env["ir.config_parameter"].set_param(
            "kindergarten_council.appeal_answer_working_days", "15"
        )
        appeal = self._appeal(date_received=date(2025, 10, 3))
        self.assertEqual(appeal.date_deadline, date(2025, 10, 24))

    def test_flow_chair_answers(self):
        self.company.preschool_head_id = self.head.partner_id
        appeal = self._appeal().with_user(self.chair)
        self.assertEqual(appeal.activity_ids.user_id, self.head)
        self.assertEqual(appeal.activity_ids.date_deadline, appeal.date_deadline)
        appeal.action_start()
        self.assertEqual(appeal.state, "in_progress")
        with self.assertRaises(UserError):
            appeal.action_answer()
        with Form(appeal) as form:
            form.answer = "Жарна ерікті, қайтарылды."
        appeal.action_answer()
        self.assertEqual(appeal.state, "answered")
        self.assertFalse(appeal.activity_ids)
        self.assertTrue(appeal.date_answered)
        with self.assertRaises(UserError):
            appeal.action_answer()
        with self.assertRaises(UserError):
            appeal.action_start()

    def test_visibility_per_role(self):
        appeal = self._appeal()
        self.assertEqual(appeal.with_user(self.chair).description, "Ақша жинады")
        self.assertEqual(appeal.with_user(self.head).description, "Ақша жинады")
        appeal.with_user(self.head).write({"answer": "Жауап"})
        for user in (self.secretary, self.viewer):
            with self.assertRaises(AccessError):
                appeal.with_user(user).read(["description"])
            with self.assertRaises(AccessError):
                self.env["kindergarten.council.appeal"].with_user(user).search([])
        with self.assertRaises(AccessError):
            appeal.with_user(self.chair).unlink()

    def test_other_preschool_hidden_from_chair(self):
        other_company = self.env["res.company"].create({"name": "Other"})
        other_council = self.env["kindergarten.council"].create(
            {"name": "Other board", "company_id": other_company.id}
        )
        self._appeal(council_id=other_council.id)
        mine = self._appeal()
        found = self.env["kindergarten.council.appeal"].with_user(self.chair).search([])
        self.assertEqual(found, mine)

    def test_demo_appeals(self):
        balakai = self.env.ref("kindergarten_council.council_balakai")
        counts = self.env["kindergarten.council.appeal"]._count_for_year(balakai, 2025)
        self.assertGreaterEqual(counts["fee"], 1)
        self.assertGreaterEqual(counts["safety"], 1)

    def test_yearly_count_never_names(self):
        self._appeal(date_received=date(2025, 9, 10), contact_name="Айгүл")
        self._appeal(date_received=date(2026, 5, 10), category="safety")
        self._appeal(date_received=date(2026, 9, 2))  # next academic year
        counts = self.env["kindergarten.council.appeal"]._count_for_year(self.council, 2025)
        self.assertEqual(counts["total"], 2)
        self.assertEqual(counts["fee"], 1)
        self.assertEqual(counts["safety"], 1)
        self.assertEqual(counts["violence"], 0)
        self.assertNotIn("Айгүл", str(counts))
