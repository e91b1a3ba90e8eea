#!/usr/bin/env bash
# Two nodes on one database, 10,000 signups split between them. Prints expected / delivered /
# lost / duplicated and how many mails each node sent.
exec "$(dirname "$0")/run.sh" TwoNodeIT -Dchaos.journeys="${CHAOS_JOURNEYS:-10000}" \
	-Dchaos.patience=20m "$@"
