import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("consultation_point_receptionist_reschedule", {
    steps: () => [
        {
            content: "Open the slot search of the consultation",
            trigger: ".o_form_view button[name=action_reschedule]",
            run: "click",
        },
        {
            content: "The free slots are listed",
            trigger: ".modal .o_field_widget[name=slot_ids] .o_data_row",
        },
        {
            content: "Move the consultation to the first free slot",
            trigger: ".modal .o_field_widget[name=slot_ids] .o_data_row:first button[name=action_pick]",
            run: "click",
        },
        {
            content: "The slot search is closed and the consultation is still confirmed",
            trigger: "body:not(:has(.modal)) .o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=confirmed]",
        },
    ],
});
