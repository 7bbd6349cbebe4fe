from odoo import models


class JournalXlsxMixin(models.AbstractModel):
    """Shared layout of the XLSX journals: preschool, title, period, table, signature."""

    _name = "report.consultation_point.journal_xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Consultation journal XLSX layout"

    def _headers(self, env):
        raise NotImplementedError

    def _rows(self, wizard):
        raise NotImplementedError

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "border": 1, "text_wrap": True})
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        for wizard in objs:
            wizard = wizard.with_context(lang=wizard.lang)
            env = wizard.env
            sheet = workbook.add_worksheet(wizard._title()[:31])
            sheet.write(0, 0, wizard.point_id.company_id.name, bold)
            sheet.write(1, 0, wizard.point_id.name)
            sheet.write(2, 0, wizard._title(), bold)
            sheet.write(
                3,
                0,
                f"{wizard.date_from.strftime('%d.%m.%Y')} – {wizard.date_to.strftime('%d.%m.%Y')}",
            )
            headers = self._headers(env)
            for col, title in enumerate(headers):
                sheet.write(5, col, title, head)
                sheet.set_column(col, col, 18)
            row = 6
            for values in self._rows(wizard):
                for col, value in enumerate(values):
                    sheet.write(row, col, value, cell)
                row += 1
            sheet.write(
                row + 2,
                0,
                env._("Head: ________________ %s", wizard.point_id.head_id.name or ""),
            )


class JournalRequestsXlsx(models.AbstractModel):
    _name = "report.consultation_point.journal_requests_xlsx"
    _inherit = "report.consultation_point.journal_xlsx_mixin"
    _description = "Register of requests XLSX"

    def _headers(self, env):
        return [
            env._("No."),
            env._("Date"),
            env._("Channel"),
            env._("Parent"),
            env._("Child"),
            env._("Topics"),
            env._("Question"),
            env._("Form"),
            env._("Specialist"),
            env._("State"),
            env._("Outcome / reason"),
        ]

    def _rows(self, wizard):
        for req in wizard._requests():
            yield [
                req.name,
                req.date_received.strftime("%d.%m.%Y"),
                wizard._selection_label(req, "channel"),
                req.partner_id.name,
                req.child_id.name,
                ", ".join(req.topic_ids.with_context(lang=wizard.lang).mapped("name")),
                req.question or "",
                wizard._selection_label(req, "form_wanted"),
                req.specialist_id.name or "",
                wizard._selection_label(req, "state"),
                req.decline_reason if req.state == "declined" else (req.outcome or ""),
            ]


class JournalAttendanceXlsx(models.AbstractModel):
    _name = "report.consultation_point.journal_attendance_xlsx"
    _inherit = "report.consultation_point.journal_xlsx_mixin"
    _description = "Attendance journal XLSX"

    def _headers(self, env):
        return [
            env._("Date and time"),
            env._("Consultation / event"),
            env._("Specialist"),
            env._("Parent"),
            env._("Child"),
            env._("Attendance"),
        ]

    def _rows(self, wizard):
        for line in wizard._attendance_lines():
            yield [
                wizard._local(line.appointment_start),
                line.topic_id.with_context(lang=wizard.lang).name or "",
                line.specialist_id.name or "",
                line.partner_id.name,
                line.child_id.name,
                wizard._selection_label(line, "state"),
            ]
        for reg in wizard._lecture_registrations():
            yield [
                wizard._local(reg.event_id.date_begin),
                reg.event_id.name,
                reg.event_id.consultation_specialist_id.name or "",
                reg.name or reg.partner_id.name or "",
                "",
                wizard._selection_label(reg, "state"),
            ]
