#!/usr/bin/env python3
"""CPU time per mail, per thread group of the bench's Tidings, for the phases of item 2.
On a shared machine throughput moves with the neighbours' load; CPU time per mail does not.
    bench/perf/thread-cpu.py record OUT.log &     # before bench/perf/run.sh --items 2; kill it after
    bench/perf/thread-cpu.py windows OUT.log RUN.out   # RUN.out: run.sh's output (its log lines)
`record` finds the Tidings JVM that run.sh starts (postgres profile, this checkout) and writes each
thread group's cumulative utime+stime from /proc every second; `windows` prints, for the end-to-end,
fill and drain phases, the CPU milliseconds per mail of each group."""
import collections, datetime, os, re, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GROUPS = [("delivery workers", "delivery-N"), ("outcome reporter", "delivery-outcom"),
          ("job executor threads", "camundaTaskExec"), ("job acquisition", "JobExecutor[or"),
          ("HTTP requests", "http-nio"), ("JIT compilers", "C2_CompilerThre", "C1_CompilerThre"),
          ("GC", "GC_Thread#N", "G1_")]


def tidings_pid():
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read()
            env = open(f"/proc/{pid}/environ", "rb").read()
            if (b"-jar" in cmd and b"tidings-" in cmd and os.readlink(f"/proc/{pid}/cwd") == ROOT
                    and b"SPRING_PROFILES_ACTIVE=postgres" in env):
                return pid
        except OSError:
            pass
    return None


def record(path):
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    pid = None
    with open(path, "w") as out:
        while True:
            if pid is None or not os.path.exists(f"/proc/{pid}"):
                pid = tidings_pid()
                if pid is None:
                    time.sleep(0.5)
                    continue
            groups = collections.Counter()
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    stat = open(f"/proc/{pid}/task/{task}/stat").read()
                    name = re.sub(r"\d+$", "N", stat[stat.index("(") + 1:stat.rindex(")")]).replace(" ", "_")
                    fields = stat[stat.rindex(")") + 2:].split()
                    groups[name] += (int(fields[11]) + int(fields[12])) * tick_ms
            except OSError:
                continue
            out.write(f"{time.time():.1f} " + " ".join(f"{k}={v:.0f}" for k, v in groups.items()) + "\n")
            out.flush()
            time.sleep(1)


def windows(path, run_out):
    rows = []
    for line in open(path):
        parts = line.split()
        rows.append((float(parts[0]), {k: float(v) for k, v in (p.rsplit("=", 1) for p in parts[1:])}))
    text = open(run_out).read()
    day = datetime.datetime.fromtimestamp(rows[0][0], datetime.timezone.utc).date()

    def at(pattern):
        m = re.search(r"\[(\d\d:\d\d:\d\d)\] " + pattern, text)
        return m and datetime.datetime.combine(day, datetime.time.fromisoformat(m.group(1)),
                                               datetime.timezone.utc).timestamp()

    def sample(t):
        return max((r for r in rows if r[0] <= t + 0.5), key=lambda r: r[0], default=None)

    phases = [("end to end", "item 2: Tidings end to end", "tidings end to end:", r"tidings end to end: (\d+)"),
              ("fill", "item 2: Tidings delivery alone", "outbox filled", r"outbox filled: (\d+)"),
              ("drain", "outbox filled", "tidings delivery alone:", r"delivery alone: (\d+) mails")]
    print("phase | mails | seconds | CPU ms per mail, all threads | " + " | ".join(g[0] for g in GROUPS))
    for name, start, end, count in phases:
        a, b, n = at(start), at(end), re.search(count, text)
        if not (a and b and n) or not sample(a) or not sample(b):
            continue
        before, after, mails = sample(a)[1], sample(b)[1], int(n.group(1))
        delta = lambda keys: sum(after[k] - before.get(k, 0) for k in after if k.startswith(keys))
        cells = [f"{delta(tuple(g[1:])) / mails:.2f}" for g in GROUPS]
        print(f"{name} | {mails} | {b - a:.0f} | {delta(('',)) / mails:.2f} | " + " | ".join(cells))


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2])
    else:
        windows(sys.argv[2], sys.argv[3])
