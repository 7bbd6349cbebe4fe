from . import test_home
from . import test_menus
from . import test_minutes
