from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import CouncilCase


@tagged("post_install", "-at_install")
class TestPlan(CouncilCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the chair is also an employee of the preschool: an internal user
        cls.member_user = new_test_user(
            cls.env,
            login="t_member_user",
            groups="base.group_user",
            partner_id=cls.partners[0].id,
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.plan = cls.env["kindergarten.council.plan"].create(
            {
                "council_id": cls.council.id,
                "academic_year": 2025,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "code": "1.1",
                            "section": "organisational",
                            "activity": "Meeting 1",
                            "timing": "month",
                            "month": "10",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "code": "1.2",
                            "section": "organisational",
                            "activity": "Meeting 2",
                            "timing": "month",
                            "month": "12",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "code": "1.3",
                            "section": "organisational",
                            "activity": "Meeting 3",
                            "timing": "month",
                            "month": "3",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "code": "1.4",
                            "section": "organisational",
                            "activity": "Meeting 4",
                            "timing": "month",
                            "month": "5",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "code": "3.3",
                            "section": "oversight",
                            "activity": "Sanitary",
                            "timing": "quarterly",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "code": "3.5",
                            "section": "oversight",
                            "activity": "Head's report",
                            "timing": "twice_year",
                        },
                    ),
                ],
            }
        )

    def _line(self, code):
        return self.plan.line_ids.filtered(lambda x: x.code == code)

    def test_create_meetings_from_the_plan(self):
        self.plan.action_create_meetings()
        meetings = self.plan.meeting_ids.sorted("number")
        self.assertEqual(meetings.mapped("number"), [1, 2, 3, 4])
        self.assertEqual(
            [m.date.month for m in meetings], [10, 12, 3, 5], "October, December, March, May"
        )
        self.assertEqual([len(m.agenda_item_ids) for m in meetings], [5, 4, 4, 3])
        self.assertEqual(meetings[0].plan_line_id, self._line("1.1"))
        self.assertTrue(meetings[0].agenda_item_ids.filtered("approves_plan"))
        with self.assertRaises(UserError):
            self.plan.action_create_meetings()

    def test_standard_agendas_are_translated(self):
        template = self.env.ref("kindergarten_council.agenda_template_1_2")
        self.assertIn("құрамын", template.with_context(lang="kk_KZ").name)
        self.assertIn("состав", template.with_context(lang="ru_RU").name)

    def test_status_follows_what_was_carried_out(self):
        line = self._line("3.5")
        head_report = self.env["kindergarten.council.inspection"].create(
            {
                "name": "Head's report",
                "council_id": self.council.id,
                "inspection_type": "head_report",
                "date": date(2025, 12, 18),
                "plan_line_id": line.id,
                "findings": "<p>Heard.</p>",
            }
        )
        head_report.action_done()
        self.assertEqual(line.done_count, 1)
        self.assertEqual(line._status_on(date(2026, 3, 1)), "due")
        self.assertEqual(line._status_on(date(2026, 7, 10)), "overdue")
        # the meeting of line 1.1 held in October marks it done
        meeting = self._meeting(plan_line_id=self._line("1.1").id)
        self.assertEqual(self._line("1.1")._status_on(date(2025, 11, 5)), "overdue")
        meeting.action_convene()
        meeting.action_hold()
        self.assertEqual(self._line("1.1").status, "done")

    def test_approval_needs_the_decision_of_meeting_one(self):
        with self.assertRaisesRegex(UserError, "meeting No. 1"):
            self.plan.with_user(self.manager).action_approve()
        self.plan.action_create_meetings()
        meeting = self.plan.meeting_ids.filtered(lambda m: m.number == 1)
        meeting.action_convene()
        item = meeting.agenda_item_ids.filtered("approves_plan")
        item.write({"decision": "<p>Approved.</p>", "votes_for": 5})
        meeting.action_hold()
        with self.assertRaisesRegex(UserError, "meeting No. 1"):
            self.plan.with_user(self.manager).action_approve()  # minutes not approved yet
        meeting.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "Only the chair"):
            self.plan.with_user(self.secretary).action_approve()
        self.plan.with_user(self.manager).action_approve()
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approval_meeting_id, meeting)
        with self.assertRaises(UserError):
            self._line("1.1").activity = "Changed"

    def test_copy_to_next_year(self):
        action = self.plan.action_copy_to_next_year()
        new = self.env["kindergarten.council.plan"].browse(action["res_id"])
        self.assertEqual(new.academic_year, 2026)
        self.assertEqual(new.academic_year_label, "2026\u20132027")
        self.assertEqual(
            sorted(new.line_ids.mapped("code")), sorted(self.plan.line_ids.mapped("code"))
        )
        self.assertEqual(new.state, "draft")
        with self.assertRaises(UserError):
            self.plan.action_copy_to_next_year()

    def test_new_plan_is_for_the_academic_year_of_almatys_date(self):
        Plan = self.env["kindergarten.council.plan"].with_user(self.secretary)
        # 31 August, 23:59 in Almaty: still the year 2026-2027
        with freeze_time("2027-08-31 18:59:00"):
            self.assertEqual(Plan.create({"council_id": self.council.id}).academic_year, 2026)
        # 1 September, 00:00 in Almaty (31 August in UTC): the year 2027-2028
        with freeze_time("2027-08-31 19:00:00"):
            self.assertEqual(Plan.create({"council_id": self.council.id}).academic_year, 2027)

    def test_secretary_reminded_of_due_inspections(self):
        line = self._line("3.3")
        line._schedule_inspection_reminders(date(2025, 10, 20))
        self.assertFalse(line.activity_ids, "not yet: the quarter ends in more than a month")
        line._schedule_inspection_reminders(date(2025, 11, 10))
        self.assertEqual(line.activity_ids.user_id, self.secretary)
        # no duplicate reminder
        line._schedule_inspection_reminders(date(2025, 11, 11))
        self.assertEqual(len(line.activity_ids), 1)

    def _meeting_overdue(self):
        """The board's "a quarter without a meeting" banner as a user in Almaty sees it."""
        self.council.invalidate_recordset(["meeting_overdue", "last_meeting_date"])
        return self.council.with_user(self.secretary).meeting_overdue

    def test_meeting_frequency_warning(self):
        self.council.date_start = date(2025, 9, 1)
        self.assertTrue(self._meeting_overdue())  # 14 January 2026: no meeting since September
        meeting = self._meeting(day=date(2026, 1, 14))
        meeting.action_convene()
        meeting.action_hold()
        self.assertEqual(self.council.last_meeting_date, date(2026, 1, 14))
        self.assertFalse(self._meeting_overdue())

    def test_meeting_frequency_warning_after_92_days(self):
        meeting = self._meeting(day=date(2025, 10, 16))
        meeting.action_convene()
        meeting.action_hold()
        # 92 days after the last meeting (16 January 2026) is still in time, the 93rd is not;
        # the days are Almaty's, which begin at 19:00 UTC the day before
        for moment, overdue in (
            ("2026-01-15 18:59:00", False),  # 15 January in Almaty: day 91
            ("2026-01-16 18:59:00", False),  # 16 January, 23:59 in Almaty: day 92
            ("2026-01-16 19:00:00", True),  # 17 January in Almaty: day 93
        ):
            with freeze_time(moment):
                self.assertEqual(self._meeting_overdue(), overdue, moment)
        # a board that is not active never warns
        self.council.state = "forming"
        with freeze_time("2026-06-01 05:00:00"):
            self.assertFalse(self._meeting_overdue())

    def test_quarterly_line_overdue_from_the_day_after_the_quarter_in_almaty(self):
        # line 3.3 is quarterly: the first quarter of the year 2025-2026 ends on 30 November
        line = self._line("3.3")
        Line = self.env["kindergarten.council.plan.line"].with_context(tz="Asia/Almaty")
        with freeze_time("2025-11-30 18:59:00"):  # 30 November, 23:59 in Almaty
            Line._cron_refresh_status()
            self.assertEqual(line.status, "due")
            self.assertEqual(line.next_deadline, date(2025, 11, 30))
        with freeze_time("2025-11-30 19:00:00"):  # 1 December, 00:00 in Almaty
            Line._cron_refresh_status()
            self.assertEqual(line.status, "overdue")
            self.assertEqual(line.next_deadline, date(2026, 2, 28))
        # an inspection on the quarter's last day counts for it; one on the next day does not
        self.assertEqual(line._status_on(date(2025, 12, 1), [date(2025, 11, 30)]), "due")
        self.assertEqual(line._status_on(date(2025, 12, 1), [date(2025, 12, 1)]), "overdue")

    def test_council_events_appear_in_the_calendar(self):
        line = self._line("3.3")
        event = self.env["event.event"].create(
            {
                "name": "Family day",
                "date_begin": "2026-05-15 04:00:00",
                "date_end": "2026-05-15 07:00:00",
                "council_plan_line_id": line.id,
            }
        )
        entry = event.calendar_event_id
        self.assertEqual(entry.name, "Family day")
        # in the Calendar of the secretary and of the members with an internal user
        self.assertEqual(entry.partner_ids, self.secretary.partner_id | self.member_user.partner_id)
        self.assertIn(event, line.event_ids)
        event.name = "International Family Day"
        self.assertEqual(entry.name, "International Family Day")
        event.council_plan_line_id = False
        self.assertFalse(entry.exists())

    def test_daily_job_refreshes_the_stored_status(self):
        line = self._line("3.5")
        report = self.env["kindergarten.council.inspection"].create(
            {
                "name": "Head's report",
                "council_id": self.council.id,
                "inspection_type": "head_report",
                "date": date(2025, 12, 18),
                "plan_line_id": line.id,
                "findings": "<p>Heard.</p>",
            }
        )
        report.action_done()
        with freeze_time("2026-03-01"):
            self.env["kindergarten.council.plan.line"]._cron_refresh_status()
            self.assertEqual(line.status, "due")
            self.assertEqual(line.next_deadline, date(2026, 5, 31))
        with freeze_time("2026-07-10"):
            self.env["kindergarten.council.plan.line"]._cron_refresh_status()
            self.assertEqual(line.status, "overdue")
            # the secretary is reminded of the overdue oversight line
            self.assertEqual(line.activity_ids.user_id, self.secretary)
        progress = self.env["kindergarten.council.plan.line"].read_group(
            [("plan_id", "=", self.plan.id)], ["done_count:sum"], ["section", "status"], lazy=False
        )
        self.assertTrue(any(g["status"] == "overdue" for g in progress))

    def test_due_lines_in_the_secretarys_calendar(self):
        line = self._line("3.5")
        with freeze_time("2026-03-01"):
            self.env["kindergarten.council.plan.line"]._cron_refresh_status()
        entry = line.calendar_event_id
        self.assertTrue(entry)
        self.assertEqual(entry.start_date, date(2026, 5, 31))
        self.assertEqual(entry.partner_ids, self.secretary.partner_id | self.member_user.partner_id)
        self.assertEqual(entry.user_id, self.secretary)
        # a member whose term has ended leaves the entry at the next refresh
        self.members[0].date_end = date(2026, 2, 1)
        with freeze_time("2026-03-01"):
            self.env["kindergarten.council.plan.line"]._cron_refresh_status()
        self.assertEqual(entry.partner_ids, self.secretary.partner_id)
        self.assertIn("3.5", entry.name)
        # once carried out twice, the line is done and leaves the calendar
        for day in (date(2025, 12, 18), date(2026, 2, 20)):
            report = self.env["kindergarten.council.inspection"].create(
                {
                    "name": "Head's report",
                    "council_id": self.council.id,
                    "inspection_type": "head_report",
                    "date": day,
                    "plan_line_id": line.id,
                    "findings": "<p>Heard.</p>",
                }
            )
            report.action_done()
        with freeze_time("2026-03-01"):
            self.env["kindergarten.council.plan.line"]._cron_refresh_status()
        self.assertEqual(line.status, "done")
        self.assertFalse(entry.exists())

    def test_record_translations_are_loaded(self):
        """The setup loads this addon's record terms (roles) in Kazakh and Russian."""
        role = self.env.ref("kindergarten_council.role_chair")
        self.assertEqual(role.with_context(lang="kk_KZ").name, "Кеңестің төрағасы")
        self.assertEqual(role.with_context(lang="ru_RU").name, "Председатель совета")
