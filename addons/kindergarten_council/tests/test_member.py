from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CouncilCase


@tagged("post_install", "-at_install")
class TestMember(CouncilCase):
    def _member(self, **vals):
        partner = self.env["res.partner"].create({"name": "New member"})
        return self.env["kindergarten.council.member"].create(
            dict(
                {
                    "council_id": self.council.id,
                    "partner_id": partner.id,
                    "represented_group": "community",
                    "date_start": date(2025, 9, 1),
                    "date_end": date(2028, 8, 31),
                },
                **vals,
            )
        )

    def test_default_term_is_three_years(self):
        partner = self.env["res.partner"].create({"name": "Default term"})
        member = self.env["kindergarten.council.member"].create(
            {"council_id": self.council.id, "partner_id": partner.id, "represented_group": "other"}
        )
        self.assertEqual((member.date_end - member.date_start).days + 1, 365 * 3 + 1)

    def test_term_ending_before_it_starts_is_refused(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._member(date_end=date(2025, 8, 1))
            self.env.flush_all()

    def test_is_active_on(self):
        member = self._member(date_start=date(2025, 9, 1), date_end=date(2026, 8, 31))
        self.assertTrue(member.is_active_on(date(2025, 9, 1)))
        self.assertTrue(member.is_active_on(date(2026, 8, 31)))
        self.assertFalse(member.is_active_on(date(2026, 9, 1)))
        self.assertFalse(member.is_active_on(date(2025, 8, 31)))
        member.active = False
        self.assertFalse(member.is_active_on(date(2025, 10, 1)))

    def test_one_chair_at_a_time(self):
        self.assertEqual(self.council.chair_id, self.partners[0])
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._member(role="chair", date_start=date(2027, 1, 1), date_end=date(2029, 1, 1))
            self.env.flush_all()

    def test_next_chair_after_the_term_ends(self):
        self.members[0].date_end = date(2026, 8, 31)
        self.env.flush_all()
        successor = self._member(role="chair", date_start=date(2026, 9, 1))
        self.assertEqual(successor.role, "chair")

    def test_one_parent_per_age_group(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._member(represented_group="parents", age_group_id=self.age_junior.id)
            self.env.flush_all()

    def test_a_parent_represents_an_age_group(self):
        with self.assertRaises(ValidationError):
            self._member(represented_group="parents")


@tagged("post_install", "-at_install")
class TestForming(CouncilCase):
    def _candidate(self, call, name, group="parents", age=None, docs=True):
        partner = self.env["res.partner"].create({"name": name})
        vals = {
            "call_id": call.id,
            "partner_id": partner.id,
            "represented_group": group,
            "age_group_id": age.id if age else False,
        }
        if docs:
            vals.update(
                {
                    f: True
                    for f in (
                        "doc_application",
                        "doc_id_copy",
                        "doc_cv",
                        "doc_education",
                        "doc_no_criminal_record",
                        "doc_no_corruption",
                    )
                }
            )
        return self.env["kindergarten.council.candidate"].create(vals)

    def test_call_closes_twenty_days_after_announcement(self):
        with Form(self.env["kindergarten.council.call"].with_user(self.secretary)) as form:
            form.name = "Call 2025"
            form.council_id = self.council
            form.date_announce = date(2025, 8, 1)
        self.assertEqual(form.record.date_close, date(2025, 8, 21))

    def test_candidates_elected_become_members(self):
        # the old parents' terms end: their age groups are free again
        self.members[1:3].write({"date_end": date(2025, 12, 31)})
        self.env.flush_all()
        call = self.env["kindergarten.council.call"].create(
            {
                "name": "Call",
                "council_id": self.council.id,
                "date_announce": date(2025, 12, 1),
                "member_date_start": date(2026, 1, 1),
            }
        )
        call.action_open()
        incomplete = self._candidate(call, "Incomplete", age=self.age_junior, docs=False)
        with self.assertRaisesRegex(UserError, "incomplete"):
            incomplete.action_accept()
        first = self._candidate(call, "First parent", age=self.age_junior)
        second = self._candidate(call, "Second parent", age=self.age_junior)
        sponsor = self._candidate(call, "Sponsor", group="sponsors")
        (first | second | sponsor).action_accept()
        call.action_close()
        with self.assertRaisesRegex(UserError, "already has a parent"):
            call.action_elect()
        second.action_reject()
        call.action_elect()
        self.assertEqual(call.state, "done")
        self.assertEqual(first.state, "elected")
        self.assertEqual(first.member_id.date_start, date(2026, 1, 1))
        self.assertEqual(first.member_id.date_end, date(2028, 12, 31))
        self.assertEqual(first.member_id.age_group_id, self.age_junior)
        self.assertIn(sponsor.partner_id, self.council.member_ids.partner_id)
        self.assertNotIn(second.partner_id, self.council.member_ids.partner_id)
