import subprocess
import tempfile
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged


class ProposalCommon:
    @classmethod
    def _setup_board(cls):
        cls.head = cls.env["res.partner"].create({"name": "Сейітова Гүлнар Асқарқызы"})
        cls.department = cls.env["res.partner"].create({"name": "Қарағанды қаласының білім бөлімі"})
        cls.company = cls.env["res.company"].create(
            {
                "name": "«Балақай» бөбекжайы КМҚК",
                "preschool_head_id": cls.head.id,
                "education_department_id": cls.department.id,
            }
        )
        common = {"company_id": cls.company.id, "company_ids": [cls.company.id]}
        cls.secretary = new_test_user(
            cls.env, login="pr_sec", groups="kindergarten_council.group_council_secretary", **common
        )
        cls.viewer = new_test_user(
            cls.env, login="pr_view", groups="kindergarten_council.group_council_viewer", **common
        )
        cls.council = cls.env["kindergarten.council"].create(
            {"name": "«Балақай» қамқоршылық кеңесі", "company_id": cls.company.id}
        )
        cls.owner = cls.env["res.partner"].create({"name": "Owner"})
        cls.inspection = cls.env["kindergarten.council.inspection"].create(
            {"name": "Ас блогын тексеру", "council_id": cls.council.id, "inspection_type": "food"}
        )
        cls.meeting = cls.env["kindergarten.council.meeting"].create(
            {"council_id": cls.council.id, "number": 4, "date": date(2026, 5, 20)}
        )
        Action = cls.env["kindergarten.council.action"]
        cls.finding_food = Action.create(
            {
                "name": "Ас блогындағы жабдықты жаңарту",
                "partner_id": cls.owner.id,
                "council_id": cls.council.id,
                "inspection_id": cls.inspection.id,
                "date_deadline": date(2026, 8, 1),
            }
        )
        cls.finding_meeting = Action.create(
            {
                "name": "Аулаға көлеңкелі шатыр орнату",
                "partner_id": cls.owner.id,
                "council_id": cls.council.id,
                "meeting_id": cls.meeting.id,
            }
        )
        cls.finding_done = Action.create(
            {
                "name": "Done already",
                "partner_id": cls.owner.id,
                "council_id": cls.council.id,
                "inspection_id": cls.inspection.id,
            }
        )
        cls.finding_done.action_done()


@tagged("post_install", "-at_install")
class TestProposal(ProposalCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_board()

    def test_build_send_answer(self):
        form = Form(self.env["kindergarten.council.proposal"].with_user(self.secretary))
        form.council_id = self.council
        self.assertEqual(form.partner_id, self.head)
        form.addressee = "department"
        self.assertEqual(form.partner_id, self.department)
        proposal = form.save()
        self.assertTrue(proposal.name.startswith("ҚК-"), proposal.name)
        with self.assertRaises(UserError):
            proposal.action_send()  # no lines yet
        proposal.action_build_from_findings()
        self.assertEqual(proposal.line_ids.action_id, self.finding_food | self.finding_meeting)
        food_line = proposal.line_ids.filtered(lambda line: line.action_id == self.finding_food)
        self.assertEqual(food_line.date_due, date(2026, 8, 1))
        self.assertEqual(food_line.name, "Ас блогындағы жабдықты жаңарту")
        self.assertIn("Ас блогын тексеру", food_line.source)
        with self.assertRaises(UserError):
            proposal.action_build_from_findings()  # nothing new to add
        with self.assertRaises(UserError):
            proposal.action_record_answer()  # not sent
        proposal.action_send()
        self.assertEqual(proposal.state, "sent")
        self.assertTrue(proposal.date_sent)
        with self.assertRaises(UserError):
            proposal.action_send()
        with self.assertRaises(UserError):
            proposal.action_record_answer()  # no answer text
        proposal.answer = "Жабдық тамыз айында жаңартылады."
        proposal.action_record_answer()
        self.assertEqual(proposal.state, "answered")
        self.assertTrue(proposal.date_answer)

    def test_viewer_reads_only(self):
        proposal = self.env["kindergarten.council.proposal"].create({"council_id": self.council.id})
        self.assertTrue(proposal.with_user(self.viewer).name)
        with self.assertRaises(AccessError):
            proposal.with_user(self.viewer).write({"subject": "x"})
        with self.assertRaises(AccessError):
            self.env["kindergarten.council.proposal"].with_user(self.viewer).create(
                {"council_id": self.council.id}
            )

    def test_missing_addressee(self):
        self.company.preschool_head_id = False
        proposal = self.env["kindergarten.council.proposal"].create(
            {"council_id": self.council.id, "line_ids": [(0, 0, {"name": "x"})]}
        )
        with self.assertRaises(UserError):
            proposal.action_send()


@tagged("post_install", "-at_install")
class TestProposalPdf(ProposalCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_board()

    def test_letter_pdf_in_kazakh(self):
        proposal = self.env["kindergarten.council.proposal"].create(
            {"council_id": self.council.id, "addressee": "department", "lang": "kk_KZ"}
        )
        proposal.action_build_from_findings()
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("kindergarten_council.action_report_council_proposal", proposal.ids)
        )
        self.assertEqual(kind, "pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
            tmp.write(pdf)
            tmp.flush()
            text = subprocess.run(
                ["pdftotext", "-layout", tmp.name, "-"], capture_output=True, check=True, text=True
            ).stdout
        self.assertIn("Балақай", text)
        self.assertIn(proposal.name, text)
        self.assertIn("Қарағанды қаласының білім бөлімі", text)
        self.assertIn("Ас блогындағы жабдықты жаңарту", text)
        self.assertIn("Аулаға көлеңкелі шатыр орнату", text)
        self.assertIn("01.08.2026", text)  # by when
