"""Project-wide pytest hooks: a skipped test is a failed test here.

Odoo turns a missing Chromium, a missing websocket-client or a devtools
failure into a skip, which would otherwise pass silently.
"""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Skipped tests fail this project's run: {reason}"
