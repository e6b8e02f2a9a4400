#!/usr/bin/env python3
"""Baseline for bench/run.sh: a Python per-line events.jsonl decoder with the reference decoder's checks.

What an operator would write today instead of pika: json.loads per line, with the checks the reference
(serde) decoder makes on a LifecycleEvent (CONTRACT.md section 1 and 2): an object, no duplicate fields,
required fields present, exact types (no bool for integers), integer ranges, RuntimeState enum values,
blank lines skipped, the first bad line fails with its 1-based line number. Exit 0 valid, 1 invalid.
"""
import json
import sys

STATES = {"requested", "provisioning", "booted", "unreachable", "stopped", "destroyed",
          "starting", "ready", "failed", "completed"}
U32 = (1 << 32) - 1
U64 = (1 << 64) - 1


class Bad(Exception):
    pass


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise Bad(f"duplicate field `{key}`")
        seen[key] = value
    return seen


def unsigned(obj, field, limit):
    v = obj.get(field)
    if v is None and field not in obj:
        raise Bad(f"missing field `{field}`")
    if type(v) is not int or v < 0 or v > limit:
        raise Bad(f"invalid value for `{field}`: {v!r}")


def string(obj, field, required=True):
    if field not in obj:
        if required:
            raise Bad(f"missing field `{field}`")
        return
    v = obj[field]
    if v is None and not required:
        return
    if type(v) is not str:
        raise Bad(f"invalid type for `{field}`: {v!r}")


def check(line):
    obj = json.loads(line, object_pairs_hook=no_duplicates)
    if type(obj) is not dict:
        raise Bad("expected an object")
    unsigned(obj, "schema_version", U32)
    unsigned(obj, "seq", U64)
    string(obj, "timestamp")
    string(obj, "kind")
    if obj["kind"] not in STATES:
        raise Bad(f"unknown variant `{obj['kind']}`")
    string(obj, "message")
    string(obj, "boot_id", required=False)


def main(path):
    n = 0
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            line = raw.decode("utf-8")
            if not line.strip():
                continue
            try:
                check(line)
            except (Bad, ValueError) as e:
                print(f"failed to decode runtime event stream at `{path}` line {n}: {e}", file=sys.stderr)
                return 1
    print(f"{n} lines valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
