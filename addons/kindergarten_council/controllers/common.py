# The board's forms answer a wrong input with the form again, its fields filled and the
# messages shown, with this HTTP status (the consultation point's forms answer 200).
FORM_ERROR_STATUS = 400
