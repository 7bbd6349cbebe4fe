#!/usr/bin/env bash
# make test-dates: the demo install, and where asked the whole suite, with the
# clock of every process moved to other dates (Debian's libfaketime, preloaded
# into PostgreSQL, Odoo, the test runner and Chromium alike).
#
#   DATES        dates for the demo install only (fresh database each time)
#   SUITE_DATES  dates for the demo install and then the whole suite
# A date is YYYY-MM-DD (10:00 in Asia/Almaty) or YYYY-MM-DDTHH:MM (Almaty).
# The embedded PostgreSQL is restarted under each date and stopped at the
# end; the table of results is printed and kept in .run/test-dates.md.
source "$(dirname "$0")/common.sh"

# All seven weekdays (the week of Nauryz: 22 March 2027 is a Monday and a
# public holiday), 29 February, the academic year turning on 1 September,
# the calendar year on 1 January, quarter ends, and a Friday 23:30 in Almaty
# (18:30 UTC, still Friday in UTC).
ALL_DATES="2027-03-22 2027-03-23 2027-03-24 2027-03-25 2027-03-26 2027-03-27 2027-03-28 \
2028-02-29 2027-08-31 2027-09-01 2027-12-31 2028-01-01 2027-03-31 2026-12-11T23:30"
DATES="${DATES-$ALL_DATES}"
SUITE_DATES="${SUITE_DATES-}"
DATES_DB="${DATES_DB:-kindergarten_dates}"
DATES_PORT="${DATES_PORT:-8269}"

embedded_pg || die "make test-dates moves PostgreSQL's clock too, so it needs the embedded PostgreSQL (unset PGHOST/PGPORT/PGUSER)."
LIB="$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -n 1)"
[ -n "$LIB" ] || die "libfaketime is missing: run 'make deps' as root, or apt-get install faketime."
if [ -f "$RUN_DIR/odoo.pid" ] && kill -0 "$(cat "$RUN_DIR/odoo.pid")" 2>/dev/null; then
  die "make run is serving from this folder; stop it first (make stop): test-dates restarts PostgreSQL under other dates."
fi
ODOO="$(bash "$ROOT/tools/find_odoo.sh")"
CONF="$RUN_DIR/odoo-$DATES_DB.conf"
bash "$ROOT/tools/odoo_conf.sh" "$CONF" "$DATES_DB" "$DATES_PORT"
mkdir -p "$RUN_DIR"
TABLE="$RUN_DIR/test-dates.md"

# The epoch of a date given in Asia/Almaty (UTC+5 since March 2024).
epoch_of() {
  local d="$1" t="10:00"
  case "$d" in *T*) t="${d#*T}"; d="${d%%T*}" ;; esac
  date -d "$d $t +05:00" +%s 2>/dev/null || die "not a date: $1 (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
}

# Run a command with every process's clock moved to a date (the clock runs on from there).
at_date() {
  local when="$1"; shift
  local offset=$(( when - $(date +%s) ))
  LD_PRELOAD="$LIB${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="$( [ $offset -ge 0 ] && printf '+' )$offset" \
    FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_DONT_RESET=1 "$@"
}

restart_pg_at() {
  bash "$ROOT/tools/pg.sh" stop
  at_date "$1" bash "$ROOT/tools/pg.sh" start
}

printf '| date (Asia/Almaty) | weekday | UTC | demo install | suite |\n|---|---|---|---|---|\n' >"$TABLE"
failed=0
run_one() {
  local d="$1" suite="$2" when demo_res suite_res="not run" t0 rc log
  when="$(epoch_of "$d")"
  local local_time utc weekday
  local_time="$(TZ=Asia/Almaty date -d "@$when" '+%Y-%m-%d %H:%M')"
  utc="$(TZ=UTC date -d "@$when" '+%Y-%m-%d %H:%M')"
  weekday="$(TZ=Asia/Almaty date -d "@$when" '+%A')"
  info "Date $local_time Asia/Almaty ($weekday, $utc UTC)"
  restart_pg_at "$when"
  log="$RUN_DIR/test-dates-${d//:/}.log"
  t0=$SECONDS
  if at_date "$when" "$PY" "$ROOT/tools/setup_db.py" --config "$CONF" --db "$DATES_DB" --addons "$ADDONS" \
      --odoo-bin "$ODOO/odoo-bin" --log "$RUN_DIR/setup-$DATES_DB.log" --fresh >"$log" 2>&1; then
    demo_res="ok ($((SECONDS - t0)) s)"
  else
    demo_res="FAILED: $(grep -m1 '^ERROR' "$log" | cut -c1-300)"
    failed=1
    suite=""
  fi
  if [ -n "$suite" ]; then
    t0=$SECONDS
    set +e
    at_date "$when" env TEST_DB="$DATES_DB" TEST_PORT="$DATES_PORT" KG_SKIP_SETUP=1 \
      bash "$ROOT/tools/test.sh" >>"$log" 2>&1
    rc=$?
    set -e
    suite_res="$(grep -E '^=+ .*(passed|failed|error).* in ' "$log" | tail -n 1 | tr -d '=' | sed 's/^ *//; s/ *$//')"
    [ -n "$suite_res" ] || suite_res="no result (exit $rc)"
    if [ $rc -ne 0 ]; then failed=1; suite_res="FAILED: $suite_res"; fi
    suite_res="$suite_res ($((SECONDS - t0)) s)"
  fi
  printf '| %s | %s | %s | %s | %s |\n' "$local_time" "$weekday" "$utc" "$demo_res" "$suite_res" >>"$TABLE"
  printf '    demo: %s; suite: %s (log: %s)\n' "$demo_res" "$suite_res" "$log"
}

trap 'bash "$ROOT/tools/pg.sh" stop' EXIT
for d in $DATES; do
  case " $SUITE_DATES " in *" $d "*) continue ;; esac
  run_one "$d" ""
done
for d in $SUITE_DATES; do run_one "$d" suite; done

echo
cat "$TABLE"
exit $failed
