import { registry } from "@web/core/registry";

const APP = ".o_app[data-menu-xmlid='kindergarten_council.kindergarten_council_menu_root']";

registry.category("web_tour.tours").add("kindergarten_council_menu", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open the Board of Trustees app",
            trigger: APP,
            run: "click",
        },
        {
            content: "The boards list opens",
            trigger: ".o_breadcrumb:contains('Boards of Trustees')",
        },
    ],
});

registry.category("web_tour.tours").add("kindergarten_council_menu_hidden", {
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
            content: "No Board of Trustees app for an ordinary employee",
            trigger: `.o-dropdown--menu:not(:has(${APP}))`,
        },
    ],
});
