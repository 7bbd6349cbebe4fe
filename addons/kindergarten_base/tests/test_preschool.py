from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestPreschool(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Test preschool"})
        cls.head = new_test_user(
            cls.env,
            login="kg_head",
            groups="base.group_user,kindergarten_base.group_head",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.employee = new_test_user(
            cls.env,
            login="kg_employee",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )

    def test_bin_must_have_a_valid_check_digit(self):
        self.company.preschool_bin = "000140000012"
        with self.assertRaisesRegex(ValidationError, "000140000013"):
            self.company.preschool_bin = "000140000013"

    def test_age_group_range(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["kindergarten.age.group"].create(
                {"name": "Wrong", "age_from": 5, "age_to": 3, "company_id": self.company.id}
            )

    def test_head_manages_age_groups_employee_only_reads(self):
        group = (
            self.env["kindergarten.age.group"]
            .with_user(self.head)
            .create({"name": "Ересек топ", "age_from": 4, "age_to": 5})
        )
        self.assertEqual(group.company_id, self.company)
        self.assertEqual(group.with_user(self.employee).name, "Ересек топ")
        with self.assertRaises(AccessError):
            group.with_user(self.employee).write({"name": "x"})

    def test_age_groups_of_other_companies_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other preschool"})
        self.env["kindergarten.age.group"].create(
            {"name": "Other group", "age_from": 1, "age_to": 2, "company_id": other.id}
        )
        names = self.env["kindergarten.age.group"].with_user(self.head).search([]).mapped("name")
        self.assertNotIn("Other group", names)


@tagged("post_install", "-at_install")
class TestKazakhLanguage(TransactionCase):
    def test_kazakh_language_formats(self):
        lang = self.env["res.lang"]._lang_get("kk_KZ")
        self.assertTrue(lang, "kk_KZ must exist")
        self.assertTrue(lang.active, "the setup activates Kazakh")
        self.assertEqual(lang.name, "Kazakh / Қазақша")
        self.assertEqual(lang.date_format, "%d.%m.%Y")
        self.assertEqual(lang.time_format, "%H:%M:%S")
        self.assertEqual(lang.week_start, "1")
        self.assertEqual(lang.decimal_point, ",")
        self.assertEqual(lang.thousands_sep, "\u00a0")
        self.assertEqual(lang.format("%.2f", 1234567.891, grouping=True), "1\u00a0234\u00a0567,89")

    def test_our_kk_and_ru_translations_are_loaded(self):
        field = self.env["ir.model.fields"]._get("res.company", "preschool_kind")
        self.assertEqual(
            field.with_context(lang="kk_KZ").field_description, "Мектепке дейінгі ұйым түрі"
        )
        self.assertEqual(
            field.with_context(lang="ru_RU").field_description, "Вид дошкольной организации"
        )
