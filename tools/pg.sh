#!/usr/bin/env bash
# The embedded PostgreSQL cluster under .run/: `pg.sh start` or `pg.sh stop`.
# Run as root, the cluster belongs to the unprivileged `postgres` user
# (initdb refuses root); the role Odoo uses is `odoo` (Odoo refuses `postgres`).
source "$(dirname "$0")/common.sh"

mkdir -p "$RUN_DIR"
BIN="$(pg_bindir)" || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run 'make deps' (as root) or apt-get install postgresql."

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

data_dir() {
  # As root, the owner must be able to reach the folder; a clone inside a
  # private folder (mode 700) is not reachable by `postgres`, so the cluster
  # then lives in /var/tmp and .run/pg links to it.
  if [ -e "$PG_LINK" ]; then readlink -f "$PG_LINK"; return; fi
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
    mkdir -p "$PG_LINK"; chown postgres "$PG_LINK"
    if ! runuser -u postgres -- test -w "$PG_LINK"; then
      rmdir "$PG_LINK"
      local alt="/var/tmp/kindergarten-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)"
      rm -rf "$alt"; mkdir -p "$alt"; chown postgres "$alt"; chmod 700 "$alt"
      ln -s "$alt" "$PG_LINK"
    fi
  else
    mkdir -p "$PG_LINK"
  fi
  readlink -f "$PG_LINK"
}

start() {
  embedded_pg || exit 0
  local data; data="$(data_dir)"
  mkdir -p "$PG_SOCK"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_SOCK"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    info "Creating the embedded PostgreSQL cluster in $PG_LINK"
    as_owner "$BIN/initdb" -D "$data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN_DIR/initdb.log" 2>&1 \
      || die "initdb failed; see $RUN_DIR/initdb.log"
  fi
  if as_owner "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  # The server's log lives in its data folder: the owner can always write there.
  local LOG="$data/server.log"
  as_owner "$BIN/pg_ctl" -D "$data" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_SOCK' -p $PG_EMBEDDED_PORT -c fsync=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null 2>&1 || die "PostgreSQL cannot start; the last lines of $LOG say: $(tail -n 3 "$LOG" | tr '\n' ' ')"
}

stop() {
  embedded_pg || exit 0
  [ -e "$PG_LINK" ] || exit 0
  local data; data="$(readlink -f "$PG_LINK")"
  [ -f "$data/postmaster.pid" ] || exit 0
  as_owner "$BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: tools/pg.sh start|stop" ;;
esac
