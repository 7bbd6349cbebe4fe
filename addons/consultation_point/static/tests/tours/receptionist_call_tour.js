import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("consultation_point_receptionist_call", {
    steps: () => [
        {
            content: "Open the Requests menu",
            trigger: ".o_main_navbar button:contains('Requests')",
            run: "click",
        },
        {
            content: "Register a phone call",
            trigger: ".o-dropdown--menu a:contains('Register a call')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=phone] input",
            run: "edit +7 701 999 0011",
        },
        {
            trigger: ".modal .o_field_widget[name=parent_name] input",
            run: "edit Caller Parent",
        },
        {
            trigger: ".modal .o_field_widget[name=child_name] input",
            run: "edit Caller Child",
        },
        {
            trigger: ".modal .o_field_widget[name=child_birth_date] input",
            run: "edit 01/15/2023",
        },
        {
            trigger: ".modal .o_field_widget[name=question] textarea",
            run: "edit Does not sleep at night",
        },
        {
            content: "The parent consents on the phone",
            trigger: ".modal .o_field_widget[name=consent_given] input",
            run: "click",
        },
        {
            content: "Register the request",
            trigger: ".modal button[name=action_create]",
            run: "click",
        },
        {
            content: "The request is in the register with its number",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('КП-')",
        },
    ],
});
