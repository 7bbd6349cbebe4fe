from . import kindergarten_age_group
from . import res_company
