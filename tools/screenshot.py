"""Take headless-Chromium screenshots of a running Odoo (for the README and reviews).

Usage: .venv/bin/python tools/screenshot.py --url http://localhost:8069 --login secretary \
           --password secretary --out docs/img/x.png /odoo/action-...  [--wait 4] [--width 1400]

Logs in through /web/session/authenticate, hands the session cookie to Chromium over the
DevTools protocol, opens the page, waits, and writes a PNG.
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from urllib.parse import urlparse

import websocket


def login(base, db, user, password):
    """Return the session_id cookie of a fresh login."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = {"jsonrpc": "2.0", "params": {"db": db, "login": user, "password": password}}
    req = urllib.request.Request(
        f"{base}/web/session/authenticate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with opener.open(req, timeout=30) as resp:
        body = json.load(resp)
    if body.get("error"):
        raise SystemExit(f"login failed: {body['error']['data']['message']}")
    return next(c.value for c in jar if c.name == "session_id")


class Chrome:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="kg-shot-")
        with socket.socket() as sock:  # a free port: screenshots may run side by side
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={port}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as r:
                    pages = [p for p in json.load(r) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=60)
        self.msg_id = 0

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(json.dumps({"id": self.msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                return msg.get("result", {})

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--url", default=f"http://localhost:{os.environ.get('PORT', '8069')}")
    parser.add_argument("--db", default=os.environ.get("DEMO_DB", "kindergarten_demo"))
    parser.add_argument("--login")
    parser.add_argument("--password")
    parser.add_argument("--out", required=True)
    parser.add_argument("--wait", type=float, default=4)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    opts = parser.parse_args()
    chrome = Chrome(opts.width, opts.height)
    try:
        chrome.call("Network.enable")
        if opts.login:
            sid = login(opts.url, opts.db, opts.login, opts.password)
            host = urlparse(opts.url).hostname
            chrome.call("Network.setCookie", name="session_id", value=sid, domain=host, path="/")
        chrome.call("Page.enable")
        chrome.call("Page.navigate", url=opts.url + opts.path)
        time.sleep(opts.wait)
        shot = chrome.call("Page.captureScreenshot", format="png")
        os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
        with open(opts.out, "wb") as fh:
            fh.write(base64.b64decode(shot["data"]))
    finally:
        chrome.close()
    print(opts.out)


if __name__ == "__main__":
    main()
