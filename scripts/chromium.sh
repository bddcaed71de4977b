#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/web/test_browser.py drives it through Playwright).
#
#   bash scripts/chromium.sh     # installs the `chromium` package with apt-get if /usr/bin/chromium is missing
#
# Quick when it is already there; Playwright's own browser downloads are never used. Without root the
# browser tests skip, saying why.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium.sh: Chromium is not installed and installing it needs root (apt-get install chromium)" >&2
  exit 0
fi
echo "chromium.sh: installing Chromium with apt-get" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
