#!/usr/bin/env bash
# A broadcast to a large segment on (embedded) PostgreSQL: prints journeys started per second and
# the extrapolated time for 1,000,000 contacts. Not part of ./mvnw verify.
#   bench/broadcast.sh                         # 100,000 contacts
#   bench/broadcast.sh -Dbench.contacts=20000  # another size
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
./mvnw -B test -Dtest=BroadcastBench -Dsurefire.failIfNoSpecifiedTests=false "$@" >bench/out/broadcast.log 2>&1 \
	|| { echo "failed: see bench/out/broadcast.log"; exit 1; }
grep -F '[bench]' bench/out/broadcast.log
