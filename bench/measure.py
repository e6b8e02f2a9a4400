#!/usr/bin/env python3
"""measure.py CMD ARGS...: runs CMD once (output discarded) and prints one JSON line with its wall time,
CPU time (user + system, all threads), CPU utilisation (CPU time / wall time; 2.0 = both of two cores busy),
peak resident set size and exit code. Used by bench/run.sh for the figures hyperfine does not give."""
import json
import resource
import subprocess
import sys
import time

start = time.monotonic()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
print(json.dumps({"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "cpu_util": round(cpu / wall, 2),
                  "peak_rss_mib": round(ru.ru_maxrss / 1024, 1), "exit": proc.returncode}))
