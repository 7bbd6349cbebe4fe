from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import CouncilCase

MODELS = [
    "kindergarten.council.member",
    "kindergarten.council.meeting",
    "kindergarten.council.meeting.attendance",
    "kindergarten.council.agenda.item",
    "kindergarten.council.action",
    "kindergarten.council.inspection",
    "kindergarten.council.plan",
    "kindergarten.council.plan.line",
    "kindergarten.council.call",
    "kindergarten.council.candidate",
]


@tagged("post_install", "-at_install")
class TestSecurity(CouncilCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls.env["kindergarten.council.meeting"].create(
            {
                "council_id": cls.council.id,
                "number": 1,
                "date": date(2025, 10, 16),
                "agenda_item_ids": [(0, 0, {"name": "Item"})],
            }
        )
        cls.plan = cls.env["kindergarten.council.plan"].create(
            {
                "council_id": cls.council.id,
                "academic_year": 2025,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "code": "3.3",
                            "section": "oversight",
                            "activity": "Food",
                            "timing": "quarterly",
                        },
                    )
                ],
            }
        )

    def _inspection(self, user, kind="sanitary"):
        return (
            self.env["kindergarten.council.inspection"]
            .with_user(user)
            .create({"name": "Check", "council_id": self.council.id, "inspection_type": kind})
        )

    def test_viewer_reads_but_does_not_write(self):
        for model in MODELS:
            self.env[model].with_user(self.viewer).search([]).read([])
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.viewer).place = "Hall"
        with self.assertRaises(AccessError):
            self._inspection(self.viewer)
        with self.assertRaises(AccessError):
            self.env["kindergarten.council.member"].with_user(self.viewer).create(
                {
                    "council_id": self.council.id,
                    "partner_id": self.viewer.partner_id.id,
                    "represented_group": "other",
                }
            )

    def test_secretary_manages_meetings_plan_inspections_and_members(self):
        meeting = (
            self.env["kindergarten.council.meeting"]
            .with_user(self.secretary)
            .create(
                {
                    "council_id": self.council.id,
                    "number": 2,
                    "date": date(2025, 12, 18),
                    "agenda_item_ids": [(0, 0, {"name": "Item"})],
                }
            )
        )
        meeting.action_convene()
        self._inspection(self.secretary).write({"findings": "<p>Fine.</p>"})
        self.plan.with_user(self.secretary).line_ids.write({"activity": "Food quality"})
        partner = self.env["res.partner"].create({"name": "New"})
        self.env["kindergarten.council.member"].with_user(self.secretary).create(
            {"council_id": self.council.id, "partner_id": partner.id, "represented_group": "other"}
        )
        self.env["kindergarten.council.call"].with_user(self.secretary).create(
            {"name": "Call", "council_id": self.council.id}
        )
        # but no new boards and no configuration
        with self.assertRaises(AccessError):
            self.env["kindergarten.council"].with_user(self.secretary).create({"name": "Another"})
        with self.assertRaises(AccessError):
            self.env["kindergarten.council.agenda.template"].with_user(self.secretary).create(
                {"meeting_number": 5, "name": "Extra"}
            )

    def test_manager_configures(self):
        self.env["kindergarten.council"].with_user(self.manager).create({"name": "Another"})
        self.env["kindergarten.council.agenda.template"].with_user(self.manager).create(
            {"meeting_number": 5, "name": "Extra"}
        )
        self.env["kindergarten.council.role"].with_user(self.manager).create(
            {"name": "Nurse", "code": "nurse"}
        )

    def test_head_reads_everything_and_gives_head_reports_only(self):
        for model in MODELS:
            self.env[model].with_user(self.head).search([]).read([])
        self.assertEqual(self.meeting.with_user(self.head).name, self.meeting.name)
        report = self._inspection(self.head, "head_report")
        report.write({"findings": "<p>Results of the half-year.</p>"})
        with self.assertRaises(AccessError):
            self._inspection(self.head, "sanitary")
        with self.assertRaises(AccessError):
            report.write({"inspection_type": "food"})
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.head).place = "Hall"

    def test_employee_sees_nothing(self):
        for model in MODELS:
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.employee).search([])

    def test_other_preschools_records_are_hidden(self):
        other_company = self.env["res.company"].create({"name": "Other preschool"})
        other = self.env["kindergarten.council"].create(
            {"name": "Other board", "company_id": other_company.id}
        )
        self.env["kindergarten.council.meeting"].create(
            {"council_id": other.id, "number": 1, "date": date(2025, 10, 16)}
        )
        self.env["kindergarten.council.inspection"].create(
            {"name": "Other check", "council_id": other.id}
        )
        for user in (self.viewer, self.secretary, self.manager, self.head):
            meetings = self.env["kindergarten.council.meeting"].with_user(user).search([])
            self.assertEqual(meetings.council_id, self.council, user.login)
            inspections = self.env["kindergarten.council.inspection"].with_user(user).search([])
            self.assertNotIn(other, inspections.council_id)

    def test_head_gives_a_report_through_the_form(self):
        head_partner = self.env["res.partner"].create({"name": "Head"})
        self.company.preschool_head_id = head_partner
        Inspection = self.env["kindergarten.council.inspection"].with_user(self.head)
        with Form(Inspection) as form:
            form.name = "Half-year report"
            form.council_id = self.council
            form.inspection_type = "head_report"
            self.assertEqual(form.reporter_id, head_partner)
            form.findings = "<p>Results, public services, charitable funds.</p>"
        report = form.record
        report.action_done()
        self.assertEqual(report.state, "done")
        self.assertEqual(report.reporter_id, head_partner)
