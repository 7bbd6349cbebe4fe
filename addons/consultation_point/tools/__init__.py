from .rules import age_on, fill_template, months_between, overlaps, split_into_slots
