#!/usr/bin/env bash
# Installs what the render tests need: shellcheck (Debian package). Idempotent; fails loudly.
# Called by .ci/run before `mvn -B verify`; safe to run by hand (needs root or sudo for apt-get).
set -euo pipefail

if command -v shellcheck >/dev/null 2>&1; then
    echo "setup-render: shellcheck already installed: $(shellcheck --version | sed -n 's/^version: //p')"
    exit 0
fi

apt_get=(apt-get)
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup-render: need root (or sudo) to apt-get install shellcheck" >&2; exit 1; }
    apt_get=(sudo apt-get)
fi

echo "setup-render: installing shellcheck with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -q
"${apt_get[@]}" install -y -q --no-install-recommends shellcheck

if ! command -v shellcheck >/dev/null 2>&1; then
    echo "setup-render: shellcheck is still not on PATH after apt-get install" >&2
    exit 1
fi
echo "setup-render: installed shellcheck $(shellcheck --version | sed -n 's/^version: //p')"
