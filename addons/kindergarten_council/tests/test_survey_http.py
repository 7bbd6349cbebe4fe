import logging
import subprocess
import tempfile

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mail.tests.common import MockEmail


class _Capture(logging.Handler):
    """Collects the formatted access log lines."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@tagged("post_install", "-at_install")
class TestSurveyRoute(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "Route board", "state": "active"}
        )
        cls.campaign = cls.env["kindergarten.council.survey"].create(
            {"council_id": cls.council.id, "year": 2025}
        )
        cls.code = cls.env["kindergarten.council.survey.code"]._issue(cls.campaign, 1)

    def _start(self, code):
        page = self.url_open(f"/council/survey/{code}")
        self.assertEqual(page.status_code, 200)
        csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        return self.url_open(
            "/council/survey/start", data={"csrf_token": csrf, "code": code}, allow_redirects=False
        )

    def test_code_starts_one_anonymous_answer_and_logs_no_token(self):
        logger = logging.getLogger("werkzeug")
        capture = _Capture()
        level = logger.level
        logger.addHandler(capture)
        logger.setLevel(logging.INFO)
        try:
            response = self._start(self.code.code)
            self.assertEqual(response.status_code, 303)
            survey_page = self.url_open(response.headers["Location"])
            self.assertEqual(survey_page.status_code, 200)
        finally:
            logger.removeHandler(capture)
            logger.setLevel(level)
        self.assertIn(self.campaign.survey_id.title, survey_page.text)
        answer = self.env["survey.user_input"].search(
            [("council_survey_id", "=", self.campaign.id)]
        )
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.partner_id)
        self.assertFalse(answer.email)
        self.assertEqual(answer.create_uid, self.env.ref("base.public_user"))
        self.assertTrue(self.code.used)
        access_lines = "\n".join(capture.lines)
        self.assertIn("POST /council/survey/[redacted]", access_lines)
        self.assertIn("/council/survey/[redacted]", access_lines)
        self.assertIn("/survey/[redacted]", access_lines)
        self.assertNotIn(self.code.code, access_lines)
        self.assertNotIn(answer.access_token, access_lines)
        self.assertNotIn(self.campaign.survey_id.access_token, access_lines)
        # The code works once.
        again = self._start(self.code.code)
        self.assertEqual(again.status_code, 404)
        self.assertEqual(
            self.env["survey.user_input"].search_count(
                [("council_survey_id", "=", self.campaign.id)]
            ),
            1,
        )

    def test_unknown_code(self):
        self.assertEqual(self._start("ZZZZ-ZZZZ-ZZZZ").status_code, 404)
        self.assertFalse(self.campaign.code_used_count)

    def test_slips_pdf(self):
        secretary = new_test_user(
            self.env, login="sv_slips", groups="kindergarten_council.group_council_secretary"
        )
        codes = (
            self.env["kindergarten.council.survey.code"]
            .with_user(secretary)
            ._issue(self.campaign.with_user(secretary), 3)
        )
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(secretary)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("kindergarten_council.action_report_survey_code_slips", codes.ids)
        )
        self.assertEqual(kind, "pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
            tmp.write(pdf)
            tmp.flush()
            text = subprocess.run(
                ["pdftotext", tmp.name, "-"], capture_output=True, check=True, text=True
            ).stdout
        for code in codes:
            self.assertIn(code.code, text)
        self.assertIn("/council/survey", text)
        self.assertIn("Route board", text)
        self.assertIn("Ата-аналардың оқыту жағдайларына қанағаттануы", text)

    def test_core_results_page_refused(self):
        new_test_user(
            self.env,
            login="sv_results",
            password="sv_results_pwd_1",
            groups="base.group_user,survey.group_survey_manager",
        )
        self.authenticate("sv_results", "sv_results_pwd_1")
        survey = self.campaign.survey_id
        self.assertEqual(self.url_open(f"/survey/results/{survey.id}").status_code, 404)
        other = self.env["survey.survey"].create({"title": "Other survey"})
        self.assertEqual(self.url_open(f"/survey/results/{other.id}").status_code, 200)


@tagged("post_install", "-at_install")
class TestSurveyCodesTour(HttpCase, MockEmail):
    def test_secretary_emails_a_code(self):
        campaign = self.env.ref("kindergarten_council.council_survey_balakai_2025")
        parent = self.env.ref("kindergarten_council.partner_member_parent1")
        issued = campaign.code_count
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.start_tour(
                "/odoo/action-kindergarten_council.kindergarten_council_survey_action",
                "kindergarten_council_survey_codes",
                login="secretary",
            )
        campaign.invalidate_recordset()
        self.assertEqual(campaign.code_count, issued + 1)
        self.assertEqual(len(self._mails), 1)
        self.assertIn(parent.email, self._mails[0]["email_to"][0])
        new_code = campaign.code_ids.sorted("id")[-1]
        self.assertIn(new_code.code, self._mails[0]["body"])
        self.assertFalse(self._new_mails.exists())
