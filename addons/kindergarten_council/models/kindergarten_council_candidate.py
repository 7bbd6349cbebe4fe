from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .kindergarten_council_member import REPRESENTED_GROUPS

# The documents the Model Rules ask of a candidate: (field prefix, label).
DOCUMENTS = [
    ("doc_application", "Application"),
    ("doc_id_copy", "Copy of the ID document"),
    ("doc_cv", "CV in Kazakh or Russian"),
    ("doc_education", "Education document"),
    ("doc_no_criminal_record", "Certificate of no criminal record"),
    ("doc_no_corruption", "Certificate of no corruption offences"),
]


class KindergartenCouncilCandidate(models.Model):
    """A candidate to the board with the documents checklist the Model Rules ask for."""

    _name = "kindergarten.council.candidate"
    _description = "Board Candidate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "call_id, state, id"
    _rec_name = "partner_id"

    call_id = fields.Many2one(
        "kindergarten.council.call", required=True, ondelete="cascade", index=True
    )
    council_id = fields.Many2one(related="call_id.council_id", store=True, index=True)
    company_id = fields.Many2one(related="call_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Candidate", required=True, tracking=True)
    represented_group = fields.Selection(
        REPRESENTED_GROUPS, default="parents", required=True, tracking=True
    )
    age_group_id = fields.Many2one(
        "kindergarten.age.group",
        string="Age group",
        domain="[('company_id', '=', company_id)]",
        tracking=True,
    )
    date_applied = fields.Date(string="Applied on", default=fields.Date.context_today)
    state = fields.Selection(
        [
            ("applied", "Applied"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
            ("elected", "Elected"),
        ],
        default="applied",
        required=True,
        tracking=True,
    )
    doc_application = fields.Boolean(string="Application", tracking=True)
    doc_application_file = fields.Binary(string="Application (file)", attachment=True)
    doc_id_copy = fields.Boolean(string="Copy of the ID document", tracking=True)
    doc_id_copy_file = fields.Binary(string="Copy of the ID document (file)", attachment=True)
    doc_cv = fields.Boolean(string="CV in Kazakh or Russian", tracking=True)
    doc_cv_file = fields.Binary(string="CV (file)", attachment=True)
    doc_education = fields.Boolean(string="Education document", tracking=True)
    doc_education_file = fields.Binary(string="Education document (file)", attachment=True)
    doc_no_criminal_record = fields.Boolean(
        string="Certificate of no criminal record", tracking=True
    )
    doc_no_criminal_record_file = fields.Binary(
        string="Certificate of no criminal record (file)", attachment=True
    )
    doc_no_corruption = fields.Boolean(
        string="Certificate of no corruption offences", tracking=True
    )
    doc_no_corruption_file = fields.Binary(
        string="Certificate of no corruption offences (file)", attachment=True
    )
    documents_complete = fields.Boolean(compute="_compute_documents_complete", store=True)
    missing_documents = fields.Char(compute="_compute_missing_documents")
    member_id = fields.Many2one("kindergarten.council.member", readonly=True, copy=False)
    rejection_reason = fields.Char()

    @api.depends(*[doc for doc, _label in DOCUMENTS])
    def _compute_documents_complete(self):
        for candidate in self:
            candidate.documents_complete = all(candidate[doc] for doc, _label in DOCUMENTS)

    @api.depends(*[doc for doc, _label in DOCUMENTS])
    def _compute_missing_documents(self):
        for candidate in self:
            candidate.missing_documents = ", ".join(
                candidate._fields[doc].get_description(self.env)["string"]
                for doc, _label in DOCUMENTS
                if not candidate[doc]
            )

    def action_accept(self):
        """Accept a candidate whose documents are complete."""
        for candidate in self:
            if candidate.state != "applied":
                raise UserError(_("Only an applied candidate can be accepted."))
            if not candidate.documents_complete:
                raise UserError(
                    _(
                        "%(name)s's documents are incomplete: %(missing)s.",
                        name=candidate.partner_id.display_name,
                        missing=candidate.missing_documents,
                    )
                )
            if candidate.represented_group == "parents" and not candidate.age_group_id:
                raise UserError(
                    _(
                        "%(name)s represents the parents: choose the age group.",
                        name=candidate.partner_id.display_name,
                    )
                )
        self.write({"state": "accepted"})
        return True

    def action_reject(self):
        self.filtered(lambda c: c.state in ("applied", "accepted")).write({"state": "rejected"})
        return True

    def action_reset(self):
        self.filtered(lambda c: c.state in ("accepted", "rejected")).write({"state": "applied"})
        return True

    def _check_composition(self, start):
        """Refuse two parents of one age group among the elected and the sitting members."""
        council = self.call_id.council_id
        sitting = council.member_ids.filtered(
            lambda m: m.represented_group == "parents" and m.date_end >= start
        )
        seen = {m.age_group_id for m in sitting}
        for candidate in self.filtered(lambda c: c.represented_group == "parents"):
            if candidate.age_group_id in seen:
                raise UserError(
                    _(
                        "The age group %(group)s already has a parent on the board: "
                        "%(name)s cannot be elected for it.",
                        group=candidate.age_group_id.display_name,
                        name=candidate.partner_id.display_name,
                    )
                )
            seen.add(candidate.age_group_id)

    def action_elect(self):
        """Turn accepted candidates into members of the board, checking its composition."""
        if any(c.state != "accepted" for c in self):
            raise UserError(_("Only accepted candidates can be elected."))
        for call in self.call_id:
            candidates = self.filtered(lambda c, call=call: c.call_id == call)
            start = call.member_date_start or fields.Date.context_today(self)
            candidates._check_composition(start)
            for candidate in candidates:
                member = self.env["kindergarten.council.member"].create(
                    {
                        "council_id": call.council_id.id,
                        "partner_id": candidate.partner_id.id,
                        "represented_group": candidate.represented_group,
                        "age_group_id": candidate.age_group_id.id,
                        "date_start": start,
                        "date_end": start + relativedelta(years=3, days=-1),
                    }
                )
                candidate.write({"state": "elected", "member_id": member.id})
        return True
