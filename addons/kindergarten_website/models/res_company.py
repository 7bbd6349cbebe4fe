from odoo import fields, models


class ResCompany(models.Model):
    """The preschool as the visitors of its website read it, in their language."""

    _inherit = "res.company"

    website_public_name = fields.Char(
        string="Name on the website",
        translate=True,
        help="The preschool's name in each language of the website, e.g. «Балақай» бөбекжайы "
        "in Kazakh and Ясли «Балакай» in Russian. Empty: the company's name.",
    )
    website_public_address = fields.Char(
        string="Address on the website",
        translate=True,
        help="The address in each language of the website. Empty: the company's street, "
        "city and postcode.",
    )

    def _kg_public_name(self):
        """Return the preschool's name in the language of the environment."""
        self.ensure_one()
        return self.website_public_name or self.name

    def _kg_public_address(self):
        """Return the preschool's address in the language of the environment."""
        self.ensure_one()
        if self.website_public_address:
            return self.website_public_address
        parts = [self.street, self.street2, self.city, self.zip]
        return ", ".join(part for part in parts if part)
