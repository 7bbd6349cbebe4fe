from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from .common import REFERENCE_TIME, ConsultationFixtures, almaty_today, next_weekday, utc


def _top_level_fields(arch):
    """Return the names of the fields a view reads on its own model (not in sub-views)."""
    root = etree.fromstring(arch)
    return {
        node.get("name")
        for node in root.iter("field")
        if not any(parent.tag == "field" for parent in node.iterancestors())
    }


@tagged("post_install", "-at_install")
class TestSecurity(ConsultationFixtures, TransactionCase):
    freeze_time = REFERENCE_TIME

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_point()
        cls.partner, cls.child = cls.make_family(
            cls.env, cls.company, "A", 4, portal_login="t_parent_a"
        )
        cls.partner_b, cls.child_b = cls.make_family(
            cls.env, cls.company, "B", 3, portal_login="t_parent_b"
        )
        cls.portal_a = cls.partner.user_ids
        cls.portal_b = cls.partner_b.user_ids
        Appointment = cls.env["consultation.appointment"]
        tuesday = next_weekday(1)
        cls.request_a = cls.env["consultation.request"].create(
            {"point_id": cls.point.id, "partner_id": cls.partner.id, "child_id": cls.child.id}
        )
        cls.request_b = cls.env["consultation.request"].create(
            {"point_id": cls.point.id, "partner_id": cls.partner_b.id, "child_id": cls.child_b.id}
        )
        cls.appt_a = Appointment.book_slot(
            cls.spec1, utc(tuesday, 9), cls.partner, cls.child, request=cls.request_a
        )
        cls.appt_b = Appointment.book_slot(
            cls.spec2, utc(tuesday, 9), cls.partner_b, cls.child_b, request=cls.request_b
        )
        cls.note_a = (
            cls.env["consultation.note"]
            .with_user(cls.users["spec1"])
            .create(
                {
                    "name": "Observation A",
                    "child_id": cls.child.id,
                    "appointment_id": cls.appt_a.id,
                    "company_id": cls.company.id,
                }
            )
        )
        cls.note_b = (
            cls.env["consultation.note"]
            .with_user(cls.users["spec2"])
            .create(
                {"name": "Observation B", "child_id": cls.child_b.id, "company_id": cls.company.id}
            )
        )
        cls.referral_a = (
            cls.env["consultation.referral"]
            .with_user(cls.users["spec1"])
            .create(
                {
                    "child_id": cls.child.id,
                    "partner_id": cls.partner.id,
                    "reason": "Speech delay",
                    "company_id": cls.company.id,
                }
            )
        )
        cls.contract_a = cls.env["consultation.contract"].create(
            {
                "point_id": cls.point.id,
                "partner_id": cls.partner.id,
                "child_ids": [Command.set(cls.child.ids)],
                "date_start": almaty_today(),
            }
        )
        cls.contract_b = cls.env["consultation.contract"].create(
            {
                "point_id": cls.point.id,
                "partner_id": cls.partner_b.id,
                "child_ids": [Command.set(cls.child_b.ids)],
                "date_start": almaty_today(),
            }
        )

    def _names(self, model, user):
        return self.env[model].with_user(user).search([]).mapped("display_name")

    # ------------------------------------------------------------ receptionist
    def test_receptionist_registers_and_books_but_reads_no_notes(self):
        rec = self.users["receptionist"]
        request = (
            self.env["consultation.request"]
            .with_user(rec)
            .create(
                {
                    "point_id": self.point.id,
                    "partner_id": self.partner.id,
                    "child_id": self.child.id,
                }
            )
        )
        self.assertTrue(request.name.startswith("КП-"))
        appt = (
            self.env["consultation.appointment"]
            .with_user(rec)
            .book_slot(self.spec1, utc(next_weekday(3), 9), self.partner, self.child)
        )
        self.assertEqual(appt.with_user(rec).state, "reserved")
        for model in ("consultation.note", "consultation.referral"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(rec).search([])
        with self.assertRaises(AccessError):
            self.note_a.with_user(rec).read(["body"])
        with self.assertRaises(UserError):
            self.appt_a.line_ids.with_user(rec).action_attended()
        with self.assertRaises(AccessError):
            self.point.with_user(rec).write({"hold_minutes": 5})
        with self.assertRaises(AccessError):
            request.with_user(rec).unlink()

    # ------------------------------------------------------------ specialist
    def test_specialist_sees_only_own_notes_and_holds_own_consultations(self):
        spec1 = self.users["spec1"]
        self.assertEqual(self._names("consultation.note", spec1), ["Observation A"])
        with self.assertRaises(AccessError):
            self.note_b.with_user(spec1).read(["body"])
        with self.assertRaises(AccessError):
            self.note_b.with_user(spec1).write({"body": "<p>x</p>"})
        self.assertEqual(
            self.env["consultation.referral"].with_user(spec1).search([]), self.referral_a
        )
        self.assertFalse(
            self.env["consultation.referral"].with_user(self.users["spec2"]).search([])
        )
        self.appt_a.with_user(spec1).write({"recommendations": "<p>Read together</p>"})
        # Another specialist's consultation is out of reach (record rules, not only Python).
        with self.assertRaises(AccessError):
            self.appt_b.with_user(spec1).write({"recommendations": "<p>No</p>"})
        with self.assertRaises(AccessError):
            self.appt_b.line_ids.with_user(spec1).action_attended()
        self.appt_a.line_ids.with_user(spec1).action_attended()
        self.assertEqual(self.appt_a.line_ids.state, "attended")
        with self.assertRaises(AccessError):
            self.point.with_user(spec1).write({"slot_minutes": 30})

    def test_specialist_reads_and_writes_only_own_consultations_and_families(self):
        spec1 = self.users["spec1"]
        request_for_b = self.env["consultation.request"].create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner_b.id,
                "child_id": self.child_b.id,
                "specialist_id": self.spec2.id,
            }
        )
        request_for_a = self.env["consultation.request"].create(
            {
                "point_id": self.point.id,
                "partner_id": self.partner.id,
                "child_id": self.child.id,
                "specialist_id": self.spec1.id,
            }
        )
        Appointment = self.env["consultation.appointment"].with_user(spec1)
        self.assertEqual(Appointment.search([]), self.appt_a)
        self.assertEqual(
            self.env["consultation.appointment.line"].with_user(spec1).search([]),
            self.appt_a.line_ids,
        )
        self.assertEqual(
            self.env["consultation.request"].with_user(spec1).search([]),
            self.request_a | request_for_a,
        )
        self.assertEqual(self.env["consultation.child"].with_user(spec1).search([]), self.child)
        self.assertEqual(
            self.env["consultation.contract"].with_user(spec1).search([]), self.contract_a
        )
        for other in (
            self.appt_b,
            self.appt_b.line_ids,
            request_for_b,
            self.request_b,
            self.child_b,
            self.partner_b,
            self.contract_b,
        ):
            with self.assertRaises(AccessError, msg=other._name):
                other.with_user(spec1).read(["display_name"])
        for other, vals in (
            (self.appt_b, {"mode": "remote"}),
            (self.appt_b.line_ids, {"state": "attended"}),
            (request_for_b, {"question": "changed"}),
            (self.child_b, {"name": "changed"}),
        ):
            with self.assertRaises(AccessError, msg=other._name):
                other.with_user(spec1).write(vals)
        # Their own work is theirs to read and write.
        self.appt_a.with_user(spec1).write({"mode": "remote"})
        request_for_a.with_user(spec1).write({"question": "Sleeps badly"})
        self.assertEqual(request_for_a.question, "Sleeps badly")
        self.assertEqual(self.partner.with_user(spec1).name, self.partner.name)
        self.assertEqual(self.child.with_user(spec1).name, self.child.name)
        # The other specialist sees the mirror image.
        self.assertEqual(
            self.env["consultation.appointment"].with_user(self.users["spec2"]).search([]),
            self.appt_b,
        )

    def test_specialist_turns_a_call_into_a_request(self):
        spec1 = self.users["spec1"]
        wizard = Form(self.env["consultation.request.quick"].with_user(spec1))
        wizard.parent_name = "Caller Parent"
        wizard.phone = "+7 701 000 11 22"
        wizard.child_name = "Caller Child"
        wizard.child_birth_date = almaty_today() - relativedelta(years=3)
        wizard.question = "Does not sleep"
        wizard.consent_given = True
        action = wizard.save().action_create()
        request = self.env["consultation.request"].browse(action["res_id"])
        self.assertEqual(request.with_user(spec1).child_id.name, "Caller Child")
        self.assertEqual(request.with_user(spec1).partner_id.name, "Caller Parent")
        self.assertEqual(request.point_id, self.point)
        with self.assertRaises(AccessError):
            request.with_user(self.users["spec2"]).read(["name"])
        with self.assertRaises(AccessError):
            request.child_id.with_user(self.users["spec2"]).read(["name"])
        self.assertIn(
            request,
            self.env["consultation.request"].with_user(self.users["receptionist"]).search([]),
        )

    def test_a_call_from_a_known_family_reuses_it_without_showing_others(self):
        spec1 = self.users["spec1"]
        self.partner_b.phone = "+7 701 555 44 33"
        partner_b_name = self.partner_b.name
        # the family works with the other specialist: spec1 cannot see it
        with self.assertRaises(AccessError):
            self.partner_b.with_user(spec1).read(["name"])
        # ... and the phone lookup on the form does not reveal it either
        probe = Form(self.env["consultation.request.quick"].with_user(spec1))
        probe.phone = "87015554433"
        self.assertFalse(probe.partner_id)
        partners_before = self.env["res.partner"].search_count([])
        children_before = self.env["consultation.child"].search_count([])
        wizard = Form(self.env["consultation.request.quick"].with_user(spec1))
        wizard.phone = "8 (701) 555-44-33"
        wizard.parent_name = f"  {partner_b_name.upper()} "
        wizard.child_name = self.child_b.name
        wizard.child_birth_date = self.child_b.birth_date
        wizard.consent_given = True
        action = wizard.save().action_create()
        request = self.env["consultation.request"].browse(action["res_id"])
        # the caller told the family's own name, phone and child: the same records are used
        self.assertEqual(request.partner_id, self.partner_b)
        self.assertEqual(request.child_id, self.child_b)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertEqual(self.env["consultation.child"].search_count([]), children_before)
        # spec1 now works with this family through the request they registered
        self.assertEqual(self.child_b.with_user(spec1).name, self.child_b.name)
        # a different name on the same phone is another person: a new contact
        other = Form(self.env["consultation.request.quick"].with_user(spec1))
        other.phone = "87015554433"
        # the looked-up parent (now visible to spec1) is not the caller: the user clears it
        self.assertEqual(other.partner_id, self.partner_b)
        other.partner_id = self.env["res.partner"]
        self.assertFalse(other.child_id, "the looked-up parent's child goes with them")
        other.parent_name = "Another Caller"
        other.child_name = "Another Child"
        other.child_birth_date = self.child_b.birth_date
        other.consent_given = True
        other_request = self.env["consultation.request"].browse(
            other.save().action_create()["res_id"]
        )
        self.assertNotEqual(other_request.partner_id, self.partner_b)
        self.assertEqual(other_request.partner_id.name, "Another Caller")

    def test_receptionist_sees_every_booking_but_no_notes(self):
        rec = self.users["receptionist"]
        self.assertFalse(rec.has_group("consultation_point.group_consultation_specialist"))
        for model, records in (
            ("consultation.appointment", self.appt_a | self.appt_b),
            ("consultation.appointment.line", (self.appt_a | self.appt_b).line_ids),
            ("consultation.request", self.request_a | self.request_b),
            ("consultation.child", self.child | self.child_b),
            ("consultation.contract", self.contract_a | self.contract_b),
        ):
            self.assertEqual(
                self.env[model].with_user(rec).search([("id", "in", records.ids)]), records, model
            )
        self.appt_b.with_user(rec).write({"mode": "remote"})
        self.assertEqual(self.partner_b.with_user(rec).name, self.partner_b.name)
        with self.assertRaises(AccessError):
            self.env["consultation.note"].with_user(rec).search([])
        form = self.env["consultation.appointment"].with_user(rec).get_views([(False, "form")])
        self.assertNotIn("note_ids", _top_level_fields(form["views"]["form"]["arch"]))
        spec_form = (
            self.env["consultation.appointment"]
            .with_user(self.users["spec1"])
            .get_views([(False, "form")])
        )
        self.assertIn("note_ids", _top_level_fields(spec_form["views"]["form"]["arch"]))

    def test_groups_do_not_imply_each_other_but_the_head_has_both(self):
        spec = self.env.ref("consultation_point.group_consultation_specialist")
        rec = self.env.ref("consultation_point.group_consultation_receptionist")
        self.assertNotIn(rec, spec.trans_implied_ids)
        self.assertNotIn(spec, rec.trans_implied_ids)
        head = self.users["head"]
        self.assertTrue(head.has_group("consultation_point.group_consultation_receptionist"))
        self.assertTrue(head.has_group("consultation_point.group_consultation_specialist"))

    def test_every_menu_opens_for_each_role(self):
        """Each role's menus load their views and records without an access error."""
        root = self.env.ref("consultation_point.consultation_point_menu_root")
        for role in ("head", "receptionist", "spec1"):
            user = self.users[role]
            menus = self.env["ir.ui.menu"].with_user(user).search([("id", "child_of", root.id)])
            self.assertIn(root, menus, role)
            actions = [
                menu.action
                for menu in menus
                if menu.action and menu.action._name == "ir.actions.act_window"
            ]
            self.assertGreater(len(actions), 5, role)
            for action in actions:
                Model = self.env[action.res_model].with_user(user)
                modes = [(False, mode) for mode in action.view_mode.split(",")]
                views = Model.get_views(modes + [(False, "search")])["views"]
                names = set()
                for mode, view in views.items():
                    if mode != "search":
                        names |= _top_level_fields(view["arch"])
                Model.web_search_read([], {name: {} for name in names}, limit=5)
        spec_menus = self.env["ir.ui.menu"].with_user(self.users["spec1"]).search([])
        self.assertIn(self.env.ref("consultation_point.consultation_point_menu_my_day"), spec_menus)
        self.assertNotIn(
            self.env.ref("consultation_point.consultation_point_menu_print"), spec_menus
        )

    # ------------------------------------------------------------ head
    def test_head_sees_everything_in_the_point(self):
        head = self.users["head"]
        self.assertEqual(
            sorted(self._names("consultation.note", head)), ["Observation A", "Observation B"]
        )
        self.assertEqual(
            self.env["consultation.referral"].with_user(head).search([]), self.referral_a
        )
        for model, records in (
            ("consultation.appointment", self.appt_a | self.appt_b),
            ("consultation.request", self.request_a | self.request_b),
            ("consultation.child", self.child | self.child_b),
            ("consultation.contract", self.contract_a | self.contract_b),
        ):
            self.assertEqual(
                self.env[model].with_user(head).search([("id", "in", records.ids)]), records, model
            )
        self.appt_b.line_ids.with_user(head).action_attended()
        self.point.with_user(head).write({"slot_minutes": 30})
        self.assertEqual(self.point.slot_minutes, 30)

    # ------------------------------------------------------------ portal
    def test_portal_parent_sees_only_the_own_family(self):
        parent = self.portal_a
        for model, own in (
            ("consultation.child", self.child),
            ("consultation.request", self.request_a),
            ("consultation.appointment", self.appt_a),
            ("consultation.appointment.line", self.appt_a.line_ids),
            ("consultation.contract", self.contract_a),
        ):
            self.assertEqual(self.env[model].with_user(parent).search([]), own, model)
        for other in (
            self.child_b,
            self.request_b,
            self.appt_b,
            self.appt_b.line_ids,
            self.contract_b,
        ):
            with self.assertRaises(AccessError, msg=other._name):
                other.with_user(parent).read(["display_name"])
        self.assertEqual(self.appt_a.with_user(parent).recommendations, self.appt_a.recommendations)
        for model in ("consultation.note", "consultation.referral"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(parent).search([])
        with self.assertRaises(AccessError):
            self.note_a.with_user(parent).read(["body"])
        with self.assertRaises(AccessError):
            self.request_a.with_user(parent).write({"question": "changed"})
        with self.assertRaises(AccessError):
            self.env["consultation.request"].with_user(parent).create(
                {
                    "point_id": self.point.id,
                    "partner_id": self.partner.id,
                    "child_id": self.child.id,
                }
            )

    def test_portal_reads_only_public_founding_documents(self):
        Document = self.env["consultation.point.document"]
        public = Document.create(
            {"point_id": self.point.id, "name": "Regulation", "file": "aGk=", "public": True}
        )
        Document.create({"point_id": self.point.id, "name": "Staffing", "file": "aGk="})
        self.assertEqual(Document.with_user(self.portal_a).search([]), public)

    # ------------------------------------------------------------ others
    def test_ordinary_employee_has_no_access(self):
        employee = self.users["employee"]
        for model in (
            "consultation.request",
            "consultation.child",
            "consultation.appointment",
            "consultation.note",
            "consultation.contract",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(employee).search([])

    def test_other_preschool_is_hidden(self):
        other = self.setup_point(self.env, suffix="_2")
        company2, point2, users2, spec2_1 = other.company, other.point, other.users, other.spec1
        partner2, child2 = self.make_family(self.env, company2, "Other", 4)
        request2 = self.env["consultation.request"].create(
            {"point_id": point2.id, "partner_id": partner2.id, "child_id": child2.id}
        )
        head = self.users["head"]
        self.assertNotIn(request2, self.env["consultation.request"].with_user(head).search([]))
        self.assertNotIn(child2, self.env["consultation.child"].with_user(head).search([]))
        with self.assertRaises(AccessError):
            request2.with_user(head).read(["name"])
        self.assertNotIn(
            self.request_a, self.env["consultation.request"].with_user(users2["head"]).search([])
        )
        self.assertTrue(spec2_1)

    def test_head_adds_a_holiday_and_hours_on_the_point(self):
        head = self.users["head"]
        with Form(self.point.with_user(head)) as form:
            with form.leave_ids.new() as leave:
                leave.name = "Closed for repairs"
                leave.date_from = utc(next_weekday(1), 0)
                leave.date_to = utc(next_weekday(1), 23)
        self.assertIn("Closed for repairs", self.calendar.leave_ids.mapped("name"))
        self.assertFalse(self.point._get_free_slots(self.topic, next_weekday(1), next_weekday(1)))
        self.calendar.with_user(head).attendance_ids[:1].hour_to = 11
