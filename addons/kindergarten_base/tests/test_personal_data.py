from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPersonalDataMixin(TransactionCase):
    def test_a_model_must_say_what_it_erases(self):
        Mixin = self.env["kindergarten.personal.data.mixin"]
        with self.assertRaises(NotImplementedError):
            Mixin._kindergarten_anonymise(self.env["res.partner"])
        names = Mixin._kindergarten_personal_data_models()
        self.assertNotIn("kindergarten.personal.data.mixin", names, "abstract: not asked")
        for name in names:
            self.assertFalse(self.env[name]._abstract or self.env[name]._transient)

    def test_purge_removes_messages_tracking_and_attachments_of_the_records_only(self):
        erased, kept = self.env["res.partner"].create([{"name": "Erased"}, {"name": "Kept"}])
        for partner in erased | kept:
            partner.message_post(body=f"About {partner.name}")
            self.env["ir.attachment"].create(
                {"name": "a.txt", "raw": b"x", "res_model": "res.partner", "res_id": partner.id}
            )
        message = self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "=", erased.id)]
        )
        tracking = self.env["mail.tracking.value"].create(
            {
                "mail_message_id": message[:1].id,
                "field_id": self.env["ir.model.fields"]._get("res.partner", "name").id,
                "old_value_char": "Erased",
            }
        )
        Message, Attachment = self.env["mail.message"], self.env["ir.attachment"]

        def counts(partner):
            domain = [("res_id", "=", partner.id)]
            return (
                Message.search_count(domain + [("model", "=", "res.partner")]),
                Attachment.search_count(domain + [("res_model", "=", "res.partner")]),
            )

        kept_before = counts(kept)
        self.env["kindergarten.personal.data.mixin"]._kindergarten_purge_chatter(
            {"res.partner": erased, "res.users": self.env["res.users"]}
        )
        self.assertEqual(counts(erased), (0, 0))
        self.assertEqual(counts(kept), kept_before)
        self.assertGreaterEqual(kept_before, (1, 1))
        self.assertFalse(tracking.exists())
