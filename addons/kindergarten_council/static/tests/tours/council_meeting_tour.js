import { registry } from "@web/core/registry";

const ATTENDANCE = ".o_field_widget[name='attendance_ids']";
const AGENDA = ".o_field_widget[name='agenda_item_ids']";

registry.category("web_tour.tours").add("kindergarten_council_meeting_flow", {
    steps: () => [
        {
            content: "Create the year's meetings from the work plan",
            trigger: "button[name='action_create_meetings']",
            run: "click",
        },
        {
            content: "Open meeting No. 1",
            trigger: ".o_list_view.o_view_controller .o_data_cell[name='display_name']:contains('Meeting No. 1')",
            run: "click",
        },
        {
            content: "Its agenda is prefilled with the five items of 1.1, in the board's language (Kazakh)",
            trigger: `${AGENDA} .o_data_row:contains('қысқы кезеңіндегі')`,
        },
        {
            content: "Convene it",
            trigger: "button[name='action_convene']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The meeting is convened",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Convened')",
        },
        {
            content: "Open the attendance",
            trigger: "a.nav-link:contains('Attendance')",
            run: "click",
        },
        {
            content: "Edit the last member's attendance",
            trigger: `${ATTENDANCE} .o_data_row:last .o_data_cell[name='status']`,
            run: "click",
        },
        {
            content: "Mark the member absent",
            trigger: `${ATTENDANCE} .o_data_row:last input[data-value='absent']`,
            run: "click",
        },
        {
            content: "Open the agenda",
            trigger: "a.nav-link:contains('Agenda')",
            run: "click",
        },
        {
            content: "Edit the votes of the first item",
            trigger: `${AGENDA} .o_data_row:first .o_data_cell[name='votes_for']`,
            run: "click",
        },
        {
            content: "Four members voted for",
            trigger: `${AGENDA} .o_data_row:first .o_data_cell[name='votes_for'] input`,
            run: "edit 4",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The quorum sentence counts those present",
            trigger: ".alert-info:contains('4 of 5 members')",
        },
        {
            content: "The item is adopted",
            trigger: `${AGENDA} .o_data_row:first .badge:contains('Adopted')`,
        },
        {
            content: "Mark the meeting as held",
            trigger: "button[name='action_hold']",
            run: "click",
        },
        {
            content: "The meeting is held",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Held')",
        },
    ],
});
