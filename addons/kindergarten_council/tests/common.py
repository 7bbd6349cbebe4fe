from datetime import date

from odoo.tests import TransactionCase, new_test_user

# Wednesday 14 January 2026, 10:00 in Almaty: inside the board's term and the academic year
# 2025-2026, far from the turn of a quarter, a year or a term.
REFERENCE_TIME = "2026-01-14 05:00:00"
# The preschool's users work in Almaty (UTC+5): their "today" is Almaty's date.
ALMATY = "Asia/Almaty"


class CouncilCase(TransactionCase):
    """A preschool with a board of five members (term 2025-09-01 to 2028-08-31) and users.

    The clock is frozen at REFERENCE_TIME for the whole class (dates that default to today,
    the current chair, overdue meetings): a test that needs another moment freezes it itself.
    """

    freeze_time = REFERENCE_TIME

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Test preschool"})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        common = {"company_id": cls.company.id, "company_ids": [cls.company.id], "tz": ALMATY}
        cls.viewer = new_test_user(
            cls.env, login="t_viewer", groups="kindergarten_council.group_council_viewer", **common
        )
        cls.secretary = new_test_user(
            cls.env,
            login="t_secretary",
            groups="kindergarten_council.group_council_secretary",
            **common,
        )
        cls.manager = new_test_user(
            cls.env,
            login="t_manager",
            groups="kindergarten_council.group_council_manager",
            **common,
        )
        cls.head = new_test_user(
            cls.env, login="t_head", groups="kindergarten_base.group_head", **common
        )
        cls.employee = new_test_user(
            cls.env, login="t_employee", groups="base.group_user", **common
        )
        AgeGroup = cls.env["kindergarten.age.group"]
        cls.age_junior = AgeGroup.create(
            {"name": "Junior", "age_from": 2, "age_to": 3, "company_id": cls.company.id}
        )
        cls.age_middle = AgeGroup.create(
            {"name": "Middle", "age_from": 3, "age_to": 4, "company_id": cls.company.id}
        )
        cls.council = cls.env["kindergarten.council"].create(
            {
                "name": "Board",
                "company_id": cls.company.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2028, 8, 31),
                "state": "active",
                "secretary_id": cls.secretary.partner_id.id,
            }
        )
        cls.partners = cls.env["res.partner"].create(
            [{"name": f"Member {i}", "company_id": cls.company.id} for i in range(1, 6)]
        )
        groups = [
            ("chair", "community", False),
            ("deputy_chair", "parents", cls.age_junior.id),
            ("member", "parents", cls.age_middle.id),
            ("member", "sponsors", False),
            ("member", "veteran_teachers", False),
        ]
        cls.members = cls.env["kindergarten.council.member"].create(
            [
                {
                    "council_id": cls.council.id,
                    "partner_id": partner.id,
                    "role": role,
                    "represented_group": group,
                    "age_group_id": age,
                    "date_start": date(2025, 9, 1),
                    "date_end": date(2028, 8, 31),
                }
                for partner, (role, group, age) in zip(cls.partners, groups, strict=True)
            ]
        )

    def _meeting(self, number=1, day=date(2025, 10, 16), items=2, **vals):
        return self.env["kindergarten.council.meeting"].create(
            dict(
                {
                    "council_id": self.council.id,
                    "number": number,
                    "date": day,
                    "place": "Hall",
                    "agenda_item_ids": [
                        (0, 0, {"sequence": i, "name": f"Item {i}"}) for i in range(1, items + 1)
                    ],
                },
                **vals,
            )
        )

    def _mark(self, meeting, absent=0):
        """Mark the last `absent` voting members absent, the others present."""
        lines = meeting.attendance_ids.sorted("id")
        for i, line in enumerate(lines):
            line.status = "absent" if i >= len(lines) - absent else "present"
