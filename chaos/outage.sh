#!/usr/bin/env bash
# 10,000 signups; the SMTP relay is away for 5 minutes once 2,000 mails are out, while the
# rest of the events arrive. Prints expected / delivered / lost / duplicated.
exec "$(dirname "$0")/run.sh" SmtpOutageIT -Dchaos.journeys="${CHAOS_JOURNEYS:-10000}" \
	-Dchaos.outage="${CHAOS_OUTAGE:-5m}" -Dchaos.patience=30m "$@"
