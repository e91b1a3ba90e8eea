#!/usr/bin/env bash
# Imports ROWS generated contacts (default 1,000,000) into Tidings over HTTP, on H2 (the default
# profile) and on PostgreSQL, and prints rows/s, seconds and the app's resident memory.
# The CSV is generated while it is uploaded (awk piped into curl), so it never exists as a file.
# See bench/import/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
DATABASES=${DATABASES:-h2 postgres}
PASSES=${PASSES:-1}
JAVA_OPTS=${JAVA_OPTS:-}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG_DATABASE=tidings_bench_import_$$
OUT=bench/out/import
USER_NAME=bench
PASSWORD=bench-$$

mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package
fi
JAR=$(ls target/tidings-*.jar | grep -v '\.original$' | head -1)

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# id,email,... with every 100th row bad (an address without @), so the rejection path runs too.
generate() {
  awk -v rows="$ROWS" 'BEGIN {
    split("en nl-BE de fr pt-BR", locale, " ")
    split("Europe/Amsterdam Europe/Berlin America/New_York Asia/Tokyo UTC", zone, " ")
    split("free pro team", plan, " ")
    print "id,email,firstName,lastName,locale,timeZone,birthday,signedUpOn,plan,source"
    for (i = 1; i <= rows; i++) {
      email = (i % 100 == 0) ? "user" i ".example.com" : "user" i "@example.com"
      printf "bench-%07d,%s,First%d,\"Last, %d\",%s,%s,19%02d-%02d-%02d,2024-%02d-%02d,%s,campaign-%d\n",
        i, email, i, i, locale[i % 5 + 1], zone[i % 5 + 1], 50 + i % 50, i % 12 + 1, i % 28 + 1,
        i % 12 + 1, i % 28 + 1, plan[i % 3 + 1], i % 17
    }
  }'
}

rss_mb() {
  awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
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
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qc "DROP DATABASE IF EXISTS $PG_DATABASE" postgres \
    >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

start_app() {
  local database=$1 port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  local env=(TIDINGS_PORT="$port" TIDINGS_ADMIN_USER="$USER_NAME" TIDINGS_ADMIN_PASSWORD="$PASSWORD"
    TIDINGS_SENDER_POSTAL_ADDRESS="Tidings Bench, 1 Bench Street, Benchville"
    TIDINGS_SMTP_PORT="$(free_port)")
  if [ "$database" = postgres ]; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qc "CREATE DATABASE $PG_DATABASE" postgres
    env+=(SPRING_PROFILES_ACTIVE=postgres TIDINGS_DB_USER="$PG_USER" TIDINGS_DB_PASSWORD=
      TIDINGS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE${PG_URL_OPTIONS:-}")
  else
    rm -rf "$OUT/h2"
    env+=(TIDINGS_DB_URL="jdbc:h2:file:./$OUT/h2/tidings;DB_CLOSE_ON_EXIT=FALSE")
  fi
  # shellcheck disable=SC2086
  env "${env[@]}" java $JAVA_OPTS -jar "$JAR" >"$OUT/app-$database.log" 2>&1 &
  APP_PID=$!
  echo "$APP_PID" >"$OUT/app.pid"
  for _ in $(seq 1 180); do
    if curl -sf "$BASE/actuator/health/liveness" >/dev/null; then
      return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "Tidings did not start, see $OUT/app-$database.log" >&2; exit 1; }
    sleep 1
  done
  echo "Tidings did not answer within 180 s, see $OUT/app-$database.log" >&2
  exit 1
}

import_once() {
  local database=$1 pass=$2 peak=0 rss before result start end sampler
  before=$(rss_mb "$APP_PID")
  echo 0 >"$OUT/peak"
  (
    while kill -0 "$APP_PID" 2>/dev/null; do
      rss=$(rss_mb "$APP_PID")
      if [ "$rss" -gt "$peak" ]; then peak=$rss; echo "$peak" >"$OUT/peak"; fi
      sleep 0.5
    done
  ) &
  sampler=$!
  result="$OUT/result-$database-$pass.json"
  start=$(date +%s.%N)
  generate | curl -sS -u "$USER_NAME:$PASSWORD" -X POST -H 'Content-Type: text/csv' -H 'Expect:' -T - \
    -o "$result" -w '%{http_code}\n' "$BASE/api/contacts/import?badRows=skip" >"$OUT/status"
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  if [ "$(cat "$OUT/status")" != 201 ]; then
    echo "Import on $database answered $(cat "$OUT/status"): $(cat "$result")" >&2
    exit 1
  fi
  jq -r --arg db "$database" --arg pass "$pass" --arg wall "$(echo "$end - $start" | bc)" \
    --arg before "$before" --arg peak "$(cat "$OUT/peak")" --arg after "$(rss_mb "$APP_PID")" \
    '[$db, $pass, .rows, .created, .updated, .rejected, .seconds, ($wall | tonumber | . * 10 | round / 10),
      (.rows / .seconds | round), $before, $peak, $after] | @tsv' "$result" >>"$OUT/results.tsv"
}

printf 'database\tpass\trows\tcreated\tupdated\trejected\tseconds\twall_s\trows_per_s\trss_before_mb\trss_peak_mb\trss_after_mb\n' \
  >"$OUT/results.tsv"
for database in $DATABASES; do
  start_app "$database"
  for pass in $(seq 1 "$PASSES"); do
    import_once "$database" "$pass"
  done
  stop_app
done
column -t -s $'\t' "$OUT/results.tsv"
