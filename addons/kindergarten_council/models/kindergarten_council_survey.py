from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import (
    academic_year_label,
    academic_year_of,
)

from ..tools import name_search_domain

MIN_ANSWERS_FOR_RESULTS = 5
TEXT_QUESTION_TYPES = ("text_box", "char_box")


def free_text_answers(texts):
    """Non-empty free-text answers in alphabetical order (never in the order they came in)."""
    return sorted(
        {" ".join(text.split()) for text in texts if text and text.strip()}, key=str.casefold
    )


def results_visible(answer_count):
    """Results of an anonymous survey are shown only from 5 completed answers on."""
    return answer_count >= MIN_ANSWERS_FOR_RESULTS


class KindergartenCouncilSurvey(models.Model):
    """One academic year's anonymous parent survey of a board (work plan item 4.7)."""

    _name = "kindergarten.council.survey"
    _description = "Anonymous parent survey of the Board of Trustees"
    _inherit = ["mail.thread"]
    _order = "year desc, id desc"

    # Not stored: the name is built in the reader's language (Kazakh, Russian, ...).
    name = fields.Char(compute="_compute_name", search="_search_name")
    council_id = fields.Many2one(
        "kindergarten.council", string="Board", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        related="council_id.company_id", store=True, index=True, string="Preschool"
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        default=lambda self: self.env.ref(
            "kindergarten_council.survey_learning_conditions", raise_if_not_found=False
        ),
        tracking=True,
    )
    year = fields.Integer(
        string="First year",
        required=True,
        default=lambda self: academic_year_of(fields.Date.context_today(self)),
        help="The first calendar year of the academic year, e.g. 2025 for 2025–2026.",
    )
    year_label = fields.Char(string="Academic year", compute="_compute_year_label")
    state = fields.Selection(
        [("open", "Collecting answers"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    plan_line_id = fields.Many2one(
        "kindergarten.council.plan.line",
        string="Plan line",
        index=True,
        domain="[('plan_id.council_id', '=', council_id)]",
        help="The work plan line this survey carries out (4.7 in the seed); found by its "
        "code when left empty.",
    )
    date_closed = fields.Date(string="Closed on", readonly=True, copy=False)
    code_ids = fields.One2many("kindergarten.council.survey.code", "council_survey_id")
    code_count = fields.Integer(string="Codes issued", compute="_compute_counts")
    code_used_count = fields.Integer(string="Codes used", compute="_compute_counts")
    answer_count = fields.Integer(string="Completed answers", compute="_compute_counts")
    results_visible = fields.Boolean(compute="_compute_counts")
    previous_id = fields.Many2one(
        "kindergarten.council.survey", string="Last year's survey", compute="_compute_previous"
    )
    results_html = fields.Html(string="Results", compute="_compute_results_html", sanitize=False)

    _sql_constraints = [
        (
            "council_year_survey_unique",
            "UNIQUE(council_id, year, survey_id)",
            "A board runs a questionnaire once per academic year.",
        ),
    ]

    @api.depends("year")
    def _compute_year_label(self):
        for record in self:
            record.year_label = record.year and academic_year_label(record.year)

    @api.depends("council_id.name", "year")
    @api.depends_context("lang")
    def _compute_name(self):
        for record in self:
            record.name = self.env._(
                "Parent survey %(year)s — %(board)s",
                year=record.year and academic_year_label(record.year) or "",
                board=record.council_id.name or "",
            )

    def _search_name(self, operator, value):
        """Find surveys by the academic year and board written in their name."""
        return name_search_domain(operator, value, None, "year", "council_id.name")

    def _done_answers(self):
        """Completed answers of this survey (as superuser: nobody reads single answers)."""
        return (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("council_survey_id", "in", self.ids),
                    ("state", "=", "done"),
                    ("test_entry", "=", False),
                ]
            )
        )

    def _compute_counts(self):
        codes = self.env["kindergarten.council.survey.code"].sudo()
        for record in self:
            if not record.id:
                record.update({"code_count": 0, "code_used_count": 0, "answer_count": 0})
                record.results_visible = False
                continue
            record.code_count = codes.search_count([("council_survey_id", "=", record.id)])
            record.code_used_count = codes.search_count(
                [("council_survey_id", "=", record.id), ("used", "=", True)]
            )
            record.answer_count = len(record._done_answers())
            record.results_visible = results_visible(record.answer_count)

    def _compute_previous(self):
        for record in self:
            record.previous_id = self.search(
                [
                    ("council_id", "=", record.council_id.id),
                    ("survey_id", "=", record.survey_id.id),
                    ("year", "=", record.year - 1),
                ],
                limit=1,
            )

    def _results(self):
        """Per question, the count of each answer; None while fewer than 5 answers exist."""
        self.ensure_one()
        answers = self._done_answers()
        if not results_visible(len(answers)):
            return None
        lines = answers.user_input_line_ids
        results = {"texts": {}}
        for question in self.survey_id.sudo().question_ids:
            if question.question_type in TEXT_QUESTION_TYPES:
                results["texts"][question.id] = free_text_answers(
                    lines.filtered(lambda line, q=question: line.question_id == q).mapped(
                        lambda line: line.value_text_box or line.value_char_box
                    )
                )
                continue
            if question.question_type not in ("simple_choice", "multiple_choice"):
                continue
            q_lines = lines.filtered(lambda line, q=question: line.question_id == q)
            results[question.id] = {
                answer.id: len(
                    q_lines.filtered(lambda line, a=answer: line.suggested_answer_id == a)
                )
                for answer in question.suggested_answer_ids
            }
        results["count"] = len(answers)
        return results

    def _compute_results_html(self):
        for record in self:
            if not record.id or not record.survey_id:
                record.results_html = False
                continue
            record.results_html = Markup(
                self.env["ir.qweb"]._render(
                    "kindergarten_council.council_survey_results",
                    {
                        "record": record,
                        "survey": record.survey_id.sudo(),
                        "current": record._results(),
                        "previous": record.previous_id and record.previous_id._results(),
                        "texts_label": self.env._(
                            "Written answers of %(year)s, in alphabetical order so that nobody "
                            "can tell who wrote which.",
                            year=record.year_label,
                        ),
                        "hidden_label": _(
                            "Fewer than %(count)s answers: results hidden",
                            count=MIN_ANSWERS_FOR_RESULTS,
                        ),
                    },
                )
            )

    def action_close(self):
        """Stop collecting answers: unused codes stop working."""
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})

    def action_reopen(self):
        """Collect answers again."""
        self.write({"state": "open", "date_closed": False})

    def _find_plan_line(self):
        """Return the board's plan line 4.7 (the anonymous survey) of the survey's year."""
        self.ensure_one()
        return self.env["kindergarten.council.plan.line"].search(
            [
                ("plan_id.council_id", "=", self.council_id.id),
                ("plan_id.academic_year", "=", self.year),
                ("code", "=", "4.7"),
            ],
            limit=1,
        )

    @api.model_create_multi
    def create(self, vals_list):
        surveys = super().create(vals_list)
        for survey in surveys.filtered(lambda s: not s.plan_line_id):
            survey.plan_line_id = survey._find_plan_line()
        return surveys

    def action_generate_codes(self):
        """Open the wizard that issues single-use answer codes."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(_("The survey is closed: reopen it to issue codes."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Issue answer codes"),
            "res_model": "kindergarten.council.survey.code.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_council_survey_id": self.id},
        }
