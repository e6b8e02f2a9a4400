#!/usr/bin/env bash
# Long fuzzing runs of the validator: every Jazzer target (or the ones named) for DURATION each.
#   scripts/fuzz-long.sh [DURATION] [TARGET...]     e.g. scripts/fuzz-long.sh 1h Events Spec
# DURATION uses Jazzer's syntax (30s, 10m, 2h; default 10m). TARGET is a class name without FuzzTest:
# Result Status Events Request Spec ImageRecord ExecutionRecord (default: all).
# The generated corpus grows in contract/.cifuzz-corpus/ (git-ignored) and is reused by later runs.
# A crash stops that target, is saved under
# contract/src/test/resources/dev/pika/contract/validate/fuzz/<Target>FuzzTestInputs/fuzz/crash-*,
# and the script exits 1 at the end; commit the crash file with the fix: `mvn verify` replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-10m}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(Result Status Events Request Spec ImageRecord ExecutionRecord)
fi

mvn -o -q -B -pl contract test-compile
failed=()
for t in "${targets[@]}"; do
    log="contract/target/fuzz-$t.log"
    echo "== $t: fuzzing for $duration (log: $log)"
    if mvn -o -B -pl contract -Pfuzz test -Dtest="${t}FuzzTest" -Dfuzz.duration="$duration" \
            -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
        grep -E '^Done [0-9]+ runs' "$log" | tail -1 || true
    else
        echo "!! $t failed: see $log"
        grep -E '^(== Java Exception|Caused by|	at dev\.pika)' "$log" | head -5 || true
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]}"
    exit 1
fi
echo "no crash"
