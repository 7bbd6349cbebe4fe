from urllib.parse import unquote

from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, tagged

from .test_portal import PortalCommon

REPORT = "kindergarten_council.action_report_meeting_minutes"


@tagged("post_install", "-at_install")
class TestMinutesLanguages(TransactionCase):
    """One minutes report, printed in the language asked (issue 11, item 4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.env.ref("kindergarten_council.meeting_1")
        cls.Report = cls.env["ir.actions.report"]

    def _html(self, data=None):
        return self.Report._render_qweb_html(REPORT, self.meeting.ids, data=data)[0].decode()

    def test_one_report_for_the_minutes(self):
        actions = self.env["ir.actions.report"].search(
            [("model", "=", "kindergarten.council.meeting"), ("report_name", "like", "minutes")]
        )
        self.assertEqual(actions, self.env.ref(REPORT))

    def test_minutes_in_kazakh(self):
        html = self._html({"lang": "kk_KZ"})
        self.assertIn('lang="kk-KZ"', html)
        self.assertIn("ХАТТАМА №", html)
        self.assertIn("Қамқоршылық кеңестің құрамын қалыптастыру", html)  # an agenda item
        self.assertNotIn("ПРОТОКОЛ", html)

    def test_minutes_in_russian(self):
        html = self._html({"lang": "ru_RU"})
        self.assertIn('lang="ru-RU"', html)
        self.assertIn("ПРОТОКОЛ №", html)
        self.assertIn("Секретарь", html)
        self.assertNotIn("ХАТТАМА", html)

    def test_short_codes_and_the_boards_language(self):
        self.assertIn("ПРОТОКОЛ №", self._html({"lang": "ru"}))
        self.assertIn("ХАТТАМА №", self._html({"lang": "kk"}))
        # not asked: the board's language (Kazakh for the demo board), as from the Print menu
        self.assertEqual(self.meeting.council_id.lang, "kk_KZ")
        self.assertIn("ХАТТАМА №", self._html())
        self.meeting.council_id.lang = "ru_RU"
        self.assertIn("ПРОТОКОЛ №", self._html())
        self.assertIn("Протокол", self.meeting._minutes_file_name())

    def test_wrong_language_is_a_clear_user_error(self):
        for lang in ("de_DE", "en_US", "xx"):
            with self.assertRaisesRegex(UserError, "Kazakh \\(kk_KZ\\) or Russian \\(ru_RU\\)"):
                self._html({"lang": lang})
            with self.assertRaises(UserError):
                self.meeting._render_minutes_pdf(lang)
            with self.assertRaises(UserError):
                self.meeting.with_context(minutes_lang=lang).action_print_minutes()

    def test_print_buttons(self):
        meeting = self.meeting.with_context(discard_logo_check=True)
        action = meeting.with_context(minutes_lang="ru_RU").action_print_minutes()
        self.assertEqual(action["report_name"], "kindergarten_council.report_meeting_minutes")
        self.assertEqual(action["data"], {"lang": "ru_RU"})
        self.assertFalse(meeting.action_print_minutes()["data"])


@tagged("post_install", "-at_install")
class TestPortalMinutesLanguages(PortalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_boards()

    def setUp(self):
        super().setUp()
        self.authenticate("kg_portal_member", "kg_portal_member_1")

    def _minutes(self, query=""):
        return self.url_open(f"/my/council/meeting/{self.meeting_approved.id}/minutes{query}")

    def test_minutes_in_the_language_asked(self):
        # Under test the report engine gives the HTML of the PDF (no wkhtmltopdf run).
        for query, title in (
            ("", "ХАТТАМА №"),  # the board's language
            ("?lang=kk_KZ", "ХАТТАМА №"),
            ("?lang=ru_RU", "ПРОТОКОЛ №"),
            ("?lang=ru", "ПРОТОКОЛ №"),
        ):
            response = self._minutes(query)
            self.assertEqual(response.status_code, 200, query)
            self.assertEqual(response.headers["Content-Type"], "application/pdf")
            self.assertIn(title, response.content.decode(), query)
        disposition = self._minutes("?lang=ru_RU").headers["Content-Disposition"]
        self.assertIn("Протокол", unquote(disposition))

    def test_wrong_language_is_a_bad_request(self):
        for lang in ("de_DE", "en_US", "x" * 300):
            response = self._minutes(f"?lang={lang}")
            self.assertEqual(response.status_code, 400, lang)
            self.assertNotIn("%PDF", response.text)
