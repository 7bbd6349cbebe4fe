"""Create (or complete) a database with our addons, idempotently.

Usage: setup_db.py --config FILE --db NAME --addons a,b,c [--fresh]

Steps, each skipped when already done:
1. base, with demo data;
2. the company becomes a Kazakhstan preschool (country KZ, currency KZT,
   Asia/Almaty), *before* `account` is installed: the chart of accounts is
   chosen at that moment and the currency locks once entries exist;
3. l10n_kz and our addons, with demo data; any ERROR or CRITICAL log line
   fails the step (as in the OCA's CI), and so does a module whose demo data
   did not load (Odoo only warns, records it in `ir_demo_failure` and carries
   on without the module's demo: a partial demo is never served or tested);
4. the Russian and Kazakh languages, with our translations.
"""

import argparse
import os
import re
import subprocess
import sys

import psycopg2

LOG_PROBLEM = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", re.M)
LANGS = ("ru_RU", "kk_KZ")
COMPANY_SETUP = """
country = env.ref("base.kz")
currency = env.ref("base.KZT")
currency.active = True
company = env.ref("base.main_company")
company.write({"country_id": country.id, "currency_id": currency.id})
env["res.users"].with_context(active_test=False).search([]).write({"tz": "Asia/Almaty"})
env.cr.commit()
"""
# Activate the languages and load every installed module's translations with
# the whole registry loaded: `odoo-bin --load-language` runs with only `base`
# in the registry and skips the terms of other models' records.
LANGUAGE_SETUP = """
codes = {codes!r}
for code in codes:
    env["res.lang"]._activate_lang(code)
env["ir.module.module"].search([("state", "=", "installed")])._update_translations(
    codes, overwrite=True
)
env.cr.commit()
"""


def fail(msg):
    print(f"ERROR: {msg}", file=sys.stderr)
    sys.exit(1)


def read_conf(path):
    conf = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if "=" in line:
                key, value = line.split("=", 1)
                conf[key.strip()] = value.strip()
    return conf


def connect(conf, dbname):
    params = {
        "dbname": dbname,
        "host": conf.get("db_host") or None,
        "port": conf.get("db_port") or None,
        "user": conf.get("db_user") or None,
    }
    if conf.get("db_password") not in (None, "", "False"):
        params["password"] = conf["db_password"]
    return psycopg2.connect(**params)


def db_exists(conf, db):
    with connect(conf, "postgres") as cnx, cnx.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,))
        return bool(cr.fetchone())


def query(conf, db, sql, args=()):
    cnx = connect(conf, db)
    try:
        with cnx.cursor() as cr:
            cr.execute(sql, args)
            return cr.fetchall()
    finally:
        cnx.close()


def drop_db(conf, db):
    cnx = connect(conf, "postgres")
    cnx.autocommit = True
    try:
        with cnx.cursor() as cr:
            cr.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                (db,),
            )
            cr.execute(f'DROP DATABASE IF EXISTS "{db}"')
    finally:
        cnx.close()


def installed(conf, db, modules):
    """Return which of `modules` are installed in `db` (none in an empty database)."""
    try:
        rows = query(
            conf,
            db,
            "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
            (list(modules),),
        )
    except psycopg2.errors.UndefinedTable:
        return set()
    return {r[0] for r in rows}


EXCEPTION_LINE = re.compile(r"^[\w.]*(Error|Exception|Warning)\b.*?: \S")
PARSED_FILE = re.compile(r"while parsing (\S+?:\d+)")


def first_error(traceback):
    """The exception's own line of a traceback, with the data file and line it was parsing."""
    lines = [line.strip() for line in traceback.splitlines() if line.strip()]
    exceptions = [line for line in lines if EXCEPTION_LINE.match(line)]
    # A data file's error is wrapped in a ParseError: the cause is the one before it.
    causes = [line for line in exceptions if "ParseError" not in line] or exceptions
    text = causes[-1] if causes else (lines[-1] if lines else "unknown error")
    where = PARSED_FILE.search(traceback)
    return f"{text} (while loading {where.group(1)})" if where else text


def demo_failures(conf, db):
    """Return [(module, first error)] for every module whose demo data failed to load."""
    try:
        rows = query(
            conf,
            db,
            "SELECT m.name, f.error FROM ir_demo_failure f"
            " JOIN ir_module_module m ON m.id = f.module_id ORDER BY f.id",
        )
    except psycopg2.errors.UndefinedTable:
        return [], ""
    failures, failures_text = [], []
    for name, error in rows:
        failures_text.append(f"# demo data of {name} failed:\n{error}\n")
        failures.append((name, first_error(error or "")))
    return failures, "".join(failures_text)


def check_demo(conf, db, log):
    failures, text = demo_failures(conf, db)
    if failures:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(text)
        name, error = failures[0]
        others = ", ".join(sorted({n for n, _e in failures[1:]} - {name}))
        fail(
            f"the demo data of module {name} did not load, so Odoo installed it without demo"
            f" (a partial demo is refused). First error: {error}"
            + (f" Other modules with failed demo data: {others}." if others else "")
            + f" Full traceback in {log}; drop the database (make clean) after fixing it."
        )


def odoo_bin(odoo_bin_path, config, db, args, logfile, stdin=None):
    """Run odoo-bin (a command or a `shell` session), fail on any ERROR/CRITICAL line."""
    cmd = [sys.executable, odoo_bin_path]
    common = ["-c", config, "-d", db, "--no-http", f"--logfile={logfile}"]
    if args[:1] == ["shell"]:
        cmd += ["shell", *common]
    else:
        cmd += [*common, "--stop-after-init", *args]
    with open(logfile, "a", encoding="utf-8") as log:
        log.write(f"\n# {' '.join(cmd)}\n")
    res = subprocess.run(cmd, input=stdin, text=True, capture_output=True, check=False)
    with open(logfile, "a", encoding="utf-8") as log:
        log.write(res.stdout)
        log.write(res.stderr)
    with open(logfile, encoding="utf-8") as log:
        lines = log.read().splitlines(keepends=True)
    problems = [line for line in lines if LOG_PROBLEM.match(line)]
    if res.returncode or problems:
        fail(f"Odoo failed ({' '.join(args[:2])}); see {logfile}\n{''.join(problems)[-2000:]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons", required=True)
    parser.add_argument("--odoo-bin", required=True, help="path of odoo-bin")
    parser.add_argument("--log", required=True)
    parser.add_argument("--fresh", action="store_true")
    opts = parser.parse_args()
    conf = read_conf(opts.config)
    addons = [a for a in opts.addons.split(",") if a]
    wanted = ["l10n_kz", *addons]
    if os.path.exists(opts.log):
        os.remove(opts.log)

    try:
        if opts.fresh:
            drop_db(conf, opts.db)
        exists = db_exists(conf, opts.db)
    except psycopg2.OperationalError as exc:
        fail(f"cannot reach PostgreSQL ({str(exc).strip().splitlines()[0]})")

    if exists:
        check_demo(conf, opts.db, opts.log)
    if exists and installed(conf, opts.db, wanted) == set(wanted):
        active = {r[0] for r in query(conf, opts.db, "SELECT code FROM res_lang WHERE active")}
        if set(LANGS) <= active:
            print(f"==> Database {opts.db} is ready (nothing to install)")
            return
    if not exists or not installed(conf, opts.db, ["base"]):
        print(f"==> Creating database {opts.db} (base with demo data)")
        odoo_bin(opts.odoo_bin, opts.config, opts.db, ["-i", "base"], opts.log)
    if not installed(conf, opts.db, ["account"]):
        print("==> Setting the company up as a Kazakhstan preschool (KZ, KZT)")
        odoo_bin(opts.odoo_bin, opts.config, opts.db, ["shell"], opts.log, stdin=COMPANY_SETUP)
    missing = [m for m in wanted if m not in installed(conf, opts.db, wanted)]
    if missing:
        print(f"==> Installing {', '.join(missing)} with demo data")
        odoo_bin(opts.odoo_bin, opts.config, opts.db, ["-i", ",".join(missing)], opts.log)
        check_demo(conf, opts.db, opts.log)
    print(f"==> Loading languages {', '.join(LANGS)}")
    odoo_bin(
        opts.odoo_bin,
        opts.config,
        opts.db,
        ["shell"],
        opts.log,
        stdin=LANGUAGE_SETUP.format(codes=list(LANGS)),
    )


if __name__ == "__main__":
    main()
