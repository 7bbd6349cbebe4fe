import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from ..tools import iin_is_valid


class ResCompany(models.Model):
    """A company is a preschool organisation (МДҰ / ДО)."""

    _inherit = "res.company"

    preschool_kind = fields.Selection(
        [
            ("nursery", "Nursery"),
            ("nursery_kindergarten", "Nursery-kindergarten"),
            ("kindergarten", "Kindergarten"),
            ("mini_centre", "Mini-centre"),
        ],
        string="Kind of preschool",
    )
    preschool_legal_form = fields.Char(
        string="Legal form",
        help="E.g. КМҚК / ГККП (state municipal public enterprise).",
    )
    preschool_bin = fields.Char(
        string="BIN",
        size=12,
        help="Business identification number: 12 digits with a check digit.",
    )
    preschool_head_id = fields.Many2one(
        "res.partner",
        string="Head of the preschool",
        help="The head (меңгеруші / заведующая) who signs the preschool's documents.",
    )
    education_department_id = fields.Many2one(
        "res.partner",
        string="Education department",
        help="The district or city education department the preschool reports to.",
    )
    kindergarten_tz = fields.Selection(
        _tz_get,
        string="Preschool's time zone",
        default="Asia/Almaty",
        required=True,
        help="The zone of the preschool's meetings, consultations and deadlines, "
        "whoever enters them.",
    )
    preschool_age_group_ids = fields.One2many(
        "kindergarten.age.group", "company_id", string="Age groups"
    )

    def _kindergarten_tz(self):
        """Return the pytz zone of the preschool (Asia/Almaty unless set otherwise)."""
        self.ensure_one()
        return pytz.timezone(self.kindergarten_tz or "Asia/Almaty")

    @api.constrains("preschool_bin")
    def _check_preschool_bin(self):
        for company in self:
            if company.preschool_bin and not iin_is_valid(company.preschool_bin):
                raise ValidationError(
                    _(
                        "The BIN %(bin)s is not valid: it must have 12 digits and "
                        "a correct check digit.",
                        bin=company.preschool_bin,
                    )
                )
