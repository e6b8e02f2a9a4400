#!/usr/bin/env bash
# Installs what the render tests need: shellcheck (Debian package). Idempotent; fails loudly.
# Called by .ci/run before `mvn -B verify`; safe to run by hand (needs root or sudo for apt-get).
set -euo pipefail
# shellcheck source=.ci/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install_once setup-render shellcheck shellcheck
