from odoo import api, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# The menu items a preschool's website starts with, by URL, with the English name Odoo or our
# addons give them. Odoo ships no Kazakh for its own ("Home", "Events", "Contact us").
MENU_NAMES = {
    "/": _lt("Home"),
    "/event": _lt("Events"),
    "/contactus": _lt("Contact us"),
    "/consultation-point": _lt("Consultation point"),
}


class WebsiteMenu(models.Model):
    _inherit = "website.menu"

    @api.model
    def _kg_translate_menus(self):
        """Name the standard menu items of every website in each active language.

        Only items still carrying their English default name are touched: a name the preschool
        gave an item in the website editor is kept.
        """
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        if not langs:
            return
        menus = self.with_context(lang="en_US").search([("url", "in", list(MENU_NAMES))])
        for menu in menus:
            label = MENU_NAMES[menu.url]
            if menu.name.strip().lower() != label._translate("en_US").lower():
                continue
            source = label._translate("en_US")
            translations = {lang: label._translate(lang) for lang in langs}
            translations = {lang: text for lang, text in translations.items() if text != source}
            if translations:
                menu.update_field_translations("name", translations)

    def _compute_visible(self):
        """Hide the consultation point's item from visitors of a preschool without one."""
        res = super()._compute_visible()
        if self.env.user._is_internal():
            return res
        for menu in self:
            url = (menu.url or "").rstrip("/")
            if menu.is_visible and menu.website_id and url == "/consultation-point":
                menu.is_visible = bool(menu.website_id._kg_preschool_point())
        return res
