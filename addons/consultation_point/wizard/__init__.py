from . import consultation_request_quick
from . import consultation_journal_print
