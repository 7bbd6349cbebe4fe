import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("consultation_point_head_journals", {
    steps: () => [
        {
            content: "Open the reporting menu",
            trigger: ".o_main_navbar button:contains('Reporting')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu a:contains('Requests by topic and channel')",
            run: "click",
        },
        {
            content: "The pivot of requests by topic and channel is shown",
            trigger: ".o_pivot .o_pivot_header_cell_closed, .o_pivot th:contains('Phone call')",
        },
        {
            content: "Open the journals menu",
            trigger: ".o_main_navbar button:contains('Journals')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu a:contains('Print a journal')",
            run: "click",
        },
        {
            content: "Choose the attendance journal",
            trigger: ".modal .o_field_widget[name=journal] select",
            run: "select \"attendance\"",
        },
        {
            content: "The XLSX export is offered for the attendance journal",
            trigger: ".modal button[name=action_export_xlsx]",
        },
        {
            trigger: ".modal .o_field_widget[name=journal] select",
            run: "select \"plan\"",
        },
        {
            content: "No XLSX for the work plan",
            trigger: ".modal:not(:has(button[name=action_export_xlsx])) button[name=action_print_pdf]",
        },
        {
            content: "Close the dialog",
            trigger: ".modal .modal-footer button:contains('Cancel')",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
