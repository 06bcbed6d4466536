#!/usr/bin/env bash
# The engine's entry points against the realistic stand-in provider, as a user runs them:
#   1. `./authorworks generate` (the CLI) writes a book through the OpenAI-compatible adapter;
#   2. the platform (`./authorworks serve`), driven over its HTTP API as the web app does (register, log in,
#      POST /api/v1/books/generate, poll /status), writes the same book.
# Each run gets a fresh stand-in (RealisticModelServer as its own process, `standin.StandIn`); nothing is resumed
# by hand. Prints one line per run: outcome, wall time, the stand-in's requests and tokens, resumes.
#
#   bench/engine/entrypoints.sh [--words 100000] [--chapters 24] [--window 4] [--streams 8] [--faults 0.05]
#                               [--rate 0] [--only cli|web] [--dir DIR]
# BENCH_SKIP_BUILD=1 reuses the engine's compiled test classes (the stand-in); the launcher builds the app when
# its sources changed, as it does for a user.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
words=100000 chapters=24 window=4 streams=8 faults=0.05 rate=0 only="" dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --words) words=$2 ;; --chapters) chapters=$2 ;; --window) window=$2 ;; --streams) streams=$2 ;;
        --faults) faults=$2 ;; --rate) rate=$2 ;; --only) only=$2 ;; --dir) dir=$2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift 2
done
dir=${dir:-$(mktemp -d /tmp/authorworks-entrypoints.XXXXXX)}
mkdir -p "$dir"
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -f engine/target/bench.classpath ]; then
    ./mvnw -B -q -o -pl engine -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
fi
# the stand-in runs from a copy of the classes, so a rebuild while it runs cannot change it under its feet
rm -rf "$dir/standin-classes" && mkdir -p "$dir/standin-classes"
cp -r engine/target/classes engine/target/test-classes "$dir/standin-classes/"
STANDIN_CP="$dir/standin-classes/classes:$dir/standin-classes/test-classes:$(cat engine/target/bench.classpath)"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# starts a fresh stand-in logging to $1; sets STANDIN_URL and STANDIN_PID
start_standin() {
    rm -f "$1.url"
    "$JAVA_HOME/bin/java" -Xmx3g -cp "$STANDIN_CP" com.authorworks.engine.standin.StandIn --faults "$faults" --rate "$rate" \
        --url-file "$1.url" --log "$1" > "$1.out" 2>&1 &
    STANDIN_PID=$!
    pids+=("$STANDIN_PID")
    for _ in $(seq 1 300); do [ -f "$1.url" ] && break; sleep 0.2; done
    STANDIN_URL=$(cat "$1.url")
}

stop_standin() {
    kill "$STANDIN_PID"
    wait "$STANDIN_PID" 2>/dev/null || true
}

summary() { # the stand-in's own count of what it served: requests answered/served, input and output tokens
    local f=$1/summary.txt
    printf 'requests %s (answered in full %s, faults injected %s), input %s, output %s tokens, largest call %s' \
        "$(sed -n 's/^requests=//p' "$f")" "$(sed -n 's/^answered=//p' "$f")" "$(sed -n 's/^faults=//p' "$f")" \
        "$(sed -n 's/^input_tokens=//p' "$f")" "$(sed -n 's/^output_tokens=//p' "$f")" "$(sed -n 's/^largest_input=//p' "$f")"
}

book_words() { # words of a markdown book
    wc -w < "$1" | tr -d ' '
}

TITLE="Benchmark Novel"
BRAINDUMP="A long novel for measuring the engine: a harbour town, a missing ledger, a family that owes everyone."
results=()

if [ "$only" != "web" ]; then
    start_standin "$dir/cli-standin"
    echo "CLI: ./authorworks generate against $STANDIN_URL/v1 ($words words, $chapters chapters, window $window, $streams streams, faults $faults)" >&2
    start=$(date +%s.%N)
    set +e
    OPENAI_COMPATIBLE_API_KEY=sk-standin ./authorworks generate --title "$TITLE" --braindump "$BRAINDUMP" --format novel \
        --words "$words" --chapters "$chapters" --provider openai-compatible --model gpt-4o-mini --base-url "$STANDIN_URL/v1" \
        --chapter-window "$window" --concurrency "$streams" --out "$dir/cli-book" > "$dir/cli.out" 2> "$dir/cli.err" < /dev/null
    code=$?
    set -e
    end=$(date +%s.%N)
    stop_standin
    w=$( [ -f "$dir/cli-book/book.md" ] && book_words "$dir/cli-book/book.md" || echo 0 )
    results+=("$(printf 'cli: exit %s, %.0f s, book.md %s words, resumes 0; stand-in: %s' "$code" "$(python3 -c "print($end - $start)")" "$w" \
        "$(summary "$dir/cli-standin")")")
    tail -5 "$dir/cli.out" >&2 || true
fi

if [ "$only" != "cli" ]; then
    start_standin "$dir/web-standin"
    port=$(free_port)
    base="http://127.0.0.1:$port"
    echo "web: the platform on $base against $STANDIN_URL/v1" >&2
    AUTHORWORKS_DATA="$dir/web-data" SERVICE_PORT=$port HOST=127.0.0.1 LOG_FORMAT= OPENAI_COMPATIBLE_BASE_URL="$STANDIN_URL/v1" \
        OPENAI_COMPATIBLE_API_KEY=sk-standin ./authorworks serve > "$dir/web.log" 2>&1 < /dev/null &
    web_pid=$!
    pids+=("$web_pid")
    for _ in $(seq 1 900); do curl -sf "$base/health/readiness" > /dev/null 2>&1 && break; sleep 1; done
    api() { # method path [json]
        curl -sS -X "$1" "$base$2" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} ${3:+--data "$3"}
    }
    email="bench-$(date +%s)@example.com"
    api POST /api/v1/auth/register "{\"email\":\"$email\",\"username\":\"bench$(date +%s)\",\"password\":\"correct horse battery staple\"}" > /dev/null
    TOKEN=$(api POST /api/v1/auth/login "{\"email\":\"$email\",\"password\":\"correct horse battery staple\"}" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
    start=$(date +%s.%N)
    job=$(api POST /api/v1/books/generate "$(python3 -c 'import json,sys; print(json.dumps({"title": sys.argv[1], "braindump": sys.argv[2],
        "format": "novel", "targetWords": int(sys.argv[3]), "chapters": int(sys.argv[4]), "provider": "openai-compatible",
        "model": "gpt-4o-mini", "chapterWindow": int(sys.argv[5])}))' "$TITLE" "$BRAINDUMP" "$words" "$chapters" "$window")")
    book=$(echo "$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["bookId"])')
    state=""
    while :; do
        status=$(api GET "/api/v1/books/$book/status")
        state=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
        case "$state" in COMPLETED|FAILED|CANCELLED|BUDGET_EXHAUSTED) break ;; esac
        sleep 5
    done
    end=$(date +%s.%N)
    echo "$status" > "$dir/web-status.json"
    w=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["words"])')
    stop_standin
    results+=("$(printf 'web: %s, %.0f s, %s words, resumes 0; job: %s; stand-in: %s' "$state" "$(python3 -c "print($end - $start)")" "$w" \
        "$(echo "$status" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("input %d, output %d tokens, $%s, error %s" % (s["inputTokens"], s["outputTokens"], s["costUsd"], s.get("error")))')" \
        "$(summary "$dir/web-standin")")")
    kill "$web_pid"; wait "$web_pid" 2>/dev/null || true
fi

printf '%s\n' "${results[@]}"
echo "(runs kept in $dir)"
