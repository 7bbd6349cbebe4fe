import secrets

from odoo import api, fields, models

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def generate_code():
    """A random, unguessable answer code such as 'K7QM-2XPA-H9RT' (60 bits of entropy)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalize_code(text):
    """Upper-case a typed code and put the dashes back where they belong."""
    raw = "".join(ch for ch in (text or "").upper() if ch in CODE_ALPHABET)
    if len(raw) != CODE_LENGTH:
        return ""
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


class KindergartenCouncilSurveyCode(models.Model):
    """A single-use answer code of an anonymous survey.

    By design it has no link to any person: which code went to whom is never stored.
    """

    _name = "kindergarten.council.survey.code"
    _description = "Anonymous survey answer code"
    _order = "id"

    code = fields.Char(required=True, readonly=True, index=True, copy=False)
    council_survey_id = fields.Many2one(
        "kindergarten.council.survey",
        string="Survey",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    council_id = fields.Many2one(related="council_survey_id.council_id", store=True)
    company_id = fields.Many2one(related="council_survey_id.company_id", store=True)
    used = fields.Boolean(readonly=True, copy=False, default=False)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "An answer code must be unique."),
    ]

    @api.model
    def _issue(self, council_survey, count):
        """Create `count` fresh codes for a survey."""
        vals = [
            {"code": generate_code(), "council_survey_id": council_survey.id} for _i in range(count)
        ]
        return self.create(vals)

    @api.model
    def _issue_demo(self, council_survey_id, count):
        """Issue codes from demo data (XML function calls pass ids)."""
        council_survey = self.env["kindergarten.council.survey"].browse(council_survey_id)
        self._issue(council_survey, count)

    @api.model
    def _consume(self, code):
        """Mark a code as used, atomically; the survey it opens, or an empty recordset."""
        code = normalize_code(code)
        if not code:
            return self.env["kindergarten.council.survey"]
        self.env.flush_all()
        self.env.cr.execute(
            """
            UPDATE kindergarten_council_survey_code AS c
               SET used = true
              FROM kindergarten_council_survey AS s
             WHERE c.code = %s
               AND c.used IS NOT TRUE
               AND s.id = c.council_survey_id
               AND s.state = 'open'
         RETURNING c.id, c.council_survey_id
            """,
            [code],
        )
        row = self.env.cr.fetchone()
        if not row:
            return self.env["kindergarten.council.survey"]
        self.browse(row[0]).invalidate_recordset(["used"])
        return self.env["kindergarten.council.survey"].browse(row[1])
