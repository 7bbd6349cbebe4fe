from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPointAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Test preschool"})
        common = {"company_id": cls.company.id, "company_ids": [cls.company.id]}
        cls.head = new_test_user(
            cls.env, login="cp_head", groups="consultation_point.group_consultation_head", **common
        )
        cls.receptionist = new_test_user(
            cls.env,
            login="cp_rec",
            groups="consultation_point.group_consultation_receptionist",
            **common,
        )
        cls.employee = new_test_user(cls.env, login="cp_emp", groups="base.group_user", **common)

    def test_head_configures_receptionist_reads(self):
        point = self.env["consultation.point"].with_user(self.head).create({"name": "Point"})
        self.assertEqual(point.company_id, self.company)
        self.assertEqual(point.with_user(self.receptionist).name, "Point")
        with self.assertRaises(AccessError):
            point.with_user(self.receptionist).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            point.with_user(self.employee).read(["name"])

    def test_points_of_other_preschools_are_hidden(self):
        other = self.env["res.company"].create({"name": "Other preschool"})
        self.env["consultation.point"].create({"name": "Other point", "company_id": other.id})
        names = self.env["consultation.point"].with_user(self.head).search([]).mapped("name")
        self.assertNotIn("Other point", names)


@tagged("post_install", "-at_install")
class TestTopicTranslations(TransactionCase):
    def test_the_nine_topics_in_kazakh_and_russian(self):
        topics = self.env["consultation.topic"].search([])
        self.assertGreaterEqual(len(topics), 9)
        nutrition = self.env.ref("consultation_point.topic_nutrition")
        self.assertEqual(
            nutrition.with_context(lang="kk_KZ").name, "Балалардың тамақтануын ұйымдастыру"
        )
        self.assertEqual(nutrition.with_context(lang="ru_RU").name, "Организация питания детей")
        lecture = self.env.ref("consultation_point.event_type_lecture")
        self.assertEqual(lecture.with_context(lang="ru_RU").name, "Лекторий для родителей")
