import { registry } from "@web/core/registry";

const APP = ".o_app[data-menu-xmlid='consultation_point.consultation_point_menu_root']";

registry.category("web_tour.tours").add("consultation_point_menu", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Consultation Point app",
            trigger: APP,
            run: "click",
        },
        {
            content: "Open the configuration menu",
            trigger: ".o_main_navbar button:contains('Configuration')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu a:contains('Consultation Points')",
            run: "click",
        },
        {
            content: "The points list opens",
            trigger: ".o_breadcrumb:contains('Consultation Points')",
        },
    ],
});

registry.category("web_tour.tours").add("consultation_point_menu_hidden", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Other apps are listed",
            trigger: ".o_app",
        },
        {
            content: "No Consultation Point app for an ordinary employee",
            trigger: `.o-dropdown--menu:not(:has(${APP}))`,
        },
    ],
});
