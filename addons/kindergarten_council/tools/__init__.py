from .council_rules import (
    has_quorum,
    name_search_domain,
    plan_line_deadlines,
    plan_line_status,
    vote_result,
)
