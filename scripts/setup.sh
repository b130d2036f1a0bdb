#!/usr/bin/env bash
# One-time set-up on a fresh Debian machine: system packages, a venv, the project.
# Safe to run again; each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need_apt+=(fonts-dejavu-core)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need_apt+=(fonts-liberation2)
# WeasyPrint needs Pango; Debian's package brings it and its fonts.
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0)
command -v npm >/dev/null || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

# From the npm registry: axe-core for the browser accessibility tests, and iframe-worker, the
# polyfill an offline site (site.offline: true) carries so search works opened from disk.
[ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/iframe-worker/shim/index.js ] ||
  npm install --silent --no-audit --no-fund --no-save --no-package-lock \
    axe-core@4 iframe-worker@1 >/dev/null
