#!/usr/bin/env bash
# Send-time optimization against synthetic contacts with known reading habits: prints the open
# rate of a fixed send time (Tuesday 10:00 local) and of the learnt send time, mean ± sd over
# several seeds. Not part of ./mvnw verify. See bench/send-time/README.md.
#   bench/send-time/run.sh                                          # 10,000 contacts, 5 seeds from 42
#   bench/send-time/run.sh -Dbench.contacts=2000 -Dbench.runs=3 -Dbench.seed=7
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench/out
./mvnw -B -o test -Dtest=SendTimeBench -Dsurefire.failIfNoSpecifiedTests=false "$@" >bench/out/send-time.log 2>&1 \
	|| { echo "failed: see bench/out/send-time.log"; exit 1; }
grep -F '[bench]' bench/out/send-time.log
