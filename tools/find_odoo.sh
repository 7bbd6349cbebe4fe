#!/usr/bin/env bash
# Print the path of an Odoo 18.0 source tree, or one clear error line.
# Order: $ODOO_PATH, then an importable `odoo`, then /opt/odoo, then the tree
# this project fetched before into .run/odoo. When none is found, fetch one:
# a shallow clone of $ODOO_REF (default 18.0) from $ODOO_GIT_URL (default
# Odoo's official repository) into .run/odoo, reused on the next run.
# A candidate counts only if it has odoo-bin and odoo/release.py says 18.0.
# Messages go to stderr: stdout is the path only.
source "$(dirname "$0")/common.sh"

ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
ODOO_REF="${ODOO_REF:-18.0}"
FETCHED="${KG_ODOO_FETCH_DIR:-$RUN_DIR/odoo}"
FETCH_LOG="$FETCHED.fetch.log"

is_odoo18() {
  local d="$1"
  [ -n "$d" ] && [ -f "$d/odoo-bin" ] && [ -f "$d/odoo/release.py" ] \
    && grep -qE '^version_info = \(18, 0,' "$d/odoo/release.py"
}

if [ -n "${ODOO_PATH:-}" ]; then
  is_odoo18 "$ODOO_PATH" && { (cd "$ODOO_PATH" && pwd); exit 0; }
  die "ODOO_PATH=$ODOO_PATH is not an Odoo 18.0 source tree (needs odoo-bin and odoo/release.py saying 18.0). Unset it to let the setup fetch one into .run/odoo."
fi

candidates=()
for py in python3; do
  command -v "$py" >/dev/null 2>&1 || continue
  # An OCA wheel makes `odoo` an empty namespace package: __file__ is None.
  d=$("$py" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)) if odoo.__file__ else "")' 2>/dev/null || true)
  [ -n "$d" ] && candidates+=("$d")
done
candidates+=("${KG_ODOO_DEFAULT:-/opt/odoo}" "$FETCHED")

for c in "${candidates[@]}"; do
  if is_odoo18 "$c"; then
    (cd "$c" && pwd)
    exit 0
  fi
done

command -v git >/dev/null || die "No Odoo 18.0 found (tried \$ODOO_PATH, an importable odoo, /opt/odoo, .run/odoo) and git is missing to fetch one: apt-get install git, or set ODOO_PATH=/path/to/odoo-18.0."
mkdir -p "$(dirname "$FETCHED")"
printf '==> No Odoo 18.0 found (tried $ODOO_PATH, an importable odoo, /opt/odoo): fetching %s of %s into %s (a shallow clone, once; set ODOO_PATH to use your own)\n' \
  "$ODOO_REF" "$ODOO_GIT_URL" "$FETCHED" >&2
rm -rf "$FETCHED.part"
if ! git clone --quiet --depth 1 --branch "$ODOO_REF" "$ODOO_GIT_URL" "$FETCHED.part" >"$FETCH_LOG" 2>&1; then
  rm -rf "$FETCHED.part"
  die "Could not fetch Odoo $ODOO_REF from $ODOO_GIT_URL ($(grep -m1 -iE 'fatal|error' "$FETCH_LOG" || echo "see $FETCH_LOG")). Without network, set ODOO_PATH to an Odoo 18.0 source tree, or ODOO_GIT_URL to a reachable copy."
fi
is_odoo18 "$FETCHED.part" || { rm -rf "$FETCHED.part"; die "$ODOO_GIT_URL at $ODOO_REF is not Odoo 18.0 (odoo/release.py); set ODOO_REF or ODOO_GIT_URL."; }
mv "$FETCHED.part" "$FETCHED"
(cd "$FETCHED" && pwd)
