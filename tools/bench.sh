#!/usr/bin/env bash
# make bench: run the benchmark scripts in bench/ against a benchmark database
# (kept between runs), write the figures to bench/results/<time>-<commit>.json
# and print them side by side with the previous run. Timings are medians of
# several runs; the machine's load matters, so compare runs made on one machine.
source "$(dirname "$0")/common.sh"
ODOO="$(bash "$ROOT/tools/find_odoo.sh")"
DB="${BENCH_DB:-kindergarten_bench}"
bash "$ROOT/tools/pg.sh" start
CONF="$RUN_DIR/odoo-$DB.conf"
bash "$ROOT/tools/odoo_conf.sh" "$CONF" "$DB" 8369
LOG="$RUN_DIR/bench.log"
"$PY" "$ROOT/tools/setup_db.py" --config "$CONF" --db "$DB" --addons "$ADDONS" \
  --odoo-bin "$ODOO/odoo-bin" --log "$LOG"
mkdir -p "$ROOT/bench/results"
stamp="$(date -u +%Y%m%dT%H%M%S)-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo nogit)"
for script in "$ROOT"/bench/bench_*.py; do
  name="$(basename "$script" .py)"
  out="$ROOT/bench/results/$stamp-$name.json"
  info "Running $name"
  BENCH_OUT="$out" "$PY" "$ODOO/odoo-bin" shell -c "$CONF" -d "$DB" --no-http \
    --logfile="$LOG" < "$script" >/dev/null || die "$name failed; see $LOG"
  [ -s "$out" ] || die "$name wrote no figures; see $LOG"
  "$PY" "$ROOT/bench/compare.py" "$ROOT/bench/results" "$name"
done
