import logging
import re

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.kindergarten_base.tools import FORM_ERROR_STATUS, FormError, FormParser
from odoo.addons.survey.controllers.main import Survey

from ..models.kindergarten_council_survey_code import normalize_code

# A code is 12 letters and digits in groups of four: room for dashes and spaces.
CODE_MAX = 32

SURVEY_PATH = re.compile(r"(/(?:council/)?survey/)[^\s\"?]+(\?[^\s\"]*)?")
REDACTED = r"\1[redacted]"


def redact_survey_paths(text):
    """Hide survey tokens and answer codes of a request line."""
    return SURVEY_PATH.sub(REDACTED, text) if isinstance(text, str) else text


class SurveyPathRedactFilter(logging.Filter):
    """Keep survey tokens and answer codes out of werkzeug's access log."""

    def filter(self, record):
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(redact_survey_paths(arg) for arg in args)
        if isinstance(record.msg, str) and "/survey/" in record.msg:
            record.msg = redact_survey_paths(record.msg)
        return True


def install_log_filter():
    """Add the redacting filter to the 'werkzeug' logger once."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, SurveyPathRedactFilter) for f in logger.filters):
        logger.addFilter(SurveyPathRedactFilter())


install_log_filter()


class CouncilSurveyController(http.Controller):
    """Where a parent uses a single-use code to answer the board's anonymous survey."""

    @http.route(
        ["/council/survey", "/council/survey/<string:code>"],
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def council_survey_code(self, code=None, **kw):
        # Showing the page does not use the code, so that mail scanners opening the link
        # do not burn it: the parent presses "Start".
        code = (code or "")[:CODE_MAX]
        return request.render(
            "kindergarten_council.council_survey_code_page",
            {"code": normalize_code(code) or code, "error": False, "code_max": CODE_MAX},
        )

    @http.route("/council/survey/start", type="http", auth="public", methods=["POST"], website=True)
    def council_survey_start(self, **kw):
        form = FormParser(request.env, kw)
        code = form.text(
            "code", max_length=CODE_MAX, required=True, message=_("Enter the code you received.")
        )
        values = {"code": form.values.get("code", ""), "error": True, "code_max": CODE_MAX}
        try:
            form.check()
        except FormError as error:
            values["error_message"] = error.message
            return request.render(
                "kindergarten_council.council_survey_code_page", values, status=FORM_ERROR_STATUS
            )
        council_survey = request.env["kindergarten.council.survey.code"].sudo()._consume(code)
        if not council_survey:
            return request.render(
                "kindergarten_council.council_survey_code_page", values, status=404
            )
        answer = request.env["survey.user_input"].sudo()._create_council_anonymous(council_survey)
        survey = answer.survey_id
        return request.redirect(f"/survey/{survey.access_token}/{answer.access_token}", local=True)


class CouncilAnonymousSurvey(Survey):
    """Let a signed-in parent fill an anonymous answer, which has no partner by design;
    keep the core results page away from the boards' questionnaires."""

    @http.route()
    def survey_report(self, survey, answer_token=None, **post):
        # The core page mixes every board's answers and ignores the five-answer threshold:
        # the boards' results are shown on their own survey form instead.
        if (
            request.env["kindergarten.council.survey"]
            .sudo()
            .search_count([("survey_id", "=", survey.id)], limit=1)
        ):
            raise NotFound()
        return super().survey_report(survey, answer_token=answer_token, **post)

    def _check_validity(self, survey_token, answer_token, ensure_token=True, check_partner=True):
        if check_partner and answer_token:
            _survey_sudo, answer_sudo = self._fetch_from_access_token(survey_token, answer_token)
            if answer_sudo.council_survey_id:
                check_partner = False
        return super()._check_validity(
            survey_token, answer_token, ensure_token=ensure_token, check_partner=check_partner
        )
