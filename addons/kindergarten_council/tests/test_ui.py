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


@tagged("post_install", "-at_install")
class TestMeetingTour(HttpCase):
    def test_secretary_meeting_flow(self):
        company = self.env.ref("base.main_company")
        secretary = new_test_user(
            self.env,
            login="kg_tour_sec",
            password="kg_tour_sec_pwd_1",
            groups="kindergarten_council.group_council_secretary",
            company_id=company.id,
            company_ids=[company.id],
        )
        council = self.env["kindergarten.council"].create(
            {
                "name": "Tour board",
                "company_id": company.id,
                "secretary_id": secretary.partner_id.id,
            }
        )
        partners = self.env["res.partner"].create([{"name": f"Tour member {i}"} for i in range(5)])
        self.env["kindergarten.council.member"].create(
            [
                {
                    "council_id": council.id,
                    "partner_id": p.id,
                    "represented_group": "community",
                    "role": "chair" if i == 0 else "member",
                    "date_start": "2027-09-01",
                    "date_end": "2030-08-31",
                }
                for i, p in enumerate(partners)
            ]
        )
        plan = self.env["kindergarten.council.plan"].create(
            {
                "council_id": council.id,
                "academic_year": 2027,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "code": "1.1",
                            "activity": "General meeting",
                            "timing": "month",
                            "month": "10",
                        },
                    ),
                ],
            }
        )
        self.start_tour(
            f"/odoo/action-kindergarten_council.kindergarten_council_plan_action/{plan.id}",
            "kindergarten_council_meeting_flow",
            login="kg_tour_sec",
        )
        meeting = plan.meeting_ids.filtered(lambda m: m.number == 1)
        self.assertEqual(meeting.state, "held")
        self.assertEqual(meeting.present_count, 4)
        self.assertEqual(meeting.calendar_event_id.partner_ids & partners, partners)
        item = meeting.agenda_item_ids.sorted("sequence")[0]
        self.assertEqual(item.votes_for, 4)
        self.assertEqual(item.result, "adopted")
