#!/usr/bin/env bash
# make pot: regenerate each addon's .pot from a database where the addons are
# up to date, then merge it into kk.po and ru.po (new terms stay empty until
# translated; the tests check that the translations load).
source "$(dirname "$0")/common.sh"
ODOO="$(bash "$ROOT/tools/find_odoo.sh")"
DB="${I18N_DB:-kindergarten_i18n}"
bash "$ROOT/tools/pg.sh" start
CONF="$RUN_DIR/odoo-$DB.conf"
bash "$ROOT/tools/odoo_conf.sh" "$CONF" "$DB" 8269
LOG="$RUN_DIR/i18n.log"
"$PY" "$ROOT/tools/setup_db.py" --config "$CONF" --db "$DB" --addons "$ADDONS" --odoo-bin "$ODOO/odoo-bin" --log "$LOG"
"$PY" "$ODOO/odoo-bin" -c "$CONF" -d "$DB" -u "$ADDONS" --stop-after-init --no-http --logfile="$LOG"
IFS=',' read -ra mods <<<"$ADDONS"
for m in "${mods[@]}"; do
  dir="$ROOT/addons/$m/i18n"
  mkdir -p "$dir"
  info "Exporting $m.pot"
  "$PY" "$ODOO/odoo-bin" -c "$CONF" -d "$DB" --i18n-export="$dir/$m.pot" --modules="$m" \
    --stop-after-init --no-http --logfile="$LOG"
  for lang in kk ru; do
    po="$dir/$lang.po"
    if [ -f "$po" ]; then
      msgmerge --quiet --update --no-fuzzy-matching --backup=none --no-wrap "$po" "$dir/$m.pot"
    else
      sed -e "s/^\"Language: \\\\n\"/\"Language: $lang\\\\n\"/" "$dir/$m.pot" > "$po"
    fi
  done
done
