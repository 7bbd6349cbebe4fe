from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_secretary_opens_the_app(self):
        new_test_user(
            self.env,
            login="kg_sec",
            password="kg_sec_pwd_1",
            groups="kindergarten_council.group_council_secretary",
        )
        self.start_tour("/odoo", "kindergarten_council_menu", login="kg_sec")

    def test_app_hidden_from_other_employees(self):
        other = new_test_user(
            self.env, login="kg_other", password="kg_other_pwd_1", groups="base.group_user"
        )
        root = self.env.ref("kindergarten_council.kindergarten_council_menu_root")
        self.assertNotIn(root.id, self.env["ir.ui.menu"].with_user(other)._visible_menu_ids())
        self.start_tour("/odoo", "kindergarten_council_menu_hidden", login="kg_other")
