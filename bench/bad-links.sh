#!/usr/bin/env bash
# How long the preference center takes to answer a good link and each kind of bad one (tampered,
# malformed, never-existed contact, erased contact), over HTTP on (embedded) PostgreSQL: prints the
# median and 90th percentile per kind. Not part of ./mvnw verify.
#   bench/bad-links.sh                          # 300 requests per kind
#   bench/bad-links.sh -Dbench.requests=1000    # more
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
./mvnw -B test -Dtest=BadLinkTimingBench -Dsurefire.failIfNoSpecifiedTests=false "$@" >bench/out/bad-links.log 2>&1 \
	|| { echo "failed: see bench/out/bad-links.log"; exit 1; }
grep -F '[bench]' bench/out/bad-links.log
