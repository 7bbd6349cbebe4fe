import threading

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import REFERENCE_TIME, almaty_today, next_weekday, utc


@tagged("post_install", "-at_install")
class TestBookingRace(TransactionCase):
    """Two bookings of one slot at the same moment: exactly one succeeds.

    Inside a TransactionCase nothing is committed, so the fixtures are committed
    through a cursor of their own, and each thread books on its own cursor.
    """

    freeze_time = REFERENCE_TIME

    def _commit_fixtures(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.ref("base.main_company")
            calendar = env["resource.calendar"].create(
                {
                    "name": "Race hours",
                    "company_id": company.id,
                    "tz": "Asia/Almaty",
                    "attendance_ids": [
                        Command.clear(),
                        Command.create(
                            {"name": "Tue", "dayofweek": "1", "hour_from": 9, "hour_to": 12}
                        ),
                    ],
                }
            )
            point = env["consultation.point"].create(
                {
                    "name": "Race point",
                    "company_id": company.id,
                    "resource_calendar_id": calendar.id,
                    "contract_required": False,
                }
            )
            spec = env["consultation.specialist"].create(
                {"user_id": env.ref("base.user_admin").id, "point_id": point.id}
            )
            families = []
            for name in ("Race parent 1", "Race parent 2"):
                partner = env["res.partner"].create({"name": name})
                child = env["consultation.child"].create(
                    {
                        "name": f"{name} child",
                        "birth_date": almaty_today() - relativedelta(years=3),
                        "parent_ids": [Command.set(partner.ids)],
                        "company_id": company.id,
                    }
                )
                families.append((partner.id, child.id))
            ids = {
                "calendar": calendar.id,
                "point": point.id,
                "sequence": point.request_sequence_id.id,
                "spec": spec.id,
                "resource": spec.resource_id.id,
                "families": families,
            }
        return ids

    def _cleanup(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            appointments = env["consultation.appointment"].search(
                [("specialist_id", "=", ids["spec"])]
            )
            appointments.calendar_event_id.unlink()
            appointments.unlink()
            for partner_id, child_id in ids["families"]:
                env["consultation.child"].browse(child_id).unlink()
                env["res.partner"].browse(partner_id).unlink()
            env["consultation.specialist"].browse(ids["spec"]).unlink()
            env["resource.resource"].browse(ids["resource"]).unlink()
            env["consultation.point"].browse(ids["point"]).unlink()
            env["ir.sequence"].browse(ids["sequence"]).unlink()
            env["resource.calendar"].browse(ids["calendar"]).unlink()

    def test_two_parents_race_for_one_slot(self):
        ids = self._commit_fixtures()
        try:
            start = utc(next_weekday(1), 9)
            barrier = threading.Barrier(2, timeout=30)
            results = {}

            def book(index):
                partner_id, child_id = ids["families"][index]
                try:
                    with self.registry.cursor() as cr:
                        env = api.Environment(cr, SUPERUSER_ID, {})
                        Appointment = env["consultation.appointment"]
                        spec = env["consultation.specialist"].browse(ids["spec"])
                        partner = env["res.partner"].browse(partner_id)
                        child = env["consultation.child"].browse(child_id)
                        # Warm the caches, then start the booking together.
                        spec.point_id.resource_calendar_id.attendance_ids.mapped("hour_from")
                        barrier.wait()
                        appointment = Appointment.book_slot(spec, start, partner, child)
                        results[index] = appointment.id
                except UserError as exc:
                    results[index] = exc
                except Exception as exc:  # noqa: BLE001 - reported by the assertions
                    results[index] = exc

            threads = [threading.Thread(target=book, args=(i,)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            successes = [r for r in results.values() if isinstance(r, int)]
            failures = [r for r in results.values() if isinstance(r, UserError)]
            self.assertEqual(len(results), 2, results)
            self.assertEqual(len(successes), 1, results)
            self.assertEqual(len(failures), 1, results)
            self.assertIn("just been taken", str(failures[0]))
            with self.registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM consultation_appointment WHERE specialist_id = %s",
                    (ids["spec"],),
                )
                self.assertEqual(cr.fetchone()[0], 1)
        finally:
            self._cleanup(ids)
