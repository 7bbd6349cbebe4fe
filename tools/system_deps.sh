#!/usr/bin/env bash
# Install the Debian packages the project needs when they are missing:
# PostgreSQL (embedded cluster), Chromium (browser tests), wkhtmltopdf and
# fonts with Cyrillic/Kazakh letters (PDFs), poppler-utils (PDF checks),
# docker-compose (static check of docker/compose.yaml), gettext (i18n),
# libfaketime (make test-dates), git (fetching Odoo when no tree is found).
source "$(dirname "$0")/common.sh"

need=()
if embedded_pg && ! pg_bindir >/dev/null; then need+=(postgresql); fi
command -v psql >/dev/null || need+=(postgresql-client)
command -v chromium >/dev/null || need+=(chromium)
command -v wkhtmltopdf >/dev/null || need+=(wkhtmltopdf)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v msgmerge >/dev/null || need+=(gettext)
compgen -G '/usr/lib/*/faketime/libfaketimeMT.so.1' >/dev/null || need+=(faketime)
command -v git >/dev/null || need+=(git)

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  die "Missing Debian packages: ${need[*]}. Install them: sudo apt-get install -y ${need[*]}"
fi
info "Installing Debian packages: ${need[*]}"
# The log lives in .run/, which does not exist yet on a fresh clone.
mkdir -p "$RUN_DIR"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >"$RUN_DIR/apt.log" 2>&1 || die "apt-get update failed: check the network or your apt sources; see $RUN_DIR/apt.log"
apt-get install -y -qq --no-install-recommends "${need[@]}" >>"$RUN_DIR/apt.log" 2>&1 \
  || die "apt-get install ${need[*]} failed; see $RUN_DIR/apt.log"
