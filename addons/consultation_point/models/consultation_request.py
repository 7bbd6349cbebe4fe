from odoo import _, api, fields, models
from odoo.exceptions import UserError

CHANNELS = [
    ("written", "Written application"),
    ("phone", "Phone call"),
    ("website", "Website"),
    ("in_person", "In person"),
]
FORMS = [
    ("individual", "Individual consultation"),
    ("group", "Group consultation"),
    ("remote", "Remote consultation"),
    ("lecture", "Lecture or seminar"),
]


class ConsultationRequest(models.Model):
    """An entry of the register of requests (regulation 2.8)."""

    _name = "consultation.request"
    _description = "Consultation Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"

    name = fields.Char(string="Number", readonly=True, copy=False, default="/", index=True)
    point_id = fields.Many2one(
        "consultation.point",
        required=True,
        index=True,
        default=lambda self: self.env["consultation.point"]._default_point(),
    )
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    date_received = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Parent", required=True, tracking=True, index=True
    )
    phone = fields.Char(related="partner_id.phone", readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    child_id = fields.Many2one("consultation.child", required=True, tracking=True, index=True)
    topic_ids = fields.Many2many("consultation.topic", string="Topics")
    question = fields.Text()
    form_wanted = fields.Selection(FORMS, default="individual", required=True)
    specialist_id = fields.Many2one(
        "consultation.specialist",
        string="Assigned specialist",
        tracking=True,
        domain="[('point_id', '=', point_id)]",
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("scheduled", "Scheduled"),
            ("done", "Done"),
            ("declined", "Declined"),
            ("withdrawn", "Withdrawn"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    outcome = fields.Text(tracking=True)
    decline_reason = fields.Text(tracking=True)
    auto_declined = fields.Boolean(
        readonly=True, help="Declined when entered: the point cannot serve this child."
    )
    line_ids = fields.One2many("consultation.appointment.line", "request_id", string="Bookings")
    first_appointment_date = fields.Datetime(compute="_compute_waiting", store=True)
    waiting_days = fields.Float(
        compute="_compute_waiting",
        store=True,
        aggregator="avg",
        help="Days from the request to its first consultation.",
    )
    request_count = fields.Integer(default=1, readonly=True, aggregator="sum", string="Requests")

    _sql_constraints = [
        (
            "declined_has_reason",
            "CHECK(state != 'declined' OR decline_reason IS NOT NULL)",
            "A declined request needs a reason.",
        ),
    ]

    @api.depends("line_ids.appointment_id.start", "line_ids.state", "date_received")
    def _compute_waiting(self):
        for request in self:
            starts = request.line_ids.filtered(
                lambda line: line.state in ("booked", "attended", "no_show")
            ).mapped("appointment_id.start")
            first = min(starts) if starts else False
            request.first_appointment_date = first
            request.waiting_days = (first.date() - request.date_received).days if first else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            if request.name in (False, "/"):
                request.name = request.point_id._next_request_number(request.date_received)
        requests._decline_ineligible()
        return requests

    def write(self, vals):
        res = super().write(vals)
        if {"child_id", "date_received"} & set(vals):
            self._decline_ineligible()
        return res

    def _decline_ineligible(self):
        """Keep the request in the register but decline it when the child cannot be served."""
        for request in self.filtered(lambda r: r.state in ("new", "scheduled")):
            reason = request.child_id._ineligibility_reason(request.date_received)
            if reason:
                request.write(
                    {"state": "declined", "decline_reason": reason, "auto_declined": True}
                )

    @api.onchange("child_id", "date_received")
    def _onchange_child_eligibility(self):
        if self.child_id and self.date_received:
            reason = self.child_id._ineligibility_reason(self.date_received)
            if reason:
                return {
                    "warning": {
                        "title": _("The request will be declined"),
                        "message": reason,
                    }
                }
        return None

    def _check_state(self, allowed, action):
        """Raise unless every request is in one of the `allowed` states."""
        for request in self:
            if request.state not in allowed:
                raise UserError(
                    _(
                        "Request %(name)s is %(state)s: it cannot be %(action)s.",
                        name=request.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            request.state
                        ],
                        action=action,
                    )
                )

    def action_schedule(self):
        """Open a new consultation for the request."""
        self.ensure_one()
        self._check_state(("new", "scheduled"), _("scheduled"))
        reason = self.child_id._ineligibility_reason(fields.Date.context_today(self))
        if reason:
            raise UserError(reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "consultation.appointment",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_point_id": self.point_id.id,
                "default_specialist_id": self.specialist_id.id,
                "default_topic_id": self.topic_ids[:1].id,
                "default_mode": "remote" if self.form_wanted == "remote" else "in_person",
                "default_kind": "group" if self.form_wanted == "group" else "individual",
                "default_line_ids": [
                    (
                        0,
                        0,
                        {
                            "partner_id": self.partner_id.id,
                            "child_id": self.child_id.id,
                            "request_id": self.id,
                        },
                    )
                ],
            },
        }

    @api.model
    def _for_booking(self, point, partner, child, topic, form_wanted="individual"):
        """Return the family's open request for the child and topic, or register one.

        A parent booking a slot on the portal without a request gets one in the register
        (channel website), so every consultation has its entry.
        """
        domain = [
            ("point_id", "=", point.id),
            ("partner_id", "=", partner.id),
            ("child_id", "=", child.id),
            ("state", "in", ("new", "scheduled")),
        ]
        if topic:
            domain.append(("topic_ids", "in", topic.ids))
        Request = self.sudo()
        return Request.search(domain, order="date_received, id", limit=1) or Request.create(
            {
                "point_id": point.id,
                "channel": "website",
                "partner_id": partner.id,
                "child_id": child.id,
                "topic_ids": [fields.Command.set(topic.ids if topic else [])],
                "form_wanted": form_wanted,
            }
        )

    def _mark_scheduled(self):
        """Move new requests to scheduled once a consultation is booked for them."""
        self.filtered(lambda r: r.state == "new").write({"state": "scheduled"})

    def action_done(self):
        """Close the request: the family got its answer."""
        self._check_state(("new", "scheduled"), _("closed"))
        self.write({"state": "done"})

    def action_withdraw(self):
        """The parent withdrew the request."""
        self._check_state(("new", "scheduled"), _("withdrawn"))
        self.write({"state": "withdrawn"})

    def action_decline(self):
        """Decline the request; the reason must be written first."""
        self._check_state(("new", "scheduled"), _("declined"))
        for request in self:
            if not request.decline_reason:
                raise UserError(_("Write the reason for declining request %s.", request.name))
        self.write({"state": "declined"})

    def action_reset(self):
        """Reopen a withdrawn or declined request (not one the rules declined)."""
        self._check_state(("declined", "withdrawn", "done"), _("reopened"))
        if any(self.mapped("auto_declined")):
            raise UserError(
                _("The consultation point cannot serve this child; the request stays declined.")
            )
        self.write({"state": "new"})

    @api.model
    def create_from_website(self, point, values, partner=None):
        """Create a request sent from the website form (channel 'website').

        `values`: parent_name, phone, email, child_name, child_birth_date, child_iin,
        attends_preschool, topic_ids, question, form_wanted, consent (bool: the parent
        agreed to the point's consent text, recorded with its version). `partner`: the
        signed-in parent, whose own family is used; an anonymous visitor always gets a new
        contact and child, since anyone can type anyone's e-mail or child's name into a
        public form (the reception merges duplicates). Returns the request (possibly
        declined: the reason is in `decline_reason`, to show to the parent).
        """
        env = self.sudo().env
        partner = partner.sudo() if partner else env["res.partner"]
        if not partner:
            partner = env["res.partner"].create(
                {
                    "name": values["parent_name"],
                    "phone": values.get("phone"),
                    "email": values.get("email"),
                    "company_id": point.company_id.id,
                }
            )
        child = partner.consultation_child_ids.filtered(lambda c: c.name == values["child_name"])[
            :1
        ] or env["consultation.child"].create(
            {
                "name": values["child_name"],
                "birth_date": values.get("child_birth_date"),
                "iin": values.get("child_iin") or False,
                "attends_preschool": bool(values.get("attends_preschool")),
                "parent_ids": [fields.Command.link(partner.id)],
                "company_id": point.company_id.id,
            }
        )
        if values.get("consent"):
            env["consultation.consent"].create(
                {
                    "partner_id": partner.id,
                    "point_id": point.id,
                    "channel": "website",
                    "text_version": point.consent_text_version,
                }
            )
        return env["consultation.request"].create(
            {
                "point_id": point.id,
                "channel": "website",
                "partner_id": partner.id,
                "child_id": child.id,
                "topic_ids": [fields.Command.set(values.get("topic_ids") or [])],
                "question": values.get("question"),
                "form_wanted": values.get("form_wanted") or "individual",
            }
        )
