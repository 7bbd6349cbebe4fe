"""Pure business rules of the consultation point (no database access)."""

import re

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def age_on(birth_date, day):
    """Return the age in full years of someone born on `birth_date` on `day`."""
    if not birth_date or not day:
        return None
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def months_between(earlier, later):
    """Return the number of full months from `earlier` to `later` (dates)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months


def split_into_slots(intervals, length, step=None):
    """Cut (start, stop) intervals into consecutive slots of `length` (a timedelta)."""
    step = step or length
    slots = []
    for start, stop in intervals:
        cursor = start
        while cursor + length <= stop:
            slots.append((cursor, cursor + length))
            cursor += step
    return slots


def overlaps(slot, busy):
    """Tell whether the (start, stop) slot overlaps any (start, stop) of `busy`."""
    start, stop = slot
    return any(b_start < stop and start < b_stop for b_start, b_stop in busy)


def fill_template(text, values):
    """Replace {{ name }} placeholders in `text` by `values[name]`; unknown ones stay."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text or "")


__all__ = ["age_on", "fill_template", "months_between", "overlaps", "split_into_slots"]
