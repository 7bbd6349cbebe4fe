from . import consultation_point
