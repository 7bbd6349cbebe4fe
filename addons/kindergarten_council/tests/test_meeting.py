from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CouncilCase


@tagged("post_install", "-at_install")
class TestMeeting(CouncilCase):
    def test_attendance_filled_from_members_whose_term_covers_the_date(self):
        meeting = self._meeting()
        self.assertEqual(meeting.attendance_ids.partner_id, self.partners)
        self.assertEqual(meeting.members_count, 5)
        # a member whose term ended before the date is neither listed nor counted
        self.members[4].date_end = date(2025, 10, 1)
        later = self._meeting(number=2, day=date(2025, 12, 18))
        self.assertEqual(later.members_count, 4)
        self.assertNotIn(self.partners[4], later.attendance_ids.partner_id)
        # the secretary is not a member and does not vote by default
        self.assertNotIn(self.secretary.partner_id, later.attendance_ids.partner_id)

    def test_secretary_votes_when_the_board_says_so(self):
        self.council.secretary_votes = True
        meeting = self._meeting()
        line = meeting.attendance_ids.filtered(lambda a: a.partner_id == self.secretary.partner_id)
        self.assertTrue(line.is_voting)
        self.assertEqual(meeting.members_count, 6)

    def test_secretary_cannot_be_a_member_by_default(self):
        with self.assertRaises(ValidationError):
            self.env["kindergarten.council.member"].create(
                {
                    "council_id": self.council.id,
                    "partner_id": self.secretary.partner_id.id,
                    "represented_group": "community",
                    "date_start": date(2025, 9, 1),
                }
            )

    def test_quorum_two_thirds(self):
        meeting = self._meeting()
        meeting.action_convene()
        self._mark(meeting, absent=1)
        self.assertTrue(meeting.quorum)  # 4 of 5
        self._mark(meeting, absent=2)
        self.assertFalse(meeting.quorum)  # 3 of 5: 9 < 10
        self.assertIn("no quorum", meeting.quorum_sentence)

    def test_quorum_threshold_per_board(self):
        self.council.write({"quorum_numerator": 1, "quorum_denominator": 2})
        meeting = self._meeting()
        meeting.action_convene()
        self._mark(meeting, absent=2)
        self.assertTrue(meeting.quorum)  # 3 of 5 is more than half

    def test_meeting_number_unique_per_board_and_year(self):
        self._meeting(number=1)
        # same number in the next academic year is fine
        self._meeting(number=1, day=date(2026, 10, 15))
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._meeting(number=1, day=date(2026, 3, 12))
            self.env.flush_all()

    def test_meeting_numbers_start_again_on_1_september(self):
        august = self._meeting(number=5, day=date(2026, 8, 31))
        september = self._meeting(number=5, day=date(2026, 9, 1))
        self.assertEqual(august.with_context(lang="en_US").name, "Meeting No. 5 (2025–2026)")
        self.assertEqual(september.with_context(lang="en_US").name, "Meeting No. 5 (2026–2027)")
        # the first of September of the year before is in the same academic year as August
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._meeting(number=5, day=date(2025, 9, 1))
            self.env.flush_all()

    def test_convening_without_agenda_fails(self):
        meeting = self._meeting(items=0)
        with self.assertRaisesRegex(UserError, "no agenda"):
            meeting.action_convene()
        self.assertEqual(meeting.state, "draft")

    def test_convene_invites_members_through_the_calendar(self):
        meeting = self._meeting()
        event = meeting.calendar_event_id
        self.assertTrue(event)
        self.assertFalse(event.partner_ids, "nobody is invited before the meeting is convened")
        meeting.action_convene()
        self.assertEqual(meeting.state, "convened")
        self.assertLessEqual(self.partners, event.partner_ids)
        self.assertIn(self.secretary.partner_id, event.partner_ids)
        # the agenda is frozen
        with self.assertRaises(UserError):
            meeting.agenda_item_ids[0].name = "Changed"
        with self.assertRaises(UserError):
            meeting.write({"date": date(2025, 10, 20)})
        with self.assertRaises(UserError):
            self.env["kindergarten.council.agenda.item"].create(
                {"meeting_id": meeting.id, "name": "Late item"}
            )

    def test_votes_cannot_exceed_members_present(self):
        meeting = self._meeting()
        meeting.action_convene()
        self._mark(meeting, absent=1)
        item = meeting.agenda_item_ids[0]
        with self.assertRaisesRegex(ValidationError, "only 4 members are present"):
            item.write({"votes_for": 3, "votes_against": 1, "votes_abstained": 1})
        item.write({"votes_for": 3, "votes_against": 1, "votes_abstained": 0})
        self.assertEqual(item.result, "adopted")
        # marking someone absent afterwards would leave more votes than people
        with self.assertRaises(ValidationError):
            meeting.attendance_ids.filtered(lambda a: a.status == "present")[0].status = "absent"

    def test_decision_without_quorum_fails(self):
        meeting = self._meeting()
        meeting.action_convene()
        self._mark(meeting, absent=2)
        with self.assertRaisesRegex(ValidationError, "no quorum"):
            meeting.agenda_item_ids[0].decision = "<p>Approve the plan.</p>"
        with self.assertRaisesRegex(ValidationError, "no quorum"):
            meeting.agenda_item_ids[0].votes_for = 2

    def test_votes_only_after_convening(self):
        meeting = self._meeting()
        with self.assertRaises(UserError):
            meeting.agenda_item_ids[0].votes_for = 3

    def test_majority_rule_of_the_board(self):
        meeting = self._meeting(number=1)
        meeting.action_convene()
        self._mark(meeting, absent=1)  # 4 present
        item = meeting.agenda_item_ids[0]
        item.write({"votes_for": 2, "votes_against": 2, "chair_vote": "for"})
        self.assertEqual(item.result, "rejected")
        self.council.majority_rule = "chair_tie"
        self.assertEqual(item.result, "adopted")

    def test_approved_minutes_are_locked(self):
        meeting = self._meeting()
        meeting.action_convene()
        meeting.agenda_item_ids[0].write({"decision": "<p>Adopted.</p>", "votes_for": 5})
        meeting.action_hold()
        meeting.with_user(self.manager).action_approve()
        self.assertEqual(meeting.state, "approved")
        with self.assertRaisesRegex(UserError, "approved and cannot be changed"):
            meeting.place = "Elsewhere"
        with self.assertRaisesRegex(UserError, "approved and cannot be changed"):
            meeting.agenda_item_ids[0].votes_for = 4
        with self.assertRaisesRegex(UserError, "approved"):
            meeting.attendance_ids[0].status = "absent"
        with self.assertRaises(UserError):
            meeting.unlink()

    def test_only_a_manager_approves_minutes(self):
        meeting = self._meeting()
        meeting.with_user(self.secretary).action_convene()
        meeting.with_user(self.secretary).action_hold()
        with self.assertRaisesRegex(UserError, "Only the chair"):
            meeting.with_user(self.secretary).action_approve()

    def test_open_actions_of_earlier_meetings_appear_on_the_next(self):
        first = self._meeting(number=1)
        first.action_convene()
        action = self.env["kindergarten.council.action"].create(
            {
                "name": "Buy water dispensers",
                "meeting_id": first.id,
                "agenda_item_id": first.agenda_item_ids[0].id,
                "partner_id": self.partners[1].id,
                "date_deadline": date(2025, 11, 30),
            }
        )
        self.assertEqual(action.council_id, self.council)
        second = self._meeting(number=2, day=date(2025, 12, 18))
        self.assertIn(action, second.previous_action_ids)
        self.assertNotIn(action, first.previous_action_ids)
        # done at 20:00 UTC on 17 December: the 18th already in Almaty, the owner's date
        with freeze_time("2025-12-17 20:00:00"):
            action.with_user(self.secretary).action_done()
        self.assertEqual(action.date_done, date(2025, 12, 18))
        second.invalidate_recordset(["previous_action_ids"])
        self.assertNotIn(action, second.previous_action_ids)

    def test_action_done_on_almatys_date_and_overdue_after_its_deadline(self):
        action = self.env["kindergarten.council.action"].create(
            {
                "name": "Report on contributions",
                "council_id": self.council.id,
                "partner_id": self.partners[2].id,
                "date_deadline": date(2026, 3, 31),
            }
        )

        def overdue():
            action.invalidate_recordset(["is_overdue"])
            return action.with_user(self.secretary).is_overdue

        # the deadline day is still in time, to its last minute in Almaty
        with freeze_time("2026-03-31 18:59:00"):
            self.assertFalse(overdue())
        with freeze_time("2026-03-31 19:00:00"):
            self.assertTrue(overdue())
        with freeze_time("2026-03-31 18:00:00"):
            action.with_user(self.secretary).action_done()
        self.assertEqual(action.date_done, date(2026, 3, 31))
        with freeze_time("2026-04-01 05:00:00"):
            self.assertFalse(overdue(), "a done action is never overdue")

    def test_internal_owner_gets_an_activity(self):
        action = self.env["kindergarten.council.action"].create(
            {
                "name": "Report on contributions",
                "council_id": self.council.id,
                "partner_id": self.secretary.partner_id.id,
                "date_deadline": date(2025, 12, 15),
            }
        )
        self.assertEqual(action.activity_ids.user_id, self.secretary)
        action.action_done()
        self.assertFalse(action.activity_ids)
        # a parent without a user owns an action too, without an activity
        parent_action = self.env["kindergarten.council.action"].create(
            {
                "name": "Talk to parents",
                "council_id": self.council.id,
                "partner_id": self.partners[2].id,
            }
        )
        self.assertFalse(parent_action.activity_ids)

    def test_secretary_meeting_flow_with_forms(self):
        Meeting = self.env["kindergarten.council.meeting"].with_user(self.secretary)
        with Form(Meeting) as form:
            form.council_id = self.council
            form.number = 1
            form.date = date(2025, 10, 16)
            form.place = "Methodical room"
            with form.agenda_item_ids.new() as item:
                item.name = "Approve the work plan"
        meeting = form.record
        self.assertEqual(len(meeting.attendance_ids), 5)
        meeting.action_convene()
        with Form(meeting) as form:
            with form.attendance_ids.edit(4) as line:
                line.status = "excused"
        self.assertEqual(meeting.present_count, 4)
        item = meeting.agenda_item_ids
        with Form(item) as form:
            form.decision = "<p>Approved.</p>"
            form.votes_for = 4
        self.assertEqual(item.result, "adopted")
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
