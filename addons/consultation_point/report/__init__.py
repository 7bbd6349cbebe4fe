from . import journal_xlsx
