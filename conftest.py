"""Project-wide pytest hooks: a skipped test is a failed test here.

Odoo turns a missing Chromium, a missing websocket-client or a devtools
failure into a skip, which would otherwise pass silently.
"""

import ast
import logging
import sys
import threading

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


# CPython before 3.11.8 (gh-106905) raises "SystemError: AST constructor
# recursion depth mismatch" when two threads turn source into AST objects at
# the same moment, which happens here when the test thread and Odoo's HTTP
# server thread both parse (manifests, literal_eval). The machines this
# project runs on have 3.11.7, so its test runs serialise ast.parse; Python
# 3.11.8 and later need nothing.
if sys.version_info < (3, 11, 8):  # noqa: UP036 - a patch release matters here
    _ast_parse = ast.parse
    _ast_lock = threading.RLock()

    def _serialised_ast_parse(*args, **kwargs):
        with _ast_lock:
            return _ast_parse(*args, **kwargs)

    ast.parse = _serialised_ast_parse
