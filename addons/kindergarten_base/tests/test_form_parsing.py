import ast
import base64
import io
import re
from datetime import date, datetime

import polib
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.exceptions import NotFound

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open

from ..tools import FormError, FormParser, iin_is_valid, is_ascii_id, route_id
from ..tools.form import NAME_MAX, TEXT_MAX

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    "kgAAAABJRU5ErkJggg=="
)
PLACEHOLDER = re.compile(r"%\(\w+\)s")
# Numbers int() accepts but a form must not: superscript, Arabic-Indic, fullwidth digits.
UNICODE_DIGITS = ("²²²", "\u0661\u0662\u0663", "\uff11\uff12", "1\u00b2")


def _file(name, content, field="doc"):
    return (field, FileStorage(stream=io.BytesIO(content), filename=name, name=field))


@tagged("post_install", "-at_install")
class TestFormParsing(TransactionCase):
    def parser(self, params=None, files=None):
        return FormParser(self.env, params or {}, MultiDict(files or []))

    def assertFieldError(self, form, name, text=None):
        with self.assertRaises(FormError) as caught:
            form.check()
        self.assertIn(name, caught.exception.errors)
        if text:
            self.assertIn(text, caught.exception.errors[name])
        return caught.exception

    # ------------------------------------------------------------------ ids
    def test_ids_are_ascii_digits_only(self):
        for good, number in (("1", 1), ("42", 42), (" 7 ", 7), ("999999999", 999_999_999)):
            form = self.parser({"x": good})
            self.assertEqual(form.id("x"), number, good)
            form.check()
        bad = ("abc", "-1", "0", "1.0", "1e3", "0x10", "1000000000", "9" * 40, *UNICODE_DIGITS)
        for value in bad:
            form = self.parser({"x": value})
            self.assertIsNone(form.id("x"), value)
            self.assertFieldError(form, "x", "Choose a value from the list.")
        self.assertFalse(is_ascii_id("²²²"))
        self.assertTrue(is_ascii_id("12"))

    def test_missing_id(self):
        form = self.parser({"x": ""})
        self.assertIsNone(form.id("x"))
        form.check()  # optional
        form = self.parser({})
        self.assertIsNone(form.id("x", required=True, message="Choose the preschool."))
        self.assertFieldError(form, "x", "Choose the preschool.")

    def test_record_among_the_allowed_ones(self):
        langs = self.env["res.lang"].search([], limit=2)
        form = self.parser({"lang": str(langs[0].id), "other": "999999999", "none": "abc"})
        self.assertEqual(form.record("lang", langs), langs[0])
        self.assertFalse(form.record("other", langs))
        self.assertFalse(form.record("none", langs))
        error = self.assertFieldError(form, "other")
        self.assertEqual(set(error.errors), {"other", "none"})

    def test_route_id(self):
        self.assertEqual(route_id(5), 5)
        for value in (0, -3, 10**12, True, "5"):
            with self.assertRaises(NotFound):
                route_id(value)

    # -------------------------------------------------------------- numbers
    def test_integer_bounds_and_digits(self):
        form = self.parser({"n": "-12", "m": "+3"})
        self.assertEqual(form.integer("n", min_value=-20, max_value=20), -12)
        self.assertEqual(form.integer("m", min_value=0, max_value=5), 3)
        form.check()
        for value in ("abc", "1.5", "21", "-21", "9" * 30, *UNICODE_DIGITS):
            form = self.parser({"n": value})
            self.assertIsNone(form.integer("n", min_value=-20, max_value=20), value)
            self.assertFieldError(form, "n", "from -20 to 20")

    def test_boolean(self):
        form = self.parser({"a": "on", "b": "1", "c": "", "d": "off", "e": "maybe"})
        self.assertTrue(form.boolean("a"))
        self.assertTrue(form.boolean("b"))
        self.assertFalse(form.boolean("c"))
        self.assertFalse(form.boolean("d"))
        self.assertFalse(form.boolean("missing"))
        self.assertFalse(form.boolean("e"))
        self.assertFieldError(form, "e")

    def test_selection(self):
        choices = [("individual", "Individual"), ("group", "Group")]
        form = self.parser({"s": "group", "t": "aliens", "u": ""})
        self.assertEqual(form.selection("s", choices), "group")
        self.assertEqual(form.selection("t", choices, default="individual"), "individual")
        self.assertEqual(form.selection("u", ["a", "b"], default="a"), "a")
        self.assertFieldError(form, "t", "Choose a value from the list.")
        form = self.parser({})
        self.assertIsNone(form.selection("s", choices, required=True, message="Choose one."))
        self.assertFieldError(form, "s", "Choose one.")

    # ---------------------------------------------------------------- dates
    def test_dates(self):
        form = self.parser({"a": "2021-03-15", "b": "15.03.2021", "c": "1.3.2021"})
        self.assertEqual(form.date("a"), date(2021, 3, 15))
        self.assertEqual(form.date("b"), date(2021, 3, 15))
        self.assertEqual(form.date("c"), date(2021, 3, 1))
        form.check()
        bad = (
            "2021-02-30",
            "31.02.2020",
            "tomorrow",
            "2021-3-15x",
            "0000-01-01",
            "\u0662\u0660\u0662\u0661-01-01",
            "2" * 100,
        )
        for value in bad:
            form = self.parser({"d": value})
            self.assertIsNone(form.date("d"), value)
            self.assertFieldError(form, "d", "day, month and year")

    def test_date_range(self):
        for value in ("1899-12-31", "2100-01-01"):
            form = self.parser({"d": value})
            self.assertIsNone(form.date("d"), value)
            self.assertFieldError(form, "d", "Enter a date from")
        form = self.parser({"d": "2021-03-15"})
        self.assertIsNone(form.date("d", max_date=date(2021, 3, 14)))
        error = self.assertFieldError(form, "d")
        self.assertIn("2021", error.errors["d"])

    def test_datetime(self):
        form = self.parser({"a": "2026-03-02 09:30:00", "b": "2026-03-02T09:30"})
        self.assertEqual(form.datetime("a"), datetime(2026, 3, 2, 9, 30))
        self.assertEqual(form.datetime("b"), datetime(2026, 3, 2, 9, 30))
        form.check()
        for value in ("2026-03-02", "2026-02-30 09:00:00", "2026-03-02 25:00:00", "x" * 5000):
            form = self.parser({"a": value})
            self.assertIsNone(form.datetime("a"), value)
            self.assertFieldError(form, "a")

    # ---------------------------------------------------------------- texts
    def test_text_is_cleaned_and_bounded(self):
        form = self.parser({"a": "  Айгүл\x00 Сейітова \r\n ", "b": "line 1\r\nline 2", "c": " "})
        self.assertEqual(form.text("a"), "Айгүл Сейітова")
        self.assertEqual(form.text("b", multiline=True), "line 1\nline 2")
        self.assertEqual(form.text("b"), "line 1 line 2")
        self.assertEqual(form.text("c"), "")
        form.check()
        form = self.parser({"q": "й" * 2_000_000, "n": "x" * (NAME_MAX + 1)})
        self.assertEqual(form.text("q", max_length=TEXT_MAX, multiline=True), "")
        self.assertEqual(form.text("n"), "")
        error = self.assertFieldError(form, "q", f"at most {TEXT_MAX} characters")
        self.assertIn(f"at most {NAME_MAX}", error.errors["n"])
        # what is given back to the form is cut to the limit
        self.assertEqual(len(form.values["q"]), TEXT_MAX)
        self.assertEqual(len(form.values["n"]), NAME_MAX)

    def test_text_required_and_wrong_type(self):
        upload = FileStorage(stream=io.BytesIO(b"x"), filename="a.txt")
        form = self.parser({"a": " \x00 ", "b": upload})
        self.assertEqual(form.text("a", required=True, message="Describe the situation."), "")
        self.assertEqual(form.text("b"), "")
        self.assertEqual(form.text("c", required=True), "")
        error = self.assertFieldError(form, "a", "Describe the situation.")
        self.assertIn("not valid", error.errors["b"])
        self.assertIn("required", error.errors["c"])

    def test_email_and_phone(self):
        form = self.parser({"e": " aigul@example.kz ", "p": "+7 (701) 555-12-34"})
        self.assertEqual(form.email("e"), "aigul@example.kz")
        self.assertEqual(form.phone("p"), "+7 (701) 555-12-34")
        form.check()
        for value in ("not-an-email", "a@b", "a@example.kz, b@example.kz", "x" * 250 + "@ex.kz"):
            form = self.parser({"e": value})
            self.assertEqual(form.email("e"), "", value)
            self.assertFieldError(form, "e")
        for value in ("call me", "123", "+7 701 ²²² 12 34", "\u0667" * 10, "1" * 40):
            form = self.parser({"p": value})
            self.assertEqual(form.phone("p"), "", value)
            self.assertFieldError(form, "p")

    def test_iin(self):
        form = self.parser({"i": "210301500307"})
        self.assertEqual(form.iin("i"), "210301500307")
        form.check()
        for value, message in (
            ("²" * 12, "12 digits"),
            ("\u0661" * 12, "12 digits"),
            ("12345", "12 digits"),
            ("123456789012", "is not valid"),
            ("1" * 2_000_000, "at most 12"),
        ):
            form = self.parser({"i": value})
            self.assertEqual(form.iin("i"), "", value[:20])
            self.assertFieldError(form, "i", message)

    def test_iin_helper_takes_ascii_digits_only(self):
        self.assertTrue(iin_is_valid("210301500307"))
        self.assertFalse(iin_is_valid("²" * 12))  # isdigit() is True, int() fails
        self.assertFalse(
            iin_is_valid("\u0662\u0661\u0660\u0663\u0660\u0661\u0665\u0660\u0660\u0663\u0660\u0667")
        )

    # -------------------------------------------------------------- uploads
    def test_upload_type_size_and_count(self):
        form = self.parser(files=[_file("Өтініш.PDF", b"%PDF-1.4")])
        self.assertEqual(form.upload("doc"), ("Өтініш.PDF", b"%PDF-1.4"))
        form.check()
        form = self.parser(files=[_file("../../etc/app.pdf", b"%PDF")])
        self.assertEqual(form.upload("doc")[0], "app.pdf")
        form = self.parser(files=[_file("app.exe", b"MZ")])
        self.assertIsNone(form.upload("doc"))
        self.assertFieldError(form, "doc", "app.exe")
        form = self.parser(files=[_file("big.pdf", b"x" * 2048)])
        self.assertIsNone(form.upload("doc", max_bytes=1024))
        self.assertFieldError(form, "doc", "larger than")
        form = self.parser(files=[_file("empty.pdf", b"")])
        self.assertIsNone(form.upload("doc"))
        self.assertFieldError(form, "doc", "empty")
        form = self.parser(files=[_file("a.pdf", b"a"), _file("b.pdf", b"b")])
        self.assertIsNone(form.upload("doc"))
        self.assertFieldError(form, "doc", "one file")
        form = self.parser()
        self.assertIsNone(form.upload("doc", required=True))
        self.assertFieldError(form, "doc", "required")

    def test_uploads_limits(self):
        files = [_file(f"{n}.pdf", b"%PDF", n) for n in ("a", "b", "c")]
        form = self.parser(files=files)
        self.assertEqual(set(form.uploads(["a", "b", "c"])), {"a", "b", "c"})
        form.check()
        form = self.parser(files=files)
        self.assertEqual(form.uploads(["a", "b", "c"], max_files=2), {})
        self.assertFieldError(form, "a", "at most 2 files")
        form = self.parser(files=files)
        self.assertEqual(form.uploads(["a", "b"]), {})
        self.assertFieldError(form, "c", "no file")

    def test_image_base64(self):
        good = base64.b64encode(PNG).decode()
        form = self.parser({"s": good, "t": f"data:image/png;base64,{good}"})
        self.assertEqual(form.image_base64("s"), good)
        self.assertEqual(form.image_base64("t"), good)
        form.check()
        for value in ("not base64!", base64.b64encode(b"MZ executable").decode(), "A" * 2_000_000):
            form = self.parser({"s": value})
            self.assertIsNone(form.image_base64("s"))
            self.assertFieldError(form, "s")

    # ----------------------------------------------------------- languages
    def test_messages_are_translatable_and_shipped_in_kk_and_ru(self):
        form = FormParser(self.env(context={"lang": "en_US"}), {"x": "abc", "t": "x" * 300})
        form.id("x")
        form.text("t", max_length=200)
        self.assertEqual(form.errors["x"], "Choose a value from the list.")
        self.assertEqual(form.errors["t"], "Enter at most 200 characters (you entered 300).")
        # Every message of the parser goes through env._() and has its kk and ru
        # translation with the same placeholders. (Odoo reads a .po merged with the
        # module's .pot, so the translations show once `make pot` has added the terms.)
        source = file_open("kindergarten_base/tools/form.py").read()
        messages = {
            node.args[0].value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "_"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        }
        self.assertGreaterEqual(len(messages), 15)
        for lang in ("kk", "ru"):
            with file_open(f"kindergarten_base/i18n/{lang}.po") as po_file:
                catalog = {
                    entry.msgid: entry.msgstr
                    for entry in polib.pofile(po_file.read())
                    if not entry.obsolete
                }
            for message in messages:
                translation = catalog.get(message)
                self.assertTrue(translation, f"{lang}: {message}")
                self.assertNotEqual(translation, message, f"{lang}: {message}")
                self.assertEqual(
                    sorted(PLACEHOLDER.findall(translation)),
                    sorted(PLACEHOLDER.findall(message)),
                    f"{lang}: {message}",
                )
