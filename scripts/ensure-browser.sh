#!/usr/bin/env bash
# Makes sure the machine has what the PDF renderer and the browser tests need, from Debian's packages:
#   chromium        headless Chromium (Playwright drives it through ExecutablePath; no Playwright browser download)
#   fonts-noto-cjk  the CJK fonts embedded in the PDF and used by the pages
#   poppler-utils   pdftotext, with which the tests read the PDF back
# Prints the chromium path on its last line. Installs with apt-get when run as root; otherwise only checks.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# (not "fc-list | grep -q": with pipefail, grep's early exit makes fc-list's SIGPIPE fail the test)
fonts="$(fc-list 2>/dev/null || true)"
[[ "$fonts" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)

if (( ${#missing[@]} > 0 )); then
    if [[ "$(id -u)" != "0" ]]; then
        echo "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
        exit 2
    fi
    echo "Installing ${missing[*]} (apt-get)..." >&2
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v chromium
