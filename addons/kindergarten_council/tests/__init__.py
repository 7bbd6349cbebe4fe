from . import test_council
from . import test_ui
