#!/usr/bin/env bash
# 10,000 signups; kill -9 of the node once 1,000 welcome mails are out; restart on the same
# database. Prints expected / delivered / lost / duplicated and the rows in flight at the crash.
exec "$(dirname "$0")/run.sh" DeliveryCrashIT -Dchaos.journeys="${CHAOS_JOURNEYS:-10000}" \
	-Dchaos.patience=20m "$@"
