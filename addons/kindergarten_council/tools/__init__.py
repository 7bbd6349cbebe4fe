from .council_rules import (
    has_quorum,
    plan_line_deadlines,
    plan_line_status,
    vote_result,
)
