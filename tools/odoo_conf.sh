#!/usr/bin/env bash
# Write an Odoo configuration file: tools/odoo_conf.sh FILE DBNAME HTTP_PORT
source "$(dirname "$0")/common.sh"
file="$1"; db="$2"; port="$3"
odoo="$(bash "$ROOT/tools/find_odoo.sh")"
site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
# `import odoo` in the venv must give the real tree, not the OCA wheels'
# empty namespace package: point a .pth file at it.
printf '%s\n' "$odoo" > "$site/zz_odoo_path.pth"
addons="$odoo/addons,$odoo/odoo/addons,$ROOT/addons"
[ -d "$site/odoo/addons" ] && addons="$addons,$site/odoo/addons"
mkdir -p "$RUN_DIR/data"
[ -f "$RUN_DIR/master_password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$RUN_DIR/master_password"
cat > "$file" <<CONF
[options]
addons_path = $addons
data_dir = $RUN_DIR/data
db_host = $(db_host)
db_port = $(db_port)
db_user = $(db_user)
db_password = ${PGPASSWORD:-False}
db_name = $db
dbfilter = ^$db\$
list_db = False
admin_passwd = $(cat "$RUN_DIR/master_password")
http_port = $port
http_interface = 127.0.0.1
gevent_port = $((port + 3))
workers = 0
max_cron_threads = 1
without_demo = False
CONF
