from . import test_point
from . import test_ui
