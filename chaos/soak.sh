#!/usr/bin/env bash
# Soak run: one PostgreSQL-backed node with an SMTP sink under mixed load (signups and other
# events, a broadcast every 10 minutes, opens and clicks, one-click unsubscribes) for 30 minutes,
# sampling memory and the outbox backlog every minute; prints the table and a verdict (memory flat
# over the last half, backlog not growing). The exit status is the verdict's.
#   chaos/soak.sh                      # 30 minutes
#   chaos/soak.sh --minutes 5          # shorter
#   chaos/soak.sh --minutes 60 -Dsoak.events-per-second=8 -Dsoak.sample=30s
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=30
if [[ "${1:-}" == "--minutes" ]]; then
	minutes="$2"
	shift 2
fi
mkdir -p target/chaos
output="target/chaos/SoakRun-maven.log"
started=$(date +%s)
status=0
# Failsafe runs SoakRun only when named: it is no *IT and not part of ./mvnw verify.
./mvnw -B verify -Dit.test=SoakRun -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	-Dsoak.minutes="$minutes" "$@" >"$output" 2>&1 || status=$?
echo "== SoakRun --minutes $minutes $* ($(($(date +%s) - started)) s, Maven exit $status; full output: $output)"
grep -F '[soak]' "$output" | sed 's/^\[soak\] //' || echo "no figures printed: see $output"
exit "$status"
