#!/usr/bin/env bash
# Journey statistics at scale: loads N synthetic journey mails with their opens, clicks,
# conversions and unsubscribes into a fresh PostgreSQL database (schema by the app's own Flyway
# migrations), then times GET /api/journeys/{key}/stats and .../stats/daily over HTTP, cold and
# warm, and writes EXPLAIN (ANALYZE, BUFFERS) of the statistics' SQL. Not part of ./mvnw verify.
# See bench/stats/README.md.
#   bench/stats/run.sh                       # 1,000,000 deliveries
#   bench/stats/run.sh --quick               # 100,000
#   bench/stats/run.sh --deliveries 250000 --reps 10 --cold-runs 1 --keep
#   bench/stats/run.sh --database tidings_bench_stats --skip-build   # time again on a kept database
set -euo pipefail
cd "$(dirname "$0")/../.."

DELIVERIES=1000000
REPS=20
COLD_RUNS=3
KEEP=0
SKIP_BUILD=${SKIP_BUILD:-0}
DATABASE=
while [ $# -gt 0 ]; do
  case $1 in
    --deliveries) DELIVERIES=$2; shift 2 ;;
    --quick) DELIVERIES=100000; shift ;;
    --reps) REPS=$2; shift 2 ;;
    --cold-runs) COLD_RUNS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --database) DATABASE=$2; KEEP=1; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    *) echo "unknown option $1 (see bench/stats/README.md)" >&2; exit 2 ;;
  esac
done
[[ $DELIVERIES =~ ^[0-9]+$ && $DELIVERIES -ge 1000 ]] || { echo "--deliveries must be a number >= 1000" >&2; exit 2; }
[[ $REPS =~ ^[1-9][0-9]*$ && $COLD_RUNS =~ ^[1-9][0-9]*$ ]] || { echo "--reps and --cold-runs must be >= 1" >&2; exit 2; }

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
DATABASE=${DATABASE:-tidings_bench_stats_$$}
OUT=bench/out/stats
USER_NAME=bench
PASSWORD=bench-stats  # fixed: a kept database keeps the admin user it was first started with
mkdir -p "$OUT"
psql_db() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if [ -n "${JAR:-}" ]; then
  SKIP_BUILD=1
elif [ "$SKIP_BUILD" != 1 ]; then
  ./mvnw -B -q -o -DskipTests -Dspring-javaformat.skip=true package
fi
# A copy, so a build during the run does not change the jar under the app's feet.
cp "${JAR:-$(ls target/tidings-*.jar | grep -v '\.original$' | head -1)}" "$OUT/tidings.jar.tmp"
mv "$OUT/tidings.jar.tmp" "$OUT/tidings.jar"
JAR=$OUT/tidings.jar

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

APP_PID=
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
cleanup() {
  stop_app
  if [ "$KEEP" != 1 ]; then
    psql_db -c "DROP DATABASE IF EXISTS $DATABASE" postgres >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT INT TERM

# The packaged app on the postgres profile, without delivery workers (the synthetic mails must
# not be sent) and without the developer mailbox.
start_app() {
  local port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  env TIDINGS_PORT="$port" TIDINGS_ADMIN_USER="$USER_NAME" TIDINGS_ADMIN_PASSWORD="$PASSWORD" \
    TIDINGS_SENDER_POSTAL_ADDRESS="Tidings Bench, 1 Bench Street, Benchville" TIDINGS_SMTP_PORT="$(free_port)" \
    TIDINGS_DELIVERY_WORKERS=0 SPRING_PROFILES_ACTIVE=postgres TIDINGS_DB_USER="$PG_USER" TIDINGS_DB_PASSWORD= \
    TIDINGS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE" TIDINGS_STATS_ROLLUP_INTERVAL="${ROLLUP_INTERVAL:-1m}" \
    java ${JAVA_OPTS:-} -jar "$JAR" >>"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "$BASE/actuator/health/liveness" >/dev/null; then
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "Tidings did not start, see $OUT/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "Tidings did not answer within 240 s, see $OUT/app.log" >&2
  exit 1
}

: >"$OUT/app.log"
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
if [ "$(psql_db -c "SELECT count(*) FROM pg_database WHERE datname = '$DATABASE'" postgres)" = 0 ]; then
  psql_db -c "CREATE DATABASE $DATABASE" postgres
fi
echo "database $DATABASE: migrating (Flyway, by starting the app)"
start_app
stop_app
if [ "$(psql_db -c 'SELECT count(*) FROM deliveries' "$DATABASE")" = 0 ]; then
  echo "loading $DELIVERIES deliveries ending $NOW"
  start=$(date +%s)
  psql_db -v deliveries="$DELIVERIES" -v now="$NOW" -f bench/stats/load.sql "$DATABASE" >/dev/null
  # VACUUM as autovacuum would have done by now on a live table: it sets the visibility map that
  # index-only scans rely on.
  psql_db -c 'VACUUM ANALYZE' "$DATABASE"
  echo "loaded in $(($(date +%s) - start)) s"
else
  NOW=$(psql_db -c "SELECT to_char(max(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM deliveries" "$DATABASE")
  echo "database $DATABASE already has mails (up to $NOW): timing them again"
  psql_db -c 'ANALYZE' "$DATABASE"
fi

# The statistics rollup (V23/V24): a build that has it marks every loaded day as changed; let its
# job take them all in before timing, as it would have long since on a live system (unless the run
# times the raw path: TIDINGS_STATS_ROLLUP_ENABLED=false, or a jar without the rollup).
if [ "${TIDINGS_STATS_ROLLUP_ENABLED:-true}" != false ] && unzip -l "$JAR" | grep -q JourneyStatsRollup.class &&
  [ "$(psql_db -c "SELECT count(*) FROM pg_tables WHERE tablename = 'journey_stats_changes'" "$DATABASE")" = 1 ] &&
  [ "$(psql_db -c 'SELECT count(*) FROM journey_stats_changes' "$DATABASE")" != 0 ]; then
  echo "statistics rollup: $(psql_db -c 'SELECT count(DISTINCT (journey_key, mail_day)) FROM journey_stats_changes' "$DATABASE") journey days to roll up"
  start=$(date +%s)
  ROLLUP_INTERVAL=2s start_app
  until [ "$(psql_db -c 'SELECT count(*) FROM journey_stats_changes' "$DATABASE")" = 0 ]; do
    [ $(($(date +%s) - start)) -lt 3600 ] || { echo "the rollup did not catch up within an hour" >&2; exit 1; }
    sleep 2
  done
  stop_app
  psql_db -c 'VACUUM ANALYZE journey_step_daily' -c 'VACUUM ANALYZE journey_step_clickers' "$DATABASE"
  echo "rolled up in $(($(date +%s) - start)) s (with the app's start)"
fi

echo
echo "data volume ($DATABASE):"
psql_db -F $'\t' "$DATABASE" >"$OUT/volume.tsv" <<'SQL'
SELECT t, (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM ' || t, FALSE, TRUE, '')))[1]::text,
       pg_size_pretty(pg_table_size(t)), pg_size_pretty(pg_indexes_size(t)), pg_size_pretty(pg_total_relation_size(t))
FROM unnest(ARRAY['deliveries', 'delivery_opens', 'engagements', 'conversions', 'consent_records', 'contacts']) t
SQL
(printf 'table\trows\ttable\tindexes\ttotal\n'; cat "$OUT/volume.tsv") | column -t -s $'\t'

DAY_TO=$(date -u -d "$NOW + 1 day" +%Y-%m-%d)
DAY_FROM=$(date -u -d "$NOW - 89 days" +%Y-%m-%d)
MONTH_AGO=$(date -u -d "$NOW - 30 days" +%Y-%m-%dT%H:%M:%SZ)
QUERIES=(
  "welcome, all|/api/journeys/welcome/stats"
  "welcome, last 30 days|/api/journeys/welcome/stats?from=$MONTH_AGO&to=$NOW"
  "welcome, version 2|/api/journeys/welcome/stats?version=2"
  "lead-nurturing, 30 days, v3|/api/journeys/lead-nurturing/stats?from=$MONTH_AGO&to=$NOW&version=3"
  "welcome, daily, 90 days|/api/journeys/welcome/stats/daily?from=$DAY_FROM&to=$DAY_TO"
)

call() {
  local status
  status=$(curl -sS -u "$USER_NAME:$PASSWORD" -o "$OUT/last.json" -w '%{http_code} %{time_total}' "$BASE$1")
  [ "${status%% *}" = 200 ] || { echo "GET $1 answered ${status%% *}: $(head -c 500 "$OUT/last.json")" >&2; kill -TERM $$; exit 1; }
  awk -v s="${status#* }" 'BEGIN { printf "%.1f\n", s * 1000 }'
}

# p50, p95 and max of the numbers on stdin (milliseconds), nearest rank
summary() {
  sort -n | awk '{ v[NR] = $1 } END { p50 = int(NR * 0.50 + 0.999); p95 = int(NR * 0.95 + 0.999)
    printf "%s\t%s\t%s\t%d", v[p50], v[p95], v[NR], NR }'
}

: >"$OUT/cold.tsv"
: >"$OUT/warm.tsv"
for run in $(seq 1 "$COLD_RUNS"); do
  # Cold: the first call of each query after the app started (new JVM, new connections, nothing
  # cached in the app). PostgreSQL's and the OS's caches are shared with other users of the server
  # and stay warm.
  start_app
  for q in "${QUERIES[@]}"; do
    printf '%s\t%s\n' "${q%%|*}" "$(call "${q#*|}")" >>"$OUT/cold.tsv"
  done
  if [ "$run" = "$COLD_RUNS" ]; then
    for q in "${QUERIES[@]}"; do
      for _ in $(seq 1 "$REPS"); do
        printf '%s\t%s\n' "${q%%|*}" "$(call "${q#*|}")" >>"$OUT/warm.tsv"
      done
      cp "$OUT/last.json" "$OUT/$(echo "${q%%|*}" | tr -c 'a-z0-9\n' '-').json"
    done
  fi
  stop_app
done

echo
echo "GET times in ms at $DELIVERIES deliveries (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
{
  printf 'query\tcold p50\tcold p95\tcold max\tn\twarm p50\twarm p95\twarm max\tn\n'
  for q in "${QUERIES[@]}"; do
    name=${q%%|*}
    printf '%s\t%s\t%s\n' "$name" "$(grep -F "$name"$'\t' "$OUT/cold.tsv" | cut -f2 | summary)" \
      "$(grep -F "$name"$'\t' "$OUT/warm.tsv" | cut -f2 | summary)"
  done
} | tee "$OUT/times.tsv" | column -t -s $'\t'

echo
echo "EXPLAIN (ANALYZE, BUFFERS) of the statistics' SQL -> $OUT/plans.txt"
./mvnw -B -o test -Dtest=JourneyStatsPlans -Dsurefire.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true \
  -Dbench.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE" -Dbench.user="$PG_USER" -Dbench.now="$NOW" \
  -Dbench.out="$OUT/plans.txt" >"$OUT/plans.log" 2>&1 || { echo "failed: see $OUT/plans.log" >&2; exit 1; }
grep -E '^\[plan\]' "$OUT/plans.log" || true
