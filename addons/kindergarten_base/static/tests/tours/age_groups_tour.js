import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("kindergarten_base_age_groups", {
    steps: () => [
        {
            content: "The list shows the demo age groups",
            trigger: ".o_data_cell:contains('Ересек топ')",
        },
        {
            content: "The control panel speaks Kazakh",
            trigger: ".o_breadcrumb:contains('Жас топтары')",
        },
        {
            content: "Add a group",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row [name='name'] input",
            run: "edit Тур тобы",
        },
        {
            trigger: ".o_data_row.o_selected_row [name='age_from'] input",
            run: "edit 3",
        },
        {
            trigger: ".o_data_row.o_selected_row [name='age_to'] input",
            run: "edit 4",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            trigger: ".o_data_cell:contains('Тур тобы')",
        },
    ],
});
