import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("kindergarten_council_portal_member", {
    steps: () => [
        {
            content: "Open the board meetings from My account",
            trigger: "a[href='/my/council/meetings']",
            run: "click",
        },
        {
            content: "Open the convened meeting",
            trigger: ".o_council_portal_meeting a:contains('Meeting No. 1')",
            run: "click",
        },
        {
            content: "The agenda is shown",
            trigger: ".o_council_portal_agenda li:contains('Күн тәртібі 1')",
        },
        {
            content: "Confirm attendance",
            trigger: "button.o_council_attend",
            run: "click",
        },
        {
            content: "The answer is recorded",
            trigger: ".o_council_attendance_saved",
        },
        {
            content: "Back to My account",
            trigger: ".o_portal_submenu a[href='/my/home']",
            run: "click",
        },
        {
            content: "Open my board actions",
            trigger: "a[href='/my/council/actions']",
            run: "click",
        },
        {
            content: "Mark my action done",
            trigger: ".o_council_portal_action:contains('Ата-аналар жиналысын өткізу') button.o_council_action_done",
            run: "click",
        },
        {
            content: "The action is done",
            trigger: ".o_council_portal_action:contains('Ата-аналар жиналысын өткізу'):not(:has(button.o_council_action_done))",
        },
    ],
});
