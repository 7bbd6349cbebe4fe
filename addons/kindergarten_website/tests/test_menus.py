from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestMenus(TransactionCase):
    """The standard menu items of every website are named in Kazakh and Russian."""

    EXPECTED = {
        "/": ("Басты бет", "Главная"),
        "/event": ("Іс-шаралар", "Мероприятия"),
        "/contactus": ("Байланыс", "Контакты"),
        "/consultation-point": ("Консультативтік пункт", "Консультативный пункт"),
    }

    def _menus(self):
        return self.env["website.menu"].search(
            [("url", "in", list(self.EXPECTED)), ("website_id", "!=", False)]
        )

    def test_every_website_menu_is_translated(self):
        menus = self._menus()
        self.assertEqual(
            set(menus.website_id.ids), set(self.env["website"].search([]).ids), "every website"
        )
        for menu in menus:
            kk, ru = self.EXPECTED[menu.url]
            self.assertEqual(menu.with_context(lang="kk_KZ").name, kk, menu.url)
            self.assertEqual(menu.with_context(lang="ru_RU").name, ru, menu.url)

    def test_a_renamed_item_is_kept(self):
        menu = self._menus().filtered(lambda m: m.url == "/contactus")[:1]
        menu.with_context(lang="en_US").name = "Write to us"
        menu.update_field_translations("name", {"kk_KZ": "Бізге жазыңыз"})
        self.env["website.menu"]._kg_translate_menus()
        self.assertEqual(menu.with_context(lang="kk_KZ").name, "Бізге жазыңыз")

    def test_new_website_gets_translated_menus(self):
        website = self.env["website"].create({"name": "Жаңа сайт"})
        self.env["website.menu"]._kg_translate_menus()
        home = website.menu_id.child_id.filtered(lambda m: m.url == "/")
        self.assertEqual(home.with_context(lang="kk_KZ").name, "Басты бет")
        self.assertEqual(home.with_context(lang="ru_RU").name, "Главная")
