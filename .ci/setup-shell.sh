#!/usr/bin/env bash
# Installs what the shell-integration tests need (completion in real shells, the tmux REPL test, man-page and
# script lint): zsh, fish, tmux, mandoc, man-db and shellcheck from Debian.
# Idempotent: installs only what is missing; fails loudly.
set -euo pipefail

need=()
command -v zsh >/dev/null 2>&1 || need+=(zsh)
command -v fish >/dev/null 2>&1 || need+=(fish)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v mandoc >/dev/null 2>&1 || need+=(mandoc)
command -v man >/dev/null 2>&1 || need+=(man-db)
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)

if [ ${#need[@]} -gt 0 ]; then
    echo "setup-shell: installing ${need[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

for tool in zsh fish tmux mandoc man shellcheck; do
    command -v "$tool" >/dev/null 2>&1 || { echo "setup-shell: $tool is still missing after install" >&2; exit 1; }
done
echo "setup-shell: zsh $(zsh --version | awk '{print $2}'), $(fish --version), $(tmux -V), mandoc, man-db and shellcheck ready"
