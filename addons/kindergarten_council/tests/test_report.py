import subprocess
import tempfile

from odoo.tests import HttpCase, tagged


def pdf_text(pdf):
    """Return the text of a PDF through pdftotext."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        out = subprocess.run(
            ["pdftotext", "-layout", tmp.name, "-"], capture_output=True, check=True
        )
    return " ".join(out.stdout.decode().split())


@tagged("post_install", "-at_install")
class TestReports(HttpCase):
    def _render(self, ref, ids, data=None):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(ref, ids, data=data)
        )
        self.assertEqual(kind, "pdf")
        return pdf_text(pdf)

    def test_minutes_pdf_in_kazakh(self):
        meeting = self.env.ref("kindergarten_council.meeting_1")
        self.assertEqual(meeting.state, "approved")
        text = self._render(
            "kindergarten_council.action_report_meeting_minutes", meeting.ids, {"lang": "kk_KZ"}
        )
        self.assertIn("«Балақай» бөбекжайы", text)
        self.assertIn("ХАТТАМА № 1", text)
        self.assertIn("Қамқоршылық кеңестің құрамын қалыптастыру", text)
        self.assertIn("Қасымова Сәуле Ерланқызы", text)  # the chair's signature line
        self.assertIn("кворум", text)  # the quorum sentence, in Kazakh
        self.assertIn("2025–2026", text)
        self.assertIn("Топ бөлмелерінің терезелерін жылыту", text)  # a follow-up action

    def test_minutes_pdf_in_russian(self):
        meeting = self.env.ref("kindergarten_council.meeting_1")
        text = self._render(
            "kindergarten_council.action_report_meeting_minutes", meeting.ids, {"lang": "ru_RU"}
        )
        self.assertIn("ПРОТОКОЛ № 1", text)
        self.assertIn("кворум", text)
        self.assertIn("Секретарь", text)

    def test_work_plan_pdf(self):
        plan = self.env.ref("kindergarten_council.plan_balakai_2025")
        text = self._render("kindergarten_council.action_report_plan", plan.ids)
        self.assertIn("ЖҰМЫС ЖОСПАРЫ", text)  # printed in the board's language, Kazakh
        self.assertIn("Оқу жылы: 2025–2026", text)
        self.assertIn("Хаттама № 1", text)  # approved by meeting No. 1
        self.assertIn("«Қамқорлық» қайырымдылық акциясын өткізу", text)
        self.assertIn("4.9", text)
        self.assertIn("Қазан", text)  # "When" of 1.1, October in Kazakh
