"""Academic year helpers: a Kazakhstan preschool year runs 1 September to 31 August."""

from datetime import date

START_MONTH = 9

# The months of an academic year in order, as Odoo selection items.
ACADEMIC_MONTHS = [
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
]


def academic_year_of(day):
    """Return the first calendar year of the academic year that contains `day`."""
    return day.year if day.month >= START_MONTH else day.year - 1


def academic_year_bounds(start_year):
    """Return (first day, last day) of the academic year starting in `start_year`."""
    return date(start_year, START_MONTH, 1), date(start_year + 1, START_MONTH - 1, 31)


def academic_year_label(start_year):
    """Return the label of an academic year, e.g. '2025–2026'."""
    return f"{start_year}\u2013{start_year + 1}"
