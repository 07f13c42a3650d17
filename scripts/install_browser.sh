#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser tests (Playwright drives /usr/bin/chromium;
# it never downloads a browser of its own). Without root or sudo the browser tests skip.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
as_root=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
        as_root="sudo -n"
    else
        echo "note: /usr/bin/chromium is missing and apt needs root; the browser tests will be skipped" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get install -y -qq chromium > /dev/null || { $as_root apt-get update -qq && $as_root apt-get install -y -qq chromium > /dev/null; }
