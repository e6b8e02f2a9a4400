# shellcheck shell=bash
# Sourced by .ci/setup-*.sh: apt_install_once NAME PROGRAM PACKAGE... installs the Debian PACKAGEs unless PROGRAM
# is already on PATH, as root or through sudo; fails loudly when PROGRAM is still missing afterwards.
apt_install_once() {
    local name=$1 program=$2
    shift 2
    if command -v "$program" >/dev/null 2>&1; then
        echo "$name: $program already installed"
        return 0
    fi
    local -a apt_get=(apt-get)
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "$name: need root (or sudo) to apt-get install $*" >&2; exit 1; }
        apt_get=(sudo apt-get)
    fi
    echo "$name: installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    "${apt_get[@]}" update -q
    "${apt_get[@]}" install -y -q --no-install-recommends "$@"
    if ! command -v "$program" >/dev/null 2>&1; then
        echo "$name: $program is still not on PATH after apt-get install" >&2
        exit 1
    fi
    echo "$name: installed $program"
}
