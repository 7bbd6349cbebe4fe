{
    "name": "Kindergarten Website",
    "summary": "The public website of a Kazakhstan preschool: home page, header and footer "
    "built from the preschool, its consultation point and its board of trustees",
    "version": "18.0.1.0.0",
    "category": "Kindergarten",
    "website": "https://github.com/kindergarten-kz/kindergarten",
    "author": "Kindergarten KZ",
    "license": "AGPL-3",
    "depends": [
        "kindergarten_base",
        "kindergarten_council",
        "consultation_point",
        "website",
    ],
    "data": [
        "data/kindergarten_website_data.xml",
        "data/ir_cron_data.xml",
        "views/res_company_views.xml",
        "views/kindergarten_council_meeting_views.xml",
        "views/website_templates.xml",
    ],
    "demo": [
        "demo/kindergarten_website_demo.xml",
    ],
    "auto_install": True,
    "installable": True,
}
