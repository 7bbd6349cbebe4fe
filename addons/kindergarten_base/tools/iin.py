"""Kazakhstan's IIN/BIN (12-digit personal or business number) helpers.

The check digit is the weighted sum of the first 11 digits modulo 11 with the
weights 1..11; if that gives 10, a second pass with the weights 3..11, 1, 2 is
made; a result of 10 again means the number is invalid. python-stdnum has no
Kazakhstan module, hence this one.
"""

import re
from datetime import date

IIN_RE = re.compile(r"[0-9]{12}")
WEIGHTS_1 = tuple(range(1, 12))
WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_check_digit(first11):
    """Return the check digit for 11 digits, or None when no digit is valid."""
    digits = [int(c) for c in first11]
    check = sum(d * w for d, w in zip(digits, WEIGHTS_1, strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, WEIGHTS_2, strict=True)) % 11
    return None if check == 10 else check


def iin_is_valid(value):
    """Tell whether `value` is a well-formed 12-digit IIN/BIN with a right check digit.

    Only ASCII digits count: str.isdigit() also takes "²" or Arabic-Indic digits.
    """
    if not isinstance(value, str) or not IIN_RE.fullmatch(value):
        return False
    return iin_check_digit(value[:11]) == int(value[11])


def iin_birth_date(value):
    """Return the birth date encoded in an individual's IIN, or None if there is none.

    Digits 1-6 are YYMMDD; digit 7 gives century and sex (1-2: 1800s,
    3-4: 1900s, 5-6: 2000s). A BIN (digit 5 is 4, 5 or 6) has no birth date.
    """
    if not iin_is_valid(value):
        return None
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}.get(value[6])
    if century is None:
        return None
    try:
        return date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None
