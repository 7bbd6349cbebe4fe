from . import test_point
from . import test_ui
from . import test_portal
from . import test_website
from . import test_rules
from . import test_concurrency
from . import test_security
from . import test_reports
