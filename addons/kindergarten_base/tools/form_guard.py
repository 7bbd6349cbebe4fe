"""The honeypot of the public forms: a hidden field that people leave empty and robots fill."""

HONEYPOT_FIELD = "website_homepage"


def honeypot_filled(post):
    """Tell whether a robot filled the hidden field of the posted form `post`."""
    return bool((post or {}).get(HONEYPOT_FIELD))
