"""18.0.1.1.0: a consultation reserved by a parent and not yet confirmed is in the state
`reserved` (was `held`, which read as "took place").

Specialists are resources through resource.mixin.

Their resource's working hours become the specialist's own availability (the mixin's
`resource_calendar_id` is related to them): empty when the specialist receives during all
the point's opening hours (the hand-made resource had the point's hours copied in).
"""


def migrate(cr, version):
    cr.execute("UPDATE consultation_appointment SET state = 'reserved' WHERE state = 'held'")
    cr.execute(
        """
        UPDATE resource_resource r
           SET calendar_id = s.resource_calendar_id
          FROM consultation_specialist s
         WHERE s.resource_id = r.id
           AND r.calendar_id IS DISTINCT FROM s.resource_calendar_id
        """
    )
