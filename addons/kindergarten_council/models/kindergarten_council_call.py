import base64
import os
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .kindergarten_council_candidate import DOCUMENTS
from .kindergarten_council_member import REPRESENTED_GROUPS

# The Model Rules: candidates apply within 20 calendar days of the announcement.
CALL_DAYS = 20
# Documents uploaded on the portal: scans and office files, at most 10 MB each.
PORTAL_FILE_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".odt")
PORTAL_FILE_MAX_BYTES = 10 * 1024 * 1024


class KindergartenCouncilCall(models.Model):
    """A call for candidates to the board, announced with a closing date."""

    _name = "kindergarten.council.call"
    _description = "Call for Board Candidates"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_announce desc, id desc"

    name = fields.Char(required=True, tracking=True)
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="council_id.company_id", store=True, index=True)
    date_announce = fields.Date(
        string="Announced on", required=True, default=fields.Date.context_today, tracking=True
    )
    date_close = fields.Date(
        string="Closing date",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=CALL_DAYS),
        tracking=True,
        help="The Model Rules: 20 calendar days after the announcement.",
    )
    announcement = fields.Html()
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed"), ("done", "Board elected")],
        default="draft",
        required=True,
        tracking=True,
    )
    candidate_ids = fields.One2many(
        "kindergarten.council.candidate", "call_id", string="Candidates"
    )
    candidate_count = fields.Integer(compute="_compute_candidate_count")
    member_date_start = fields.Date(
        string="Members' term start",
        help="Term start of the members elected from this call (defaults to the election day).",
    )

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_close >= date_announce)",
            "A call cannot close before it is announced.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_announce") and not vals.get("date_close"):
                announce = fields.Date.to_date(vals["date_announce"])
                vals["date_close"] = announce + timedelta(days=CALL_DAYS)
        return super().create(vals_list)

    @api.onchange("date_announce")
    def _onchange_date_announce(self):
        if self.date_announce:
            self.date_close = self.date_announce + timedelta(days=CALL_DAYS)

    @api.depends("candidate_ids")
    def _compute_candidate_count(self):
        for call in self:
            call.candidate_count = len(call.candidate_ids)

    def action_open(self):
        """Announce the call: candidates can apply until the closing date."""
        self.filtered(lambda c: c.state == "draft").write({"state": "open"})
        return True

    def action_close(self):
        """Close the call: no more applications."""
        self.filtered(lambda c: c.state == "open").write({"state": "closed"})
        return True

    def _is_accepting(self, day=None):
        """Tell whether candidates can apply: the call is open and its closing date not passed."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        return self.state == "open" and self.date_announce <= day <= self.date_close

    def _portal_caption(self):
        """Return "<preschool> — <board>. Applications until <date>." for the website."""
        self.ensure_one()
        return _(
            "%(preschool)s — %(board)s. Applications until %(date)s.",
            preschool=self.company_id.name,
            board=self.council_id.name,
            date=format_date(self.env, self.date_close),
        )

    def _portal_application(self, partner):
        """Return the partner's application to this call, if any."""
        self.ensure_one()
        return self.candidate_ids.filtered(lambda c: c.partner_id == partner)[:1]

    def _apply_from_portal(self, partner, represented_group, age_group, files):
        """Register or complete a candidate's application sent from the portal.

        `files` maps a document field prefix (e.g. "doc_cv") to (filename, bytes). Files
        are stored; the secretary ticks each document once checked.
        """
        self.ensure_one()
        if not self._is_accepting():
            raise UserError(
                _("This call for candidates is closed: applications are no longer taken.")
            )
        candidate = self._portal_application(partner)
        if candidate and candidate.state != "applied":
            raise UserError(_("Your application has already been examined: it cannot be changed."))
        if represented_group not in dict(REPRESENTED_GROUPS):
            raise UserError(_("Choose the group you would represent on the board."))
        if age_group and age_group.company_id != self.company_id:
            raise UserError(_("Choose an age group of this preschool."))
        if represented_group == "parents" and not age_group:
            raise UserError(_("A parents' representative chooses the age group of their child."))
        documents = dict(DOCUMENTS)
        vals = {
            "represented_group": represented_group,
            "age_group_id": age_group.id if represented_group == "parents" else False,
        }
        received = []
        for doc, (filename, content) in files.items():
            if doc not in documents or not content:
                continue
            if os.path.splitext(filename or "")[1].lower() not in PORTAL_FILE_EXTENSIONS:
                raise UserError(
                    _(
                        "%(file)s: send a PDF, an image (JPG, PNG) or a document (DOC, DOCX, ODT).",
                        file=filename,
                    )
                )
            if len(content) > PORTAL_FILE_MAX_BYTES:
                raise UserError(_("%(file)s is larger than 10 MB.", file=filename))
            vals[f"{doc}_file"] = base64.b64encode(content)
            received.append(filename)
        if not candidate and not received:
            raise UserError(_("Attach at least your application to apply."))
        Candidate = self.env["kindergarten.council.candidate"].sudo()
        if candidate:
            candidate.sudo().write(vals)
        else:
            candidate = Candidate.create(dict(vals, call_id=self.id, partner_id=partner.id))
        if received:
            candidate.sudo().message_post(
                body=Markup("%s<ul>%s</ul>")
                % (
                    _("Documents received on the portal:"),
                    Markup("").join(Markup("<li>%s</li>") % name for name in received),
                )
            )
        return candidate

    def action_elect(self):
        """Elect the accepted candidates of the call."""
        for call in self:
            accepted = call.candidate_ids.filtered(lambda c: c.state == "accepted")
            if not accepted:
                raise UserError(_("Accept at least one candidate before electing the board."))
            accepted.action_elect()
            call.state = "done"
        return True
