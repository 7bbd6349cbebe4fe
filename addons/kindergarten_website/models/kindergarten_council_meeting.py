from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kindergarten_base.tools import DOCUMENT_LANGS

# The published copies may change while the minutes themselves are locked (approved).
PUBLICATION_FIELDS = {
    "website_minutes_published",
    "website_minutes_kk_id",
    "website_minutes_ru_id",
}


class KindergartenCouncilMeeting(models.Model):
    """Approved minutes the secretary publishes on the preschool's website."""

    _inherit = "kindergarten.council.meeting"

    website_minutes_published = fields.Boolean(
        string="Minutes on the website",
        readonly=True,
        copy=False,
        tracking=True,
        help="The approved minutes, in Kazakh and Russian, can be downloaded from the "
        "preschool's website by anyone.",
    )
    website_minutes_kk_id = fields.Many2one(
        "ir.attachment", string="Published minutes (Kazakh)", readonly=True, copy=False
    )
    website_minutes_ru_id = fields.Many2one(
        "ir.attachment", string="Published minutes (Russian)", readonly=True, copy=False
    )

    def _check_minutes_change(self, part, vals=None, operation="write"):
        """Publishing approved minutes on the website does not change them."""
        if part == "meeting" and vals:
            vals = {key: value for key, value in vals.items() if key not in PUBLICATION_FIELDS}
        return super()._check_minutes_change(part, vals, operation)

    def _website_minutes_attachment(self, lang):
        """Return the published PDF of the minutes for a visitor reading `lang`."""
        self.ensure_one()
        if lang == "ru_RU":
            return self.website_minutes_ru_id or self.website_minutes_kk_id
        return self.website_minutes_kk_id or self.website_minutes_ru_id

    def action_publish_minutes(self):
        """Print the approved minutes in Kazakh and Russian and publish them on the website."""
        self.check_access("write")
        if any(meeting.state != "approved" for meeting in self):
            raise UserError(_("Only approved minutes can be published on the website."))
        self.write({"website_minutes_published": True})
        self._print_website_minutes()
        return True

    def _print_website_minutes(self):
        """Print the minutes in Kazakh and Russian as public files, replacing earlier ones."""
        Attachment = self.env["ir.attachment"].sudo()
        for meeting in self:
            old = meeting.website_minutes_kk_id | meeting.website_minutes_ru_id
            vals = {}
            for lang in DOCUMENT_LANGS:
                pdf = meeting.sudo()._render_minutes_pdf(lang)
                title = meeting.with_context(lang=lang)._meeting_title()
                attachment = Attachment.create(
                    {
                        "name": f"{title}.pdf",
                        "raw": pdf,
                        "mimetype": "application/pdf",
                        "res_model": meeting._name,
                        "res_id": meeting.id,
                        "public": True,
                    }
                )
                field = "website_minutes_kk_id" if lang == "kk_KZ" else "website_minutes_ru_id"
                vals[field] = attachment.id
            meeting.sudo().write(vals)
            old.sudo().unlink()

    @api.model
    def _cron_print_website_minutes(self):
        """Print the published minutes that have no file yet (e.g. published by data, when
        no web server could serve the report's styles)."""
        meetings = self.sudo().search(
            [
                ("website_minutes_published", "=", True),
                ("state", "=", "approved"),
                "|",
                ("website_minutes_kk_id", "=", False),
                ("website_minutes_ru_id", "=", False),
            ]
        )
        meetings._print_website_minutes()

    def action_unpublish_minutes(self):
        """Take the minutes off the website."""
        self.check_access("write")
        old = self.website_minutes_kk_id | self.website_minutes_ru_id
        self.write(
            {
                "website_minutes_published": False,
                "website_minutes_kk_id": False,
                "website_minutes_ru_id": False,
            }
        )
        old.sudo().unlink()
        return True
