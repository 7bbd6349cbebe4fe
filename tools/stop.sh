#!/usr/bin/env bash
# make stop: stop Odoo (make run) and the embedded PostgreSQL.
source "$(dirname "$0")/common.sh"
if [ -f "$RUN_DIR/odoo.pid" ]; then
  pid="$(cat "$RUN_DIR/odoo.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/odoo.pid"
fi
bash "$ROOT/tools/pg.sh" stop
