from odoo import api, models


class ReportMeetingMinutes(models.AbstractModel):
    """The minutes, each in the language asked (data {'lang': ...}) or its board's.

    The language is read before rendering, so a wrong one is a plain UserError."""

    _name = "report.kindergarten_council.report_meeting_minutes"
    _description = "Minutes of a board meeting"

    @api.model
    def _get_report_values(self, docids, data=None):
        meetings = self.env["kindergarten.council.meeting"].browse(docids)
        asked = (data or {}).get("lang")
        return {
            "doc_ids": docids,
            "doc_model": meetings._name,
            "docs": meetings,
            "minutes_langs": {meeting.id: meeting._minutes_lang(asked) for meeting in meetings},
        }
