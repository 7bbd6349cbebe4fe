from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models
from odoo.tools import format_datetime


class KindergartenTzMixin(models.AbstractModel):
    """The time zone in which a record's dates and hours are meant.

    One place for it: the preschool's zone (a stored company setting, Asia/Almaty by
    default), which a model may narrow (the consultation point uses its opening
    hours' zone). Never the zone of whoever saves the record: "15:00" entered by the
    secretary in Almaty and by the head travelling abroad is the same meeting.
    """

    _name = "kindergarten.tz.mixin"
    _description = "Record with the preschool's time zone"

    def _kindergarten_tz(self):
        """Return the pytz zone of the record (its company's preschool zone)."""
        company = self["company_id"] if "company_id" in self._fields else self.env.company
        return (company[:1] or self.env.company)._kindergarten_tz()

    def _kindergarten_tz_name(self):
        """Return the name of the record's zone, e.g. for `format_datetime(tz=...)`."""
        return self._kindergarten_tz().zone

    def _kindergarten_utc(self, day, hours=0.0):
        """Return the naive UTC datetime of `hours` (a float) on local `day`."""
        local = datetime.combine(day, time()) + timedelta(hours=hours or 0.0)
        return self._kindergarten_tz().localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _kindergarten_local(self, utc_datetime):
        """Return the naive local datetime of a naive UTC datetime (False stays False)."""
        if not utc_datetime:
            return utc_datetime
        tz = self._kindergarten_tz()
        return pytz.utc.localize(utc_datetime).astimezone(tz).replace(tzinfo=None)

    def _kindergarten_today(self):
        """Return today's date in the record's zone (not the server's, not UTC)."""
        return self._kindergarten_local(fields.Datetime.now()).date()

    def _kindergarten_format(self, utc_datetime, dt_format="dd.MM.yyyy HH:mm", lang_code=None):
        """Format a naive UTC datetime in the record's zone ('' when empty), for mails,
        portal pages and messages: whoever reads them sees the preschool's hour."""
        if not utc_datetime:
            return ""
        return format_datetime(
            self.env,
            utc_datetime,
            tz=self._kindergarten_tz_name(),
            dt_format=dt_format,
            lang_code=lang_code,
        )
