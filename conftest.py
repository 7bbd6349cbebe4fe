"""Project-wide pytest hooks: a skipped test is a failed test here.

Odoo turns a missing Chromium, a missing websocket-client or a devtools
failure into a skip, which would otherwise pass silently.
"""

import logging

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Skipped tests fail this project's run: {reason}"


class _NoTestFrameworkImportError(logging.Filter):
    """pytest-odoo imports odoo.tests before test mode is on; Odoo then logs a
    misleading ERROR with a stack trace. Test mode is switched on per test
    module by pytest-odoo, so that message is noise here."""

    def filter(self, record):
        return not str(record.msg).startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_NoTestFrameworkImportError())
