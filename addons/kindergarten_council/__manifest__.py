{
    "name": "Kindergarten Board of Trustees",
    "summary": "Board of trustees of a Kazakhstan preschool: members, work plan, "
    "meetings with quorum and votes, minutes, oversight, events, survey",
    "version": "18.0.1.0.0",
    "category": "Kindergarten",
    "website": "https://github.com/kindergarten-kz/kindergarten",
    "author": "Kindergarten KZ",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "kindergarten_base",
        "mail",
        "calendar",
        "event",
        "survey",
        "portal",
        "account",
    ],
    "data": [
        "security/kindergarten_council_security.xml",
        "security/ir.model.access.csv",
        "views/kindergarten_council_views.xml",
        "views/kindergarten_council_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/kindergarten_council_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "kindergarten_council/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
