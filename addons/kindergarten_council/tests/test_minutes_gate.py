from odoo.exceptions import UserError

from .common import CouncilCase

APPROVED = "approved and cannot be changed"


class TestMinutesGate(CouncilCase):
    """Every create, write and unlink of a meeting and of its parts asks one gate,
    `_check_minutes_change`, whether the minutes may change."""

    def _approved(self):
        meeting = self._meeting()
        meeting.action_convene()
        meeting.agenda_item_ids[0].write({"decision": "<p>Adopted.</p>", "votes_for": 5})
        meeting.action_hold()
        meeting.with_user(self.manager).action_approve()
        return meeting

    def test_every_path_into_approved_minutes_is_refused(self):
        meeting = self._approved()
        Item = self.env["kindergarten.council.agenda.item"]
        Attendance = self.env["kindergarten.council.meeting.attendance"]
        attempts = {
            "write the meeting": lambda: meeting.write({"place": "Elsewhere"}),
            "add an item": lambda: Item.create({"meeting_id": meeting.id, "name": "Late"}),
            "write an item": lambda: meeting.agenda_item_ids[0].write({"name": "Other"}),
            "change a vote": lambda: meeting.agenda_item_ids[0].write({"votes_for": 4}),
            "remove an item": lambda: meeting.agenda_item_ids[0].unlink(),
            "add a person": lambda: Attendance.create(
                {"meeting_id": meeting.id, "partner_id": self.viewer.partner_id.id}
            ),
            "change attendance": lambda: meeting.attendance_ids[0].write({"status": "absent"}),
            "remove attendance": lambda: meeting.attendance_ids[0].unlink(),
        }
        for what, attempt in attempts.items():
            with self.subTest(what), self.assertRaisesRegex(UserError, APPROVED):
                attempt()
        # what Odoo and the secretary may still link to approved minutes
        meeting.write({"member_document_ids": [(6, 0, [])]})

    def test_convened_agenda_is_frozen_but_decisions_are_recorded(self):
        meeting = self._meeting()
        meeting.action_convene()
        Item = self.env["kindergarten.council.agenda.item"]
        for what, attempt in {
            "add an item": lambda: Item.create({"meeting_id": meeting.id, "name": "Late"}),
            "rename an item": lambda: meeting.agenda_item_ids[0].write({"name": "Other"}),
            "remove an item": lambda: meeting.agenda_item_ids[0].unlink(),
            "move the date": lambda: meeting.write({"hour": 18.0}),
        }.items():
            with self.subTest(what), self.assertRaisesRegex(UserError, "is convened"):
                attempt()
        meeting.agenda_item_ids[0].write({"decision": "<p>Adopted.</p>", "votes_for": 5})
        self.assertEqual(meeting.agenda_item_ids[0].votes_for, 5)

    def test_no_votes_on_a_draft(self):
        meeting = self._meeting()
        Item = self.env["kindergarten.council.agenda.item"]
        with self.assertRaisesRegex(UserError, "Convene the meeting"):
            Item.create({"meeting_id": meeting.id, "name": "X", "votes_for": 3})
        with self.assertRaisesRegex(UserError, "Convene the meeting"):
            meeting.agenda_item_ids[0].write({"votes_against": 1})
        # the agenda of a draft is free
        meeting.agenda_item_ids[0].write({"name": "Renamed"})
        meeting.agenda_item_ids[1].unlink()
        self.assertEqual(len(meeting.agenda_item_ids), 1)
