# shellcheck shell=bash
# Shared settings of the project's scripts. Sourced, never run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
PORT="${PORT:-8069}"
DEMO_DB="${DEMO_DB:-kindergarten_demo}"
TEST_DB="${TEST_DB:-kindergarten_test}"
# Addons we install and test; ADDONS=kindergarten_council narrows a run.
ALL_ADDONS="kindergarten_base,kindergarten_council,consultation_point,kindergarten_website"
ADDONS="${ADDONS:-$ALL_ADDONS}"

die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
info() { printf '==> %s\n' "$*"; }

# Embedded PostgreSQL: used unless PGHOST/PGPORT/PGUSER say otherwise.
embedded_pg() { [ -z "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; }

PG_LINK="$RUN_DIR/pg"            # the cluster (a folder, or a link when run as root)
owner_reaches() {
  id postgres >/dev/null 2>&1 && runuser -u postgres -- test -x "$1" 2>/dev/null
}
pg_socket_dir() {
  # Unix socket paths must stay under ~100 bytes, and run as root the
  # cluster's owner (`postgres`) must reach the folder: a clone inside a
  # private folder (mode 700) is not reachable, so root uses /tmp.
  local d="$RUN_DIR/pgsock"
  if [ ${#d} -gt 80 ] || { [ "$(id -u)" -eq 0 ] && ! owner_reaches "$ROOT"; }; then
    d="/tmp/kgpg-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)"
  fi
  printf '%s' "$d"
}
PG_SOCK="$(pg_socket_dir)"
PG_EMBEDDED_PORT=5432

db_host() { if embedded_pg; then printf '%s' "$PG_SOCK"; else printf '%s' "${PGHOST:-}"; fi; }
db_port() { if embedded_pg; then printf '%s' "$PG_EMBEDDED_PORT"; else printf '%s' "${PGPORT:-5432}"; fi; }
db_user() { if embedded_pg; then printf 'odoo'; else printf '%s' "${PGUSER:-${USER:-odoo}}"; fi; }

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { printf '%s' "$d"; return 0; }
  done
  return 1
}
