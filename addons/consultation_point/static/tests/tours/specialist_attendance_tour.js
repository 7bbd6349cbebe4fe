import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("consultation_point_specialist_attendance", {
    steps: () => [
        {
            content: "The family is booked on the consultation",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Child T')",
        },
        {
            content: "Record that the family came",
            trigger: ".o_field_widget[name=line_ids] .o_data_row button[name=action_attended]",
            run: "click",
        },
        {
            content: "The family is marked as attended",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains('Attended')",
        },
        {
            content: "Open the confidential notes",
            trigger: ".o_notebook a.nav-link:contains('Confidential notes')",
            run: "click",
        },
        {
            content: "Add a note",
            trigger: ".o_field_widget[name=note_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Write the subject",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Plays alone, avoids eye contact",
        },
        {
            content: "Pick the child",
            trigger: ".modal .o_field_widget[name=child_id] input",
            run: "edit Child T",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Child T')",
            run: "click",
        },
        {
            content: "Save the note",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The note is listed",
            trigger: ".o_field_widget[name=note_ids] .o_data_row:contains('Plays alone')",
        },
        {
            content: "Save the consultation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Close the consultation",
            trigger: ".o_form_saved button[name=action_done]",
            run: "click",
        },
        {
            content: "The consultation is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
