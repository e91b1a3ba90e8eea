#!/usr/bin/env bash
# Runs one chaos integration test at the size given by -D options, e.g.
#   chaos/run.sh DeliveryCrashIT -Dchaos.journeys=10000
# and prints its figures at the end. Everything it needs (PostgreSQL, the SMTP server, the
# application jar) it builds or starts itself; the full Maven output goes to target/chaos/.
set -euo pipefail
cd "$(dirname "$0")/.."
test_class="$1"
shift
mkdir -p target/chaos
output="target/chaos/${test_class}-maven.log"
started=$(date +%s)
status=0
./mvnw -B verify -Dit.test="$test_class" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@" \
	>"$output" 2>&1 || status=$?
echo "== $test_class $* ($(($(date +%s) - started)) s, Maven exit $status; full output: $output)"
grep -F '[chaos]' "$output" || echo "no figures printed: see $output"
grep -E '^\[ERROR\] +[A-Za-z]+IT\.' "$output" || true
exit "$status"
