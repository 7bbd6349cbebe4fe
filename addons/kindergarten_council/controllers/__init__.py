from . import appeal
from . import survey
from . import portal
from . import candidacy
