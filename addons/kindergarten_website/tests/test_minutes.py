from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPublishedMinutes(HttpCase):
    """The secretary publishes approved minutes; visitors download them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secretary = new_test_user(
            cls.env,
            login="kgw_secretary",
            groups="base.group_user,kindergarten_council.group_council_secretary",
        )
        cls.viewer = new_test_user(
            cls.env,
            login="kgw_viewer",
            groups="base.group_user,kindergarten_council.group_council_viewer",
        )
        cls.meeting = cls.env.ref("kindergarten_council.meeting_1")
        cls.meeting.action_unpublish_minutes()
        cls.draft = cls.env["kindergarten.council.meeting"].create(
            {"council_id": cls.meeting.council_id.id, "number": 9, "date": cls.meeting.date}
        )

    def test_secretary_publishes_and_takes_off(self):
        # really printed by wkhtmltopdf (tests otherwise get the HTML)
        meeting = self.meeting.with_user(self.secretary).with_context(force_report_rendering=True)
        meeting.action_publish_minutes()
        kk, ru = self.meeting.website_minutes_kk_id, self.meeting.website_minutes_ru_id
        self.assertTrue(self.meeting.website_minutes_published)
        self.assertTrue(kk.public and ru.public)
        self.assertEqual(kk.name, "№1 жиналыс (2025–2026).pdf")
        self.assertEqual(ru.name, "Заседание №1 (2025–2026).pdf")
        self.assertTrue(kk.raw.startswith(b"%PDF") and ru.raw.startswith(b"%PDF"))
        self.assertEqual(self.meeting.state, "approved")  # the minutes stay locked

        # the home page of the board's preschool lists them in the visitor's language
        page = self.url_open("/kk").text
        self.assertIn(f"/web/content/{kk.id}?download=true", page)
        self.assertNotIn(f"/web/content/{ru.id}", page)
        page = self.url_open("/ru").text
        self.assertIn(f"/web/content/{ru.id}?download=true", page)
        response = self.url_open(f"/web/content/{kk.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))

        # printing again replaces the published copies
        meeting.action_publish_minutes()
        self.assertFalse(kk.exists() or ru.exists())
        kk = self.meeting.website_minutes_kk_id

        meeting.action_unpublish_minutes()
        self.assertFalse(self.meeting.website_minutes_published)
        self.assertFalse(kk.exists())
        self.assertNotIn("/web/content/", self.url_open("/kk").text.split("o_kg_minutes")[-1])

    def test_only_approved_minutes_by_the_secretary(self):
        with self.assertRaises(UserError):
            self.draft.with_user(self.secretary).action_publish_minutes()
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.viewer).action_publish_minutes()
        self.assertFalse(self.meeting.website_minutes_published)
        # publishing does not unlock the approved minutes
        with self.assertRaises(UserError):
            self.meeting.with_user(self.secretary).write({"place": "Басқа зал"})

    def test_scheduled_action_prints_minutes_published_by_data(self):
        self.meeting.write({"website_minutes_published": True})
        self.assertFalse(self.meeting.website_minutes_kk_id)
        cron = self.env.ref("kindergarten_website.cron_print_website_minutes")
        self.assertEqual(cron.code, "model._cron_print_website_minutes()")
        Meeting = self.env["kindergarten.council.meeting"].with_context(force_report_rendering=True)
        Meeting._cron_print_website_minutes()
        self.assertTrue(self.meeting.website_minutes_kk_id.raw.startswith(b"%PDF"))
        self.assertTrue(self.meeting.website_minutes_ru_id.raw.startswith(b"%PDF"))
