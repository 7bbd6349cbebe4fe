from . import kindergarten_age_group
from . import res_company
from . import kindergarten_calendar_mixin
from . import kindergarten_tz_mixin
from . import kindergarten_form_guard
from . import kindergarten_personal_data_mixin
