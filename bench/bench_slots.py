"""Benchmark: the consultation point's slot search and booking at growing scale.

Run inside `odoo-bin shell` (tools/bench.sh does it); `env` is the shell's environment.
Everything is created in the shell's transaction and rolled back at the end.
Writes a JSON object of figures to the path in $BENCH_OUT.
"""

import json
import os
import statistics
import time
from datetime import date, datetime, timedelta

from odoo import fields

REPEAT = 5
env = globals()["env"]  # provided by `odoo-bin shell`


def timed(func):
    """Return the median wall time of `func` over REPEAT runs, in milliseconds."""
    runs = []
    for _ in range(REPEAT):
        env.invalidate_all()
        t0 = time.perf_counter()
        func()
        runs.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(runs), 1)


def queries(func):
    """Return how many SQL queries one run of `func` makes."""
    env.invalidate_all()
    cr = env.cr
    before = cr.sql_log_count
    func()
    return cr.sql_log_count - before


def make_point(n_specialists):
    """A point open Tue/Wed/Thu with `n_specialists` specialists taking every topic."""
    Users = env["res.users"].with_context(no_reset_password=True)
    calendar = env["resource.calendar"].create(
        {
            "name": "Bench hours",
            "tz": "Asia/Almaty",
            "attendance_ids": [
                fields.Command.create(
                    {"name": d, "dayofweek": d, "hour_from": 9, "hour_to": 19, "day_period": p}
                )
                for d, p in (("1", "morning"), ("2", "morning"), ("3", "morning"))
            ],
        }
    )
    point = env["consultation.point"].create(
        {"name": f"Bench point {n_specialists}", "resource_calendar_id": calendar.id}
    )
    topics = env["consultation.topic"].search([])
    for i in range(n_specialists):
        user = Users.create(
            {
                "name": f"Bench specialist {n_specialists}-{i}",
                "login": f"bench_{n_specialists}_{i}_{time.time_ns()}",
                "groups_id": [
                    fields.Command.link(
                        env.ref("consultation_point.group_consultation_specialist").id
                    )
                ],
            }
        )
        env["consultation.specialist"].create(
            {
                "user_id": user.id,
                "point_id": point.id,
                "topic_ids": [fields.Command.set(topics.ids)],
            }
        )
    return point, topics[:1]


def fill_bookings(point, topic, count, first_day):
    """Book `count` consultations (or as many as there are slots) from `first_day` on."""
    Appointment = env["consultation.appointment"]
    slots = Appointment.free_slots(topic, first_day, first_day + timedelta(days=120), point=point)
    partner = env["res.partner"].create({"name": "Bench parent"})
    child = env["consultation.child"].create(
        {
            "name": "Bench child",
            "birth_date": first_day - timedelta(days=3 * 365),
            "parent_ids": [fields.Command.link(partner.id)],
        }
    )
    booked = 0
    for slot in slots[:: max(1, len(slots) // max(count, 1))][:count]:
        Appointment.book_slot(slot["specialist"], slot["start"], partner, child, topic=topic)
        booked += 1
    return booked


def main():
    results = {}
    first_day = date.today() + timedelta(days=(7 - date.today().weekday()) % 7 + 7)
    Appointment = env["consultation.appointment"]
    for n_spec in (3, 10):
        point, topic = make_point(n_spec)
        booked = 0
        for n_booked in (0, 100, 400):
            booked += fill_bookings(point, topic, n_booked - booked, first_day) if n_booked else 0

            def search(point=point, topic=topic):
                return Appointment.free_slots(
                    topic, first_day, first_day + timedelta(days=30), point=point
                )

            key = f"free_slots_30d_{n_spec}spec_{booked}booked"
            results[key + "_ms"] = timed(search)
            results[key + "_queries"] = queries(search)
        slots = Appointment.free_slots(
            topic, first_day, first_day + timedelta(days=60), point=point
        )
        partner = env["res.partner"].create({"name": "Bench parent 2"})
        child = env["consultation.child"].create(
            {
                "name": "Bench child 2",
                "birth_date": first_day - timedelta(days=4 * 365),
                "parent_ids": [fields.Command.link(partner.id)],
            }
        )
        free = iter(slots)

        def book(free=free, partner=partner, child=child, topic=topic):
            slot = next(free)
            Appointment.book_slot(slot["specialist"], slot["start"], partner, child, topic=topic)

        results[f"book_slot_{n_spec}spec_ms"] = timed(book)
    results["measured_at"] = datetime.now().isoformat(timespec="seconds")
    env.cr.rollback()
    with open(os.environ["BENCH_OUT"], "w", encoding="utf-8") as fh:
        json.dump(results, fh, indent=2, sort_keys=True)


main()
