"""One place where the public and portal controllers parse what a browser sends.

A controller builds a :class:`FormParser` on the request's parameters (and files), asks it
for each field with the type it expects, then calls :meth:`FormParser.check`, which raises
:class:`FormError` with one translated message per bad field. Nothing is parsed twice and
nothing is saved before ``check()`` passed, so a bad form never leaves a half-saved record::

    form = FormParser(request.env, post, request.httprequest.files)
    data = {
        "name": form.text("name", required=True),
        "birth_date": form.date("birth_date", max_date=today),
        "topic": form.record("topic_id", topics, required=True),
    }
    form.check()  # FormError(errors={"topic_id": "Choose a value from the list."}, ...)

Rules: numbers are ASCII digits only (``int()`` also accepts "²"-like and Arabic-Indic
digits, ``str.isdigit()`` even more), ids are 1 to 9 digits, dates are ISO (YYYY-MM-DD,
or DD.MM.YYYY as typed in Kazakhstan) within 1900-2099, texts are stripped of control
characters (PostgreSQL refuses NUL) and never longer than their limit, uploads are counted,
measured while read and checked against their extensions. :attr:`FormParser.values` gives
back what the user typed, cut to the limits, to fill the form again.
"""

import base64
import binascii
import os
import re
from datetime import date, datetime

from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound

from odoo.tools.mail import single_email_re
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.misc import format_date

from .iin import iin_is_valid

# Limits shared by the forms; LIMITS is given to the templates, which show them.
ID_MAX = 999_999_999  # ids are 1 to 9 ASCII digits
INT_MAX = 10**15
NAME_MAX = 200  # names, one-line texts
EMAIL_MAX = 254  # RFC 5321
PHONE_MAX = 32
TEXT_MAX = 10_000  # questions, descriptions (textarea)
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_MAX_MB = UPLOAD_MAX_BYTES // (1024 * 1024)
UPLOAD_MAX_FILES = 10
FILENAME_MAX = 255
DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2099, 12, 31)
SIGNATURE_MAX_BYTES = 512 * 1024
DOCUMENT_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".odt")
IMAGE_MIMETYPES = ("image/png", "image/jpeg")

# Every public and portal form answers a wrong input with the form again, its fields
# filled and the messages shown, with this HTTP status.
FORM_ERROR_STATUS = 400

LIMITS = {
    "name": NAME_MAX,
    "email": EMAIL_MAX,
    "phone": PHONE_MAX,
    "text": TEXT_MAX,
    "iin": 12,
    "upload_mb": UPLOAD_MAX_MB,
    "upload_files": UPLOAD_MAX_FILES,
}

TRUE_VALUES = ("1", "on", "true", "yes")
FALSE_VALUES = ("", "0", "off", "false", "no")

_ID_RE = re.compile(r"[0-9]{1,9}")
_INT_RE = re.compile(r"[+-]?[0-9]{1,16}")
_ISO_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY_DATE_RE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_DATETIME_RE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
)
_PHONE_RE = re.compile(r"\+?[0-9 ()./-]+")
_IIN_RE = re.compile(r"[0-9]{12}")
_BASE64_RE = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES_RE = re.compile(r"\s*[\r\n]+\s*")


def is_ascii_id(value):
    """Tell whether `value` is an id as a browser sends it: 1 to 9 ASCII digits, not 0."""
    return isinstance(value, str) and bool(_ID_RE.fullmatch(value)) and int(value) > 0


def route_id(value):
    """Return an id taken from the URL (an ``<int:...>`` converter), or raise NotFound.

    Odoo's converter takes negative and non-ASCII decimal numbers, and any size.
    """
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= ID_MAX:
        raise NotFound()
    return value


class FormError(ValueError):
    """What is wrong with a form: ``errors`` maps a field name to a translated message."""

    def __init__(self, errors):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))

    @property
    def message(self):
        """All the messages, one per line (for a page that shows a single alert)."""
        return "\n".join(dict.fromkeys(self.errors.values()))


class FormParser:
    """Typed, bounded parsing of a request's parameters, collecting one error per field.

    Each method returns the cleaned value, or an empty value (None, "", False, an empty
    recordset) when the field is missing or wrong, and then records the error; `check()`
    raises them all at once.
    """

    def __init__(self, env, params, files=None):
        self.env = env
        self.params = params or {}
        self.files = files
        self.errors = {}
        self._values = {}

    # ---------------------------------------------------------------- results
    @property
    def values(self):
        """What the user typed, each value cut to its field's limit, to fill the form again."""
        return dict(self._values)

    def add_error(self, name, message):
        """Record `message` for field `name` (the first error of a field is kept)."""
        self.errors.setdefault(name, message)

    def check(self):
        """Raise FormError when a field was missing or wrong."""
        if self.errors:
            raise FormError(self.errors)

    # ---------------------------------------------------------------- helpers
    def _raw(self, name, limit):
        """The parameter as a string (None when absent), kept cut to `limit` for echo.

        A file sent where a text is expected, or a list, counts as a wrong value.
        """
        value = self.params.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self._invalid(name)
            return None
        self._values[name] = value[:limit]
        return value

    def _scalar(self, name, limit):
        """The parameter stripped of control characters and outer spaces ("" when empty)."""
        value = self._raw(name, limit)
        return _CONTROL_RE.sub("", value).strip() if value is not None else None

    def _required(self, name, message=None):
        self.add_error(name, message or self.env._("This field is required."))

    def _invalid(self, name, message=None):
        self.add_error(name, message or self.env._("This value is not valid."))

    def _choose(self, name, message=None):
        self.add_error(name, message or self.env._("Choose a value from the list."))

    def _date_label(self, value):
        return format_date(self.env, value)

    # ------------------------------------------------------------------ texts
    def text(self, name, max_length=NAME_MAX, required=False, multiline=False, message=None):
        """A text stripped of control characters and outer spaces; "" when empty.

        One-line texts get their line breaks replaced by spaces. Longer than `max_length`
        characters is an error (nothing is cut silently).
        """
        value = self._raw(name, max_length)
        if value is None:
            if required and name not in self.errors:
                self._required(name, message)
            return ""
        value = _CONTROL_RE.sub("", value.replace("\r\n", "\n")).strip()
        if not multiline:
            value = _NEWLINES_RE.sub(" ", value)
        if not value:
            if required:
                self._required(name, message)
            return ""
        if len(value) > max_length:
            self.add_error(
                name,
                self.env._(
                    "Enter at most %(max)s characters (you entered %(count)s).",
                    max=max_length,
                    count=len(value),
                ),
            )
            return ""
        return value

    def email(self, name, required=False):
        """An e-mail address (one, ASCII, at most 254 characters); "" when empty."""
        value = self.text(name, max_length=EMAIL_MAX, required=required)
        if value and not single_email_re.match(value):
            self.add_error(name, self.env._("Enter a valid e-mail address."))
            return ""
        return value

    def phone(self, name, required=False):
        """A phone number: ASCII digits, spaces, +, brackets, dots and dashes, 5-15 digits."""
        value = self.text(name, max_length=PHONE_MAX, required=required)
        if value and (
            not _PHONE_RE.fullmatch(value) or not 5 <= sum(c.isdigit() for c in value) <= 15
        ):
            self.add_error(
                name,
                self.env._(
                    "Enter a phone number: 5 to 15 digits 0-9; spaces, +, brackets and dashes "
                    "are allowed."
                ),
            )
            return ""
        return value

    def iin(self, name, required=False):
        """A Kazakhstan IIN: 12 ASCII digits with a right check digit; "" when empty."""
        value = self.text(name, max_length=12, required=required)
        if not value:
            return ""
        value = value.replace(" ", "")
        if not _IIN_RE.fullmatch(value):
            self.add_error(name, self.env._("The IIN has 12 digits 0-9."))
            return ""
        if not iin_is_valid(value):
            self.add_error(
                name,
                self.env._("The IIN %(iin)s is not valid: check its digits.", iin=value),
            )
            return ""
        return value

    # ---------------------------------------------------------------- numbers
    def id(self, name, required=False, message=None):
        """A record id: 1 to 9 ASCII digits; None when empty or wrong."""
        value = self._scalar(name, 9)
        if not value:
            if required and name not in self.errors:
                self._required(name, message)
            return None
        if not is_ascii_id(value):
            self._choose(name, message)
            return None
        return int(value)

    def record(self, name, records, required=False, message=None):
        """The record of `records` (the ones the user may choose) whose id was sent.

        Empty recordset when missing, or when the id is not among `records`.
        """
        record_id = self.id(name, required=required, message=message)
        if record_id is None:
            return records.browse()
        record = records.filtered(lambda r: r.id == record_id)
        if not record:
            self._choose(name, message)
        return record

    def integer(self, name, min_value=-INT_MAX, max_value=INT_MAX, required=False):
        """A whole number of ASCII digits within [min_value, max_value]; None when empty."""
        value = self._scalar(name, 17)
        if not value:
            if required and name not in self.errors:
                self._required(name)
            return None
        number = int(value) if _INT_RE.fullmatch(value) else None
        if number is None or not min_value <= number <= max_value:
            self.add_error(
                name,
                self.env._(
                    "Enter a whole number from %(min)s to %(max)s.", min=min_value, max=max_value
                ),
            )
            return None
        return number

    def boolean(self, name):
        """A checkbox: True for 1/on/true/yes, False when absent or 0/off/false/no."""
        value = self._scalar(name, 5)
        if value is None:
            return False
        value = value.lower()
        if value in TRUE_VALUES:
            return True
        if value not in FALSE_VALUES:
            self._invalid(name)
        return False

    def selection(self, name, choices, required=False, default=None, message=None):
        """One of `choices` (keys, or (key, label) pairs); `default` when empty."""
        keys = [c[0] if isinstance(c, tuple | list) else c for c in choices]
        value = self._scalar(name, 64)
        if not value:
            if required and name not in self.errors:
                self._choose(name, message)
            return default
        if value not in keys:
            self._choose(name, message)
            return default
        return value

    # ------------------------------------------------------------------ dates
    def date(self, name, required=False, min_date=None, max_date=None, message=None):
        """A date typed as YYYY-MM-DD (a date input) or DD.MM.YYYY; None when empty."""
        value = self._scalar(name, 10)
        if not value:
            if required and name not in self.errors:
                self._required(name, message)
            return None
        match = _ISO_DATE_RE.fullmatch(value)
        parts = match and (match[1], match[2], match[3])
        if not match:
            match = _DMY_DATE_RE.fullmatch(value)
            parts = match and (match[3], match[2], match[1])
        try:
            day = date(*(int(p) for p in parts)) if parts else None
        except ValueError:
            day = None
        if day is None:
            self.add_error(
                name,
                message or self.env._("Enter a real date: day, month and year (e.g. 2021-03-15)."),
            )
            return None
        low, high = max(min_date or DATE_MIN, DATE_MIN), min(max_date or DATE_MAX, DATE_MAX)
        if not low <= day <= high:
            self.add_error(
                name,
                self.env._(
                    "Enter a date from %(min)s to %(max)s.",
                    min=self._date_label(low),
                    max=self._date_label(high),
                ),
            )
            return None
        return day

    def datetime(self, name, required=False, message=None):
        """A naive date and time 'YYYY-MM-DD HH:MM[:SS]' within 1900-2099; None when empty."""
        value = self._scalar(name, 19)
        if not value:
            if required and name not in self.errors:
                self._required(name, message)
            return None
        match = _DATETIME_RE.fullmatch(value)
        try:
            moment = datetime(*(int(p or 0) for p in match.groups())) if match else None
        except ValueError:
            moment = None
        if moment is None or not DATE_MIN <= moment.date() <= DATE_MAX:
            self.add_error(
                name, message or self.env._("Enter a real date and time (YYYY-MM-DD HH:MM).")
            )
            return None
        return moment

    # ---------------------------------------------------------------- uploads
    def _file(self, name):
        """The FileStorage sent as `name` (None when none was chosen); several is an error."""
        files = []
        if self.files is not None:
            files = (
                self.files.getlist(name)
                if hasattr(self.files, "getlist")
                else [f for f in [self.files.get(name)] if f]
            )
        files = [f for f in files if isinstance(f, FileStorage) and f.filename]
        if len(files) > 1:
            self.add_error(name, self.env._("Send one file here."))
            return None
        if not files and isinstance(self.params.get(name), str) and self.params[name]:
            # a text sent where a file is expected
            self._invalid(name)
        return files[0] if files else None

    def upload(
        self, name, max_bytes=UPLOAD_MAX_BYTES, extensions=DOCUMENT_EXTENSIONS, required=False
    ):
        """(file name, content) of an uploaded file, or None.

        The file is read up to `max_bytes` + 1 bytes only; its name is kept without folders.
        """
        storage = self._file(name)
        if storage is None:
            if required and name not in self.errors:
                self._required(name)
            return None
        filename = _CONTROL_RE.sub("", os.path.basename(storage.filename.replace("\\", "/")))
        filename = filename.strip()[:FILENAME_MAX] or "file"
        if extensions and os.path.splitext(filename)[1].lower() not in extensions:
            self.add_error(
                name,
                self.env._(
                    "%(file)s: send a file of one of these types: %(types)s.",
                    file=filename,
                    types=", ".join(e.lstrip(".").upper() for e in extensions),
                ),
            )
            return None
        content = storage.stream.read(max_bytes + 1)
        if len(content) > max_bytes:
            self.add_error(
                name,
                self.env._(
                    "%(file)s is larger than %(size)s MB.",
                    file=filename,
                    size=max_bytes // (1024 * 1024) or 1,
                ),
            )
            return None
        if not content:
            self.add_error(name, self.env._("%(file)s is empty.", file=filename))
            return None
        return filename, content

    def uploads(
        self,
        names,
        max_files=UPLOAD_MAX_FILES,
        max_bytes=UPLOAD_MAX_BYTES,
        extensions=DOCUMENT_EXTENSIONS,
    ):
        """{name: (file name, content)} of the files sent among `names`, at most `max_files`.

        Files sent under other names are refused too.
        """
        sent = []
        if self.files is not None:
            sent = [
                key
                for key, storage in (
                    self.files.items(multi=True)
                    if hasattr(self.files, "getlist")
                    else self.files.items()
                )
                if isinstance(storage, FileStorage) and storage.filename
            ]
        unknown = [key for key in sent if key not in names]
        if unknown:
            self.add_error(unknown[0], self.env._("This form takes no file here."))
            return {}
        if len(sent) > max_files:
            self.add_error(
                sent[0], self.env._("Send at most %(count)s files at once.", count=max_files)
            )
            return {}
        result = {}
        for name in names:
            upload = self.upload(name, max_bytes=max_bytes, extensions=extensions)
            if upload:
                result[name] = upload
        return result

    def image_base64(
        self,
        name,
        max_bytes=SIGNATURE_MAX_BYTES,
        mimetypes=IMAGE_MIMETYPES,
        required=False,
        message=None,
    ):
        """A base64 image as sent by a signature pad (at most `max_bytes` once decoded)."""
        value = self._scalar(name, 0)
        if not value:
            if required and name not in self.errors:
                self._required(name, message)
            return None
        if value.startswith("data:") and "," in value:
            value = value.split(",", 1)[1]
        value = re.sub(r"\s+", "", value)
        if len(value) > (max_bytes * 4) // 3 + 4:
            self.add_error(
                name,
                self.env._("The image is larger than %(size)s KB.", size=max_bytes // 1024),
            )
            return None
        try:
            content = base64.b64decode(value, validate=True) if _BASE64_RE.fullmatch(value) else b""
        except (binascii.Error, ValueError):
            content = b""
        if not content or guess_mimetype(content) not in mimetypes:
            self._invalid(name, self.env._("This is not an image."))
            return None
        return value
