{
    "name": "Kindergarten Base",
    "summary": "Shared base of the Kazakhstan preschool addons: Kazakh language, "
    "preschool settings, head of preschool, academic year and IIN helpers",
    "version": "18.0.1.0.0",
    "category": "Kindergarten",
    "website": "https://github.com/kindergarten-kz/kindergarten",
    "author": "Kindergarten KZ",
    "license": "LGPL-3",
    "depends": ["base", "mail", "calendar"],
    "data": [
        "security/kindergarten_base_security.xml",
        "security/ir.model.access.csv",
        "data/res_lang_data.xml",
        "views/kindergarten_age_group_views.xml",
        "views/res_company_views.xml",
        "views/kindergarten_base_menus.xml",
    ],
    "demo": [
        "demo/kindergarten_base_demo.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "kindergarten_base/static/src/scss/kindergarten_report.scss",
        ],
        "web.assets_tests": [
            "kindergarten_base/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
