from . import appeal
from . import survey
