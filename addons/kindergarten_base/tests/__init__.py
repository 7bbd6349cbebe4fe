from . import test_tools
from . import test_preschool
from . import test_ui
from . import test_form_parsing
from . import test_form_guard
from . import test_personal_data
