from odoo import api, fields, models


class KindergartenCouncilMeetingAttendance(models.Model):
    """Whether a voting member was present at a meeting."""

    _name = "kindergarten.council.meeting.attendance"
    _description = "Meeting Attendance"
    _order = "meeting_id, member_role_sequence, id"
    _rec_name = "partner_id"

    meeting_id = fields.Many2one(
        "kindergarten.council.meeting", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    member_id = fields.Many2one(
        "kindergarten.council.member", string="Membership", ondelete="set null"
    )
    member_role = fields.Selection(related="member_id.role", string="Role")
    member_role_sequence = fields.Integer(related="member_id.role_sequence", store=True)
    partner_id = fields.Many2one("res.partner", required=True, string="Member")
    is_voting = fields.Boolean(string="Votes", default=True)
    status = fields.Selection(
        [("present", "Present"), ("absent", "Absent"), ("excused", "Excused")],
        default="present",
        required=True,
    )

    _sql_constraints = [
        (
            "partner_unique",
            "UNIQUE(meeting_id, partner_id)",
            "A member is listed once per meeting.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.meeting_id._check_minutes_change("attendance", operation="create")
        return lines

    def write(self, vals):
        self.meeting_id._check_minutes_change("attendance", vals)
        res = super().write(vals)
        if {"status", "is_voting"} & set(vals):
            self.meeting_id.agenda_item_ids._check_votes()
        return res

    def unlink(self):
        self.meeting_id._check_minutes_change("attendance", operation="unlink")
        return super().unlink()
