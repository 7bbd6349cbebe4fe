from odoo import fields, models


class ConsultationPointDocument(models.Model):
    """A founding document of the point (regulation 2.9), optionally public."""

    _name = "consultation.point.document"
    _description = "Consultation Point Founding Document"
    _order = "point_id, sequence, id"

    point_id = fields.Many2one("consultation.point", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="point_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [
            ("order", "Head's order"),
            ("regulation", "Regulation"),
            ("staffing", "Staffing table"),
            ("job_descriptions", "Job descriptions"),
            ("regime", "Working regime"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    number = fields.Char()
    date = fields.Date()
    file = fields.Binary(attachment=True, required=True)
    file_name = fields.Char()
    public = fields.Boolean(help="Shown on the point's website page.")
