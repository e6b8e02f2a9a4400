#!/usr/bin/env bash
# Installs pika into a prefix (default ~/.local):
#   PREFIX/lib/pika/pika.jar                          the program
#   PREFIX/bin/pika, incus-role-image, ...            the launchers from bin/
#   PREFIX/share/man/man1/*.1                         the man pages
#   PREFIX/share/bash-completion/completions/NAME     bash completion (loaded on demand by bash-completion)
#   PREFIX/share/zsh/site-functions/_NAME             zsh completion (add the directory to fpath if needed)
#   PREFIX/share/fish/vendor_completions.d/NAME.fish  fish completion
# Usage: scripts/install.sh [--prefix DIR] [--jar PATH]
#   --jar PATH  install this jar instead of cli/target/pika.jar (which is built when missing or stale)
set -euo pipefail

die() { printf 'install.sh: %s\n' "$*" >&2; exit 2; }
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

root=$(cd "$(dirname "$0")/.." && pwd -P)
prefix=${HOME:?HOME is not set}/.local
jar=""
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --jar) [ $# -ge 2 ] || die "--jar needs a path"; jar=$2; shift 2 ;;
        --jar=*) jar=${1#--jar=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[ -n "$prefix" ] || die "--prefix must not be empty"
mkdir -p "$prefix" || die "cannot create $prefix"
prefix=$(cd "$prefix" && pwd -P)

if [ -z "$jar" ]; then
    jar=$root/cli/target/pika.jar
    stale=""
    if [ -f "$jar" ]; then
        stale=$(find "$root/pom.xml" "$root/contract/pom.xml" "$root/cli/pom.xml" "$root/contract/src/main" \
            "$root/cli/src/main" -newer "$jar" -print 2>/dev/null | head -n 1)
    fi
    if [ ! -f "$jar" ] || [ -n "$stale" ]; then
        command -v mvn >/dev/null 2>&1 || die "$jar is missing or stale and Maven (mvn) is not installed"
        echo "install.sh: building $jar with Maven..." >&2
        mvn -q -B -Dstyle.color=never -f "$root/pom.xml" -DskipTests package >&2 || die "the build failed"
    fi
fi
[ -f "$jar" ] || die "no jar at $jar"

# put SRC at DEST with MODE: copy beside the target, then rename, so no half-written file is ever in place
put() {
    local src=$1 dest=$2 mode=$3 tmp
    tmp=$(mktemp "$(dirname "$dest")/.install.XXXXXX")
    if ! { cp "$src" "$tmp" && chmod "$mode" "$tmp" && mv -f "$tmp" "$dest"; }; then
        rm -f "$tmp"
        die "cannot install $dest"
    fi
}

share=$prefix/share
mkdir -p "$prefix/lib/pika" "$prefix/bin" "$share/man/man1" "$share/bash-completion/completions" \
    "$share/zsh/site-functions" "$share/fish/vendor_completions.d"

put "$jar" "$prefix/lib/pika/pika.jar" 0644
n_bin=0
for f in "$root"/bin/*; do
    if [ ! -f "$f" ] || [ ! -x "$f" ]; then continue; fi
    dest=$prefix/bin/$(basename "$f")
    if [ -L "$f" ]; then
        # incus-role-image and the legacy launchers are links to pika (which runs the program it is called as)
        if ! { ln -sfn "$(readlink "$f")" "$dest.install.$$" && mv -f "$dest.install.$$" "$dest"; }; then
            rm -f "$dest.install.$$"
            die "cannot install $dest"
        fi
    else
        put "$f" "$dest" 0755
    fi
    n_bin=$((n_bin + 1))
done
n_man=0
for f in "$root"/man/man1/*.1; do
    [ -f "$f" ] || continue
    put "$f" "$share/man/man1/$(basename "$f")" 0644
    n_man=$((n_man + 1))
done
for f in "$root"/completions/bash/*; do
    [ -f "$f" ] && put "$f" "$share/bash-completion/completions/$(basename "$f")" 0644
done
for f in "$root"/completions/zsh/_*; do
    [ -f "$f" ] && put "$f" "$share/zsh/site-functions/$(basename "$f")" 0644
done
for f in "$root"/completions/fish/*.fish; do
    [ -f "$f" ] && put "$f" "$share/fish/vendor_completions.d/$(basename "$f")" 0644
done

echo "install.sh: installed pika into $prefix ($n_bin launchers, $n_man man pages, completions for bash, zsh, fish)"

# Where a shell would not find the completions by itself (a prefix other than ~/.local, /usr/local or /usr; zsh's
# default fpath has no ~/.local), print the line that makes it look there. Each shell is asked for its own path.
q() { printf '%q' "$1"; }
init=()
bash_dir=$share/bash-completion/completions
bash_std=0
IFS=: read -ra data_dirs <<<"${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
for d in "${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}" "${data_dirs[@]/%//bash-completion}"; do
    [ "$d/completions" = "$bash_dir" ] && bash_std=1
done
[ "$bash_std" = 1 ] || init+=("bash (~/.bashrc):  for f in $(q "$bash_dir")/*; do . \"\$f\"; done")
# shellcheck disable=SC2016 # $fpath and $fish_complete_path are the shells' own, expanded by them
if command -v zsh >/dev/null 2>&1 && ! zsh -fc 'print -rl -- $fpath' 2>/dev/null | grep -qxF "$share/zsh/site-functions"; then
    init+=("zsh (~/.zshrc, before compinit):  fpath=($(q "$share/zsh/site-functions") \$fpath)")
fi
# shellcheck disable=SC2016
if command -v fish >/dev/null 2>&1 \
    && ! fish -c 'printf "%s\n" $fish_complete_path' 2>/dev/null | grep -qxF "$share/fish/vendor_completions.d"; then
    init+=("fish (~/.config/fish/config.fish):  set -p fish_complete_path $(q "$share/fish/vendor_completions.d")")
fi
if [ ${#init[@]} -gt 0 ]; then
    echo "install.sh: $prefix is not where every shell looks for completions; add to the shell's init file:"
    printf '  %s\n' "${init[@]}"
fi
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "install.sh: add $prefix/bin to PATH to run pika" ;;
esac
