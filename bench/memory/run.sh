#!/usr/bin/env bash
# Memory of the whole platform (JVM + embedded PostgreSQL) while 3 books generate under 100 connections.
# Usage: bench/memory/run.sh [load-seconds=120] [connections=100]
#   BENCH_NMT=1        also start the JVM with -XX:NativeMemoryTracking=summary (through JDK_JAVA_OPTIONS, so the
#                      launcher's own options stay as they are) and, halfway through the load, save
#                      VM.native_memory summary and GC.class_histogram (a full GC) next to the samples
#   BENCH_WORDS=1000000 BENCH_CHAPTERS=200   length of each of the 3 generated books (sample writer)
#   BENCH_THINK_MS=100 mean pause of each connection between its requests (uniform 0..2x); 0 for a closed loop
#   BENCH_SSE=6        how many of the connections hold a generating book's progress stream (text/event-stream)
#   BENCH_OUT=dir      where samples and diagnostics go (default a new /tmp/authorworks-memory.* directory)
# The platform is started exactly as ./authorworks serve starts it (launcher defaults, JDK 25 AOT cache) on a free
# port with a fresh AUTHORWORKS_DATA. Prints JSON lines; the last one is the summary. Exit status 1 when a request
# failed or a generation did not complete.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
LOAD_SECONDS=${1:-120}
CONNECTIONS=${2:-100}
JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JCMD="$JAVA_HOME/bin/jcmd"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/authorworks-memory-data.XXXXXX)
OUT=${BENCH_OUT:-$(mktemp -d /tmp/authorworks-memory.XXXXXX)}
mkdir -p "$OUT"
rm -f "$OUT"/load-* "$OUT/diagnosed" "$OUT/generations-end"

[ -f app/target/authorworks.jar ] || ./authorworks build >/dev/null

nmt=()
[ "${BENCH_NMT:-0}" = 1 ] && nmt=(env JDK_JAVA_OPTIONS=-XX:NativeMemoryTracking=summary)
# the launcher execs java, so $! is the JVM itself
"${nmt[@]}" env AUTHORWORKS_DATA="$DATA" SERVICE_PORT=$PORT HOST=127.0.0.1 ./authorworks serve > "$OUT/server.log" 2>&1 &
SERVER=$!
SAMPLER=
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
until curl -sf "$BASE/health" >/dev/null; do
  kill -0 $SERVER 2>/dev/null || { tail -20 "$OUT/server.log"; exit 1; }
  sleep 0.2
done
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
# the JVM's options as the launcher passed them (without the AOT cache's path)
tr '\0' ' ' < /proc/$SERVER/cmdline | sed 's| -jar .*||; s|^[^ ]*java ||; s| -XX:AOTCache=[^ ]*| -XX:AOTCache|' > "$OUT/jvm-opts"
[ "${BENCH_NMT:-0}" = 1 ] && echo " (+ NMT)" >> "$OUT/jvm-opts"

# One sample every 0.5 s: epoch ms, JVM RSS and PSS, PostgreSQL's RSS and PSS (the postmaster and every process it
# forked), PostgreSQL processes, JVM threads (kB, from /proc/<pid>/smaps_rollup).
sample() {
  local pm pids now
  pm=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || echo 0)
  pids="$pm $(ps --ppid "$pm" -o pid= 2>/dev/null | tr '\n' ' ')"
  now=$(date +%s%3N)
  read -r jr jp < <(awk '/^Rss:/ {r = $2} /^Pss:/ {p = $2} END {print r + 0, p + 0}' /proc/$SERVER/smaps_rollup 2>/dev/null)
  read -r pr pp < <(for p in $pids; do echo /proc/$p/smaps_rollup; done \
    | xargs awk '/^Rss:/ {r += $2} /^Pss:/ {p += $2} END {print r + 0, p + 0}' 2>/dev/null)
  echo "$now $jr $jp $pr $pp $(echo $pids | wc -w) $(ls /proc/$SERVER/task 2>/dev/null | wc -l)"
}
( set +e; while kill -0 $SERVER 2>/dev/null; do sample; sleep 0.5; done ) > "$OUT/samples.txt" &
SAMPLER=$!

metrics() {
  curl -s "$BASE/metrics" | grep -E '^(hikaricp_connections|jvm_threads_live|jvm_memory_used_bytes|jvm_memory_committed_bytes|jvm_gc_)'
}
# CPU seconds (user + system) of the JVM and of PostgreSQL's processes, when the load starts and ends.
cpu() {
  local pm; pm=$(head -1 "$DATA/postgres/postmaster.pid")
  local t; t=$(getconf CLK_TCK)
  echo "$(awk -v t=$t '{print ($14 + $15) / t}' /proc/$SERVER/stat)" \
    "$(for p in $pm $(ps --ppid "$pm" -o pid=); do cat /proc/$p/stat 2>/dev/null; done | awk -v t=$t '{s += $14 + $15 + $16 + $17} END {print s / t}')"
}
( until [ -f "$OUT/load-start" ] || ! kill -0 $SERVER 2>/dev/null; do sleep 0.2; done; cpu > "$OUT/cpu-start"
  until [ -f "$OUT/load-end" ] || ! kill -0 $SERVER 2>/dev/null; do sleep 0.2; done; cpu > "$OUT/cpu-end"; metrics > "$OUT/metrics-end.txt" ) &
# Halfway through the load: what the JVM holds, its threads, the pool and PostgreSQL (the driver reads the settings).
diagnose() {
  until [ -f "$OUT/load-mid" ]; do sleep 0.2; kill -0 $SERVER 2>/dev/null || return 0; done
  "$JCMD" $SERVER GC.heap_info > "$OUT/heap-info.txt" 2>&1 || true
  "$JCMD" $SERVER Thread.print > "$OUT/threads.txt" 2>&1 || true
  metrics > "$OUT/metrics.txt" || true
  # where PostgreSQL's memory is (private, shared buffers) and the JVM's largest mappings
  local pm; pm=$(head -1 "$DATA/postgres/postmaster.pid")
  for p in $pm $(ps --ppid "$pm" -o pid=); do
    echo "$p $(tr '\0' ' ' < /proc/$p/cmdline | cut -c1-60)"; grep -E '^(Rss|Pss|Pss_Anon|Pss_File|Pss_Shmem):' /proc/$p/smaps_rollup | tr -s ' ' | tr '\n' ' '; echo
  done > "$OUT/postgres-smaps.txt" 2>&1 || true
  awk '/^[0-9a-f]+-[0-9a-f]+ / {range = $1; name = ($6 == "" ? "[anon]" : $6)} /^Rss:/ {rss = $2} /^Pss:/ {printf "%8d kB rss %8d kB pss  %s %s\n", rss, $2, range, name}' \
    /proc/$SERVER/smaps | sort -rn | head -25 \
    > "$OUT/jvm-mappings.txt" 2>&1 || true
  cp /proc/$SERVER/smaps "$OUT/jvm-smaps.txt" 2>/dev/null || true
  if [ "${BENCH_NMT:-0}" = 1 ]; then
    "$JCMD" $SERVER VM.native_memory summary > "$OUT/nmt.txt" 2>&1 || true
    "$JCMD" $SERVER GC.class_histogram > "$OUT/histogram.txt" 2>&1 || true
  fi
  touch "$OUT/diagnosed"
}
diagnose &

LIB=app/target/run/lib
CP=$(ls $LIB/postgresql-*.jar $LIB/jackson-databind-2*.jar $LIB/jackson-core-2*.jar $LIB/jackson-annotations-2*.jar | tr '\n' ':')
status=0
"$JAVA_HOME/bin/java" -Xmx384m -XX:+UseSerialGC -Dthink="${BENCH_THINK_MS:-100}" -cp "$CP" bench/memory/MemoryLoad.java "$BASE" "$PG_PORT" "$LOAD_SECONDS" \
  "$CONNECTIONS" "${BENCH_SSE:-6}" "${BENCH_WORDS:-1000000}" "${BENCH_CHAPTERS:-200}" "$OUT" | tee "$OUT/load.jsonl" || status=$?
sleep 1
kill $SAMPLER 2>/dev/null || true
SAMPLER=

bench/memory/summary.sh "$OUT" | tee "$OUT/summary.json"
echo "{\"out\":\"$OUT\"}"
exit $status
