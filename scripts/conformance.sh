#!/usr/bin/env bash
# The differential test against serde_json with more cases (issue 11 §3; CI runs 2,000 per kind):
#   scripts/conformance.sh [N [SEED]]
# builds the reference decoder (conformance/, .ci/setup-conformance.sh; Debian's cargo and serde_json, offline),
# then runs SerdeConformanceTest with N generated documents per kind (default 100000) and the given seed
# (default 11). Prints the case counts, the time, and the smallest differing documents when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."

cases=${1:-100000}
seed=${2:-11}
case "$cases$seed" in
    *[!0-9]*) echo "usage: scripts/conformance.sh [CASES_PER_KIND [SEED]]" >&2; exit 2 ;;
esac

bash .ci/setup-conformance.sh
start=$(date +%s)
CI=true nice mvn -B -o -q -Dstyle.color=never -pl contract -am test \
    -Dtest=SerdeConformanceTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpika.conformance.cases="$cases" -Dpika.conformance.seed="$seed" || status=$?
grep -h '^conformance:' contract/target/surefire-reports/*SerdeConformanceTest-output.txt 2>/dev/null || true
echo "conformance: $cases cases per kind, seed $seed, $(( $(date +%s) - start )) s wall"
exit "${status:-0}"
