#!/usr/bin/env bash
# Print the path of an Odoo 18.0 source tree, or one clear error line.
# Order: $ODOO_PATH, then an importable `odoo`, then /opt/odoo. A candidate
# counts only if it has odoo-bin and odoo/release.py says 18.0.
source "$(dirname "$0")/common.sh"

is_odoo18() {
  local d="$1"
  [ -n "$d" ] && [ -f "$d/odoo-bin" ] && [ -f "$d/odoo/release.py" ] \
    && grep -qE '^version_info = \(18, 0,' "$d/odoo/release.py"
}

candidates=()
[ -n "${ODOO_PATH:-}" ] && candidates+=("$ODOO_PATH")
for py in python3; do
  command -v "$py" >/dev/null 2>&1 || continue
  # An OCA wheel makes `odoo` an empty namespace package: __file__ is None.
  d=$("$py" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)) if odoo.__file__ else "")' 2>/dev/null || true)
  [ -n "$d" ] && candidates+=("$d")
done
candidates+=("${KG_ODOO_DEFAULT:-/opt/odoo}")

for c in "${candidates[@]}"; do
  if is_odoo18 "$c"; then
    (cd "$c" && pwd)
    exit 0
  fi
done
if [ -n "${ODOO_PATH:-}" ]; then
  die "ODOO_PATH=$ODOO_PATH is not an Odoo 18.0 source tree (needs odoo-bin and odoo/release.py saying 18.0). Clone it: git clone -b 18.0 --depth 1 https://github.com/odoo/odoo /opt/odoo"
fi
die "No Odoo 18.0 found (tried \$ODOO_PATH, an importable odoo, /opt/odoo). Get it: git clone -b 18.0 --depth 1 https://github.com/odoo/odoo /opt/odoo (or set ODOO_PATH=/path/to/odoo-18.0)"
