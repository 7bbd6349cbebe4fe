"""End-to-end checks of the project's setup scripts (no Odoo server needed)."""

import os
import re
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _find_odoo(env_extra):
    env = {k: v for k, v in os.environ.items() if k != "ODOO_PATH"}
    env.update(env_extra)
    return subprocess.run(
        ["bash", str(ROOT / "tools/find_odoo.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _fake_odoo(tmp_path, version):
    tree = tmp_path / f"odoo{version}"
    (tree / "odoo").mkdir(parents=True)
    (tree / "odoo-bin").write_text("#!/usr/bin/env python3\n")
    (tree / "odoo/release.py").write_text(f"version_info = ({version}, 0, 0, FINAL, 0, '')\n")
    return tree


def test_odoo_path_wins_when_it_is_odoo_18(tmp_path):
    tree = _fake_odoo(tmp_path, 18)
    res = _find_odoo({"ODOO_PATH": str(tree)})
    assert res.returncode == 0
    assert res.stdout.strip() == str(tree)


def test_odoo_17_is_not_a_candidate_and_missing_odoo_is_one_clear_line(tmp_path):
    tree = _fake_odoo(tmp_path, 17)
    res = _find_odoo({"ODOO_PATH": str(tree), "KG_ODOO_DEFAULT": str(tmp_path / "none")})
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "not an Odoo 18.0 source tree" in lines[0]
    assert "Unset it to let the setup fetch one" in lines[0]


def _no_odoo_env(tmp_path, url):
    return {
        "KG_ODOO_DEFAULT": str(tmp_path / "none"),
        "KG_ODOO_FETCH_DIR": str(tmp_path / "run" / "odoo"),
        "ODOO_GIT_URL": url,
        "PATH": "/usr/bin:/bin",
    }


def test_no_odoo_and_no_network_is_one_clear_error_line(tmp_path):
    res = _find_odoo(_no_odoo_env(tmp_path, f"file://{tmp_path}/unreachable.git"))
    assert res.returncode == 1
    out = res.stderr.strip().splitlines()
    assert out[0].startswith("==> No Odoo 18.0 found"), res.stderr
    assert len(out) == 2 and out[1].startswith("ERROR: Could not fetch Odoo 18.0 from file://")
    assert "ODOO_PATH" in out[1]
    assert not (tmp_path / "run" / "odoo").exists()
    assert not (tmp_path / "run" / "odoo.part").exists()


def test_no_odoo_fetches_a_shallow_clone_once_and_reuses_it(tmp_path):
    """Without a tree, the setup clones ODOO_REF of ODOO_GIT_URL into .run/odoo, once."""
    upstream = _fake_odoo(tmp_path, 18)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-C", str(upstream)]
    subprocess.run([*git, "init", "-q", "-b", "18.0"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "odoo"], check=True)
    env = _no_odoo_env(tmp_path, f"file://{upstream}")
    fetched = tmp_path / "run" / "odoo"

    res = _find_odoo(env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == str(fetched)
    assert f"fetching 18.0 of file://{upstream} into {fetched}" in res.stderr
    assert (fetched / "odoo-bin").is_file()
    # Shallow: one commit of history.
    depth = subprocess.run(
        ["git", "-C", str(fetched), "rev-list", "--count", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert depth.stdout.strip() == "1"

    again = _find_odoo(env)
    assert again.returncode == 0
    assert again.stdout.strip() == str(fetched)
    assert "fetching" not in again.stderr


def test_a_fetched_tree_that_is_not_18_is_refused(tmp_path):
    upstream = _fake_odoo(tmp_path, 17)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-C", str(upstream)]
    subprocess.run([*git, "init", "-q", "-b", "18.0"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "odoo"], check=True)
    res = _find_odoo(_no_odoo_env(tmp_path, f"file://{upstream}"))
    assert res.returncode == 1
    assert "is not Odoo 18.0" in res.stderr.strip().splitlines()[-1]
    assert not (tmp_path / "run" / "odoo").exists()


def test_manifests_dependencies_are_all_available():
    """Every dependency is ours, in Odoo's tree, or pinned in requirements-oca.txt."""
    odoo = Path(
        subprocess.run(
            ["bash", str(ROOT / "tools/find_odoo.sh")], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    ours = {p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py")}
    oca = {
        line.split("==")[0].strip().removeprefix("odoo-addon-").replace("-", "_")
        for line in (ROOT / "requirements-oca.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for manifest in (ROOT / "addons").glob("*/__manifest__.py"):
        data = eval(manifest.read_text())  # noqa: S307 - our own manifest
        assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), manifest
        for dep in data["depends"]:
            in_odoo = (odoo / "addons" / dep).is_dir() or (odoo / "odoo/addons" / dep).is_dir()
            assert dep in ours or in_odoo or dep in oca, f"{manifest.parent.name}: {dep}"
        # The main addons install on their own: neither depends on the other. Only a bridge
        # between them (kindergarten_website), installed by itself with both, may.
        if manifest.parent.name != "kindergarten_base":
            assert "kindergarten_base" in data["depends"]
            if not data.get("auto_install"):
                others = ours - {"kindergarten_base", manifest.parent.name}
                assert not others & set(data["depends"]), manifest.parent.name
        for lang in ("kk.po", "ru.po", f"{manifest.parent.name}.pot"):
            assert (manifest.parent / "i18n" / lang).is_file(), f"{manifest.parent.name}: {lang}"


def test_make_run_refuses_a_taken_port_with_one_clear_line():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        env = dict(os.environ, PORT=str(port))
        res = subprocess.run(
            ["bash", str(ROOT / "tools/run.sh")],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    assert res.returncode == 1
    assert res.stderr.strip() == (
        f"ERROR: Port {port} is already in use (make stop, or PORT=8070 make run)."
    )


def test_every_term_has_kazakh_and_russian_translations():
    """Each addon's .pot terms are all translated, not fuzzy, in kk.po and ru.po."""
    import polib

    for pot_path in (ROOT / "addons").glob("*/i18n/*.pot"):
        terms = {(e.msgctxt, e.msgid) for e in polib.pofile(str(pot_path)) if e.msgid}
        for lang in ("kk", "ru"):
            po = polib.pofile(str(pot_path.parent / f"{lang}.po"))
            done = {
                (e.msgctxt, e.msgid)
                for e in po
                if e.msgstr and "fuzzy" not in e.flags and not e.obsolete
            }
            missing = sorted(m for _c, m in terms - done)
            assert not missing, f"{pot_path.parent.parent.name} {lang}.po lacks: {missing[:10]}"


def _setup_db_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("setup_db", ROOT / "tools/setup_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_demo_that_did_not_load_stops_the_setup_naming_the_module(tmp_path, monkeypatch, capsys):
    """Odoo only warns when a module's demo fails; the setup refuses the partial demo."""
    import pytest

    setup_db = _setup_db_module()
    traceback = (
        "Traceback (most recent call last):\n"
        '  File "/odoo/odoo/tools/convert.py", line 1, in _tag_record\n'
        "odoo.exceptions.ValidationError: The start date of the time off must be earlier"
        " than the end date.\n\n"
        "The above exception was the direct cause of the following exception:\n\n"
        "odoo.tools.convert.ParseError: while parsing"
        " /addons/consultation_point/demo/consultation_point_demo.xml:190, somewhere inside\n"
        "<record id='leave_nurse_training' model='resource.calendar.leaves'>\n"
        "View error context:\n'-no context-'\n"
    )
    monkeypatch.setattr(
        setup_db, "query", lambda conf, db, sql, args=(): [("consultation_point", traceback)]
    )
    log = tmp_path / "setup.log"
    with pytest.raises(SystemExit) as exc:
        setup_db.check_demo({}, "db", str(log))
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("ERROR: the demo data of module consultation_point did not load")
    assert (
        "First error: odoo.exceptions.ValidationError: The start date of the time off must be"
        " earlier than the end date. (while loading"
        " /addons/consultation_point/demo/consultation_point_demo.xml:190)" in err
    ), err
    assert "leave_nurse_training" in log.read_text()

    monkeypatch.setattr(setup_db, "query", lambda conf, db, sql, args=(): [])
    setup_db.check_demo({}, "db", str(log))  # a whole demo passes
