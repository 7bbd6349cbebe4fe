from . import consultation_request_quick
from . import consultation_journal_print
from . import consultation_appointment_reschedule
from . import consultation_appointment_reschedule_slot
