#!/usr/bin/env bash
# A/B of one tuning change on a shared, noisy machine: two Tidings jars (or one jar with two sets
# of JVM options) run side by side, each on its own fresh PostgreSQL database, and take turns
# under the same load (POST /api/events, or /api/events/batch with ITEM=batch) in short phases,
# A B A B ...; the load of other processes then falls on both alike, and the table gives B/A per
# round and over all rounds. Needs the tools that bench/perf/run.sh compiles (run it once).
#   bench/perf/ab.sh before.jar after.jar
#   A_OPTS=... B_OPTS='-Dcamunda.bpm.job-execution.core-pool-size=6' ITEM=timers bench/perf/ab.sh app.jar app.jar
# ITEM=timers: each round parks TIMERS contacts on a timer in each app (batches), moves their timers
# to now and counts how fast they fire (as item 3 of run.sh does), A then B. ITEM=broadcast: each
# round stores CONTACTS new contacts (events no journey starts on) in a cohort of their own and
# broadcasts bench-broadcast.bpmn to that cohort (as item 4 does), A then B.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR_A=$1 JAR_B=$2
ROUNDS=${ROUNDS:-3} SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-10} WARMUP=${WARMUP:-5} CLIENTS=${CLIENTS:-16}
ITEM=${ITEM:-single} BATCH_SIZE=${BATCH_SIZE:-100} JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
PG="psql -h ${PG_HOST:-127.0.0.1} -p ${PG_PORT:-5432} -U ${PG_USER:-postgres} -v ON_ERROR_STOP=1 -qAt"
OUT=bench/out/perf
TOOL_CP="$OUT/tools/classes:$OUT/tools/lib/*"
[ -f "$OUT/tools/classes/LoadGen.class" ] || { echo "run bench/perf/run.sh once first (it builds the tools)" >&2; exit 1; }
PIDS=() DBS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${DBS[@]}"; do $PG -c "DROP DATABASE IF EXISTS $db" postgres >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start() { # name jar opts -> sets PORT_<name>, DB_<name>
  local name=$1 jar=$2 opts=$3 db=tidings_ab_${1,,}_$$ port
  printf -v "DB_$name" '%s' "$db"
  port=$(free_port)
  $PG -c "CREATE DATABASE $db" postgres; DBS+=("$db")
  # A_DB_SQL / B_DB_SQL: a statement for the variant's database, e.g. "ALTER DATABASE {db} SET ...".
  local sql_var=${name}_DB_SQL
  [ -z "${!sql_var:-}" ] || $PG -c "${!sql_var//\{db\}/$db}" postgres
  # shellcheck disable=SC2086
  env SPRING_PROFILES_ACTIVE=postgres TIDINGS_PORT="$port" TIDINGS_ADMIN_USER=bench TIDINGS_ADMIN_PASSWORD=bench-$$ \
    TIDINGS_SENDER_POSTAL_ADDRESS="Tidings Bench, 1 Bench Street, Benchville" \
    TIDINGS_DB_URL="jdbc:postgresql://${PG_HOST:-127.0.0.1}:${PG_PORT:-5432}/$db" TIDINGS_DB_USER="${PG_USER:-postgres}" \
    TIDINGS_DB_PASSWORD= TIDINGS_SMTP_HOST=127.0.0.1 TIDINGS_SMTP_PORT=1 TIDINGS_ADDRESS_CHECK_DNS=false \
    TIDINGS_ENGINE_REST_DEPLOYMENT_ENABLED=true java $JAVA_OPTS $opts -jar "$jar" >"$OUT/ab-$name.log" 2>&1 &
  PIDS+=($!)
  printf -v "PORT_$name" '%s' "$port"
}
start A "$JAR_A" "${A_OPTS:-}"
start B "$JAR_B" "${B_OPTS:-}"
for name in A B; do
  port_var=PORT_$name; base=http://127.0.0.1:${!port_var}
  for _ in $(seq 1 1800); do curl -sf -o /dev/null "$base/actuator/health/liveness" && break; sleep 0.2; done
  curl -sf -u "bench:bench-$$" -o /dev/null "$base/engine-rest/deployment/create" -F deployment-name=bench \
    -F enable-duplicate-filtering=true -F deployment-source=bench-perf \
    $(for f in bench/perf/bpmn/*.bpmn; do printf -- '-F %s=@%s ' "$(basename "$f")" "$f"; done)
done
echo '{"name":"BenchStarted","contact":{"id":"{p}-{i}","email":"{p}-{i}@example.com","firstName":"First{i}"}}' \
  >"$OUT/ab-event.json"
if [ "$ITEM" = batch ]; then path=/api/events/batch items=$BATCH_SIZE; else path=/api/events items=1; fi
if [ "$ITEM" = broadcast ]; then
  echo "| round | A starts/s | B starts/s | B/A | load |"
  echo "| --- | --- | --- | --- | --- |"
  sum_a=0 sum_b=0
  for round in $(seq 1 "$ROUNDS"); do
    for name in A B; do
      port_var=PORT_$name base=http://127.0.0.1:${!port_var} cohort=r$round${name,,}
      echo "{\"name\":\"BenchContact\",\"contact\":{\"id\":\"{p}-{i}\",\"email\":\"{p}-{i}@example.com\",\"attributes\":{\"cohort\":\"$cohort\"}}}" \
        >"$OUT/ab-contact.json"
      java -cp "$TOOL_CP" LoadGen "$base/api/events/batch" "bench:bench-$$" "$OUT/ab-contact.json" \
        4 0 0 "${CONTACTS:-3000}" 100 "$cohort" >/dev/null
      curl -sf -u "bench:bench-$$" -H 'Content-Type: application/json' -o /dev/null "$base/api/segments" \
        -d "{\"key\":\"$cohort\",\"name\":\"$cohort\",\"rule\":{\"attribute\":\"cohort\",\"op\":\"eq\",\"value\":\"$cohort\"}}"
      id=$(curl -sf -u "bench:bench-$$" -H 'Content-Type: application/json' "$base/api/broadcasts" \
        -d "{\"journey\":\"bench-broadcast\",\"segment\":\"$cohort\",\"perSecond\":10000}" | jq -r .id)
      from=$(date +%s%3N)
      while state=$(curl -sf -u "bench:bench-$$" "$base/api/broadcasts/$id") && [ "$(jq -r .status <<<"$state")" = RUNNING ]; do
        sleep 0.2
      done
      printf -v "RATE_$name" '%s' "$(awk -v n="$(jq -r .started <<<"$state")" -v ms="$(($(date +%s%3N) - from))" 'BEGIN { printf "%.0f", n * 1000 / ms }')"
    done
    sum_a=$((sum_a + RATE_A)) sum_b=$((sum_b + RATE_B))
    echo "| $round | $RATE_A | $RATE_B | $(awk -v a="$RATE_A" -v b="$RATE_B" 'BEGIN{printf "%.2f", b/a}') | $(cut -d' ' -f1 /proc/loadavg) |"
  done
  echo "| all | $sum_a | $sum_b | $(awk -v a="$sum_a" -v b="$sum_b" 'BEGIN{printf "%.2f", b/a}') | |"
  exit 0
fi
if [ "$ITEM" = timers ]; then
  FAR=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
  echo "{\"name\":\"BenchParked\",\"contact\":{\"id\":\"{p}-{i}\",\"email\":\"{p}-{i}@example.com\"},\"data\":{\"dueAt\":\"$FAR\"}}" \
    >"$OUT/ab-park.json"
  jobs_left() { $PG -d "$1" -c "SELECT count(*) FROM act_ru_job WHERE process_def_key_ = 'bench-timer'"; }
  echo "| round | A timers/s | B timers/s | B/A | load |"
  echo "| --- | --- | --- | --- | --- |"
  sum_a=0 sum_b=0
  for round in $(seq 1 "$ROUNDS"); do
    for name in A B; do
      port_var=PORT_$name db_var=DB_$name
      java -cp "$TOOL_CP" LoadGen "http://127.0.0.1:${!port_var}/api/events/batch" "bench:bench-$$" "$OUT/ab-park.json" \
        4 0 0 "${TIMERS:-3000}" 100 "p$round$name" >/dev/null
      parked=$(jobs_left "${!db_var}")
      $PG -d "${!db_var}" -c "UPDATE act_ru_job SET duedate_ = now() WHERE process_def_key_ = 'bench-timer'" >/dev/null
      from=$(date +%s%3N)
      while [ "$(jobs_left "${!db_var}")" != 0 ]; do sleep 0.2; done
      printf -v "RATE_$name" '%s' "$(awk -v n="$parked" -v ms="$(($(date +%s%3N) - from))" 'BEGIN { printf "%.0f", n * 1000 / ms }')"
    done
    sum_a=$((sum_a + RATE_A)) sum_b=$((sum_b + RATE_B))
    echo "| $round | $RATE_A | $RATE_B | $(awk -v a="$RATE_A" -v b="$RATE_B" 'BEGIN{printf "%.2f", b/a}') | $(cut -d' ' -f1 /proc/loadavg) |"
  done
  echo "| all | $sum_a | $sum_b | $(awk -v a="$sum_a" -v b="$sum_b" 'BEGIN{printf "%.2f", b/a}') | |"
  exit 0
fi
# Each app gets its JIT warm first, untimed, so that the first round does not measure the compiler.
for name in A B; do
  port_var=PORT_$name
  java -cp "$TOOL_CP" LoadGen "http://127.0.0.1:${!port_var}$path" "bench:bench-$$" "$OUT/ab-event.json" \
    "$CLIENTS" "${JIT_WARMUP:-20}" 0 0 "$items" "w$name" >/dev/null
done
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
echo "| round | A events/s | B events/s | B/A | A p99 ms | B p99 ms | load |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
sum_a=0 sum_b=0
for round in $(seq 1 "$ROUNDS"); do
  for name in A B; do
    port_var=PORT_$name
    result=$(java -cp "$TOOL_CP" LoadGen "http://127.0.0.1:${!port_var}$path" "bench:bench-$$" "$OUT/ab-event.json" \
      "$CLIENTS" "$SECONDS_PER_PHASE" "$WARMUP" 0 "$items" "r$round$name")
    printf -v "RATE_$name" '%s' "$(field items_per_s "$result")"
    printf -v "P99_$name" '%s' "$(field p99_ms "$result")"
  done
  sum_a=$((sum_a + RATE_A)) sum_b=$((sum_b + RATE_B))
  echo "| $round | $RATE_A | $RATE_B | $(awk -v a="$RATE_A" -v b="$RATE_B" 'BEGIN{printf "%.2f", b/a}') | $P99_A | $P99_B | $(cut -d' ' -f1 /proc/loadavg) |"
done
echo "| all | $sum_a | $sum_b | $(awk -v a="$sum_a" -v b="$sum_b" 'BEGIN{printf "%.2f", b/a}') | | | |"
