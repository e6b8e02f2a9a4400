#!/usr/bin/env bash
# pika benchmarks against the tools operators use today (issue 7): start-up, a 1M-line event stream, 10,000
# small files, and the TAB latency of the completion scripts in bash, zsh and fish (bench/tab_latency.sh).
# Prints a markdown table with medians, ratios and the issues' targets.
#
# Usage: bench/run.sh [--smoke] [--runs N] [--jdk JAVA_HOME]
#   --smoke        tiny inputs and 2 runs each: checks that every command works (what CI runs); not figures
#   --runs N       hyperfine runs per command (default 10; the 1M-line commands use N/2, at least 3)
#   --jdk DIR      run pika and the Java baselines on this JDK (default: JAVA_HOME, else java on PATH)
# Environment: PIKA_BENCH_DIR (work directory, default bench/target), PIKA_BENCH_LINES, PIKA_BENCH_FILES.
#
# Installs nothing except Debian's hyperfine and jq when they are missing (apt-get, as root). Needs python3
# (a baseline), a JDK 17+ and Maven (the launcher builds the jar when it is missing).
# Not a test: nothing here fails on a slow figure; a command that fails (non-zero exit) stops the run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
smoke=0
runs=10
while [ $# -gt 0 ]; do
    case $1 in
        --smoke) smoke=1 ;;
        --runs) runs=$2; shift ;;
        --jdk) export JAVA_HOME=$2; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/run.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$smoke" = 1 ]; then
    lines=${PIKA_BENCH_LINES:-2000} files=${PIKA_BENCH_FILES:-200} runs=2 warmup=0
else
    lines=${PIKA_BENCH_LINES:-1000000} files=${PIKA_BENCH_FILES:-10000} warmup=2
fi
big_runs=$(( runs / 2 > 3 ? runs / 2 : 3 ))
[ "$smoke" = 1 ] && big_runs=2

# --- tools ---------------------------------------------------------------------------------------------------
missing=()
for tool in hyperfine jq; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing ${missing[*]} from Debian" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    else
        echo "bench: please install ${missing[*]} (Debian: apt-get install ${missing[*]})" >&2
        exit 2
    fi
fi
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed (it is one of the baselines)" >&2; exit 2; }
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java javac=$JAVA_HOME/bin/javac; else java=java javac=javac; fi

work=${PIKA_BENCH_DIR:-$root/bench/target}
mkdir -p "$work"
pika=$root/bin/pika
jar=${PIKA_JAR:-$root/cli/target/pika.jar}

# --- build and warm ------------------------------------------------------------------------------------------
"$pika" --version >/dev/null                   # builds the jar when needed, and creates the start-up cache
"$javac" -cp "$jar" -d "$work/classes" "$root/bench/JacksonScan.java"
python3 "$root/bench/gen_inputs.py" "$work/inputs" "$lines" "$files"
in=$work/inputs
small=$in/small.json
events=$in/events.jsonl

jdk_desc=$("$java" -version 2>&1 | sed -n 2p)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
cpu_desc=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')

# hf NAME ARGS...: runs hyperfine, keeps its JSON as $work/NAME.json
hf() {
    local name=$1; shift
    hyperfine --style basic --export-json "$work/$name.json" "$@" >&2
}

# median SECTION INDEX: the median of the INDEX-th command (0-based) of a hyperfine result, in seconds
median() { jq -r ".results[$2].median" "$work/$1.json"; }
# fastest SECTION INDEX: the fastest run of that command, in seconds
fastest() { jq -r ".results[$2].min" "$work/$1.json"; }
# cpu SECTION INDEX: mean CPU time (user + system) of that command, in seconds (less sensitive to a busy machine)
cpu() { jq -r ".results[$2] | .user + .system" "$work/$1.json"; }

echo "bench: start-up" >&2
startup_cmds=(-n "java -version" "$java -version"
    -n "pika validate-result small.json" "$pika validate-result $small"
    -n "pika validate-result small.json (PIKA_NO_CDS=1)" "env PIKA_NO_CDS=1 $pika validate-result $small"
    -n "pika --version" "$pika --version"
    -n "jq -e . small.json" "jq -e . $small"
    -n "python3 json.load small.json" "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $small")
extra=()
# Later commands (roles, incus-role-image --dry-run) join when this build has them.
commands=$("$pika" --help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p')
has() { grep -qx "$1" <<<"$commands"; }
if has roles; then
    extra+=(-n "pika roles" "$pika roles")
fi
if [ -x "$root/bin/incus-role-image" ]; then
    extra+=(-n "incus-role-image build --dry-run" "$root/bin/incus-role-image --role pikaci-runner build --dry-run")
elif has image; then
    extra+=(-n "pika image build --dry-run" "$pika image --role pikaci-runner build --dry-run")
fi
hf startup -N -w "$warmup" -r "$runs" "${startup_cmds[@]}" "${extra[@]}"

echo "bench: event stream ($lines lines)" >&2
hf events -N -w 1 -r "$big_runs" \
    -n "pika validate-events (-Xmx64m)" "env PIKA_JAVA_OPTS=-Xmx64m $pika validate-events $events" \
    -n "bare Jackson token scan (java)" "$java -cp $work/classes:$jar JacksonScan $events" \
    -n "python3 per-line decoder" "python3 $root/bench/events_check.py $events" \
    -n "wc -l" "wc -l $events"
if [ "$smoke" = 1 ] || [ "${PIKA_BENCH_JQ:-1}" = 1 ]; then
    hf events_jq -N -w 0 -r "$(( smoke ? 2 : 1 ))" -n "jq -c ." "jq -c . $events"
fi
events_rss=$(env PIKA_JAVA_OPTS=-Xmx64m python3 "$root/bench/measure.py" "$pika" validate-events "$events")
[ "$(jq -r .exit <<<"$events_rss")" = 0 ] || { echo "bench: validate-events failed: $events_rss" >&2; exit 1; }

echo "bench: $files files in one process" >&2
hf files -w 1 -r "$big_runs" \
    -n "pika validate ($files files)" "$pika validate $in/files/*"
files_use=$(bash -c "python3 '$root/bench/measure.py' '$pika' validate $in/files/*")
[ "$(jq -r .exit <<<"$files_use")" = 0 ] || { echo "bench: validate failed: $files_use" >&2; exit 1; }

echo "bench: TAB latency per shell" >&2
tab_runs=$(( smoke ? 5 : 50 ))
tab_shells=()
tab_ms=()
for sh in bash zsh fish; do
    if command -v "$sh" >/dev/null 2>&1; then
        tab_shells+=("$sh")
        tab_ms+=("$(bash "$root/bench/tab_latency.sh" "$sh" "$tab_runs" validate --format "")")
    else
        echo "bench: $sh is not installed: no TAB figure for it" >&2
    fi
done

# --- report --------------------------------------------------------------------------------------------------
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { if awk -v x="$1" -v y="$2" "BEGIN { exit !(x $3 y) }"; then echo met; else echo "**not met**"; fi; }

java_v=$(median startup 0)
{
    echo "Machine: $cpu_desc, $cores cores; JDK: $jdk_desc; $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "Command: bench/run.sh$([ "$smoke" = 1 ] && echo ' --smoke') (runs $runs, large inputs $big_runs);" \
        "inputs: $lines event lines, $files files"
    echo
    echo "Load average before the run: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    echo
    echo "| case | command | median | fastest | CPU | ratio (medians) | target |"
    echo "|---|---|---:|---:|---:|---:|---|"
    n=$(jq '.results | length' "$work/startup.json")
    for ((i = 0; i < n; i++)); do
        name=$(jq -r ".results[$i].command" "$work/startup.json")
        m=$(median startup "$i")
        r=$(ratio "$m" "$java_v")
        target=""
        case $name in
            "pika validate-result small.json"|"pika roles"|*"--dry-run")
                target="≤ 3.00 × java -version: $(verdict "$r" 3 "<=")" ;;
        esac
        echo "| start-up | \`$name\` | $(ms "$m") | $(ms "$(fastest startup "$i")") | $(ms "$(cpu startup "$i")") | $r × java -version | $target |"
    done
    pika_e=$(median events 0) jackson=$(median events 1) py=$(median events 2) wc_l=$(median events 3)
    r1=$(ratio "$pika_e" "$jackson") r2=$(ratio "$py" "$pika_e")
    echo "| events | \`pika validate-events\` -Xmx64m | $(ms "$pika_e") | $(ms "$(fastest events 0)") | $(ms "$(cpu events 0)") | $r1 × Jackson scan | ≤ 1.30: $(verdict "$r1" 1.3 "<=") |"
    echo "| events | bare Jackson token scan | $(ms "$jackson") | $(ms "$(fastest events 1)") | $(ms "$(cpu events 1)") | 1.00 | baseline |"
    echo "| events | python3 per-line decoder | $(ms "$py") | $(ms "$(fastest events 2)") | $(ms "$(cpu events 2)") | pika $r2 × faster | ≥ 4.00: $(verdict "$r2" 4 ">=") |"
    if [ -f "$work/events_jq.json" ]; then
        echo "| events | \`jq -c .\` | $(ms "$(median events_jq 0)") | | $(ms "$(cpu events_jq 0)") | $(ratio "$(median events_jq 0)" "$pika_e") × pika | |"
    fi
    echo "| events | \`wc -l\` | $(ms "$wc_l") | | | | |"
    echo "| events | pika peak RSS, -Xmx64m | $(jq -r .peak_rss_mib <<<"$events_rss") MiB | | | | constant memory |"
    for i in "${!tab_shells[@]}"; do
        echo "| TAB | ${tab_shells[$i]}: \`pika validate --format <TAB>\` (the completion function, $tab_runs calls) | ${tab_ms[$i]} ms | | | | ≤ 20 ms: $(verdict "${tab_ms[$i]}" 20 "<=") |"
    done
    files_m=$(median files 0)
    echo "| files | \`pika validate\` $files files | $(ms "$files_m") | $(ms "$(fastest files 0)") | $(ms "$(cpu files 0)") | | ≤ 2000 ms: $(verdict "$files_m" 2 "<=") |"
    echo "| files | CPU utilisation (CPU time / wall) | $(jq -r .cpu_util <<<"$files_use") | | | | uses both cores (> 1.0): $(verdict "$(jq -r .cpu_util <<<"$files_use")" 1.0 ">") |"
} | tee "$work/table.md"
