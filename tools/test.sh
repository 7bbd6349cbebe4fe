#!/usr/bin/env bash
# make test: a fresh throw-away database with the addons, then every test
# through pytest-odoo with --odoo-http (HttpCase and browser tours run for
# real in headless Chromium). A skipped test fails the run (conftest.py).
source "$(dirname "$0")/common.sh"
ODOO="$(bash "$ROOT/tools/find_odoo.sh")"
command -v chromium >/dev/null || die "Chromium is missing: browser tests would be skipped. Run 'make deps' as root or apt-get install chromium."
"$PY" -c 'import websocket' 2>/dev/null || die "websocket-client is missing from .venv: browser tests would be skipped. Run 'make deps'."
bash "$ROOT/tools/pg.sh" start
CONF="$RUN_DIR/odoo-$TEST_DB.conf"
bash "$ROOT/tools/odoo_conf.sh" "$CONF" "$TEST_DB" "${TEST_PORT:-8169}"
# tools/test_dates.sh has just made the database at the faked date: KG_SKIP_SETUP=1.
if [ -z "${KG_SKIP_SETUP:-}" ]; then
  "$PY" "$ROOT/tools/setup_db.py" --config "$CONF" --db "$TEST_DB" --addons "$ADDONS" \
    --odoo-bin "$ODOO/odoo-bin" --log "$RUN_DIR/setup-$TEST_DB.log" --fresh
fi

paths=()
IFS=',' read -ra mods <<<"$ADDONS"
for m in "${mods[@]}"; do
  [ -d "$ROOT/addons/$m/tests" ] && paths+=("addons/$m/tests")
done
# End-to-end tests span the addons: only when everything is installed.
[ "$ADDONS" = "$ALL_ADDONS" ] && paths+=("tests")
[ -n "${TESTS:-}" ] && read -ra paths <<<"$TESTS"

info "Running the tests: ${paths[*]}"
cd "$ROOT"
set +e
"$PY" -m pytest -p no:cacheprovider -o addopts= \
  --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http --odoo-log-level=warn \
  "${paths[@]}" ${PYTEST_ARGS:-}
rc=$?
set -e
exit $rc
