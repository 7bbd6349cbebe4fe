from odoo import models

MODULE = "kindergarten_council"
PARAM = "kindergarten_council.translated_langs"


class ResLang(models.Model):
    _inherit = "res.lang"

    def _register_hook(self):
        super()._register_hook()
        self._kindergarten_council_load_terms()

    def _kindergarten_council_load_terms(self):
        """Load this addon's kk/ru terms for languages activated after it was installed.

        ``odoo-bin --load-language`` runs with only ``base`` in the registry, so the
        translations of this addon's records (standard agendas, roles, event types,
        plan texts) are skipped; they are loaded here at the next registry load.
        """
        module = (
            self.env["ir.module.module"]
            .sudo()
            .search([("name", "=", MODULE), ("state", "=", "installed")])
        )
        if not module:
            return
        params = self.env["ir.config_parameter"].sudo()
        done = set(filter(None, (params.get_param(PARAM) or "").split(",")))
        active = {code for code, _name in self.get_installed() if code != "en_US"}
        new = sorted(active - done)
        if new:
            module._load_module_terms([MODULE], new)
            params.set_param(PARAM, ",".join(sorted(active | done)))
