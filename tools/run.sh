#!/usr/bin/env bash
# make run: database, demo database, then Odoo in the foreground.
source "$(dirname "$0")/common.sh"
ODOO="$(bash "$ROOT/tools/find_odoo.sh")"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "Port $PORT is already in use (make stop, or PORT=8070 make run)."
fi
bash "$ROOT/tools/pg.sh" start
CONF="$RUN_DIR/odoo.conf"
bash "$ROOT/tools/odoo_conf.sh" "$CONF" "$DEMO_DB" "$PORT"
"$PY" "$ROOT/tools/setup_db.py" --config "$CONF" --db "$DEMO_DB" --addons "$ADDONS" \
  --odoo-bin "$ODOO/odoo-bin" --log "$RUN_DIR/setup-$DEMO_DB.log"
cat <<MSG

  Odoo is at http://localhost:$PORT  (database $DEMO_DB)
  Logins (login / password):
    admin       / admin        administrator, head of preschool
    accountant  / accountant   accountant (Accounting)
    secretary   / secretary    council secretary (Board of Trustees)
    specialist  / specialist   consultation specialist, psychologist (Consultation point)
    educator    / educator     consultation specialist, educator (Consultation point)
    nurse       / nurse        consultation specialist, medical worker (Consultation point)
    receptionist / receptionist  consultation point's receptionist (requests, bookings)
    parent      / parent       a parent on the portal (Consultation point)
    member      / member       a board member on the portal (Board of Trustees)
  Stop with Ctrl+C, then 'make stop' to stop PostgreSQL.

MSG
echo $$ > "$RUN_DIR/odoo.pid"
exec "$PY" "$ODOO/odoo-bin" -c "$CONF" --logfile="$RUN_DIR/odoo.log" --log-level=info
