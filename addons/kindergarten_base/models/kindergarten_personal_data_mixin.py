from odoo import api, models
from odoo.osv import expression


class KindergartenPersonalDataMixin(models.AbstractModel):
    """A model holding a family's personal data, which it erases itself on request.

    One place that knows what a model holds of a family: the model. Anonymising a family
    (a withdrawn consent, the end of the retention period) asks every model inheriting
    this mixin to erase its own (`_kindergarten_anonymise`), then purges the chatter of
    the records they erased (`_kindergarten_purge_chatter`). A new model with a family's
    data inherits the mixin and answers the hook; the addons' tests refuse a model linked
    to a family that does neither (nor is listed, with its reason, as holding nothing).
    """

    _name = "kindergarten.personal.data.mixin"
    _description = "Record with a family's personal data"

    @api.model
    def _kindergarten_anonymise(self, partners):
        """Erase what this model holds of the families of `partners` (sudo'ed res.partner).

        Numbers, dates, states and counts stay (the registers and statistics keep
        them); names, contact details and free texts go. Return the records erased:
        their chatter (messages, tracking values, attachments) is purged by the caller.
        """
        raise NotImplementedError(f"{self._name} does not say what it erases of a family")

    @api.model
    def _kindergarten_personal_data_models(self):
        """Return the names of the concrete models holding a family's personal data."""
        return [
            name
            for name in self.env.registry.descendants([self._name], "_inherit")
            if not self.env[name]._abstract and not self.env[name]._transient
        ]

    @api.model
    def _kindergarten_purge_chatter(self, records_by_model):
        """Delete the messages (with their tracking values) and the attachments of records.

        `records_by_model`: {model name: recordset}. The attachments of binary fields
        are left to the fields (the hooks empty them).
        """
        domains = [
            [("model", "=", model), ("res_id", "in", records.ids)]
            for model, records in records_by_model.items()
            if records
        ]
        if not domains:
            return
        env = self.env(su=True)
        env["mail.message"].search(expression.OR(domains)).unlink()
        env["ir.attachment"].search(
            expression.OR(
                [
                    [("res_model", "=", model), ("res_id", "in", records.ids)]
                    for model, records in records_by_model.items()
                    if records
                ]
            )
        ).unlink()
