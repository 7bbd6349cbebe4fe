from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_head_opens_the_app(self):
        new_test_user(
            self.env,
            login="cp_head_ui",
            password="cp_head_pwd_1",
            groups="consultation_point.group_consultation_head",
        )
        self.start_tour("/odoo", "consultation_point_menu", login="cp_head_ui")

    def test_app_hidden_from_other_employees(self):
        new_test_user(
            self.env, login="cp_other", password="cp_other_pwd_1", groups="base.group_user"
        )
        self.start_tour("/odoo", "consultation_point_menu_hidden", login="cp_other")
