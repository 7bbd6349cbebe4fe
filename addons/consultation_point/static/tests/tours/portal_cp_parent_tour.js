/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("portal_cp_parent", {
    steps: () => [
        // Sign the contract sent by the head.
        { trigger: ".o_cp_portal_nav a[href$='/my/consultation/contracts']", run: "click" },
        { trigger: ".o_cp_contract_to_sign a", run: "click" },
        { trigger: ".o_cp_sign", run: "click" },
        { trigger: ".modal .o_portal_sign_submit:enabled", run: "click" },
        { trigger: ".o_cp_signed" },
        { trigger: ".o_cp_signed_by" },
        // Book a free slot, then confirm it.
        { trigger: ".o_cp_book", run: "click" },
        { trigger: ".o_cp_show_slots", run: "click" },
        { trigger: ".o_cp_slot:first", run: "click" },
        { trigger: ".o_cp_reserved" },
        { trigger: ".o_cp_confirm", run: "click" },
        { trigger: ".o_cp_confirmed" },
        // Register for a lecture.
        { trigger: ".o_cp_lectures", run: "click" },
        {
            trigger: ".o_cp_event:contains('Баланың мектепке дайындығы') .o_cp_register",
            run: "click",
        },
        { trigger: ".o_cp_registered" },
    ],
});
