#!/usr/bin/env bash
# Median latency of one TAB in a shell: the checked-in completion function itself, called RUNS times in the shell,
# each call timed with the shell's own clock (bash and zsh: $EPOCHREALTIME; fish: `date +%s%N` around the call,
# less the median of the same two `date` calls with nothing between them). Prints the median in milliseconds.
#
# Usage: bench/tab_latency.sh SHELL [RUNS] [WORDS...]     SHELL: bash, zsh or fish; default RUNS 30 and the line
#        `pika validate --format ` (the words after it are what is typed, the last one being completed).
# zsh: the completion system's _describe/_files are replaced by functions that only count their arguments, so
# what is timed is pika's function (its awk call and the parsing of the candidates), not zsh's menu drawing.
set -euo pipefail
# shellcheck disable=SC2016 # the programs in single quotes are for bash, zsh and fish to expand
root=$(cd "$(dirname "$0")/.." && pwd -P)
shell=${1:?usage: bench/tab_latency.sh SHELL [RUNS] [WORDS...]}
runs=${2:-30}
shift $(( $# >= 2 ? 2 : 1 ))
[ $# -gt 0 ] || set -- validate --format ""
export PATH="$root/bin:$PATH"

case $shell in
    bash)
        bash --norc --noprofile -c '
            source "$1/completions/bash/pika"; runs=$2; shift 2
            COMP_WORDS=(pika "$@"); COMP_CWORD=$#
            times=()
            for ((i = 0; i < runs; i++)); do
                t0=$EPOCHREALTIME; _pika_complete; t1=$EPOCHREALTIME
                times+=("$(( (${t1/./} - ${t0/./}) ))")
            done
            (( ${#COMPREPLY[@]} > 0 )) || { echo "bash: no candidates" >&2; exit 1; }
            printf "%s\n" "${times[@]}"' _ "$root" "$runs" "$@" ;;
    zsh)
        zsh -f -c '
            zmodload zsh/datetime
            _describe() { reply=("$@") }; _files() { : }; compdef() { : }
            source "$1/completions/zsh/_pika"; runs=$2; shift 2
            words=(pika "$@"); CURRENT=$#words
            for ((i = 0; i < runs; i++)); do
                t0=$EPOCHREALTIME; _pika; t1=$EPOCHREALTIME
                printf "%d\n" $(( (t1 - t0) * 1000000 ))
            done
            (( ${#reply} > 0 )) || { print "zsh: no candidates" >&2; exit 1 }' _ "$root" "$runs" "$@" ;;
    fish)
        line="pika $*"
        fish --no-config -c '
            source $argv[1]/completions/fish/pika.fish
            set -l empty
            for i in (seq $argv[2])
                set -l t0 (date +%s%N); set -l t1 (date +%s%N)
                set -a empty (math "($t1 - $t0) / 1000")
            end
            set -l base (printf "%s\n" $empty | sort -n | sed -n (math "ceil($argv[2] / 2)")p)
            set -l n 0
            for i in (seq $argv[2])
                set -l t0 (date +%s%N); set -l out (complete -C $argv[3]); set -l t1 (date +%s%N)
                set n (count $out)
                echo (math "max(0, ($t1 - $t0) / 1000 - $base)")
            end
            test $n -gt 0; or begin; echo "fish: no candidates" >&2; exit 1; end' "$root" "$runs" "$line" ;;
    *) echo "tab_latency.sh: unknown shell: $shell (bash, zsh or fish)" >&2; exit 2 ;;
esac | sort -n | awk '{ t[NR] = $1 } END { if (NR == 0) exit 1; printf "%.1f\n", t[int((NR + 1) / 2)] / 1000 }'
