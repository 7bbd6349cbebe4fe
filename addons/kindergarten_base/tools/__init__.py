from .academic_year import (
    ACADEMIC_MONTHS,
    academic_year_bounds,
    academic_year_label,
    academic_year_of,
)
from .iin import iin_birth_date, iin_check_digit, iin_is_valid
from .form import (
    DOCUMENT_EXTENSIONS,
    FORM_ERROR_STATUS,
    LIMITS,
    FormError,
    FormParser,
    is_ascii_id,
    route_id,
)
from .form_guard import HONEYPOT_FIELD, honeypot_filled
from .document_lang import DOCUMENT_LANGS, document_lang
