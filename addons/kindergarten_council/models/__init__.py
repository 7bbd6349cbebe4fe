from . import kindergarten_council
