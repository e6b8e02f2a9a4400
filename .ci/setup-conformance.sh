#!/usr/bin/env bash
# Installs what the differential test against serde_json needs (contract SerdeConformanceTest, docs/validation.md
# "Conformance"), and builds the reference decoder conformance/target/release/pika-conformance:
#   - Debian's cargo and rustc (/usr/bin; rustup's toolchain is not used, CI machines do not have it),
#   - Debian's serde_json (1.0.87) and serde_derive sources (librust-*-dev, in /usr/share/cargo/registry),
#     which conformance/.cargo/config.toml names as the only crate source: the build is offline.
# Idempotent: installs only what is missing, and cargo rebuilds only when the sources changed.
set -euo pipefail

log() { printf 'setup-conformance: %s\n' "$*" >&2; }
die() { printf 'setup-conformance: FAILED: %s\n' "$*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
logdir=/var/log/pika-ci

need=()
for pkg in cargo rustc librust-serde-json-dev librust-serde-derive-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "must run as root to install ${need[*]}"
    mkdir -p "$logdir"
    log "apt-get install ${need[*]}"
    apt-get update -qq || die "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$logdir/apt-conformance.log" 2>&1 \
        || { tail -20 "$logdir/apt-conformance.log" >&2; die "apt-get install ${need[*]}"; }
else
    log "packages already installed"
fi
[ -x /usr/bin/cargo ] || die "/usr/bin/cargo not found after install"
[ -d /usr/share/cargo/registry ] || die "/usr/share/cargo/registry not found after install"

log "building conformance/ with $(/usr/bin/cargo --version) (offline, Debian's crates)"
start=$(date +%s)
(cd "$root/conformance" && env -u RUSTUP_TOOLCHAIN PATH=/usr/bin:"$PATH" nice /usr/bin/cargo build --release --offline --quiet) \
    || die "cargo build in conformance/"
bin="$root/conformance/target/release/pika-conformance"
[ -x "$bin" ] || die "$bin was not built"
log "built $bin in $(( $(date +%s) - start )) s"
