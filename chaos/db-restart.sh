#!/usr/bin/env bash
# 10,000 signups; PostgreSQL restarts in the middle of sending. Prints expected / delivered /
# lost / duplicated.
exec "$(dirname "$0")/run.sh" DatabaseRestartIT -Dchaos.journeys="${CHAOS_JOURNEYS:-10000}" \
	-Dchaos.patience=20m "$@"
