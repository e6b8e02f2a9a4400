#!/usr/bin/env bash
# The one test command (README "The two commands"; CI runs it from .ci/run):
#   1. runs every .ci/setup-*.sh in name order, as root (directly, or through sudo): each installs and starts
#      what some tests need (nix, Incus, LXD, sshd on 127.0.0.1, zsh/fish/tmux, shellcheck, mandoc, cargo, …),
#      is idempotent and fails loudly;
#   2. runs `mvn -B verify` with CI=true, so a test whose tool is still missing FAILS instead of being skipped:
#      nothing is skipped.
# Usage: scripts/test.sh [--no-setup] [MAVEN ARGS...]
#   --no-setup   skip step 1 (the tools are known to be there); extra arguments go to mvn, e.g. -o.
set -euo pipefail
cd "$(dirname "$0")/.."

setup=1
if [ "${1-}" = "--no-setup" ]; then
    setup=0
    shift
fi

if [ "$setup" -eq 1 ]; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 \
            || { echo "scripts/test.sh: the setup scripts install packages and start services: run as root or install sudo" >&2; exit 2; }
        sudo=(sudo --preserve-env=PATH)
    fi
    for setup_script in .ci/setup-*.sh; do
        [ -e "$setup_script" ] || continue
        echo "== $setup_script"
        start=$(date +%s)
        "${sudo[@]}" bash "$setup_script"
        echo "== $setup_script done in $(( $(date +%s) - start )) s"
    done
    # the loopback sshd's key, for the image tests (written by .ci/setup-image.sh)
    if [ -z "${PIKA_BUILD_SSH_KEY-}" ] && [ -r /root/.ssh/pika-ci-image ]; then
        export PIKA_BUILD_SSH_KEY=/root/.ssh/pika-ci-image
    fi
fi

echo "== test: CI=true mvn -B verify $*"
# -Dstyle.color=never: Debian's Maven 3.8.7 writes a stray ESC[0m around its output even with -B.
CI=true exec mvn -B -Dstyle.color=never verify "$@"
