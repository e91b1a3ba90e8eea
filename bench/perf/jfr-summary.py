#!/usr/bin/env python3
"""Summarizes a JFR recording's CPU samples: the hottest methods by self time, and where the
time goes by inclusive time for a few markers (SQL, JSON, templates, security, ...).
    bench/perf/jfr-summary.py RECORDING.jfr [TOP]
Uses the JDK's `jfr print`; only threads whose name matches THREADS (env, a regex) count."""
import collections, os, re, subprocess, sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
threads = re.compile(os.environ.get("THREADS", "."))
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                      capture_output=True, text=True, check=True).stdout
MARKERS = {
    "JDBC / PostgreSQL driver": ("org.postgresql.",),
    "Camunda engine": ("org.camunda.bpm.engine.",),
    "MyBatis (Camunda's SQL mapping)": ("org.apache.ibatis.",),
    "Jackson JSON": ("com.fasterxml.jackson.",),
    "Thymeleaf rendering": ("org.thymeleaf.",),
    "Spring Security": ("org.springframework.security.",),
    "Tomcat / HTTP": ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."),
    "Jakarta Mail": ("jakarta.mail.", "org.eclipse.angus."),
    "Hikari pool": ("com.zaxxer.hikari.",),
    "Tidings code": ("io.tidings.",),
}
self_time = collections.Counter()
inclusive = collections.Counter()
total = 0
for event in text.split("jdk.ExecutionSample {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if thread and not threads.search(thread.group(1)):
        continue
    frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(", event, re.M)
    if not frames:
        continue
    total += 1
    self_time[frames[0]] += 1
    for name, prefixes in MARKERS.items():
        if any(f.startswith(prefixes) for f in frames):
            inclusive[name] += 1
print(f"{total} CPU samples")
print("inclusive (a sample counts for every marker on its stack):")
for name, n in inclusive.most_common():
    print(f"  {100 * n / max(total, 1):5.1f}%  {name}")
print(f"top {top} methods by self time:")
for name, n in self_time.most_common(top):
    print(f"  {100 * n / max(total, 1):5.1f}%  {name}")
