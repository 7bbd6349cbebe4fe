from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_age_groups_screen_in_kazakh(self):
        """The head switches to Kazakh and manages the age groups."""
        self.env.ref("base.user_admin").lang = "kk_KZ"
        self.start_tour(
            "/odoo/action-kindergarten_base.kindergarten_age_group_action",
            "kindergarten_base_age_groups",
            login="admin",
        )
        group = self.env["kindergarten.age.group"].search([("name", "=", "Тур тобы")])
        self.assertEqual((group.age_from, group.age_to), (3, 4))
