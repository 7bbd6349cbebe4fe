from odoo import _, api, fields, models
from odoo.exceptions import UserError


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
        if any(line.meeting_id.state == "approved" for line in lines):
            lines._raise_locked()
        return lines

    def write(self, vals):
        if any(line.meeting_id.state in ("approved",) for line in self):
            self._raise_locked()
        res = super().write(vals)
        if {"status", "is_voting"} & set(vals):
            self.meeting_id.agenda_item_ids._check_votes()
        return res

    def unlink(self):
        if any(line.meeting_id.state == "approved" for line in self):
            self._raise_locked()
        return super().unlink()

    def _raise_locked(self):
        raise UserError(_("The minutes are approved: the attendance cannot be changed."))
