#!/usr/bin/env bash
# Installs and starts what the incus-role-image tests need (docs/incus-role-image.md, "Tests"):
#   - nix (Debian's nix-bin), configured for offline flake builds without a sandbox,
#   - LXD as the Incus-compatible image server (CLI `lxc`), with a `dir` storage pool and the project
#     pika-managed-agents (features.images=true),
#   - qemu-img (the test flake makes a real qcow2), xz, git,
#   - openssh-server listening on 127.0.0.1:22, with a key for root at /root/.ssh/pika-ci-image
#     (tests pass it as PIKA_BUILD_SSH_KEY).
# Idempotent: safe to run again; each step fails loudly. Prints what it started.
set -euo pipefail

log() { printf 'setup-image: %s\n' "$*" >&2; }
die() { printf 'setup-image: FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages, starts lxd and sshd)"

start=$(date +%s)
logdir=/var/log/pika-ci
mkdir -p "$logdir"

# 1. packages
need=()
for pkg in nix-bin lxd qemu-utils openssh-server openssh-client xz-utils git tar; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
    log "apt-get install ${need[*]}"
    apt-get update -qq || die "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >"$logdir/apt.log" 2>&1 \
        || { tail -20 "$logdir/apt.log" >&2; die "apt-get install ${need[*]} (log: $logdir/apt.log)"; }
else
    log "packages already installed"
fi
for tool in nix lxd lxc qemu-img sshd ssh scp xz git tar; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || die "$tool not found after install"
done

# 2. nix: flakes, offline, no sandbox (Debian's nix cannot sandbox in a container)
conf=/etc/nix/nix.conf
mkdir -p /etc/nix
touch "$conf"
set_nix() {
    if grep -qE "^[[:space:]]*$1[[:space:]]*=" "$conf"; then
        sed -i -E "s|^[[:space:]]*$1[[:space:]]*=.*|$1 = $2|" "$conf"
    else
        printf '%s = %s\n' "$1" "$2" >>"$conf"
    fi
}
set_nix experimental-features "nix-command flakes"
set_nix substituters ""
set_nix sandbox false
log "nix $(nix --version | awk '{print $NF}'): $conf set for offline flakes"

# 3. lxd
if ! lxc info >/dev/null 2>&1; then
    log "starting lxd --group root (log: $logdir/lxd.log)"
    setsid nohup lxd --group root >"$logdir/lxd.log" 2>&1 </dev/null &
    echo $! >"$logdir/lxd.pid"
fi
timeout 120 lxd waitready || { tail -20 "$logdir/lxd.log" >&2; die "lxd did not become ready"; }
log "lxd $(lxd --version) ready (pid $(pgrep -o -x lxd || echo '?'))"
if ! lxc storage show default >/dev/null 2>&1; then
    lxc storage create default dir >/dev/null || die "lxc storage create default dir"
    log "created storage pool default (dir)"
fi
if ! lxc profile device show default | grep -q '^root:'; then
    lxc profile device add default root disk path=/ pool=default >/dev/null || die "root disk on default profile"
fi
project=pika-managed-agents
if ! lxc project show "$project" >/dev/null 2>&1; then
    lxc project create "$project" -c features.images=true -c features.profiles=true >/dev/null \
        || die "lxc project create $project"
    log "created project $project"
fi

# 4. sshd on 127.0.0.1 with a key for root
mkdir -p /run/sshd /root/.ssh
chmod 700 /root/.ssh
ssh-keygen -A >/dev/null
key=/root/.ssh/pika-ci-image
if [ ! -f "$key" ]; then
    ssh-keygen -q -t ed25519 -N '' -C pika-ci-image -f "$key" || die "ssh-keygen"
fi
touch /root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
grep -qF "$(cut -d' ' -f2 "$key.pub")" /root/.ssh/authorized_keys || cat "$key.pub" >>/root/.ssh/authorized_keys
cat >/etc/ssh/sshd_config.d/pika-ci.conf <<'EOF'
# written by .ci/setup-image.sh: loopback sshd for the incus-role-image tests
ListenAddress 127.0.0.1
PermitRootLogin prohibit-password
PasswordAuthentication no
MaxStartups 100:30:200
MaxSessions 50
EOF
/usr/sbin/sshd -t || die "sshd config test"
if ! ssh -i "$key" -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=5 127.0.0.1 true 2>/dev/null; then
    pid=$(cat /run/sshd.pid 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -HUP "$pid"
        log "reloaded sshd (pid $pid)"
    else
        /usr/sbin/sshd -E "$logdir/sshd.log" || die "sshd did not start (log: $logdir/sshd.log)"
        log "started sshd on 127.0.0.1:22 (pid $(cat /run/sshd.pid 2>/dev/null || echo '?'))"
    fi
    sleep 0.5
    ssh -i "$key" -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=5 127.0.0.1 true \
        || die "ssh root@127.0.0.1 with $key does not work"
fi
log "ssh root@127.0.0.1 works with PIKA_BUILD_SSH_KEY=$key"

# 5. smoke test: an offline flake build of a VM image, imported into lxd, then removed
smoke=$(mktemp -d /tmp/pika-setup-image.XXXXXX)
trap 'rm -rf "$smoke"; lxc image delete --project "$project" pika-setup-smoke/test >/dev/null 2>&1 || true' EXIT
here=$(cd "$(dirname "$0")/.." && pwd)
cp -r "$here/examples/image-flake/." "$smoke/"
(cd "$smoke" && nix build --out-link result '.#packages.x86_64-linux.pikaci-runner-incus-image') \
    || die "offline nix flake build of the test flake"
if [ ! -s "$smoke/result/metadata.tar.xz" ] || [ ! -s "$smoke/result/disk.qcow2" ]; then
    die "test flake built no image files"
fi
lxc image import --project "$project" "$smoke/result/metadata.tar.xz" "$smoke/result/disk.qcow2" \
    --alias pika-setup-smoke/test >/dev/null || die "lxc image import of the test image"
log "smoke test passed: nix build + lxc image import"
log "done in $(( $(date +%s) - start ))s; export PIKA_BUILD_SSH_KEY=$key for manual runs"
