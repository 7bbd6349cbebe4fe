from datetime import datetime, time, timedelta
from types import SimpleNamespace

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import new_test_user

TZ = pytz.timezone("Asia/Almaty")

# The moment at which the point's TransactionCase tests freeze the clock (the class
# attribute `freeze_time`): Wednesday 13 January 2027, 10:00 in Almaty. Next week's Tuesday
# is 19 January; no holiday, quarter or year turns nearby. Tests of a boundary freeze
# their own moments; browser tours keep the real clock (Chromium's is not frozen).
REFERENCE_TIME = "2027-01-13 05:00:00"


def almaty_today():
    """Return today's date in Almaty (the point's zone), by the clock, frozen or not."""
    return datetime.now(TZ).date()


def next_weekday(weekday, weeks_ahead=1):
    """Return the date of `weekday` (0 = Monday) of the week `weeks_ahead` weeks after this
    week in Almaty: at least one day ahead, so its consultations are always in the future."""
    today = almaty_today()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)
    return monday + timedelta(days=weekday)


def utc(day, hour, minute=0):
    """Return the naive UTC datetime of a local Almaty time."""
    local = TZ.localize(datetime.combine(day, time(hour, minute)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


class ConsultationFixtures:
    """A preschool with its point, opening hours, staff of every role and families."""

    @classmethod
    def use_point(cls):
        """Set up a point and keep its pieces as class attributes of the test case."""
        for name, value in vars(cls.setup_point(cls.env)).items():
            setattr(cls, name, value)

    @classmethod
    def setup_point(cls, env, suffix=""):
        """Create a preschool with its point; return its pieces as attributes of a namespace.

        company, calendar, point, users (head, spec1, spec2, receptionist, employee),
        spec1 and spec2 (consultation.specialist), topic and other_topic.
        """
        company = env["res.company"].create({"name": f"Test preschool{suffix}"})
        calendar = env["resource.calendar"].create(
            {
                "name": "Point hours",
                "company_id": company.id,
                "tz": "Asia/Almaty",
                "attendance_ids": [
                    Command.create(
                        {"name": "Tue", "dayofweek": "1", "hour_from": 9, "hour_to": 12}
                    ),
                    Command.create(
                        {"name": "Wed", "dayofweek": "2", "hour_from": 17, "hour_to": 19}
                    ),
                    Command.create(
                        {"name": "Thu", "dayofweek": "3", "hour_from": 9, "hour_to": 12}
                    ),
                ],
            }
        )
        common = {"company_id": company.id, "company_ids": [company.id], "tz": "Asia/Almaty"}
        users = {
            "head": new_test_user(
                env,
                login=f"t_head{suffix}",
                groups="consultation_point.group_consultation_head",
                **common,
            ),
            "spec1": new_test_user(
                env,
                login=f"t_spec1{suffix}",
                groups="consultation_point.group_consultation_specialist",
                **common,
            ),
            "spec2": new_test_user(
                env,
                login=f"t_spec2{suffix}",
                groups="consultation_point.group_consultation_specialist",
                **common,
            ),
            "receptionist": new_test_user(
                env,
                login=f"t_rec{suffix}",
                groups="consultation_point.group_consultation_receptionist",
                **common,
            ),
            "employee": new_test_user(
                env, login=f"t_emp{suffix}", groups="base.group_user", **common
            ),
        }
        point = env["consultation.point"].create(
            {
                "name": f"Point{suffix}",
                "company_id": company.id,
                "head_id": users["head"].id,
                "resource_calendar_id": calendar.id,
                "contract_required": False,
            }
        )
        topic = env.ref("consultation_point.topic_school_readiness")
        other_topic = env.ref("consultation_point.topic_nutrition")
        spec1 = env["consultation.specialist"].create(
            {
                "user_id": users["spec1"].id,
                "point_id": point.id,
                "role": "psychologist",
                "topic_ids": [Command.set(topic.ids)],
            }
        )
        spec2 = env["consultation.specialist"].create(
            {
                "user_id": users["spec2"].id,
                "point_id": point.id,
                "role": "medical",
                "topic_ids": [Command.set(other_topic.ids)],
            }
        )
        return SimpleNamespace(
            company=company,
            calendar=calendar,
            point=point,
            users=users,
            spec1=spec1,
            spec2=spec2,
            topic=topic,
            other_topic=other_topic,
        )

    @classmethod
    def make_family(cls, env, company, name, age_years, attends=False, portal_login=None):
        partner = env["res.partner"].create({"name": f"Parent {name}", "company_id": company.id})
        if portal_login:
            user = new_test_user(
                env,
                login=portal_login,
                groups="base.group_portal",
                company_id=company.id,
                company_ids=[company.id],
                partner_id=partner.id,
            )
            partner = user.partner_id
        child = env["consultation.child"].create(
            {
                "name": f"Child {name}",
                "birth_date": almaty_today() - relativedelta(years=age_years, months=2),
                "attends_preschool": attends,
                "parent_ids": [Command.set(partner.ids)],
                "company_id": company.id,
            }
        )
        return partner, child
