import io
import os
import subprocess
import tempfile
import zipfile
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.kindergarten_base.tools import academic_year_of

from .common import REFERENCE_TIME, ConsultationFixtures, almaty_today, next_weekday, utc

KAZAKH_PARENT = "Қасымова Жанар Ерланқызы"
KAZAKH_CHILD = "Қасымов Нұрсұлтан"


def pdf_text(pdf_bytes):
    """Return the text of a PDF through pdftotext."""
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as fh:
        fh.write(pdf_bytes)
        path = fh.name
    try:
        return subprocess.run(
            ["pdftotext", "-layout", path, "-"], capture_output=True, check=True, text=True
        ).stdout
    finally:
        os.unlink(path)


@tagged("post_install", "-at_install")
class TestReports(ConsultationFixtures, HttpCase):
    freeze_time = REFERENCE_TIME  # Wednesday 13 January 2027, 10:00 in Almaty

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        today = almaty_today()
        cls.company.name = "№99 «Таңшолпан» сынақ бөбекжайы"
        cls.partner = cls.env["res.partner"].create({"name": KAZAKH_PARENT})
        cls.child = cls.env["consultation.child"].create(
            {
                "name": KAZAKH_CHILD,
                "birth_date": today - relativedelta(years=4),
                "parent_ids": [Command.set(cls.partner.ids)],
                "company_id": cls.company.id,
            }
        )
        cls.request = cls.env["consultation.request"].create(
            {
                "point_id": cls.point.id,
                "partner_id": cls.partner.id,
                "child_id": cls.child.id,
                "topic_ids": [Command.set(cls.topic.ids)],
                "question": "Баланы мектепке қалай дайындау керек?",
                "date_received": today,
            }
        )
        tuesday = next_weekday(1)
        cls.appt = cls.env["consultation.appointment"].book_slot(
            cls.spec1, utc(tuesday, 9), cls.partner, cls.child, cls.topic, cls.request
        )
        cls.contract = cls.env["consultation.contract"].create(
            {
                "point_id": cls.point.id,
                "partner_id": cls.partner.id,
                "child_ids": [Command.set(cls.child.ids)],
                "date_start": today,
                "lang": "kk",
            }
        )
        cls.contract.action_sign(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
            KAZAKH_PARENT,
            email="zhanar@example.kz",
        )
        plan = cls.env["consultation.plan"].create(
            {
                "point_id": cls.point.id,
                "academic_year": academic_year_of(today),
                "line_ids": [
                    Command.create(
                        {
                            "month": "5",
                            "name": "Ата-аналарға арналған дәріс",
                            "event_type_id": cls.env.ref(
                                "consultation_point.event_type_lecture"
                            ).id,
                            "topic_id": cls.topic.id,
                            "specialist_id": cls.spec1.id,
                        }
                    )
                ],
            }
        )
        plan.action_approve()
        cls.event = plan.action_create_events()
        cls.env["event.registration"].create(
            {"event_id": cls.event.id, "partner_id": cls.partner.id, "name": KAZAKH_PARENT}
        )
        cls.Report = cls.env["ir.actions.report"].with_context(force_report_rendering=True)

    def _wizard(self, journal, lang="kk_KZ"):
        return self.env["consultation.journal.print"].create(
            {
                "journal": journal,
                "point_id": self.point.id,
                "lang": lang,
                "date_from": date(almaty_today().year, 1, 1),
                "date_to": date(almaty_today().year + 1, 12, 31),
            }
        )

    def _journal_text(self, journal, lang="kk_KZ"):
        wizard = self._wizard(journal, lang)
        pdf, fmt = self.Report._render_qweb_pdf(
            "consultation_point.action_report_journal", wizard.ids
        )
        self.assertEqual(fmt, "pdf")
        return pdf_text(pdf)

    def test_register_of_requests_pdf(self):
        text = self._journal_text("requests")
        self.assertIn("Жүгінулерді тіркеу журналы", text)
        self.assertIn("Журнал регистрации обращений", self._journal_text("requests", "ru_RU"))
        self.assertIn("Таңшолпан", text)
        self.assertIn(self.request.name, text)
        self.assertIn(KAZAKH_PARENT.split()[0], text)
        self.assertIn("Қасымов", text)

    def test_attendance_journal_pdf(self):
        text = self._journal_text("attendance")
        self.assertIn("Нұрсұлтан", text)
        self.assertIn(self.appt.line_ids.appointment_start.strftime("%Y")[:2], text)
        self.assertIn(KAZAKH_PARENT.split()[0], text)

    def test_plan_schedule_lectures_contracts_pdf(self):
        self.assertIn("Ата-аналарға арналған дәріс", self._journal_text("plan"))
        schedule = self._journal_text("schedule", "ru_RU")
        self.assertIn("09:00–12:00", schedule)
        self.assertIn("Ата-аналарға арналған дәріс", self._journal_text("lectures"))
        self.assertIn(self.contract.name, self._journal_text("contracts"))

    def test_contract_pdf_shows_both_parties_and_signer(self):
        pdf, _fmt = self.Report._render_qweb_pdf(
            "consultation_point.action_report_contract", self.contract.ids
        )
        text = pdf_text(pdf)
        self.assertIn(self.contract.name, text)
        self.assertIn("Таңшолпан", text)
        self.assertIn(KAZAKH_PARENT, text)
        self.assertIn("zhanar@example.kz", text)
        self.assertIn("Орындаушы", text)  # the Kazakh template text
        self.assertIn("Ата-ана (заңды өкіл)", text)  # the translated layout

    def test_xlsx_exports_of_the_two_journals(self):
        for journal, expected in (("requests", self.request.name), ("attendance", KAZAKH_CHILD)):
            wizard = self._wizard(journal)
            action = wizard.action_export_xlsx()
            self.assertEqual(action["report_type"], "xlsx")
            content, fmt = self.Report._render_xlsx(
                f"consultation_point.journal_{journal}_xlsx", wizard.ids, {}
            )
            self.assertEqual(fmt, "xlsx")
            with zipfile.ZipFile(io.BytesIO(content)) as book:
                strings = book.read("xl/sharedStrings.xml").decode()
            self.assertIn(expected, strings)
            self.assertIn("Таңшолпан", strings)
        with self.assertRaises(UserError):
            self._wizard("plan").action_export_xlsx()
