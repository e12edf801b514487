#!/bin/sh
# Install Debian's chromium for tests/test_html_browser.py (headless --dump-dom).
# Does nothing when chromium is already on PATH; installs it with apt-get when run
# as root; otherwise prints a one-line note and exits 0 (the browser test then skips,
# unless CI is set, when it fails).
set -eu

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
        echo "install-chromium.sh: apt-get could not install chromium" >&2
        exit 1
    fi
else
    echo "install-chromium.sh: chromium is not on PATH and this is not root; run 'sudo apt-get install chromium' to enable the browser test" >&2
fi
exit 0
