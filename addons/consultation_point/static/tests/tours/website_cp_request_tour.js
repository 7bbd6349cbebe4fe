/** @odoo-module **/

import { registry } from "@web/core/registry";

function birthDate() {
    const date = new Date();
    date.setFullYear(date.getFullYear() - 3);
    return date.toISOString().slice(0, 10);
}

registry.category("web_tour.tours").add("website_cp_request", {
    steps: () => [
        { trigger: ".o_cp_point_name" },
        { trigger: ".o_cp_request_link", run: "click" },
        { trigger: "#parent_name", run: "edit Тұрсынова Мәдина" },
        { trigger: "#phone", run: "edit +7 702 111 22 33" },
        { trigger: "#email", run: "edit tour.parent@example.kz" },
        { trigger: "#child_name", run: "edit Тұрсынов Әли" },
        {
            trigger: "#child_birth_date",
            run({ anchor }) {
                anchor.value = birthDate();
                anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        { trigger: "#topic_id", run: "selectByIndex 2" },
        { trigger: "#question", run: "edit Бала түнде жақсы ұйықтамайды." },
        { trigger: "#consent", run: "click" },
        { trigger: ".o_cp_submit", run: "click" },
        { trigger: ".o_cp_request_ok .o_cp_request_number" },
    ],
});
