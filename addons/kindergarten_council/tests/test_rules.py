from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.kindergarten_council.tools import (
    has_quorum,
    plan_line_deadlines,
    plan_line_status,
    vote_result,
)


@tagged("post_install", "-at_install")
class TestRules(TransactionCase):
    def test_quorum_two_thirds_in_integers(self):
        self.assertTrue(has_quorum(2, 3))
        self.assertFalse(has_quorum(1, 3))
        self.assertTrue(has_quorum(5, 7))  # 15 >= 14
        self.assertFalse(has_quorum(4, 7))  # 12 < 14
        self.assertTrue(has_quorum(4, 6))
        self.assertFalse(has_quorum(0, 0))
        self.assertTrue(has_quorum(3, 5, 1, 2))
        self.assertFalse(has_quorum(2, 5, 1, 2))

    def test_simple_majority_of_those_present(self):
        self.assertEqual(vote_result(4, 1, 1, 6), "adopted")
        self.assertEqual(vote_result(3, 1, 2, 6), "rejected")  # half is not a majority
        self.assertFalse(vote_result(0, 0, 0, 6))
        self.assertEqual(vote_result(3, 3, 0, 6), "rejected")

    def test_chair_decides_a_tie_when_the_rule_says_so(self):
        self.assertEqual(vote_result(3, 3, 0, 6, "chair_tie", "for"), "adopted")
        self.assertEqual(vote_result(3, 3, 0, 6, "chair_tie", "against"), "rejected")
        self.assertEqual(vote_result(3, 3, 0, 6, "simple", "for"), "rejected")

    def test_month_line(self):
        # 1.1: meeting No. 1 in October.
        self.assertEqual(plan_line_status("month", 2025, date(2025, 9, 20), [], month="10"), "due")
        self.assertEqual(
            plan_line_status("month", 2025, date(2025, 11, 1), [], month="10"), "overdue"
        )
        self.assertEqual(
            plan_line_status("month", 2025, date(2025, 11, 1), [date(2025, 10, 16)], month="10"),
            "done",
        )
        # held in the wrong month does not count for a month line
        self.assertEqual(
            plan_line_status("month", 2025, date(2025, 12, 1), [date(2025, 11, 16)], month="10"),
            "overdue",
        )

    def test_twice_a_year_overdue_in_july_with_one_report(self):
        one = [date(2025, 12, 18)]
        self.assertEqual(plan_line_status("twice_year", 2025, date(2026, 7, 10), one), "overdue")
        self.assertEqual(plan_line_status("twice_year", 2025, date(2026, 3, 10), one), "due")
        self.assertEqual(plan_line_status("twice_year", 2025, date(2026, 2, 10), []), "overdue")
        two = one + [date(2026, 5, 20)]
        self.assertEqual(plan_line_status("twice_year", 2025, date(2026, 7, 10), two), "done")

    def test_quarterly_needs_one_in_each_quarter(self):
        self.assertEqual(
            plan_line_deadlines("quarterly", 2025)[0], (date(2025, 9, 1), date(2025, 11, 30))
        )
        autumn = [date(2025, 11, 20)]
        self.assertEqual(plan_line_status("quarterly", 2025, date(2026, 1, 10), autumn), "due")
        self.assertEqual(plan_line_status("quarterly", 2025, date(2026, 3, 2), autumn), "overdue")
        # two in the same quarter do not cover the next one
        two = [date(2025, 10, 1), date(2025, 11, 20)]
        self.assertEqual(plan_line_status("quarterly", 2025, date(2026, 3, 2), two), "overdue")

    def test_n_times_a_year(self):
        # 4.9: four parents' meetings a year, due by Nov, Jan, Mar, May.
        ends = [end for _s, end in plan_line_deadlines("times_year", 2025, times=4)]
        self.assertEqual(
            ends, [date(2025, 11, 30), date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)]
        )
        self.assertEqual(
            plan_line_status("times_year", 2025, date(2026, 2, 1), [date(2025, 10, 2)], times=4),
            "overdue",
        )
        self.assertEqual(
            plan_line_status("times_year", 2025, date(2025, 12, 1), [date(2025, 10, 2)], times=4),
            "due",
        )

    def test_other_timings(self):
        self.assertEqual(plan_line_status("ongoing", 2025, date(2026, 1, 1), []), "ongoing")
        self.assertEqual(
            plan_line_status("as_money_arrives", 2025, date(2026, 1, 1), []), "ongoing"
        )
        self.assertEqual(plan_line_status("per_plan", 2025, date(2026, 1, 1), []), "due")
        self.assertEqual(
            plan_line_status("per_plan", 2025, date(2026, 1, 1), [], deadline=date(2025, 12, 1)),
            "overdue",
        )
        self.assertEqual(plan_line_status("yearly", 2025, date(2026, 7, 1), []), "due")
        self.assertEqual(plan_line_status("yearly", 2025, date(2026, 9, 2), []), "overdue")
        # dates outside the academic year are ignored
        self.assertEqual(
            plan_line_status("yearly", 2025, date(2026, 9, 2), [date(2025, 5, 1)]), "overdue"
        )
