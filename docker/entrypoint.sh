#!/bin/bash
# Create (once) the demo database exactly as `make run` does, then serve Odoo.
set -euo pipefail
DB="${DEMO_DB:-kindergarten_demo}"
python3 /opt/kindergarten/setup_db.py \
    --config /etc/odoo/odoo.conf --db "$DB" \
    --addons kindergarten_base,kindergarten_council,consultation_point,kindergarten_website \
    --odoo-bin /usr/bin/odoo --log /var/lib/odoo/setup-"$DB".log
if [ "${1:-odoo}" = "odoo" ]; then
    shift || true
    exec odoo -c /etc/odoo/odoo.conf -d "$DB" "$@"
fi
exec "$@"
