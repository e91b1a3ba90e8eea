#!/usr/bin/env bash
# Tidings against its references, side by side in one run, on one machine: event ingestion
# (against the stock Camunda app's POST /engine-rest/message), delivery (against a raw Jakarta
# Mail loop), contacts parked on a timer and their firing, a broadcast, start-up time and memory.
# Prints one table and writes it to bench/out/perf/. Not part of ./mvnw verify.
# See bench/perf/README.md.
#   bench/perf/run.sh                    # full size: 1,000,000 contacts parked and broadcast
#   bench/perf/run.sh --quick            # under 5 minutes: 20,000 contacts, shorter load phases
#   bench/perf/run.sh --contacts 200000  # another size for the timer and broadcast parts
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

QUICK=0
CONTACTS=1000000
SKIP_BUILD=${SKIP_BUILD:-0}
while [ $# -gt 0 ]; do
  case $1 in
    --quick) QUICK=1; CONTACTS=20000 ;;
    --contacts) CONTACTS=$2; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    --items) ITEMS=$2; shift ;;
    -h | --help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see bench/perf/README.md)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then
  SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-15}; WARMUP=${WARMUP:-5}; MAILS=${MAILS:-5000}
else
  SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-60}; WARMUP=${WARMUP:-15}; MAILS=${MAILS:-50000}
fi
# The longest the timers' firing and the broadcast are timed: at full size a slow plan could
# otherwise hold the run for many hours. A phase cut short gives its rate over the time it had.
FIRE_LIMIT_S=${FIRE_LIMIT_S:-900}
BROADCAST_LIMIT_S=${BROADCAST_LIMIT_S:-2400}
# Which parts to run, e.g. --items "1 3" for a before/after of one tuning change.
ITEMS=${ITEMS:-1 2 3 4 5}
want() { [[ " $ITEMS " == *" $1 "* ]]; }
CLIENTS=${CLIENTS:-16}
BATCH_CLIENTS=${BATCH_CLIENTS:-4}
BATCH_SIZE=${BATCH_SIZE:-100}
# The same heap for Tidings and the stock app under load; start-up (item 5) runs with JVM defaults.
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
OUT=bench/out/perf
TOOLS=$OUT/tools
RUN_ID=$(date +%Y%m%d-%H%M%S)
TIDINGS_DB=tidings_perf_$$
STOCK_DB=stock_perf_$$
USER_NAME=bench
PASSWORD=bench-$$
AUTH=$USER_NAME:$PASSWORD

mkdir -p "$OUT" "$TOOLS"
LOG=$OUT/run-$RUN_ID.log
log() { echo "[$(date +%T)] $*" | tee -a "$LOG" >&2; }
psql_do() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt "$@"; }

# --- processes: every child is recorded, killed on exit, and killed by the next run if left over
PIDS=()
remember() { PIDS+=("$1"); echo "$1" >>"$OUT/pids"; }
kill_leftovers() {
  [ -f "$OUT/pids" ] || return 0
  while read -r pid; do
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "bench\|tidings"; then
      kill "$pid" 2>/dev/null || true
    fi
  done <"$OUT/pids"
  rm -f "$OUT/pids"
}
stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  rm -f "$OUT/pids"
  if [ "${KEEP_DB:-0}" != 1 ]; then
    psql_do -c "DROP DATABASE IF EXISTS $TIDINGS_DB" postgres >/dev/null 2>&1 || true
    psql_do -c "DROP DATABASE IF EXISTS $STOCK_DB" postgres >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
kill_leftovers

# Runs a tool in the background and waits, so that a signal ends the run at once; its output goes
# into the variable named first.
tool() {
  local var=$1 pid
  shift
  java -cp "$TOOL_CP" "$@" >"$OUT/tool.out" 2>>"$LOG" &
  pid=$!
  remember "$pid"
  wait "$pid"
  printf -v "$var" '%s' "$(cat "$OUT/tool.out")"
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
now_ms() { date +%s%3N; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- build
if [ "$SKIP_BUILD" != 1 ]; then
  log "building Tidings, the stock app and the tools"
  ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package >>"$LOG" 2>&1
  ./mvnw -B -q -DskipTests -f bench/stock/pom.xml package >>"$LOG" 2>&1
fi
JAR=$(ls target/tidings-*.jar | grep -v '\.original$' | head -1)
STOCK_JAR=bench/stock/target/stock-camunda.jar
rm -rf "$TOOLS/lib" "$TOOLS/classes"
mkdir -p "$TOOLS/lib" "$TOOLS/classes"
# Jakarta Mail exactly as Tidings ships it, for the raw loop.
unzip -q -o -j "$JAR" 'BOOT-INF/lib/jakarta.mail*.jar' 'BOOT-INF/lib/jakarta.activation-api*.jar' \
  'BOOT-INF/lib/angus-*.jar' -d "$TOOLS/lib"
javac -nowarn -d "$TOOLS/classes" -cp "$TOOLS/lib/*" bench/perf/tools/*.java
TOOL_CP="$TOOLS/classes:$TOOLS/lib/*"

# --- PostgreSQL
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  log "starting the local PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
fi
psql_do -c "CREATE DATABASE $TIDINGS_DB" postgres
psql_do -c "CREATE DATABASE $STOCK_DB" postgres
PG_VERSION=$(psql_do -c 'SHOW server_version' postgres)
PG_SETTINGS=$(psql_do -c "SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY name)
  FROM pg_settings WHERE name IN ('autovacuum', 'shared_buffers', 'max_wal_size', 'synchronous_commit')" postgres)
if [[ "$PG_SETTINGS" != *"autovacuum on"* ]]; then
  # Without it no table the script does not analyze itself has statistics, and dead rows stay:
  # plans and figures then differ from a production server's.
  log "WARNING: autovacuum is off on this server; on: ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf();"
fi

RESULTS=$OUT/results-$RUN_ID.tsv
: >"$RESULTS"
# figure, tidings, reference, ratio, target, met
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
met() { awk "BEGIN { print (($1) ? \"yes\" : \"NO\") }"; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
log "load average at the start: $(load_avg); contacts $CONTACTS, quick $QUICK; PostgreSQL $PG_VERSION: $PG_SETTINGS"

# --- the sink, and what it can take by itself
SMTP_PORT=$(free_port)
SINK_STATS=$(free_port)
java -cp "$TOOL_CP" SmtpSink "$SMTP_PORT" "$SINK_STATS" >>"$OUT/sink.log" 2>&1 &
remember $!
tool SELFTEST SmtpSink selftest 5 2
log "$SELFTEST"
sink_count() { curl -sf "http://127.0.0.1:$SINK_STATS/stats" | cut -d' ' -f1; }

# waits for a URL to answer 200, prints the milliseconds since START_MS
wait_up() {
  local url=$1 pid=$2 name=$3 auth=${4:-}
  for _ in $(seq 1 1800); do
    if curl -sf ${auth:+-u "$auth"} -o /dev/null "$url"; then
      echo $(($(now_ms) - START_MS))
      return
    fi
    kill -0 "$pid" 2>/dev/null || { log "$name did not start, see its log in $OUT"; exit 1; }
    sleep 0.1
  done
  log "$name did not answer within 180 s"; exit 1
}

# --- item 5: start-up and memory, JVM defaults; Tidings in its default profile (H2)
STOCK_PORT=$(free_port)
if want 5; then
log "item 5: start-up of the stock app and of Tidings' default profile"
START_MS=$(now_ms)
STOCK_PORT=$STOCK_PORT STOCK_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$STOCK_DB" STOCK_DB_USER=$PG_USER \
  java -jar "$STOCK_JAR" >"$OUT/stock-start.log" 2>&1 &
STOCK_PID=$!; remember $STOCK_PID
STOCK_START=$(wait_up "http://127.0.0.1:$STOCK_PORT/engine-rest/engine" $STOCK_PID stock)
sleep 3; STOCK_RSS=$(rss_mb $STOCK_PID)
stop_pid $STOCK_PID

DEFAULT_DIR=$OUT/default-profile
rm -rf "$DEFAULT_DIR"; mkdir -p "$DEFAULT_DIR"
APP_PORT=$(free_port)
START_MS=$(now_ms)
(cd "$DEFAULT_DIR" && TIDINGS_PORT=$APP_PORT TIDINGS_SMTP_PORT=$(free_port) java -jar "$ROOT/$JAR" >app.log 2>&1) &
DEFAULT_PID=$!; remember $DEFAULT_PID
sleep 0.5
DEFAULT_JAVA=$(pgrep -P $DEFAULT_PID java || echo $DEFAULT_PID); remember "$DEFAULT_JAVA"
TIDINGS_START=$(wait_up "http://127.0.0.1:$APP_PORT/actuator/health/liveness" "$DEFAULT_JAVA" Tidings)
sleep 3; TIDINGS_RSS=$(rss_mb "$DEFAULT_JAVA")
stop_pid "$DEFAULT_JAVA"; stop_pid $DEFAULT_PID
row "Start-up to first answer (s), default profile" "$(awk -v m="$TIDINGS_START" 'BEGIN{printf "%.1f", m/1000}')" \
  "$(awk -v m="$STOCK_START" 'BEGIN{printf "%.1f", m/1000}')" "$(ratio "$TIDINGS_START" "$STOCK_START")" "-" "-"
row "RSS after start (MiB), default profile" "$TIDINGS_RSS" "$STOCK_RSS" "$(ratio "$TIDINGS_RSS" "$STOCK_RSS")" "-" "-"
fi

# --- item 1, reference: the stock app's POST /engine-rest/message
if want 1; then
log "item 1: stock POST /engine-rest/message, $CLIENTS clients, ${SECONDS_PER_PHASE}s"
# shellcheck disable=SC2086
STOCK_PORT=$STOCK_PORT STOCK_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$STOCK_DB" STOCK_DB_USER=$PG_USER \
  java $JAVA_OPTS -jar "$STOCK_JAR" >"$OUT/stock.log" 2>&1 &
STOCK_PID=$!; remember $STOCK_PID
START_MS=$(now_ms); wait_up "http://127.0.0.1:$STOCK_PORT/engine-rest/engine" $STOCK_PID stock >/dev/null
echo '{"messageName":"BenchStarted","businessKey":"{p}-{i}"}' >"$OUT/stock-message.json"
tool STOCK_RUN LoadGen "http://127.0.0.1:$STOCK_PORT/engine-rest/message" "" \
  "$OUT/stock-message.json" "$CLIENTS" "$SECONDS_PER_PHASE" "$WARMUP" 0 1 stock
log "stock: $STOCK_RUN (load $(load_avg))"
stop_pid $STOCK_PID
fi

# --- Tidings on PostgreSQL
APP_PORT=$(free_port)
BASE=http://127.0.0.1:$APP_PORT
# Starts Tidings on PostgreSQL; extra NAME=value settings go first, e.g. TIDINGS_DELIVERY_WORKERS=0.
start_tidings() {
  log "starting Tidings (postgres profile, $JAVA_OPTS${1:+, $*})"
  # shellcheck disable=SC2086
  env "$@" SPRING_PROFILES_ACTIVE=postgres TIDINGS_PORT="$APP_PORT" TIDINGS_ADMIN_USER=$USER_NAME \
    TIDINGS_ADMIN_PASSWORD=$PASSWORD TIDINGS_SENDER_POSTAL_ADDRESS="Tidings Bench, 1 Bench Street, Benchville" \
    TIDINGS_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$TIDINGS_DB" TIDINGS_DB_USER="$PG_USER" TIDINGS_DB_PASSWORD= \
    TIDINGS_SMTP_HOST=127.0.0.1 TIDINGS_SMTP_PORT="$SMTP_PORT" TIDINGS_ADDRESS_CHECK_DNS=false \
    TIDINGS_ENGINE_REST_DEPLOYMENT_ENABLED=true \
    java $JAVA_OPTS ${TIDINGS_JAVA_OPTS:-} -jar "$JAR" >>"$OUT/tidings.log" 2>&1 &
  APP_PID=$!; remember $APP_PID
  START_MS=$(now_ms); wait_up "$BASE/actuator/health/liveness" $APP_PID Tidings >/dev/null
}
: >"$OUT/tidings.log"
start_tidings
# The bench journeys come over REST, which Tidings refuses unless deployment is enabled (above).
curl -sf -u "$AUTH" -o "$OUT/deployment.json" "$BASE/engine-rest/deployment/create" -F deployment-name=bench \
  -F enable-duplicate-filtering=true -F deployment-source=bench-perf \
  $(for f in bench/perf/bpmn/*.bpmn; do printf -- '-F %s=@%s ' "$(basename "$f")" "$f"; done)

# --- item 1: Tidings POST /api/events and /api/events/batch
if want 1; then
log "item 1: Tidings POST /api/events, $CLIENTS clients, ${SECONDS_PER_PHASE}s"
echo '{"name":"BenchStarted","contact":{"id":"{p}-{i}","email":"{p}-{i}@example.com","firstName":"First{i}"}}' \
  >"$OUT/event.json"
tool SINGLE_RUN LoadGen "$BASE/api/events" "$AUTH" "$OUT/event.json" "$CLIENTS" \
  "$SECONDS_PER_PHASE" "$WARMUP" 0 1 single
log "tidings single: $SINGLE_RUN (load $(load_avg))"
log "item 1: Tidings POST /api/events/batch, $BATCH_CLIENTS clients x $BATCH_SIZE events, ${SECONDS_PER_PHASE}s"
tool BATCH_RUN LoadGen "$BASE/api/events/batch" "$AUTH" "$OUT/event.json" "$BATCH_CLIENTS" \
  "$SECONDS_PER_PHASE" "$WARMUP" 0 "$BATCH_SIZE" batch
log "tidings batch: $BATCH_RUN (load $(load_avg))"
S_RATE=$(field items_per_s "$STOCK_RUN"); T_RATE=$(field items_per_s "$SINGLE_RUN"); B_RATE=$(field items_per_s "$BATCH_RUN")
S_P99=$(field p99_ms "$STOCK_RUN"); T_P99=$(field p99_ms "$SINGLE_RUN")
row "1. Events/s, POST /api/events vs /engine-rest/message ($CLIENTS clients)" "$T_RATE" "$S_RATE" \
  "$(ratio "$T_RATE" "$S_RATE")" ">= 1000, >= 2x" "$(met "$T_RATE >= 1000 && $T_RATE >= 2 * $S_RATE")"
row "1. Latency p50 / p99 (ms), same runs" "$(field p50_ms "$SINGLE_RUN") / $T_P99" \
  "$(field p50_ms "$STOCK_RUN") / $S_P99" "$(ratio "$T_P99" "$S_P99")" "p99 < 100" "$(met "$T_P99 < 100")"
row "1. Events/s, POST /api/events/batch ($BATCH_CLIENTS x $BATCH_SIZE)" "$B_RATE" "$S_RATE" \
  "$(ratio "$B_RATE" "$S_RATE")" ">= 1000, >= 2x" "$(met "$B_RATE >= 1000 && $B_RATE >= 2 * $S_RATE")"
row "1. Errors (Tidings single / batch / stock)" "$(field errors "$SINGLE_RUN") / $(field errors "$BATCH_RUN")" \
  "$(field errors "$STOCK_RUN")" "-" "0" "$(met "$(field errors "$SINGLE_RUN") + $(field errors "$BATCH_RUN") == 0")"
fi

# --- item 2: delivery against the raw Jakarta Mail loop
if want 2; then
log "item 2: raw Jakarta Mail loop, $MAILS mails over one connection"
curl -sf -X POST "http://127.0.0.1:$SINK_STATS/reset"
tool LIMIT_RUN MailLimit 127.0.0.1 "$SMTP_PORT" "$MAILS" 6000
log "limit: $LIMIT_RUN (load $(load_avg))"
wait_settled() { # waits until the sink count stops moving, or reaches $1
  local want=$1 last=-1 count same=0
  for _ in $(seq 1 3600); do
    count=$(sink_count || true)
    count=${count:-0}
    [ "$count" -ge "$want" ] && return 0
    if [ "$count" = "$last" ]; then same=$((same + 1)); else same=0; fi
    [ $same -ge 60 ] && return 0
    last=$count
    sleep 1
  done
}
tidings_sql() { psql_do -d "$TIDINGS_DB" -c "$1"; }
log "item 2: Tidings end to end, $MAILS BenchMail events into the one-mail journey"
curl -sf -X POST "http://127.0.0.1:$SINK_STATS/reset"
echo '{"name":"BenchMail","contact":{"id":"{p}-{i}","email":"{p}-{i}@example.com","firstName":"First{i}","lastName":"Last{i}"}}' \
  >"$OUT/mail-event.json"
MAIL_START=$(now_ms)
tool MAIL_IN LoadGen "$BASE/api/events/batch" "$AUTH" "$OUT/mail-event.json" "$BATCH_CLIENTS" \
  0 0 "$MAILS" "$BATCH_SIZE" mail
log "mail events in: $MAIL_IN"
wait_settled "$MAILS"
read -r M_COUNT M_FIRST M_LAST < <(curl -sf "http://127.0.0.1:$SINK_STATS/stats")
M_E2E=$(awk -v n="$M_COUNT" -v a="$MAIL_START" -v b="$M_LAST" 'BEGIN { printf "%.0f", (b > a) ? n * 1000 / (b - a) : 0 }')
log "tidings end to end: $M_COUNT mails, $M_E2E/s from the first event to the last mail"

# Delivery alone: Tidings runs without its delivery workers while the journeys fill the outbox, the
# queued mails are held back, Tidings starts again with its workers, a tenth of them goes out as a
# warm-up, then the rest is made due at once; the sink times the drain from its first to its last mail.
log "item 2: Tidings delivery alone, an outbox of $MAILS mails filled with the workers off, then drained"
stop_pid "$APP_PID"
start_tidings TIDINGS_DELIVERY_WORKERS=0
FILL_START=$(now_ms)
tool FILL_IN LoadGen "$BASE/api/events/batch" "$AUTH" "$OUT/mail-event.json" "$BATCH_CLIENTS" \
  0 0 "$MAILS" "$BATCH_SIZE" drain
for _ in $(seq 1 3600); do
  RENDERED=$(tidings_sql "SELECT count(*) FROM deliveries WHERE recipient LIKE 'drain-%'")
  [ "$RENDERED" -ge "$MAILS" ] && break
  sleep 1
done
FILL_MS=$(($(now_ms) - FILL_START))
QUEUED=$(tidings_sql "SELECT count(*) FROM deliveries WHERE recipient LIKE 'drain-%' AND status = 'QUEUED'")
R_RATE=$(awk -v n="$RENDERED" -v ms="$FILL_MS" 'BEGIN { printf "%.0f", n * 1000 / ms }')
log "outbox filled: $RENDERED mails rendered ($QUEUED queued) in $FILL_MS ms ($R_RATE/s)"
tidings_sql "UPDATE deliveries SET next_attempt_at = now() + interval '1 day' WHERE recipient LIKE 'drain-%' AND status = 'QUEUED'" >/dev/null
stop_pid "$APP_PID"
start_tidings
sleep 5 # the start-up's own work done before the drain is timed
# Statistics as autovacuum keeps them in a running system: here the tables grew from nothing within
# minutes, and the planner would otherwise pick its paths by how they looked when they were small.
tidings_sql "VACUUM ANALYZE" >/dev/null
# A tenth of the mails first, untimed: the restarted JVM compiles the delivery code while it sends
# them (in a quick run the compiler threads otherwise took a third of Tidings' CPU in the drain),
# as a node that has been running a while has.
WARM=$((QUEUED / 10))
curl -sf -X POST "http://127.0.0.1:$SINK_STATS/reset"
tidings_sql "UPDATE deliveries SET next_attempt_at = now() WHERE id IN (SELECT id FROM deliveries
  WHERE recipient LIKE 'drain-%' AND status = 'QUEUED' ORDER BY created_at LIMIT $WARM)" >/dev/null
wait_settled "$WARM"
log "warm-up: $(sink_count) mails sent before the timed drain"
curl -sf -X POST "http://127.0.0.1:$SINK_STATS/reset"
tidings_sql "UPDATE deliveries SET next_attempt_at = now() WHERE recipient LIKE 'drain-%' AND status = 'QUEUED'" >/dev/null
QUEUED=$((QUEUED - WARM))
wait_settled "$QUEUED"
read -r M_COUNT M_FIRST M_LAST < <(curl -sf "http://127.0.0.1:$SINK_STATS/stats")
M_RATE=$(awk -v n="$M_COUNT" -v a="$M_FIRST" -v b="$M_LAST" 'BEGIN { printf "%.0f", (b > a) ? (n - 1) * 1000 / (b - a) : 0 }')
L_RATE=$(field per_second "$LIMIT_RUN")
log "tidings delivery alone: $M_COUNT mails, first to last $M_RATE/s (load $(load_avg))"
# The raw loop once more, right after the drain: on a shared machine the load minutes earlier, when
# the first one ran, says little about the load during the drain.
curl -sf -X POST "http://127.0.0.1:$SINK_STATS/reset"
tool LIMIT_AFTER MailLimit 127.0.0.1 "$SMTP_PORT" "$MAILS" 6000
log "limit after the drain: $LIMIT_AFTER (load $(load_avg))"
LA_RATE=$(field per_second "$LIMIT_AFTER")
row "2. Mails/s accepted by the sink, outbox drained, vs raw loop right after" "$M_RATE" "$LA_RATE" \
  "$(ratio "$M_RATE" "$LA_RATE")" ">= 1000, >= 0.7x" "$(met "$M_RATE >= 1000 && $M_RATE >= 0.7 * $LA_RATE")"
row "2. Mails/s accepted by the sink, outbox drained, vs raw loop at the start of item 2" "$M_RATE" "$L_RATE" \
  "$(ratio "$M_RATE" "$L_RATE")" ">= 1000, >= 0.7x" "$(met "$M_RATE >= 1000 && $M_RATE >= 0.7 * $L_RATE")"
row "2. Mails accepted of those queued (after the warm-up's $WARM)" "$M_COUNT" "$QUEUED" "-" "all" \
  "$(met "$M_COUNT >= $QUEUED && $QUEUED + $WARM >= $MAILS")"
row "2. Mails/s rendered into the outbox by the journeys (events in to last queued)" "$R_RATE" "-" "-" "-" "-"
row "2. Mails/s end to end, first event in to last mail out" "$M_E2E" "$L_RATE" "$(ratio "$M_E2E" "$L_RATE")" "-" "-"
row "2. SMTP sink alone, 2 pipelining connections (mails/s)" "$(field per_second "$SELFTEST")" "-" "-" \
  "> both above" "$(met "$(field per_second "$SELFTEST") > $L_RATE")"
fi

# --- item 3: contacts parked on a timer
act_bytes() {
  psql_do -d "$TIDINGS_DB" -c "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public' AND c.relname LIKE 'act_%'"
}
bench_jobs() { psql_do -d "$TIDINGS_DB" -c "SELECT count(*) FROM act_ru_job WHERE process_def_key_ = 'bench-timer'"; }
if want 3 || want 4; then
log "item 3: parking $CONTACTS contacts on a timer"
BYTES_BEFORE=$(act_bytes)
FAR=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
echo "{\"name\":\"BenchParked\",\"contact\":{\"id\":\"{p}-{i}\",\"email\":\"{p}-{i}@example.com\",\"firstName\":\"First{i}\",\"attributes\":{\"cohort\":\"bench\"}},\"data\":{\"dueAt\":\"$FAR\"}}" \
  >"$OUT/park-event.json"
echo 0 >"$OUT/rss-peak"
(
  peak=0
  while kill -0 "$APP_PID" 2>/dev/null; do
    rss=$(rss_mb "$APP_PID" 2>/dev/null || true); rss=${rss:-0}; if [ "$rss" -gt "$peak" ]; then peak=$rss; echo "$peak" >"$OUT/rss-peak"; fi
    sleep 1
  done
) &
remember $!
tool PARK_RUN LoadGen "$BASE/api/events/batch" "$AUTH" "$OUT/park-event.json" "$BATCH_CLIENTS" \
  0 0 "$CONTACTS" "$BATCH_SIZE" park
log "parked: $PARK_RUN (load $(load_avg))"
PARKED=$(bench_jobs)
psql_do -d "$TIDINGS_DB" -c "VACUUM ANALYZE" >/dev/null
BYTES_AFTER=$(act_bytes)
PER_INSTANCE=$(awk -v a="$BYTES_BEFORE" -v b="$BYTES_AFTER" -v n="$PARKED" 'BEGIN { printf "%.0f", n ? (b - a) / n : 0 }')
RSS_PARKED=$(rss_mb "$APP_PID")
P_RATE=$(field items_per_s "$PARK_RUN")
row "3. Time to park $CONTACTS contacts (s), events/s" "$(field seconds "$PARK_RUN") s, $P_RATE/s" "-" "-" "-" \
  "$(met "$PARKED >= $CONTACTS")"
row "3. ACT_ bytes per waiting instance (incl. history, indexes)" "$PER_INSTANCE" "-" "-" "-" "-"
row "3. RSS with $PARKED parked, now / peak (MiB)" "$RSS_PARKED / $(cat "$OUT/rss-peak")" "-" "-" "< 1024" \
  "$(met "$(cat "$OUT/rss-peak") < 1024")"

# The job executor's question for due jobs, as Camunda asks it, with all those timers waiting.
due_query_ms() {
  psql_do -d "$TIDINGS_DB" -c "$1 EXPLAIN (ANALYZE, FORMAT JSON) SELECT id_ FROM act_ru_job WHERE retries_ > 0
    AND (duedate_ IS NULL OR duedate_ <= now()) AND (lock_owner_ IS NULL OR lock_exp_time_ < now())
    AND suspension_state_ = 1 LIMIT 10" | jq '.[0]["Execution Time"]'
}
DUE_MS=$(due_query_ms "")
DUE_SCAN_MS=$(due_query_ms "SET enable_indexscan = off; SET enable_bitmapscan = off;")
row "3. Query for due jobs with $PARKED waiting (ms)" "$DUE_MS" "$DUE_SCAN_MS (no index)" \
  "$(ratio "$DUE_MS" "$DUE_SCAN_MS")" "-" "-"
log "item 3: idle lateness of single timers, $PARKED others waiting"
echo '{"name":"BenchParked","contact":{"id":"{p}-{i}","email":"{p}-{i}@example.com"},"data":{"dueAt":"DUE"}}' >"$OUT/late.tmpl"
WORST=0
for n in 1 2 3; do
  due_ms=$(($(now_ms) + 4000 + n * 700))
  due=$(date -u -d "@$((due_ms / 1000)).$((due_ms % 1000))" +%Y-%m-%dT%H:%M:%S.%3NZ)
  sed "s/DUE/$due/" "$OUT/late.tmpl" >"$OUT/late-event.json"
  tool LATE_RUN LoadGen "$BASE/api/events" "$AUTH" "$OUT/late-event.json" 1 0 0 1 1 "late$n-$RUN_ID"
  for _ in $(seq 1 300); do
    ended=$(psql_do -d "$TIDINGS_DB" -c "SELECT (EXTRACT(EPOCH FROM end_time_) * 1000)::bigint FROM act_hi_procinst
      WHERE business_key_ = 'late$n-$RUN_ID-0' AND end_time_ IS NOT NULL")
    [ -n "$ended" ] && break
    sleep 0.2
  done
  late=$(( ${ended:-$(now_ms)} - due_ms ))
  log "timer $n due $due: $late ms late"
  [ "$late" -gt "$WORST" ] && WORST=$late
done
row "3. Idle timer lateness, worst of 3 (ms)" "$WORST" "-" "-" "< 1000" "$(met "$WORST < 1000")"

log "item 3: moving $PARKED timers to now, measuring how fast they fire"
psql_do -d "$TIDINGS_DB" -c "UPDATE act_ru_job SET duedate_ = now() WHERE process_def_key_ = 'bench-timer'" >/dev/null
FIRE_START=$(now_ms)
LEFT=$PARKED
# Counting a million jobs takes PostgreSQL a few hundred ms: asked every half second, the count
# itself held a core. Every 5 s it costs a few percent, and the rate is over minutes anyway.
POLL=$(awk -v n="$PARKED" 'BEGIN { print (n > 100000 ? 5 : 0.5) }')
while [ $(($(now_ms) - FIRE_START)) -lt $((FIRE_LIMIT_S * 1000)) ]; do
  LEFT=$(bench_jobs)
  [ "$LEFT" = 0 ] && break
  sleep "$POLL"
done
FIRE_MS=$(($(now_ms) - FIRE_START))
F_RATE=$(awk -v n="$((PARKED - LEFT))" -v ms="$FIRE_MS" 'BEGIN { printf "%.0f", n * 1000 / ms }')
log "fired $((PARKED - LEFT)) in $FIRE_MS ms: $F_RATE/s, $LEFT left (load $(load_avg))"
row "3. Timers fired per second once due ($((PARKED - LEFT)) of $PARKED in $((FIRE_MS / 1000)) s)" "$F_RATE" \
  "-" "-" ">= 500" "$(met "$F_RATE >= 500")"
if [ "$LEFT" != 0 ]; then
  # Untimed: the timers still due would fire beside the broadcast and take its share of the cores.
  log "moving the $LEFT timers left a month ahead, then VACUUM ANALYZE act_ru_job"
  psql_do -d "$TIDINGS_DB" -c "UPDATE act_ru_job SET duedate_ = now() + interval '30 days'
    WHERE process_def_key_ = 'bench-timer' AND lock_owner_ IS NULL" >/dev/null
  psql_do -d "$TIDINGS_DB" -c "VACUUM ANALYZE act_ru_job" >/dev/null
  log "timers left due: $(psql_do -d "$TIDINGS_DB" -c "SELECT count(*) FROM act_ru_job
    WHERE process_def_key_ = 'bench-timer' AND duedate_ <= now()")"
fi
fi

# --- item 4: a broadcast to the parked contacts' segment
if want 4; then
log "item 4: broadcast to a segment of $CONTACTS contacts"
curl -sf -u "$AUTH" -H 'Content-Type: application/json' -o /dev/null "$BASE/api/segments" \
  -d '{"key":"bench-cohort","name":"Bench cohort","rule":{"attribute":"cohort","op":"eq","value":"bench"}}'
BROADCAST=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$BASE/api/broadcasts" \
  -d '{"journey":"bench-broadcast","segment":"bench-cohort","perSecond":10000}')
BROADCAST_ID=$(jq -r .id <<<"$BROADCAST")
B_START=$(now_ms)
# The progress answer counts the recipients so far: every 5 s for a large broadcast, as above.
POLL=$(awk -v n="$CONTACTS" 'BEGIN { print (n > 100000 ? 5 : 1) }')
while [ $(($(now_ms) - B_START)) -lt $((BROADCAST_LIMIT_S * 1000)) ]; do
  STATE=$(curl -sf -u "$AUTH" "$BASE/api/broadcasts/$BROADCAST_ID")
  [ "$(jq -r .status <<<"$STATE")" != RUNNING ] && break
  sleep "$POLL"
done
B_MS=$(($(now_ms) - B_START))
B_STARTED=$(jq -r .started <<<"$STATE")
BC_RATE=$(awk -v n="$B_STARTED" -v ms="$B_MS" 'BEGIN { printf "%.0f", n * 1000 / ms }')
B_MIN=$(awk -v r="$BC_RATE" 'BEGIN { printf "%.1f", r ? 1000000 / r / 60 : 0 }')
log "broadcast: $STATE in $B_MS ms"
row "4. Broadcast: $B_STARTED started in $(awk -v ms="$B_MS" 'BEGIN{printf "%.0f", ms/1000}') s; minutes per 1M" \
  "$B_MIN min ($BC_RATE/s)" "-" "-" "< 20 min" "$(met "$BC_RATE > 0 && $B_MIN < 20 && $B_STARTED >= $CONTACTS")"
fi
row "RSS at the end (MiB)" "$(rss_mb "$APP_PID")" "-" "-" "-" "-"

# --- the table
TABLE=$OUT/results-$RUN_ID.md
{
  echo "bench/perf/run.sh $( [ "$QUICK" = 1 ] && echo --quick ) --contacts $CONTACTS --items \"$ITEMS\", $RUN_ID, $(nproc) cores, PostgreSQL $PG_VERSION ($PG_SETTINGS), JAVA_OPTS=$JAVA_OPTS"
  echo "load average at the end: $(load_avg)"
  echo
  echo "| figure | Tidings | reference | ratio | target | met? |"
  echo "| --- | --- | --- | --- | --- | --- |"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$RESULTS"
} >"$TABLE"
cp "$TABLE" "$OUT/results.md"
echo
cat "$TABLE"
