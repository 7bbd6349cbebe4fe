from datetime import date

from freezegun import freeze_time
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

    def _default_term(self):
        """Create a member without dates, as the secretary does: the term defaults to today."""
        partner = self.env["res.partner"].create({"name": "Default term"})
        member = (
            self.env["kindergarten.council.member"]
            .with_user(self.secretary)
            .create(
                {
                    "council_id": self.council.id,
                    "partner_id": partner.id,
                    "represented_group": "other",
                }
            )
        )
        return member.date_start, member.date_end

    def test_default_term_is_three_years(self):
        # from today to the eve of the same day three years later, whatever the number of
        # days: 1096 with a 29 February inside, 1095 without
        with freeze_time("2026-01-14 05:00:00"):
            self.assertEqual(self._default_term(), (date(2026, 1, 14), date(2029, 1, 13)))
        with freeze_time("2028-03-01 05:00:00"):
            self.assertEqual(self._default_term(), (date(2028, 3, 1), date(2031, 2, 28)))
        # a term starting on 29 February ends on 27 February: the next one starts on the
        # 28th, its third anniversary in a year without a 29 February
        with freeze_time("2028-02-29 05:00:00"):
            self.assertEqual(self._default_term(), (date(2028, 2, 29), date(2031, 2, 27)))

    def test_default_term_starts_on_almatys_date(self):
        # 31 August 19:30 UTC is already 1 September in Almaty
        with freeze_time("2027-08-31 19:30:00"):
            self.assertEqual(self._default_term(), (date(2027, 9, 1), date(2030, 8, 31)))
        with freeze_time("2027-08-31 18:30:00"):
            self.assertEqual(self._default_term(), (date(2027, 8, 31), date(2030, 8, 30)))

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

    def test_chair_is_the_chair_in_term_today(self):
        def chair():
            # the chair as seen by a user in Almaty, computed afresh
            self.council.invalidate_recordset(["chair_id"])
            return self.council.with_user(self.secretary).chair_id

        self.assertEqual(chair(), self.partners[0])
        # the chair's term ends on 31 August 2028: the last evening in Almaty, then the
        # first minutes of 1 September there (still 31 August in UTC)
        with freeze_time("2028-08-31 18:59:00"):
            self.assertEqual(chair(), self.partners[0])
        with freeze_time("2028-08-31 19:01:00"):
            self.assertFalse(chair())
        # a term that ended yesterday no longer counts; one ending today still does
        self.members[0].date_end = date(2026, 1, 13)
        self.assertFalse(chair())
        self.members[0].date_end = date(2026, 1, 14)
        self.assertEqual(chair(), self.partners[0])

    def test_one_chair_at_a_time(self):
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

    def test_call_defaults_to_twenty_days_from_today(self):
        call = (
            self.env["kindergarten.council.call"]
            .with_user(self.secretary)
            .create({"name": "Call", "council_id": self.council.id})
        )
        self.assertEqual(
            (call.date_announce, call.date_close), (date(2026, 1, 14), date(2026, 2, 3))
        )

    def test_call_takes_applications_from_announcement_to_closing_day_in_almaty(self):
        call = self.env["kindergarten.council.call"].create(
            {"name": "Call", "council_id": self.council.id, "date_announce": date(2026, 1, 5)}
        )
        self.assertEqual(call.date_close, date(2026, 1, 25))
        call = call.with_user(self.secretary)
        self.assertFalse(call._is_accepting(), "a draft call takes no application")
        call.action_open()
        for moment, accepting in (
            ("2026-01-04 18:59:00", False),  # 4 January, 23:59 in Almaty
            ("2026-01-04 19:00:00", True),  # 5 January, 00:00 in Almaty: announced
            ("2026-01-25 18:59:00", True),  # the closing day, 23:59 in Almaty
            ("2026-01-25 19:00:00", False),  # 26 January in Almaty: closed
        ):
            with freeze_time(moment):
                self.assertEqual(call._is_accepting(), accepting, moment)

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
