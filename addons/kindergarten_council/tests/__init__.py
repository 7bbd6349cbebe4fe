from . import test_council
from . import test_ui
from . import test_appeal
from . import test_appeal_form
from . import test_survey
from . import test_survey_http
from . import test_proposal
from . import test_portal
