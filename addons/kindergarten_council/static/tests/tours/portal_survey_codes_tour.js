import { registry } from "@web/core/registry";

// The secretary e-mails an anonymous survey code to a parent (backend, not portal; the file
// name keeps to this developer's tour files).
registry.category("web_tour.tours").add("kindergarten_council_survey_codes", {
    steps: () => [
        {
            content: "Open this year's parent survey",
            trigger: ".o_data_row:contains('2025–2026') td.o_data_cell",
            run: "click",
        },
        {
            content: "Issue answer codes",
            trigger: "button[name='action_generate_codes']",
            run: "click",
        },
        {
            content: "Choose a parent",
            trigger: ".modal div[name='partner_ids'] input",
            run: "edit Нұрланова",
        },
        {
            content: "Pick her in the list",
            trigger: ".o-autocomplete--dropdown-item:contains('Нұрланова Әйгерім')",
            run: "click",
        },
        {
            content: "The parent is chosen",
            trigger: ".modal div[name='partner_ids'] .o_tag:contains('Нұрланова')",
        },
        {
            content: "Issue the codes",
            trigger: ".modal button[name='action_issue']",
            run: "click",
        },
        {
            content: "A notification tells the codes went out",
            trigger: ".o_notification",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
