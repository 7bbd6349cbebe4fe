"""Pure business rules of a board of trustees: quorum, majority, plan line timing.

No Odoo imports here: these functions are unit-tested on plain values.
"""

import calendar
import re
from datetime import date

from odoo.addons.kindergarten_base.tools import academic_year_bounds

# The school months (September to May) over which "N times a year" is spread.
SCHOOL_MONTHS = 9


def has_quorum(present, members, numerator=2, denominator=3):
    """Tell whether `present` of `members` voting members reach numerator/denominator."""
    if members <= 0 or denominator <= 0:
        return False
    return denominator * present >= numerator * members


def vote_result(
    votes_for, votes_against, votes_abstained, present, rule="simple", chair_vote=False
):
    """Return 'adopted' or 'rejected' by the board's majority rule, or False without votes.

    'simple': adopted when more than half of the members present voted for.
    'chair_tie': the same, but when votes for and against are equal, the chair's
    own vote ('for' / 'against' / 'abstained') decides.
    """
    if not (votes_for or votes_against or votes_abstained):
        return False
    if 2 * votes_for > present:
        return "adopted"
    if rule == "chair_tie" and votes_for == votes_against and chair_vote == "for":
        return "adopted"
    return "rejected"


def _month_index(month):
    """Return the position (1-12) of a calendar month in the academic year (September = 1)."""
    return (month - 9) % 12 + 1


def _month_date(year_start, index, last=False):
    """Return the first (or last) day of the `index`-th month of an academic year."""
    month = (index + 7) % 12 + 1
    year = year_start if month >= 9 else year_start + 1
    day = calendar.monthrange(year, month)[1] if last else 1
    return date(year, month, day)


def plan_line_deadlines(timing, year_start, month=None, month_end=None, times=None):
    """Return the list of (window start, deadline) pairs a timing rule asks for in a year.

    'month': one occurrence in the month (to `month_end` if given); 'quarterly': one per
    quarter of the academic year (Sep-Nov, Dec-Feb, Mar-May, Jun-Aug); 'times_year' /
    'twice_year': the i-th of N occurrences is due by the end of school month
    ceil(i * 9 / N) (September to May); 'yearly': one by the end of the academic year.
    Other timings ('ongoing', 'as_money_arrives', 'per_plan') have no fixed deadline.
    """
    first, last = academic_year_bounds(year_start)
    if timing == "month" and month:
        start = _month_index(int(month))
        end = _month_index(int(month_end)) if month_end else start
        end = max(start, end)
        return [(_month_date(year_start, start), _month_date(year_start, end, last=True))]
    if timing == "quarterly":
        return [
            (_month_date(year_start, q * 3 + 1), _month_date(year_start, q * 3 + 3, last=True))
            for q in range(4)
        ]
    if timing in ("times_year", "twice_year"):
        count = 2 if timing == "twice_year" else max(int(times or 1), 1)
        return [
            (first, _month_date(year_start, -(-i * SCHOOL_MONTHS // count), last=True))
            for i in range(1, count + 1)
        ]
    if timing == "yearly":
        return [(first, last)]
    return []


def plan_line_status(
    timing,
    year_start,
    as_of,
    done_dates,
    month=None,
    month_end=None,
    times=None,
    deadline=None,
):
    """Return 'done', 'due', 'overdue' or 'ongoing' for a plan line as of a date.

    `done_dates` are the dates the line was carried out (meetings held, inspections
    made, events). Each deadline of the timing rule needs one more occurrence: the
    line is overdue when, as of `as_of`, fewer occurrences than deadlines passed
    exist; done when every occurrence the year asks for exists; due otherwise.
    For 'quarterly' and 'month' each window needs an occurrence inside it.
    """
    first, last = academic_year_bounds(year_start)
    dates = sorted(d for d in done_dates if first <= d <= last and d <= as_of)
    if timing in ("ongoing", "as_money_arrives"):
        return "ongoing"
    if timing == "per_plan":
        if dates:
            return "done"
        return "overdue" if deadline and as_of > deadline else "due"
    windows = plan_line_deadlines(timing, year_start, month, month_end, times)
    if not windows:
        return "due"
    if timing in ("quarterly", "month"):
        missing = [w for w in windows if not any(w[0] <= d <= w[1] for d in dates)]
        if not missing:
            return "done"
        return "overdue" if any(as_of > end for _start, end in missing) else "due"
    if len(dates) >= len(windows):
        return "done"
    passed = sum(1 for _start, end in windows if as_of > end)
    return "overdue" if len(dates) < passed else "due"


def name_search_domain(operator, value, number_field, year_field, text_field=None):
    """Domain on stored fields for a search on a computed "No. N (YYYY–YYYY)" name."""
    value = value if isinstance(value, str) else ""
    domain = []
    for token in re.findall(r"\d+", value):
        if len(token) == 4:
            # "2026" is in the names of academic years 2025–2026 and 2026–2027.
            domain.append((year_field, "in", [int(token) - 1, int(token)]))
        elif number_field:
            domain.append((number_field, "=", int(token)))
    words = re.sub(r"[\d()–—-]+", " ", value).split()
    if text_field and words:
        domain.append((text_field, "ilike", " ".join(words)))
    domain = ["&"] * (len(domain) - 1) + domain if domain else [(1, "=", 1)]
    if operator in ("!=", "not like", "not ilike", "not in"):
        return ["!", *domain]
    return domain
