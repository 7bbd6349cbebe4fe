"""The one place where a document's language is read.

The preschool's documents (contracts, minutes, plans) are printed in Kazakh or Russian and
their language is always a ``res.lang`` code, ``kk_KZ`` or ``ru_RU``. A URL may carry the
short code (``kk``, ``ru``, the languages' ``url_code``): :func:`document_lang` turns it
into the ``res.lang`` code, and refuses anything else with a translated ``UserError``.
"""

from odoo.exceptions import UserError

DOCUMENT_LANGS = ("kk_KZ", "ru_RU")


def document_lang(env, code):
    """Return the res.lang code (kk_KZ or ru_RU) of `code` given as a res.lang code or a
    short code (kk, ru); raise a UserError for any other or an inactive language."""
    code = code.strip() if isinstance(code, str) else ""
    if code and code not in DOCUMENT_LANGS:
        code = env["res.lang"]._get_data(url_code=code).code or code
    if code not in DOCUMENT_LANGS or not env["res.lang"]._get_data(code=code):
        raise UserError(
            env._(
                "Documents are printed in Kazakh (kk_KZ) or Russian (ru_RU), both active; "
                "not in “%(lang)s”.",
                lang=code or "",
            )
        )
    return code
