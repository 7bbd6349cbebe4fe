from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import (
    ACADEMIC_MONTHS,
    academic_year_bounds,
    academic_year_label,
    academic_year_of,
    iin_birth_date,
    iin_check_digit,
    iin_is_valid,
)


@tagged("post_install", "-at_install")
class TestAcademicYear(BaseCase):
    def test_year_turns_on_first_of_september(self):
        self.assertEqual(academic_year_of(date(2025, 8, 31)), 2024)
        self.assertEqual(academic_year_of(date(2025, 9, 1)), 2025)
        self.assertEqual(academic_year_of(date(2026, 5, 20)), 2025)

    def test_bounds_and_label(self):
        self.assertEqual(academic_year_bounds(2025), (date(2025, 9, 1), date(2026, 8, 31)))
        self.assertEqual(academic_year_label(2025), "2025\u20132026")

    def test_months_run_from_september_to_august(self):
        self.assertEqual([m for m, _label in ACADEMIC_MONTHS][:2], ["9", "10"])
        self.assertEqual(ACADEMIC_MONTHS[-1], ("8", "August"))
        self.assertEqual(len({m for m, _label in ACADEMIC_MONTHS}), 12)


@tagged("post_install", "-at_install")
class TestIin(BaseCase):
    def test_check_digit_first_pass(self):
        # 1*0+2*0+3*0+4*1+5*4+6*0+...+11*1 = 4 + 20 + 11 = 35 -> 35 % 11 = 2
        self.assertEqual(iin_check_digit("00014000001"), 2)
        self.assertTrue(iin_is_valid("000140000012"))
        self.assertFalse(iin_is_valid("000140000013"))

    def test_check_digit_second_pass(self):
        # First pass gives 10, so the second set of weights decides.
        # 2*1+1*2+0+3*4+0+1*6+5*7+0+0+3*10+0 = 87 -> 87 % 11 = 10
        # second pass: 2*3+1*4+3*6+1*8+5*9+3*1 = 84 -> 84 % 11 = 7
        self.assertEqual(iin_check_digit("21030150030"), 7)
        self.assertTrue(iin_is_valid("210301500307"))

    def test_malformed(self):
        for value in ("", "12345", "12345678901a", "1234567890123", None, 123456789012):
            self.assertFalse(iin_is_valid(value), value)

    def test_birth_date(self):
        self.assertEqual(iin_birth_date("210301500002"), date(2021, 3, 1))
        self.assertEqual(iin_birth_date("210301500307"), date(2021, 3, 1))
        # A BIN (digit 7 is not a century/sex code) has no birth date.
        self.assertIsNone(iin_birth_date("000140000012"))
