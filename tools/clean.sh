#!/usr/bin/env bash
# make clean: empty .run/ (the cluster, databases' filestore, logs) but for
# a fetched Odoo tree.
source "$(dirname "$0")/common.sh"
if [ -L "$PG_LINK" ]; then rm -rf "$(readlink -f "$PG_LINK")"; fi
# The Odoo tree the setup fetched (.run/odoo) is kept: it is not ours to lose
# and fetching it again takes minutes. Everything else goes.
if [ -d "$RUN_DIR" ]; then
  find "$RUN_DIR" -mindepth 1 -maxdepth 1 ! -name odoo -exec rm -rf {} +
fi
case "$PG_SOCK" in /tmp/kgpg-*) rm -rf "$PG_SOCK" ;; esac
