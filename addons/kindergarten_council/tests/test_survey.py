import logging
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_mail_server import IrMailServer, MailDeliveryException
from odoo.addons.mail.tests.common import MockEmail

from ..controllers.survey import SurveyPathRedactFilter, redact_survey_paths
from ..models.kindergarten_council_survey import results_visible
from ..models.kindergarten_council_survey_code import generate_code, normalize_code


@tagged("post_install", "-at_install")
class TestSurveyCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {"name": "Survey preschool", "email": "balakai@example.kz"}
        )
        common = {
            "company_id": cls.company.id,
            "company_ids": [cls.company.id],
            "tz": "Asia/Almaty",
        }
        cls.secretary = new_test_user(
            cls.env,
            login="sv_sec",
            groups="kindergarten_council.group_council_secretary",
            **common,
        )
        cls.viewer = new_test_user(
            cls.env, login="sv_view", groups="kindergarten_council.group_council_viewer", **common
        )
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "Survey board", "company_id": cls.company.id, "state": "active"}
        )
        cls.questionnaire = cls.env.ref("kindergarten_council.survey_learning_conditions")
        cls.campaign = (
            cls.env["kindergarten.council.survey"]
            .with_user(cls.secretary)
            .create({"council_id": cls.council.id, "year": 2025})
        )

    def _answer(self, campaign=None, choice=0, text=None):
        """Use a fresh code and fill the questionnaire as the public route does."""
        campaign = campaign or self.campaign
        code = self.env["kindergarten.council.survey.code"]._issue(campaign, 1)
        consumed = self.env["kindergarten.council.survey.code"].sudo()._consume(code.code)
        self.assertEqual(consumed, campaign)
        answer = self.env["survey.user_input"].sudo()._create_council_anonymous(campaign)
        for question in self.questionnaire.question_ids:
            if question.question_type == "simple_choice":
                answer._save_lines(question, question.suggested_answer_ids[choice].id)
            elif question.question_type == "text_box" and text:
                answer._save_lines(question, text)
        answer._mark_done()
        return answer


@tagged("post_install", "-at_install")
class TestSurveyCodes(TestSurveyCommon, MockEmail):
    def test_shipped_questionnaire(self):
        self.assertEqual(self.campaign.survey_id, self.questionnaire)
        self.assertEqual(self.questionnaire.access_mode, "token")
        choices = self.questionnaire.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        )
        self.assertEqual(len(choices), 6)
        self.assertIn("қанағаттандыра", choices[0].title)

    def test_demo_survey_of_balakai(self):
        demo = self.env.ref("kindergarten_council.council_survey_balakai_2025")
        self.assertEqual(demo.council_id, self.env.ref("kindergarten_council.council_balakai"))
        self.assertEqual(demo.code_count, 25)
        self.assertFalse(demo.results_visible)

    def test_code_format(self):
        code = generate_code()
        self.assertRegex(code, r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")
        self.assertEqual(normalize_code(code.lower().replace("-", " ")), code)
        self.assertEqual(normalize_code("ABC"), "")
        self.assertEqual(len({generate_code() for _i in range(500)}), 500)

    def test_code_works_once(self):
        code = self.env["kindergarten.council.survey.code"]._issue(self.campaign, 1)
        Code = self.env["kindergarten.council.survey.code"].sudo()
        self.assertEqual(Code._consume(code.code), self.campaign)
        self.assertTrue(code.used)
        self.assertFalse(Code._consume(code.code))
        self.assertFalse(Code._consume("AAAA-AAAA-AAAA"))

    def test_closed_survey_refuses_codes(self):
        code = self.env["kindergarten.council.survey.code"]._issue(self.campaign, 1)
        self.campaign.action_close()
        self.assertFalse(self.env["kindergarten.council.survey.code"]._consume(code.code))
        self.assertFalse(code.used)

    def test_answer_is_anonymous(self):
        portal = new_test_user(self.env, login="sv_parent", groups="base.group_portal")
        code = self.env["kindergarten.council.survey.code"]._issue(self.campaign, 1)
        # The parent is signed in: the survey pages run as superuser on their behalf.
        env = self.env(user=portal, su=True)
        campaign = env["kindergarten.council.survey.code"]._consume(code.code)
        answer = env["survey.user_input"]._create_council_anonymous(campaign)
        question = self.questionnaire.question_ids[0]
        answer._save_lines(question, question.suggested_answer_ids[0].id)
        answer._mark_done()
        public = self.env.ref("base.public_user")
        answer.invalidate_recordset()
        self.assertEqual(answer.state, "done")
        self.assertFalse(answer.partner_id)
        self.assertFalse(answer.email)
        self.assertFalse(answer.nickname)
        self.assertEqual(answer.create_uid, public)
        self.assertEqual(answer.write_uid, public)
        self.assertEqual(answer.user_input_line_ids.create_uid, public)
        self.assertFalse(answer.message_ids)
        self.assertFalse(answer.message_follower_ids)
        self.assertFalse(
            self.env["mail.message"].search(
                [("model", "=", "survey.user_input"), ("res_id", "=", answer.id)]
            )
        )
        self.assertFalse(
            self.env["mail.message"].search([("author_id", "=", portal.partner_id.id)])
        )

    def test_answers_never_read_one_by_one(self):
        answer = self._answer()
        survey_manager = new_test_user(
            self.env, login="sv_survey_manager", groups="survey.group_survey_manager"
        )
        UserInput = self.env["survey.user_input"].with_user(survey_manager)
        self.assertNotIn(answer, UserInput.search([]))
        with self.assertRaises(AccessError):
            answer.with_user(survey_manager).read(["state"])
        Line = self.env["survey.user_input.line"].with_user(survey_manager)
        self.assertFalse(Line.search([("user_input_id", "=", answer.id)]))

    def test_email_codes_keep_no_trace(self):
        parents = self.env["res.partner"].create(
            [
                {"name": "Ата-ана 1", "email": "p1@example.kz"},
                {"name": "Ата-ана 2", "email": "p2@example.kz"},
                {"name": "No e-mail"},
            ]
        )
        messages_before = self.env["mail.message"].search_count([])
        action = self.campaign.with_user(self.secretary).action_generate_codes()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.secretary)
            .with_context(**action["context"])
        )
        wizard_form.mode = "email"
        for parent in parents:
            wizard_form.partner_ids.add(parent)
        wizard = wizard_form.save()
        with self.mock_mail_gateway(mail_unlink_sent=True):
            wizard.action_issue()
        self.assertEqual(len(self._mails), 2)
        self.assertEqual(
            sorted(m["email_to"][0] for m in self._mails),
            ['"Ата-ана 1" <p1@example.kz>', '"Ата-ана 2" <p2@example.kz>'],
        )
        bodies = " ".join(m["body"] for m in self._mails)
        self.assertFalse(self._new_mails.exists(), "sent e-mails are deleted")
        self.assertEqual(self.campaign.code_count, 2)
        codes = self.campaign.code_ids
        self.assertEqual(self.env["mail.message"].search_count([]), messages_before)
        for code in codes:
            self.assertIn(f"/council/survey/{code.code}", bodies)
            self.assertFalse(
                self.env["mail.mail"].sudo().search([("body_html", "ilike", code.code)])
            )
        self.assertFalse(wizard.partner_ids)
        self.assertNotIn("partner_id", self.env["kindergarten.council.survey.code"]._fields)

    def test_failed_code_email_is_not_kept(self):
        parents = self.env["res.partner"].create(
            [
                {"name": "Ата-ана 1", "email": "p1@example.kz"},
                {"name": "Қате мекенжай", "email": "refused@example.kz"},
            ]
        )
        wizard = (
            self.env["kindergarten.council.survey.code.wizard"]
            .with_user(self.secretary)
            .create(
                {
                    "council_survey_id": self.campaign.id,
                    "mode": "email",
                    "partner_ids": [Command.set(parents.ids)],
                }
            )
        )
        send_email = IrMailServer.send_email

        def refuse_one(server, message, *args, **kwargs):
            if "refused@" in message["To"]:
                raise MailDeliveryException("550 mailbox unavailable")
            return send_email(server, message, *args, **kwargs)

        # a fake SMTP server that refuses one of the two addresses
        with (
            self.mock_smtplib_connection(),
            patch.object(IrMailServer, "send_email", refuse_one),
            mute_logger("odoo.addons.mail.models.mail_mail"),
        ):
            result = wizard.action_issue()
        # a failed e-mail stays in the queue with recipient and code side by side: it is
        # deleted, and its code, which nobody received, is withdrawn
        codes = self.campaign.code_ids
        self.assertEqual(len(codes), 1)
        self.assertFalse(self.env["mail.mail"].sudo().search([("email_to", "ilike", "refused@")]))
        for code in codes:
            self.assertFalse(
                self.env["mail.mail"].sudo().search([("body_html", "ilike", code.code)])
            )
        self.assertIn("refused@example.kz", result["params"]["message"])
        self.assertEqual(result["params"]["type"], "warning")

    def test_print_slips(self):
        wizard = (
            self.env["kindergarten.council.survey.code.wizard"]
            .with_user(self.secretary)
            .create({"council_survey_id": self.campaign.id, "mode": "print", "count": 3})
        )
        action = wizard.action_issue()
        self.assertEqual(action["report_name"], "kindergarten_council.report_survey_code_slips")
        self.assertEqual(self.campaign.code_count, 3)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "kindergarten_council.report_survey_code_slips", self.campaign.code_ids.ids
            )[0]
            .decode()
        )
        for code in self.campaign.code_ids:
            self.assertIn(code.code, html)

    def test_viewer_cannot_issue_codes(self):
        with self.assertRaises(AccessError):
            self.env["kindergarten.council.survey.code"].with_user(self.viewer)._issue(
                self.campaign, 1
            )


@tagged("post_install", "-at_install")
class TestSurveyResults(TestSurveyCommon):
    def test_threshold(self):
        self.assertFalse(results_visible(4))
        self.assertTrue(results_visible(5))
        for _i in range(4):
            self._answer()
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.answer_count, 4)
        self.assertIsNone(self.campaign._results())
        self.assertIn("o_council_survey_hidden", self.campaign.results_html)
        self._answer(choice=2)
        self.campaign.invalidate_recordset()
        results = self.campaign._results()
        self.assertEqual(results["count"], 5)
        question = self.questionnaire.question_ids[0]
        self.assertEqual(results[question.id][question.suggested_answer_ids[0].id], 4)
        self.assertEqual(results[question.id][question.suggested_answer_ids[2].id], 1)
        self.assertNotIn("o_council_survey_hidden", self.campaign.results_html)
        self.assertIn("80%", self.campaign.results_html)

    def test_written_answers_shown_from_five_answers_in_alphabetical_order(self):
        texts = ["Ойын алаңын жөндеу керек", "Асхана мәзірі жақсы", "", "Бассейн қажет"]
        for text in texts:
            self._answer(text=text)
        self.campaign.invalidate_recordset()
        self.assertNotIn("Бассейн қажет", self.campaign.results_html)  # 4 answers: hidden
        self._answer(text="  Асхана   мәзірі жақсы ")
        self.campaign.invalidate_recordset()
        question = self.env.ref("kindergarten_council.survey_learning_conditions_q_suggestions")
        self.assertEqual(
            self.campaign._results()["texts"][question.id],
            ["Асхана мәзірі жақсы", "Бассейн қажет", "Ойын алаңын жөндеу керек"],
        )
        html = self.campaign.with_user(self.viewer).results_html
        self.assertIn("o_council_survey_texts", html)
        self.assertLess(html.index("Асхана мәзірі жақсы"), html.index("Ойын алаңын жөндеу"))

    # closed in May of the academic year 2026-2027 the plan line belongs to
    @freeze_time("2027-05-20 05:00:00")
    def test_closing_the_survey_carries_out_plan_line_4_7(self):
        plan = self.env["kindergarten.council.plan"].create(
            {
                "council_id": self.council.id,
                "academic_year": 2026,
                "line_ids": [
                    Command.create(
                        {
                            "code": "4.7",
                            "section": "events",
                            "activity": "Anonymous parent survey",
                            "timing": "yearly",
                        }
                    )
                ],
            }
        )
        line = plan.line_ids
        campaign = (
            self.env["kindergarten.council.survey"]
            .with_user(self.secretary)
            .create({"council_id": self.council.id, "year": 2026})
        )
        self.assertEqual(campaign.plan_line_id, line)
        self.assertEqual(line.done_count, 0)
        campaign.with_user(self.secretary).action_close()
        self.assertEqual(campaign.date_closed, date(2027, 5, 20))
        self.assertEqual(line.done_count, 1)
        self.assertEqual(line.status, "done")
        campaign.with_user(self.secretary).action_reopen()
        self.assertEqual(line.done_count, 0)

    def test_new_survey_is_for_the_academic_year_of_almatys_date(self):
        Survey = self.env["kindergarten.council.survey"].with_user(self.secretary)
        # 31 August, 23:59 in Almaty: still the year 2026-2027
        with freeze_time("2027-08-31 18:59:00"):
            self.assertEqual(Survey.create({"council_id": self.council.id}).year, 2026)
        # 1 September, 00:00 in Almaty (31 August in UTC): the year 2027-2028 has begun
        with freeze_time("2027-08-31 19:00:00"):
            self.assertEqual(Survey.create({"council_id": self.council.id}).year, 2027)

    def test_this_year_against_last_year(self):
        last = self.env["kindergarten.council.survey"].create(
            {"council_id": self.council.id, "year": 2024}
        )
        self.assertEqual(self.campaign.previous_id, last)
        for _i in range(5):
            self._answer(campaign=last, choice=1)
        for _i in range(5):
            self._answer()
        self.campaign.invalidate_recordset()
        html = self.campaign.with_user(self.viewer).results_html
        self.assertIn("2025–2026", html)
        self.assertIn("2024–2025", html)
        self.assertIn("100%", html)
        question = self.questionnaire.question_ids[0]
        self.assertEqual(last._results()[question.id][question.suggested_answer_ids[1].id], 5)

    def test_survey_with_answers_cannot_be_deleted(self):
        self._answer()
        with self.assertRaises(AccessError):
            self.campaign.unlink()  # the secretary never deletes a survey
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.campaign.sudo().unlink()
            self.env.flush_all()

    def test_other_boards_answers_not_counted(self):
        other = self.env["kindergarten.council"].create({"name": "Other", "state": "active"})
        other_campaign = self.env["kindergarten.council.survey"].create(
            {"council_id": other.id, "year": 2025}
        )
        for _i in range(5):
            self._answer(campaign=other_campaign)
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.answer_count, 0)


@tagged("post_install", "-at_install")
class TestLogRedaction(TransactionCase):
    def test_redact(self):
        line = "GET /survey/abc-123/def-456?answer_token=x HTTP/1.1"
        self.assertEqual(redact_survey_paths(line), "GET /survey/[redacted] HTTP/1.1")
        self.assertEqual(
            redact_survey_paths("POST /council/survey/K7QM-2XPA-H9RT HTTP/1.1"),
            "POST /council/survey/[redacted] HTTP/1.1",
        )
        self.assertEqual(redact_survey_paths("GET /my/home HTTP/1.1"), "GET /my/home HTTP/1.1")

    def test_filter_installed_on_werkzeug(self):
        logger = logging.getLogger("werkzeug")
        self.assertTrue(any(isinstance(f, SurveyPathRedactFilter) for f in logger.filters))
        record = logging.LogRecord(
            "werkzeug",
            logging.INFO,
            __file__,
            1,
            '"%s" %s %s',
            ("GET /survey/tok1/tok2 HTTP/1.1", "200", "-"),
            None,
        )
        SurveyPathRedactFilter().filter(record)
        self.assertNotIn("tok2", record.getMessage())
