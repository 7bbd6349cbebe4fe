from . import res_company
from . import kindergarten_council_meeting
from . import website
from . import website_menu
from . import resource_calendar_attendance
