#!/usr/bin/env bash
# make clean: remove .run/ (the cluster, databases' filestore, logs).
source "$(dirname "$0")/common.sh"
if [ -L "$PG_LINK" ]; then rm -rf "$(readlink -f "$PG_LINK")"; fi
rm -rf "$RUN_DIR"
case "$PG_SOCK" in /tmp/kgpg-*) rm -rf "$PG_SOCK" ;; esac
