#!/usr/bin/env bash
# Installs what PreCommitHooksIT needs: the pre-commit framework (Debian package), which runs the repository's
# .pre-commit-hooks.yaml. Idempotent; fails loudly. Called by scripts/test.sh (from .ci/run); needs root or sudo.
set -euo pipefail
# shellcheck source=.ci/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install_once setup-precommit pre-commit pre-commit
