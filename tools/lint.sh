#!/usr/bin/env bash
# make lint: ruff, then pylint-odoo with the OCA's rules, over our code.
source "$(dirname "$0")/common.sh"
cd "$ROOT"
info "ruff"
"$VENV/bin/ruff" check addons tests tools bench conftest.py
"$VENV/bin/ruff" format --check addons tests tools bench conftest.py
info "pylint-odoo"
"$VENV/bin/pylint" --rcfile=.pylintrc addons/*/
