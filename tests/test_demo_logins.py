"""Every login `make run` prints works against the running test server."""

import json
import re
import urllib.request
from pathlib import Path

import odoo

ROOT = Path(__file__).resolve().parent.parent


def printed_logins():
    """The (login, password, who) rows that tools/run.sh prints."""
    text = (ROOT / "tools/run.sh").read_text()
    rows = re.findall(r"^\s{4}(\w+)\s+/ (\w+)\s+(.+)$", text, re.M)
    assert len(rows) >= 5, rows
    return rows


def _authenticate(login, password):
    port = odoo.tools.config["http_port"]
    payload = {
        "jsonrpc": "2.0",
        "params": {"db": odoo.tools.config["db_name"], "login": login, "password": password},
    }
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/web/session/authenticate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.load(resp)


def test_login_page_is_served():
    port = odoo.tools.config["http_port"]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=60) as resp:
        assert resp.status == 200
        assert b"oe_login_form" in resp.read()


def test_every_printed_login_works():
    for login, password, _who in printed_logins():
        body = _authenticate(login, password)
        assert "error" not in body, (login, body.get("error"))
        assert body["result"]["uid"], login


def test_a_wrong_password_is_refused():
    body = _authenticate("secretary", "wrong-password")
    assert "error" in body
