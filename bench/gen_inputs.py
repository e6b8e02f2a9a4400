#!/usr/bin/env python3
"""Generates bench/run.sh's inputs: gen_inputs.py DIR EVENT_LINES FILES.

DIR/small.json          one terminal result (the start-up case)
DIR/events.jsonl        EVENT_LINES lifecycle events, one object per line, seq 1..N (like the reference writer)
DIR/files/NNNNN-*.json  FILES small documents, alternately result-*.json and status-*.json
Inputs that already exist with the same parameters are kept.
"""
import os
import sys

STATES = ["booted", "starting", "ready", "completed"]


def main(out, lines, files):
    os.makedirs(out, exist_ok=True)
    stamp = os.path.join(out, ".inputs")
    want = f"{lines} {files}\n"
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    with open(os.path.join(out, "small.json"), "w") as f:
        f.write('{\n  "schema_version": 1,\n  "status": "completed",\n  "exit_code": 0,\n'
                '  "finished_at": "2026-03-25T20:00:00Z",\n  "message": "test passed"\n}\n')
    with open(os.path.join(out, "events.jsonl"), "w") as f:
        boot = "46ce6850-048c-48cd-8469-88aa789f6265"
        chunk = []
        for i in range(1, lines + 1):
            kind = STATES[i % 4]
            details = f', "details": {{"step": {i}, "ok": true}}' if i % 10 == 0 else ""
            chunk.append(f'{{"schema_version": 1, "kind": "{kind}", "timestamp": "2026-11-21T07:45:22+00:00", '
                         f'"message": "guest progress {i}", "boot_id": "{boot}"{details}, "seq": {i}}}\n')
            if len(chunk) == 10000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
    d = os.path.join(out, "files")
    os.makedirs(d, exist_ok=True)
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    for i in range(files):
        if i % 2 == 0:
            body = ('{"schema_version": 1, "status": "failed", "exit_code": %d, '
                    '"finished_at": "2026-03-25T20:00:00Z", "message": "test command exited with %d"}\n' % (i, i))
            name = f"result-{i:05d}.json"
        else:
            body = ('{"schema_version": 1, "state": "ready", "updated_at": "2026-03-25T20:00:00+00:00", '
                    '"message": "guest ready", "boot_id": "b-%d"}\n' % i)
            name = f"status-{i:05d}.json"
        with open(os.path.join(d, name), "w") as f:
            f.write(body)
    with open(stamp, "w") as f:
        f.write(want)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
