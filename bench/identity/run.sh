#!/usr/bin/env bash
# Load benchmark of the identity service on the whole platform (one JVM, embedded PostgreSQL).
# Usage: bench/identity/run.sh [seconds-per-workload] [connections] [rates]
#   rates: offered request rates for the fixed-rate read runs (hey), comma-separated (default 2000,5000)
# Prints one JSON line per workload and a summary; numbers go in bench/README.md by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
CONNECTIONS=${2:-100}
RATES=${3:-2000,5000}
PORT=${BENCH_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/authorworks-bench.XXXXXX)
for tool in wrk hey; do
  command -v $tool >/dev/null || { apt-get update -qq && apt-get install -y -qq $tool >/dev/null; }
done
./authorworks build >/dev/null

start_server() {
  local t0; t0=$(date +%s%N)
  # the launcher execs java, so $! is the JVM itself
  AUTHORWORKS_DATA="$DATA" SERVICE_PORT=$PORT HOST=127.0.0.1 ./authorworks serve > "$DATA/server.log" 2>&1 &
  SERVER=$!
  until curl -sf "$BASE/health" >/dev/null; do
    kill -0 $SERVER 2>/dev/null || { tail -20 "$DATA/server.log"; exit 1; }
    sleep 0.05
  done
  HEALTHY_AFTER=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN {printf "%.2f", ns / 1e9}')
}

# RSS of the JVM and of every PostgreSQL process it started, in MB.
platform_rss() {
  local pids; pids="$SERVER $(pgrep -d ' ' -f "$DATA/postgres" || true)"
  ps -o rss= -p "${pids// /,}" | awk '{s+=$1} END {printf "%.0f", s/1024}'
}

stop_server() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

start_server; cold=$HEALTHY_AFTER   # includes creating the database cluster
stop_server
start_server; warm=$HEALTHY_AFTER   # a restart on existing data: what an operator sees
echo "{\"time_to_healthy_s\":{\"first_start\":$cold,\"restart\":$warm}}"

# Users to read, and one signed-in user who reads and edits their own profile.
ids=()
for i in $(seq 1 50); do
  id=$(curl -sf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench$i@example.com\",\"username\":\"bench$i\",\"password\":\"correct horse battery $i\"}" \
    | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  ids+=("$id")
done
login=$(curl -sf -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench1@example.com","password":"correct horse battery 1"}')
export BENCH_TOKEN=$(echo "$login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
export BENCH_ME=${ids[0]}
export BENCH_IDS=$(IFS=,; echo "${ids[*]}")

sample_rss() { while kill -0 $SERVER 2>/dev/null; do r=$(platform_rss); echo "$r"; sleep 0.5; done; }
sample_rss > "$DATA/rss.txt" &
SAMPLER=$!

# JIT warm-up: the same workloads, unreported (the first seconds of a fresh JVM run interpreted code).
for mode in profile me; do
  BENCH_MODE=$mode wrk -t2 -c"$CONNECTIONS" -d20s --timeout 5s -s bench/identity/report.lua "$BASE" >/dev/null
done

# Closed loop: every connection sends its next request as soon as the answer arrives, so this is
# the most the platform serves; latency here is queueing (connections / throughput).
for mode in profile me mixed; do
  BENCH_MODE=$mode wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 5s -s bench/identity/report.lua "$BASE" \
    | grep '^{'
done

# Fixed rate: the same connections offer a set number of requests per second between them
# (hey's per-connection rate limit), so latency is what a client waits at that load.
fixed_rate() { # mode rate url [header]
  local mode=$1 rate=$2 url=$3; shift 3
  hey -c "$CONNECTIONS" -q $(( rate / CONNECTIONS )) -z "${SECONDS_PER_RUN}s" -t 5 "$@" "$url" | awk -v mode="$mode" -v rate="$rate" '
    /Requests\/sec:/ {rps = $2}
    / 50% in / {p50 = $3 * 1000} / 95% in / {p95 = $3 * 1000} / 99% in / {p99 = $3 * 1000}
    /Slowest:/ {max = $2 * 1000}
    /^Status code distribution:/ {section = "status"; next}
    /^Error distribution:/ {section = "errors"; next}
    section == "status" && /^ *\[[0-9]+\]/ {total += $2; if ($1 != "[200]") bad += $2}
    section == "errors" && /^ *\[[0-9]+\]/ {errors += substr($1, 2, length($1) - 2)}
    END {printf "{\"mode\":\"%s-fixed-rate\",\"offered_rps\":%d,\"rps\":%.0f,\"responses\":%d,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"errors\":%d,\"non2xx\":%d}\n",
      mode, rate, rps, total, p50, p95, p99, max, errors, bad}'
}
for rate in ${RATES//,/ }; do
  fixed_rate profile "$rate" "$BASE/api/v1/users/${ids[1]}"
  fixed_rate me "$rate" "$BASE/api/v1/users/me" -H "Authorization: Bearer $BENCH_TOKEN"
done

# Login is slow on purpose (Argon2id): measured alone, sequentially, below the rate limit.
login_ms=$(for i in 1 2 3 4 5; do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench$((i+1))@example.com\",\"password\":\"correct horse battery $((i+1))\"}"
done | awk '{s+=$1} END {printf "%.1f", s/NR*1000}')
kill $SAMPLER 2>/dev/null || true
peak=$(sort -n "$DATA/rss.txt" | tail -1)
echo "{\"login_mean_ms\":$login_ms,\"peak_rss_mb\":$peak,\"jvm_opts\":\"${AUTHORWORKS_JAVA_OPTS:-}\"}"
