from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models

from ..tools import overlaps, split_into_slots

DEFAULT_CONTRACT_KK = """<p>{{ point }} (бұдан әрі – Орындаушы) атынан меңгеруші {{ head }} және
ата-ана (заңды өкіл) {{ parent }} (бұдан әрі – Ата-ана) {{ children }} балаға
консультативтік көмек көрсету туралы осы шартты жасасты.</p>
<p><b>Орындаушы</b> ата-анаға тегін психологиялық-педагогикалық консультация береді,
консультация уақытын алдын ала хабарлайды және дербес деректердің құпиялығын сақтайды.</p>
<p><b>Ата-ана</b> консультацияға уақытында келеді, келе алмайтыны туралы алдын ала хабарлайды
және мамандардың ұсынымдарын ескереді.</p>
<p>Шарт {{ date_start }} бастап {{ date_end }} дейін әрекет етеді.</p>"""

DEFAULT_CONTRACT_RU = """<p>{{ point }} (далее – Исполнитель) в лице заведующей {{ head }} и
родитель (законный представитель) {{ parent }} (далее – Родитель) заключили настоящий
договор о консультативной помощи ребёнку {{ children }}.</p>
<p><b>Исполнитель</b> бесплатно оказывает родителю психолого-педагогические консультации,
заранее сообщает время консультации и соблюдает конфиденциальность персональных данных.</p>
<p><b>Родитель</b> своевременно приходит на консультацию, заранее предупреждает о неявке
и учитывает рекомендации специалистов.</p>
<p>Договор действует с {{ date_start }} по {{ date_end }}.</p>"""


class ConsultationPoint(models.Model):
    """The consultation point: a structural unit of a preschool (regulation 1.1)."""

    _name = "consultation.point"
    _description = "Consultation Point"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "company_id, name"

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        tracking=True,
    )
    head_id = fields.Many2one(
        "res.users",
        string="Head",
        tracking=True,
        help="The head of the preschool manages the point directly (regulation 2.9).",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Opening hours",
        help="The regulation: 2–3 times a week, in the morning and/or the evening.",
    )
    active = fields.Boolean(default=True)
    leave_ids = fields.One2many(
        related="resource_calendar_id.leave_ids",
        readonly=False,
        string="Public holidays and closures",
    )
    specialist_ids = fields.One2many("consultation.specialist", "point_id", string="Specialists")
    document_ids = fields.One2many(
        "consultation.point.document", "point_id", string="Founding documents"
    )
    hold_minutes = fields.Integer(
        string="Booking hold (minutes)",
        default=60,
        help="A slot a parent picked is released when nobody confirms it within this time.",
    )
    cancel_limit_hours = fields.Integer(
        string="Cancel/reschedule limit (hours)",
        default=24,
        help="Parents may cancel or reschedule up to this many hours before the start.",
    )
    slot_minutes = fields.Integer(string="Slot length (minutes)", required=True, default=45)
    contract_required = fields.Boolean(
        string="Contract before first confirmation",
        default=True,
        help="A family's first consultation cannot be confirmed without a signed contract.",
    )
    retention_months = fields.Integer(
        string="Retention (months)",
        default=36,
        help="A family's personal data is anonymised this long after its last contact.",
    )
    data_officer_id = fields.Many2one(
        "res.partner",
        string="Personal-data officer",
        help="The person responsible for personal data, shown on the website form.",
    )
    request_prefix = fields.Char(string="Request number prefix", default="КП", required=True)
    request_sequence_id = fields.Many2one("ir.sequence", readonly=True, copy=False)
    contract_template_kk = fields.Html(
        string="Contract template (Kazakh)", default=DEFAULT_CONTRACT_KK, sanitize=True
    )
    contract_template_ru = fields.Html(
        string="Contract template (Russian)", default=DEFAULT_CONTRACT_RU, sanitize=True
    )
    contract_months = fields.Integer(string="Contract validity (months)", default=12)
    consent_text_version = fields.Char(string="Consent text version", default="2025-1")
    consent_text = fields.Html(
        string="Consent text",
        translate=True,
        help="The text of the consent to personal-data processing a parent agrees to.",
    )

    _sql_constraints = [
        ("hold_positive", "CHECK(hold_minutes > 0)", "The booking hold must be positive."),
        ("slot_positive", "CHECK(slot_minutes >= 10)", "A slot lasts at least 10 minutes."),
        (
            "retention_positive",
            "CHECK(retention_months > 0)",
            "The retention period must be positive.",
        ),
        (
            "cancel_limit_positive",
            "CHECK(cancel_limit_hours >= 0)",
            "The cancel limit cannot be negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        points = super().create(vals_list)
        for point in points:
            point._ensure_request_sequence()
        return points

    @api.model
    def _default_point(self):
        """Return the current company's consultation point (the default of new records)."""
        return self.search([("company_id", "=", self.env.company.id)], limit=1)

    @api.model
    def _portal_points_of(self, partner):
        """Return the consultation points a family deals with: those of its requests and
        all of its company's (every point when it has neither)."""
        Point = self.sudo()
        points = (
            self.env["consultation.request"].sudo().search([("partner_id", "=", partner.id)])
        ).point_id
        company = partner.sudo().company_id
        if company:
            points |= Point.search([("company_id", "=", company.id)])
        return points or Point.search([])

    def _ensure_request_sequence(self):
        """Give the point its own yearly-numbered sequence of requests."""
        for point in self.filtered(lambda p: not p.request_sequence_id):
            point.request_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": _("Requests of %(point)s", point=point.name),
                        "code": f"consultation.request.{point.id}",
                        "prefix": "%(range_year)s/",
                        "padding": 4,
                        "use_date_range": True,
                        "company_id": point.company_id.id,
                    }
                )
            )

    def _get_free_slots(
        self,
        topic,
        date_from,
        date_to,
        specialists=None,
        slot_minutes=None,
        include_past=False,
    ):
        """Return the point's free slots for `topic` between two dates, earliest first.

        Each slot is a dict: specialist (record), start and stop (naive UTC). Slots come
        from the point's opening hours, the specialists' availability (`specialists`, or
        all the point's who take `topic`), leaves and holidays, minus the consultations
        already booked, and never lie in the past (unless `include_past`, for staff
        entering consultations that took place).
        """
        self.ensure_one()
        point = self.sudo()
        specialists = specialists.sudo() if specialists else point.specialist_ids
        if topic:
            specialists = specialists.filtered(lambda s: topic in s.topic_ids)
        length = timedelta(minutes=slot_minutes or point.slot_minutes)
        tz = pytz.timezone(point.resource_calendar_id.tz or "UTC")
        start = tz.localize(datetime.combine(date_from, time.min)).astimezone(pytz.utc)
        stop = tz.localize(datetime.combine(date_to, time.max)).astimezone(pytz.utc)
        now = pytz.utc.localize(fields.Datetime.now())
        booked = (
            self.env["consultation.appointment"]
            .sudo()
            .search_fetch(
                [
                    ("state", "!=", "cancelled"),
                    ("start", "<", stop.replace(tzinfo=None)),
                    ("stop", ">", start.replace(tzinfo=None)),
                    "|",
                    ("specialist_id", "in", specialists.ids),
                    ("other_specialist_ids", "in", specialists.ids),
                ],
                ["start", "stop", "specialist_id", "other_specialist_ids"],
            )
        )
        calendar = point.resource_calendar_id
        open_hours = calendar._work_intervals_batch(start, stop, tz=tz)[False] if calendar else None
        slots = []
        for spec in specialists:
            available = [(b, e) for b, e, _r in spec._available_intervals(start, stop, open_hours)]
            busy = [
                (pytz.utc.localize(a.start), pytz.utc.localize(a.stop))
                for a in booked
                if a.specialist_id == spec or spec in a.other_specialist_ids
            ]
            for slot in split_into_slots(available, length):
                if (include_past or slot[0] >= now) and not overlaps(slot, busy):
                    slots.append(
                        {
                            "specialist": spec,
                            "start": slot[0].astimezone(pytz.utc).replace(tzinfo=None),
                            "stop": slot[1].astimezone(pytz.utc).replace(tzinfo=None),
                        }
                    )
        return sorted(slots, key=lambda s: (s["start"], s["specialist"].sequence))

    def _next_request_number(self, day):
        """Return the next register number for a request received on `day`."""
        self.ensure_one()
        self._ensure_request_sequence()
        seq = self.request_sequence_id.sudo()._next(sequence_date=day)
        return f"{self.request_prefix}-{seq}"

    def _contract_template(self, lang):
        """Return the contract template in `lang` ('kk' or 'ru')."""
        self.ensure_one()
        return self.contract_template_ru if lang == "ru" else self.contract_template_kk
