from odoo import _, api, fields, models
from odoo.exceptions import UserError


class KindergartenCouncilAction(models.Model):
    """A follow-up action decided at a meeting or after an inspection."""

    _name = "kindergarten.council.action"
    _description = "Follow-up Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state, date_deadline, id"

    name = fields.Char(string="Action", required=True, tracking=True)
    description = fields.Html()
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        tracking=True,
        index=True,
        help="Any partner: a member who is a parent can own an action.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner's user",
        compute="_compute_user_id",
        store=True,
        help="The owner's internal user, who gets an activity.",
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
        index=True,
    )
    date_done = fields.Date(string="Done on", tracking=True)
    meeting_id = fields.Many2one(
        "kindergarten.council.meeting", ondelete="cascade", index="btree_not_null"
    )
    agenda_item_id = fields.Many2one(
        "kindergarten.council.agenda.item",
        ondelete="cascade",
        index="btree_not_null",
        domain="[('meeting_id', '=', meeting_id)]",
    )
    inspection_id = fields.Many2one(
        "kindergarten.council.inspection", ondelete="cascade", index="btree_not_null"
    )
    council_id = fields.Many2one(
        "kindergarten.council",
        string="Board",
        compute="_compute_council_id",
        store=True,
        readonly=False,
        required=True,
        index=True,
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue")

    @api.depends("meeting_id", "agenda_item_id", "inspection_id")
    def _compute_council_id(self):
        for action in self:
            origin = action.agenda_item_id.meeting_id or action.meeting_id or action.inspection_id
            if origin:
                action.council_id = origin.council_id

    @api.model
    def _origin_council(self, vals):
        """Return the board of the meeting, agenda item or inspection named in `vals`."""
        if vals.get("agenda_item_id"):
            item = self.env["kindergarten.council.agenda.item"].browse(vals["agenda_item_id"])
            return item.meeting_id.council_id
        if vals.get("meeting_id"):
            return self.env["kindergarten.council.meeting"].browse(vals["meeting_id"]).council_id
        if vals.get("inspection_id"):
            inspection = self.env["kindergarten.council.inspection"].browse(vals["inspection_id"])
            return inspection.council_id
        return self.env["kindergarten.council"]

    @api.depends("partner_id")
    def _compute_user_id(self):
        for action in self:
            users = action.partner_id.with_context(active_test=False).user_ids
            action.user_id = users.filtered(lambda u: not u.share and u.active)[:1]

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = bool(
                action.state == "open" and action.date_deadline and action.date_deadline < today
            )

    @api.onchange("agenda_item_id")
    def _onchange_agenda_item_id(self):
        if self.agenda_item_id:
            self.meeting_id = self.agenda_item_id.meeting_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("council_id"):
                vals["council_id"] = self._origin_council(vals).id
        actions = super().create(vals_list)
        actions._notify_owner()
        return actions

    def write(self, vals):
        res = super().write(vals)
        if "partner_id" in vals:
            self._notify_owner()
        return res

    def _notify_owner(self):
        """Schedule a to-do for an internal owner of an open action."""
        for action in self.filtered(lambda a: a.state == "open" and a.user_id):
            action.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=action.date_deadline or fields.Date.context_today(action),
                summary=action.name,
                user_id=action.user_id.id,
            )

    def action_done(self):
        """Mark the action done today."""
        for action in self:
            if action.state != "open":
                raise UserError(_("Only an open action can be marked done."))
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        self.activity_ids.action_feedback(feedback=_("Done"))
        return True

    def action_cancel(self):
        """Cancel the action."""
        for action in self:
            if action.state != "open":
                raise UserError(_("Only an open action can be cancelled."))
        self.write({"state": "cancelled"})
        self.activity_ids.unlink()
        return True

    def action_reopen(self):
        """Open a done or cancelled action again."""
        self.write({"state": "open", "date_done": False})
        self._notify_owner()
        return True
