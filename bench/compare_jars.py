#!/usr/bin/env python3
"""compare_jars.py [--runs N] [--warmup W] [--java JAVA] JAR_A JAR_B -- PIKA_ARGS...

Before/after figures for one pika command on two builds of the jar (e.g. main's and a branch's): runs
`JAVA -Xmx64m -jar JAR PIKA_ARGS` alternately, A B A B ..., so that a load that comes and goes on a shared machine
weighs on both alike, and prints per jar the median and fastest wall time, the median CPU time (user + system, all
threads, from the child's rusage) and the median peak RSS, then B's medians relative to A's. A or B not ending in
.jar is run as a launcher instead (`A PIKA_ARGS`, e.g. bin/pika of two checkouts: start-up cache included).

Example (issue 11's event-throughput check; inputs from bench/gen_inputs.py):
    bench/compare_jars.py --runs 10 base.jar cli/target/pika.jar -- validate-events bench/target/inputs/events.jsonl
    bench/compare_jars.py --runs 30 --warmup 3 ../base/bin/pika bin/pika -- validate-result small.json

Not a test: nothing fails on a slow figure. A run that exits non-zero stops the comparison (exit 1), since its
time would not be the command's.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    return code, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        print("compare_jars.py: give the pika arguments after -- (see --help)", file=sys.stderr)
        return 2
    split = argv.index("--")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="runs per jar (default 10)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs per jar first (default 1)")
    parser.add_argument("--java", default="java", help="the java launcher (default: java on PATH)")
    parser.add_argument("jar_a")
    parser.add_argument("jar_b")
    opts = parser.parse_args(argv[:split])
    args = argv[split + 1:]
    jars = [opts.jar_a, opts.jar_b]
    figures = {jar: [] for jar in jars}
    for n in range(opts.warmup + opts.runs):
        for jar in jars:
            cmd = [opts.java, "-Xmx64m", "-jar", jar] if jar.endswith(".jar") else [jar]
            code, wall, cpu, rss = run_once(cmd + args)
            if code != 0:
                print(f"compare_jars.py: {jar} exited {code}", file=sys.stderr)
                return 1
            if n >= opts.warmup:
                figures[jar].append((wall, cpu, rss))
    print(f"{opts.runs} runs each, alternating; load average now {os.getloadavg()[0]:.2f}")
    print(f"| jar | median wall | fastest wall | median CPU | median peak RSS |")
    print(f"|---|---:|---:|---:|---:|")
    med = {}
    for jar in jars:
        walls = [f[0] for f in figures[jar]]
        cpus = [f[1] for f in figures[jar]]
        rss = [f[2] for f in figures[jar]]
        med[jar] = (statistics.median(walls), statistics.median(cpus))
        print(f"| {jar} | {med[jar][0]:.3f} s | {min(walls):.3f} s | {med[jar][1]:.3f} s "
              f"| {statistics.median(rss):.1f} MiB |")
    a, b = med[jars[0]], med[jars[1]]
    print(f"B / A: wall {b[0] / a[0]:.3f}, CPU {b[1] / a[1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
