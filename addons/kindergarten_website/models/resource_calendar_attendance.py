from odoo import api, models

from .website import DAY_NAMES


class ResourceCalendarAttendance(models.Model):
    _inherit = "resource.calendar.attendance"

    @api.model
    def _kg_translate_weekdays(self):
        """Name the days of the week in the active languages Odoo has no names for (Kazakh).

        The consultation point's page and the working-hours forms show these labels. A
        language whose label still is the English one gets ours; others are left alone.
        """
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        selections = self.env["ir.model.fields.selection"].search(
            [("field_id.model", "=", self._name), ("field_id.name", "=", "dayofweek")]
        )
        for selection in selections:
            label = DAY_NAMES[int(selection.value)]
            source = selection.with_context(lang="en_US").name
            translations = {}
            for lang in langs:
                text = label._translate(lang)
                if selection.with_context(lang=lang).name == source and text != source:
                    translations[lang] = text
            if translations:
                selection.update_field_translations("name", translations)
