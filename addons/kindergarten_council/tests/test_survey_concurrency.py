import threading

from odoo import SUPERUSER_ID, api
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSurveyCodeRace(TransactionCase):
    """Two parents use the same code at the same moment: exactly one answer starts.

    Inside a TransactionCase nothing is committed, so the code is committed through a
    cursor of its own, and each thread uses it on its own cursor.
    """

    def _commit_fixtures(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            council = env["kindergarten.council"].create({"name": "Race board", "state": "active"})
            campaign = env["kindergarten.council.survey"].create(
                {"council_id": council.id, "year": 2031}
            )
            code = env["kindergarten.council.survey.code"]._issue(campaign, 1)
            return {"council": council.id, "campaign": campaign.id, "code": code.code}

    def _cleanup(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["survey.user_input"].search([("council_survey_id", "=", ids["campaign"])]).unlink()
            env["kindergarten.council.survey"].browse(ids["campaign"]).unlink()
            env["kindergarten.council"].browse(ids["council"]).unlink()

    def test_one_code_one_answer_under_concurrency(self):
        ids = self._commit_fixtures()
        self.addCleanup(self._cleanup, ids)
        barrier = threading.Barrier(2)
        results = []

        def use_code():
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                barrier.wait(timeout=10)

                def consume():
                    # As a request does: a serialization failure retries the whole step.
                    campaign = env["kindergarten.council.survey.code"]._consume(ids["code"])
                    if campaign:
                        env["survey.user_input"]._create_council_anonymous(campaign)
                    return bool(campaign)

                results.append(retrying(consume, env))

        threads = [threading.Thread(target=use_code) for _i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        self.assertEqual(sorted(results), [False, True])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            answers = env["survey.user_input"].search_count(
                [("council_survey_id", "=", ids["campaign"])]
            )
        self.assertEqual(answers, 1)
