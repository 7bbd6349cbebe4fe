from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    consultation_child_ids = fields.Many2many(
        "consultation.child",
        "consultation_child_parent_rel",
        "partner_id",
        "child_id",
        string="Children (consultation point)",
    )
    consultation_consent_ids = fields.One2many(
        "consultation.consent", "partner_id", string="Personal-data consents"
    )
    consultation_anonymised_on = fields.Datetime(readonly=True, copy=False)

    def _consultation_signed_contract(self, day):
        """Return the parent's contract signed and in force on `day`, if any."""
        self.ensure_one()
        return (
            self.env["consultation.contract"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.id),
                    ("state", "=", "signed"),
                    ("date_start", "<=", day),
                    ("date_end", ">=", day),
                ],
                limit=1,
            )
        )

    def _consultation_last_contact(self):
        """Return the date of the family's last request, consultation or consent."""
        self.ensure_one()
        env = self.env(su=True)
        dates = []
        request = env["consultation.request"].search(
            [("partner_id", "=", self.id)], order="date_received desc", limit=1
        )
        if request:
            dates.append(request.date_received)
        line = env["consultation.appointment.line"].search(
            [("partner_id", "=", self.id)], order="appointment_start desc", limit=1
        )
        # datetimes are UTC: their day is the day in the same zone as context_today's
        if line:
            dates.append(fields.Datetime.context_timestamp(self, line.appointment_start).date())
        consent = env["consultation.consent"].search(
            [("partner_id", "=", self.id)], order="given_on desc", limit=1
        )
        if consent:
            dates.append(fields.Datetime.context_timestamp(self, consent.given_on).date())
        return max(dates) if dates else None

    def _consultation_anonymise(self):
        """Erase the family's personal data; keep numbers, dates, topics and counts."""
        env = self.env(su=True)
        for partner in self.sudo():
            children = partner.consultation_child_ids
            for child in children:
                child.write(
                    {
                        "name": _("Anonymised child #%s", child.id),
                        "birth_date": False,
                        "iin": False,
                        "anonymised": True,
                    }
                )
            requests = env["consultation.request"].search(
                ["|", ("partner_id", "=", partner.id), ("child_id", "in", children.ids)]
            )
            requests.write({"question": False, "outcome": False})
            requests.filtered("decline_reason").write({"decline_reason": _("(anonymised)")})
            env["consultation.note"].search([("child_id", "in", children.ids)]).write(
                {"name": _("(anonymised)"), "body": False}
            )
            referrals = env["consultation.referral"].search([("child_id", "in", children.ids)])
            referrals.write(
                {"reason": _("(anonymised)"), "documents_sent": False, "outcome": False}
            )
            lines = env["consultation.appointment.line"].search(
                ["|", ("partner_id", "=", partner.id), ("child_id", "in", children.ids)]
            )
            # An individual consultation's recommendations speak of this child only; a
            # group session's are general advice to every family and stay.
            lines.appointment_id.filtered(
                lambda a, family=lines: a.kind == "individual" and a.line_ids <= family
            ).write({"recommendations": False})
            # lecture registrations, also those sent from the website with the same e-mail
            registrations = env["event.registration"].search(
                ["|", ("partner_id", "=", partner.id), ("email", "=ilike", partner.email or "-")]
            )
            anonymous_name = _("Anonymised parent #%s", partner.id)
            registrations.write(
                {
                    "name": anonymous_name,
                    "email": False,
                    "phone": False,
                }
            )
            contracts = env["consultation.contract"].search([("partner_id", "=", partner.id)])
            contracts.write(
                {
                    "body": False,
                    "signature": False,
                    "signer_email": False,
                    "signer_phone": False,
                    "signer_ip": False,
                }
            )
            contracts.filtered("signed_by").write({"signed_by": _("(anonymised)")})
            # the chatter of everything above speaks of the family
            erased = {
                "consultation.child": children,
                "consultation.request": requests,
                "consultation.contract": contracts,
                "consultation.referral": referrals,
                "consultation.appointment.line": lines,
                "event.registration": registrations,
            }
            env["mail.message"].search(
                expression.OR(
                    [
                        [("model", "=", model), ("res_id", "in", records.ids)]
                        for model, records in erased.items()
                    ]
                )
            ).unlink()
            partner.user_ids.write({"active": False, "login": f"anonymised-{partner.id}"})
            partner.write(
                {
                    "name": anonymous_name,
                    "email": False,
                    "phone": False,
                    "mobile": False,
                    "street": False,
                    "street2": False,
                    "city": False,
                    "zip": False,
                    "vat": False,
                    "comment": False,
                    "consultation_anonymised_on": fields.Datetime.now(),
                }
            )

    @api.model
    def _cron_consultation_anonymise(self):
        """Anonymise families who withdrew consent or were out of contact too long."""
        env = self.env(su=True)
        families = env["res.partner"]
        withdrawn = env["consultation.consent"].search([("withdrawn_on", "!=", False)])
        for partner in withdrawn.partner_id:
            if (
                not partner.consultation_anonymised_on
                and not partner.consultation_consent_ids.filtered("active_consent")
            ):
                families |= partner
        today = fields.Date.context_today(self)
        for point in env["consultation.point"].search([]):
            limit = today - relativedelta(months=point.retention_months)
            candidates = (
                env["consultation.request"].search([("point_id", "=", point.id)]).partner_id
                | env["consultation.consent"].search([("point_id", "=", point.id)]).partner_id
            )
            for partner in candidates - families:
                if (
                    partner.consultation_anonymised_on
                    or partner.user_ids.filtered("share") != partner.user_ids
                ):
                    continue
                last = partner._consultation_last_contact()
                if last and last < limit:
                    families |= partner
        families._consultation_anonymise()
        return families
