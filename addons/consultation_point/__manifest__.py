{
    "name": "Consultation Point",
    "summary": "Consultation point of a Kazakhstan preschool for children raised at "
    "home: requests, consultations, lectures, journals, parent contracts",
    "version": "18.0.1.0.0",
    "category": "Kindergarten",
    "website": "https://github.com/kindergarten-kz/kindergarten",
    "author": "Kindergarten KZ",
    "license": "AGPL-3",
    "application": True,
    "depends": [
        "kindergarten_base",
        "mail",
        "calendar",
        "resource",
        "event",
        "website_event",
        "portal",
        "website",
        "report_xlsx",
    ],
    "data": [
        "security/consultation_point_security.xml",
        "security/ir.model.access.csv",
        "views/consultation_point_views.xml",
        "views/consultation_point_menus.xml",
    ],
    "demo": [
        "demo/consultation_point_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "consultation_point/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
