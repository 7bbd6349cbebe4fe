import random

from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

MAX_CODES = 2000


class KindergartenCouncilSurveyCodeWizard(models.TransientModel):
    """Issue single-use answer codes in bulk: e-mail one to each parent, or print slips."""

    _name = "kindergarten.council.survey.code.wizard"
    _description = "Issue anonymous survey answer codes"

    council_survey_id = fields.Many2one(
        "kindergarten.council.survey", string="Survey", required=True
    )
    mode = fields.Selection(
        [("email", "E-mail one code to each parent"), ("print", "Print slips")],
        required=True,
        default="email",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Parents",
        help="Each parent gets one code by e-mail. Which code went to whom is not kept: "
        "the e-mails are deleted once sent and nothing is posted on any record.",
    )
    count = fields.Integer(string="Number of slips", default=25)

    @api.model
    def _survey_url(self, code):
        """The public address where a code is used."""
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return f"{base}/council/survey/{code.code}"

    def _mail_values(self, partner, code):
        """Subject and body of the e-mail carrying one code, in the parent's language."""
        self = self.with_context(lang=partner.lang or self.env.lang)  # noqa: PLW0642
        survey = self.council_survey_id
        url = self._survey_url(code)
        subject = _(
            "Anonymous survey of the Board of Trustees: %(board)s", board=survey.council_id.name
        )
        body = Markup(
            "<p>{hello}</p><p>{intro}</p><p><a href='{url}'>{url}</a></p><p>{code_label} "
            "<strong>{code}</strong></p><p>{privacy}</p>"
        ).format(
            hello=_("Dear parent,"),
            intro=_(
                "The board of trustees asks how satisfied you are with the conditions of "
                "learning in the preschool. The survey is anonymous: follow the link below."
            ),
            url=escape(url),
            code_label=_("Your single-use code:"),
            code=code.code,
            privacy=_(
                "Nobody can see who answered: the board does not keep which code was sent "
                "to whom, and the code works once."
            ),
        )
        return {
            "subject": subject,
            "body_html": body,
            "email_to": partner.email_formatted,
            "email_from": survey.company_id.email_formatted or self.env.user.email_formatted,
            "auto_delete": True,
            "is_notification": False,
        }

    def _forget_failed_mails(self, mails, code_of_mail):
        """Delete the code e-mails that could not be sent and withdraw their codes.

        A failed e-mail stays in the outgoing queue with its recipient and its code: that
        pair must never be kept. Returns the addresses that were not reached.
        """
        # sent ones are gone (auto_delete); whatever is left did not reach its parent
        failed = mails.exists().filtered(lambda mail: mail.state != "sent")
        addresses = failed.mapped("email_to")
        codes = self.env["kindergarten.council.survey.code"].sudo()
        for mail in failed:
            codes |= code_of_mail[mail.id]
        failed.unlink()
        codes.sudo().unlink()
        return addresses

    def action_issue(self):
        """Issue the codes and e-mail or print them."""
        self.ensure_one()
        survey = self.council_survey_id
        if survey.state != "open":
            raise UserError(_("The survey is closed: reopen it to issue codes."))
        codes = self.env["kindergarten.council.survey.code"]
        if self.mode == "email":
            partners = self.partner_ids.filtered("email")
            if not partners:
                raise UserError(_("Choose at least one parent with an e-mail address."))
            if len(partners) > MAX_CODES:
                raise UserError(_("At most %(max)s codes at a time.", max=MAX_CODES))
            new_codes = codes._issue(survey, len(partners))
            # Pair codes and parents at random: the order of the codes' ids says nothing of
            # the order the parents were picked in.
            shuffled = list(new_codes)
            random.SystemRandom().shuffle(shuffled)
            mails = self.env["mail.mail"].sudo()
            code_of_mail = {}
            for partner, code in zip(partners, shuffled, strict=True):
                mail = mails.create(self._mail_values(partner, code))
                code_of_mail[mail.id] = code
                mails |= mail
            mails.send()
            failed = self._forget_failed_mails(mails, code_of_mail)
            # Forget the recipients chosen in this wizard as well.
            self.partner_ids = [fields.Command.clear()]
            message = _("%(count)s codes were e-mailed.", count=len(new_codes) - len(failed))
            if failed:
                message = _(
                    "%(sent)s %(failed_count)s e-mails could not be sent (%(addresses)s): their "
                    "codes were withdrawn; check these addresses and issue them new codes.",
                    sent=message,
                    failed_count=len(failed),
                    addresses=", ".join(failed),
                )
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning" if failed else "success",
                    "message": message,
                    "sticky": bool(failed),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        if not 0 < self.count <= MAX_CODES:
            raise UserError(_("Print between 1 and %(max)s slips.", max=MAX_CODES))
        new_codes = codes._issue(survey, self.count)
        return self.env.ref("kindergarten_council.action_report_survey_code_slips").report_action(
            new_codes
        )
