#!/usr/bin/env bash
# Regenerates the files derived from pika's command model: man pages in man/man1/ and the bash, zsh and fish
# completion scripts in completions/; and those derived from the contract's one definition (contract/): the
# generated tables of docs/validation.md. Builds the jar first (offline when possible), then runs the generator
# from the built classes. Usage: scripts/regen-docs.sh [--check]   (--check: change nothing, exit 1 on drift)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root"

check=()
case "${1:-}" in
    --check) check=(--check) ;;
    "") ;;
    *) echo "usage: scripts/regen-docs.sh [--check]" >&2; exit 2 ;;
esac

if ! mvn -o -q -B -Dstyle.color=never -pl cli -am package -DskipTests >/dev/null 2>&1; then
    mvn -q -B -Dstyle.color=never -pl cli -am package -DskipTests >&2
fi
status=0
java -cp cli/target/pika.jar dev.pika.cli.GenerateDocs "${check[@]}" "$root" || status=$?
java -cp cli/target/pika.jar dev.pika.contract.gen.Generate "${check[@]}" "$root" || status=$?
exit "$status"
