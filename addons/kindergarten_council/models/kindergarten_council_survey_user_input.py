from odoo import api, fields, models

ANONYMOUS_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class SurveyUserInput(models.Model):
    """Answers of the board's anonymous parent survey are stored as the public user."""

    _inherit = "survey.user_input"

    council_survey_id = fields.Many2one(
        "kindergarten.council.survey",
        string="Board's anonymous survey",
        index=True,
        readonly=True,
        # A board's survey with answers cannot be deleted: its answers would lose their
        # protection (they are hidden from everybody by a record rule on this field).
        ondelete="restrict",
    )

    def _is_council_anonymous(self):
        """True when every record is an answer to a board's anonymous survey."""
        return bool(self) and all(self.mapped("council_survey_id"))

    def _as_public(self):
        """These records as superuser in the public user's name, without mail side effects."""
        public = self.env.ref("base.public_user")
        return self.with_user(public).sudo().with_context(**ANONYMOUS_CONTEXT)

    @api.model
    def _create_council_anonymous(self, council_survey):
        """Start an anonymous answer: no partner, e-mail, name, follower or message."""
        survey = council_survey.survey_id
        inputs = self._as_public()
        answer = survey.with_env(inputs.env)._create_answer(
            user=inputs.env.user, check_attempts=False, council_survey_id=council_survey.id
        )
        answer.write({"partner_id": False, "email": False, "nickname": False})
        return answer

    def write(self, vals):
        if (
            self.env.su
            and self._is_council_anonymous()
            and self.env.user != self.env.ref("base.public_user")
        ):
            # Written by the survey pages on behalf of whoever answers: keep write_uid public.
            return super(SurveyUserInput, self._as_public()).write(vals)
        return super().write(vals)

    def _notify_new_participation_subscribers(self):
        # Never post "X just participated" on an anonymous answer.
        return super(
            SurveyUserInput, self.filtered(lambda answer: not answer.council_survey_id)
        )._notify_new_participation_subscribers()

    def _save_lines(self, question, answer, comment=None, overwrite_existing=True):
        records = self._as_public() if self.env.su and self._is_council_anonymous() else self
        return super(SurveyUserInput, records)._save_lines(
            question, answer, comment=comment, overwrite_existing=overwrite_existing
        )
