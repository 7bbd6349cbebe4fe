from datetime import date, datetime

from .common import CouncilCase


class TestBoardCalendar(CouncilCase):
    """The board's Odoo Calendar entries go through kindergarten_base's calendar mixin and
    read hours in the preschool's zone, whoever enters them."""

    def test_same_hour_entered_by_users_of_different_zones_gives_the_same_event(self):
        self.manager.tz = "Europe/London"  # the chair enters it while travelling
        by_secretary = self._meeting(number=1, hour=15.0).with_user(self.secretary)
        by_chair = (
            self.env["kindergarten.council.meeting"]
            .with_user(self.manager)
            .create(
                {
                    "council_id": self.council.id,
                    "number": 2,
                    "date": date(2025, 10, 16),
                    "hour": 15.0,
                }
            )
        )
        # 15:00 in Almaty (UTC+5) is 10:00 UTC for both.
        self.assertEqual(by_secretary.calendar_event_id.start, datetime(2025, 10, 16, 10, 0))
        self.assertEqual(by_chair.calendar_event_id.start, datetime(2025, 10, 16, 10, 0))
        by_chair.with_user(self.manager).hour = 16.5
        self.assertEqual(by_chair.calendar_event_id.start, datetime(2025, 10, 16, 11, 30))

    def test_the_preschool_zone_is_a_company_setting(self):
        self.assertEqual(self.company.kindergarten_tz, "Asia/Almaty")
        self.company.kindergarten_tz = "Europe/Moscow"  # UTC+3
        meeting = self._meeting(hour=15.0)
        self.assertEqual(meeting.calendar_event_id.start, datetime(2025, 10, 16, 12, 0))

    def test_draft_has_no_attendees_convened_invites_and_deleted_removes_the_entry(self):
        meeting = self._meeting(hour=15.0)
        entry = meeting.calendar_event_id
        self.assertTrue(entry)
        self.assertEqual(entry.res_model, "kindergarten.council.meeting")
        self.assertEqual(entry.res_id, meeting.id)
        self.assertFalse(entry.partner_ids)
        meeting.action_convene()
        self.assertEqual(entry.partner_ids, meeting._invited_partners())
        self.assertIn(self.partners[0], entry.partner_ids)

        draft = self._meeting(number=2, hour=10.0)
        draft_entry = draft.calendar_event_id
        draft.unlink()
        self.assertFalse(draft_entry.exists())
