#!/usr/bin/env bash
# Installs and starts Incus 6.0 LTS (Debian's `incus` from the bookworm-backports suite) for the image and
# instance tests (docs/incus-role-image.md, "Tests"):
#   - adds the bookworm-backports suite with a sources entry derived from this machine's own
#     /etc/apt/sources.list.d/debian.sources (same URIs and keyring; no mirror is named here),
#   - starts incusd without systemd (`incusd --group root`), waits for it,
#   - creates a `dir` storage pool `default` and the default profile's root disk
#     (`incus admin init --minimal` wants a bridge, which this machine cannot give),
#   - creates the project pika-managed-agents (features.images=true),
#   - makes the daemon listen on 127.0.0.1:8443 and adds it to root's client as the remote `pika-loopback`
#     (trust token), for the --remote tests,
#   - installs busybox-static (system containers built offline in the instance tests).
# Idempotent: safe to run again; each step fails loudly. Prints what it started.
set -euo pipefail

log() { printf 'setup-incus: %s\n' "$*" >&2; }
die() { printf 'setup-incus: FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages, starts incusd)"
logdir=/var/log/pika-ci
mkdir -p "$logdir"

# 1. the bookworm-backports suite, derived from the machine's own Debian sources entry
src=/etc/apt/sources.list.d/debian.sources
bp=/etc/apt/sources.list.d/pika-bookworm-backports.sources
if [ ! -e "$bp" ]; then
    [ -r "$src" ] || die "$src not found: cannot derive a bookworm-backports entry"
    # The first stanza whose Suites name plain `bookworm` (not -security): keep its URIs and Signed-By.
    awk -v RS= '/(^|\n)Suites:[^\n]*(^|[ \t])bookworm([ \t]|\n|$)/ { print; exit }' "$src" \
        | sed -E 's/^Suites:.*/Suites: bookworm-backports/' >"$bp.tmp"
    grep -q '^URIs:' "$bp.tmp" || { rm -f "$bp.tmp"; die "no bookworm stanza with URIs in $src"; }
    mv "$bp.tmp" "$bp"
    log "added $bp (derived from $src)"
fi

need=()
for pkg in incus incus-client busybox-static; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
    log "apt-get install -t bookworm-backports ${need[*]}"
    apt-get update -qq || die "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -t bookworm-backports \
        "${need[@]}" >"$logdir/apt-incus.log" 2>&1 \
        || { tail -20 "$logdir/apt-incus.log" >&2; die "apt-get install ${need[*]} (log: $logdir/apt-incus.log)"; }
fi
command -v incus >/dev/null || die "incus not found after install"
[ -x /usr/libexec/incus/incusd ] || die "/usr/libexec/incus/incusd not found after install"

# 2. incusd without systemd
if ! incus info >/dev/null 2>&1; then
    log "starting incusd --group root (log: $logdir/incusd.log)"
    setsid nohup /usr/libexec/incus/incusd --group root >"$logdir/incusd.log" 2>&1 </dev/null &
    echo $! >"$logdir/incusd.pid"
fi
timeout 120 incus admin waitready || { tail -20 "$logdir/incusd.log" >&2; die "incusd did not become ready"; }
log "incus $(incus version 2>/dev/null | sed -n 's/^Server version: //p') ready"

# 3. storage, profile root disk, project
if ! incus storage show default >/dev/null 2>&1; then
    incus storage create default dir >/dev/null || die "incus storage create default dir"
    log "created storage pool default (dir)"
fi
if ! incus profile device show default | grep -q '^root:'; then
    incus profile device add default root disk path=/ pool=default >/dev/null || die "root disk on default profile"
fi
project=pika-managed-agents
if ! incus project show "$project" >/dev/null 2>&1; then
    incus project create "$project" -c features.images=true -c features.profiles=true >/dev/null \
        || die "incus project create $project"
    incus profile device add default root disk path=/ pool=default --project "$project" >/dev/null 2>&1 || true
    log "created project $project"
fi

# 4. the API on 127.0.0.1:8443, added as the remote pika-loopback with a trust token
if [ "$(incus config get core.https_address)" != "127.0.0.1:8443" ]; then
    incus config set core.https_address 127.0.0.1:8443 || die "core.https_address"
fi
if ! incus remote list --format csv | grep -q '^pika-loopback,'; then
    incus config trust remove pika-ci-loopback >/dev/null 2>&1 || true
    token=$(incus config trust add pika-ci-loopback --quiet) || die "incus config trust add"
    incus remote add pika-loopback https://127.0.0.1:8443 --accept-certificate --token "$token" >/dev/null \
        || die "incus remote add pika-loopback"
    log "added remote pika-loopback (https://127.0.0.1:8443)"
fi
incus info pika-loopback: >/dev/null || die "remote pika-loopback does not answer"
log "ready: pool default, project $project, remote pika-loopback"
