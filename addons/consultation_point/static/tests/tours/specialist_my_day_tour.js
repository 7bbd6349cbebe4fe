import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("consultation_point_specialist_my_day", {
    steps: () => [
        {
            content: "Today's own consultation is listed",
            trigger: ".o_list_view .o_data_row:contains('Myday Spec One')",
        },
        {
            content: "Another specialist's consultation of today is not",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Myday Spec Two')))",
        },
        {
            content: "Nor is the own consultation of another day",
            trigger: ".o_list_view:not(:has(.o_data_row:nth-child(2)))",
        },
    ],
});
