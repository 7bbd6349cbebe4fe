#!/usr/bin/env bash
# Create .venv and install the pinned Python dependencies.
source "$(dirname "$0")/common.sh"
command -v python3.11 >/dev/null || command -v python3 >/dev/null || die "Python 3.11 is needed (python3.11 or python3 on PATH)."
PYBIN="$(command -v python3.11 || command -v python3)"
"$PYBIN" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
  || die "Python 3.11 is needed for Odoo 18.0's pinned requirements; $PYBIN is $("$PYBIN" --version)."
[ -x "$PY" ] || { info "Creating $VENV"; "$PYBIN" -m venv "$VENV" || die "python3 -m venv failed (apt-get install python3-venv?)"; }
info "Installing the pinned Python dependencies"
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$PY" -m pip install -q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-test.txt" -r "$ROOT/requirements-lint.txt" \
  || die "pip install of the requirements failed (see above)."
# OCA addons: without their `odoo` requirement, which is the source tree.
"$PY" -m pip install -q --no-deps -r "$ROOT/requirements-oca.txt" || die "pip install of the OCA addons failed (see above)."
