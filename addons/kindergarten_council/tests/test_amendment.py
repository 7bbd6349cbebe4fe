from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CouncilCase


@tagged("post_install", "-at_install")
class TestAmendment(CouncilCase):
    """Approved minutes are locked; a later meeting's decision amends them."""

    def _approved_meeting(self, number=1, day=date(2025, 10, 16)):
        meeting = self._meeting(number=number, day=day, items=1)
        meeting.action_convene()
        self._mark(meeting)
        meeting.agenda_item_ids.write({"decision": "<p>Approve the plan.</p>", "votes_for": 5})
        meeting.action_hold()
        meeting.with_user(self.manager).action_approve()
        return meeting

    def test_amend_puts_an_item_on_the_next_draft_meeting(self):
        first = self._approved_meeting()
        second = self._meeting(number=2, day=date(2025, 12, 18), items=1)
        action = first.with_user(self.secretary).action_amend()
        self.assertEqual(action["res_id"], second.id)
        item = second.agenda_item_ids.filtered("amends_meeting_id")
        self.assertEqual(item.amends_meeting_id, first)
        self.assertIn("No. 1", item.name)
        self.assertEqual(first.amendment_item_ids, item)
        # the approved minutes themselves are untouched and still locked
        self.assertEqual(first.state, "approved")
        with self.assertRaisesRegex(UserError, "approved and cannot be changed"):
            first.place = "Elsewhere"

    def test_amend_creates_a_meeting_when_none_is_planned(self):
        first = self._approved_meeting()
        before = self.env["kindergarten.council.meeting"].search_count(
            [("council_id", "=", self.council.id)]
        )
        action = first.with_user(self.secretary).action_amend()
        meeting = self.env["kindergarten.council.meeting"].browse(action["res_id"])
        self.assertEqual(
            self.env["kindergarten.council.meeting"].search_count(
                [("council_id", "=", self.council.id)]
            ),
            before + 1,
        )
        self.assertEqual(meeting.state, "draft")
        self.assertGreater(meeting.date, first.date)
        self.assertEqual(meeting.agenda_item_ids.amends_meeting_id, first)

    def test_only_approved_minutes_are_amended(self):
        draft = self._meeting(items=1)
        with self.assertRaisesRegex(UserError, "Only approved minutes"):
            draft.action_amend()
        later = self._meeting(number=2, day=date(2025, 12, 18), items=1)
        with self.assertRaisesRegex(ValidationError, "not approved yet"):
            later.agenda_item_ids.amends_meeting_id = draft

    def test_an_amendment_comes_from_a_later_meeting_of_the_same_board(self):
        second = self._approved_meeting(number=2, day=date(2025, 12, 18))
        earlier = self._meeting(number=1, day=date(2025, 10, 16), items=1)
        with self.assertRaisesRegex(ValidationError, "only be amended by a later meeting"):
            earlier.agenda_item_ids.amends_meeting_id = second
        with self.assertRaisesRegex(ValidationError, "same board"):
            self.env["kindergarten.council.agenda.item"].create(
                {"meeting_id": earlier.id, "name": "Self", "amends_meeting_id": earlier.id}
            )

    def _vote_amendment(self, first, decision, votes_for, votes_against=0):
        """Amend `first` at a new meeting, vote on the amendment and hold that meeting."""
        action = first.with_user(self.secretary).action_amend()
        second = self.env["kindergarten.council.meeting"].browse(action["res_id"])
        second.action_convene()
        self._mark(second)
        item = second.agenda_item_ids.filtered("amends_meeting_id")
        item.write({"decision": decision, "votes_for": votes_for, "votes_against": votes_against})
        second.action_hold()
        return second, item

    def test_adopted_amendment_is_printed_with_the_amended_minutes(self):
        first = self._approved_meeting()
        second, item = self._vote_amendment(
            first, "<p>Read item 1 as: approve the amended plan.</p>", 4
        )
        # not in force until the amending meeting's minutes are approved
        self.assertFalse(first._amendments_in_force())
        second.with_user(self.manager).action_approve()
        self.assertEqual(first._amendments_in_force(), item)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "kindergarten_council.report_meeting_minutes", first.ids, data={"lang": "ru_RU"}
            )[0]
            .decode()
        )
        self.assertIn("approve the amended plan", html)
        self.assertIn("o_kg_amendments", html)
        # the caption in the minutes' language, with the item's place on the agenda
        self.assertRegex(html, r"Решением: Заседание №\d+ \(20\d\d–20\d\d\) от [\d.]+, вопрос 1 ")

    def test_rejected_amendment_is_not_in_force(self):
        first = self._approved_meeting()
        second, item = self._vote_amendment(first, "<p>Change it.</p>", 1, votes_against=4)
        second.with_user(self.manager).action_approve()
        self.assertEqual(item.result, "rejected")
        self.assertFalse(first._amendments_in_force())


@tagged("post_install", "-at_install")
class TestNamesInReadersLanguage(CouncilCase):
    """Meeting and survey names follow the reader's language, not the creator's."""

    def test_meeting_name_follows_the_language(self):
        meeting = self._meeting()
        self.assertEqual(meeting.with_context(lang="en_US").name, "Meeting No. 1 (2025–2026)")
        self.assertEqual(meeting.with_context(lang="ru_RU").name, "Заседание №1 (2025–2026)")
        self.assertEqual(meeting.with_context(lang="kk_KZ").display_name, "№1 жиналыс (2025–2026)")

    def test_meeting_found_by_its_name(self):
        first = self._meeting()
        second = self._meeting(number=2, day=date(2025, 12, 18))
        next_year = self._meeting(number=1, day=date(2026, 10, 15))
        Meeting = self.env["kindergarten.council.meeting"]
        scope = [("council_id", "=", self.council.id)]
        self.assertEqual(Meeting.search([*scope, ("name", "ilike", "No. 2")]), second)
        self.assertEqual(Meeting.search([*scope, ("name", "ilike", "№1 (2025–2026)")]), first)
        self.assertEqual(
            Meeting.search([*scope, ("name", "ilike", "1 (2026")]).sorted("date"),
            first | next_year,
        )
        self.assertEqual(Meeting.search([*scope, ("name", "not ilike", "№1")]), second)

    def test_survey_name_follows_the_language(self):
        survey = self.env["kindergarten.council.survey"].create(
            {"council_id": self.council.id, "year": 2025}
        )
        self.assertIn("Анкетирование родителей 2025–2026", survey.with_context(lang="ru_RU").name)
        self.assertIn("Ата-аналар сауалнамасы", survey.with_context(lang="kk_KZ").name)
        found = self.env["kindergarten.council.survey"].search(
            [("council_id", "=", self.council.id), ("name", "ilike", "2026 Board")]
        )
        self.assertEqual(found, survey)
