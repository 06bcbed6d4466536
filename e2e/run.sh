#!/usr/bin/env bash
# Browser tests against the built platform. Builds nothing: run ./authorworks build (or
# ./mvnw package) first. Starts app/target/authorworks.jar on a free port with its data in a
# temporary directory, runs every e2e/specs/*.spec.mjs with the system Chromium, writes
# screenshots to e2e/target/screenshots/ (SCREENSHOTS=docs/screenshots to refresh the ones in the
# docs), and stops the server.
set -euo pipefail
cd "$(dirname "$0")"
E2E=$(pwd)
ROOT=$(cd .. && pwd)
JAR="$ROOT/app/target/authorworks.jar"
[ -n "${JAVA_HOME:-}" ] || { echo "e2e: set JAVA_HOME to a JDK 21 or newer (./authorworks test does it for you)" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"

[ -f "$JAR" ] || { echo "e2e: $JAR is missing: build it first (./authorworks build)" >&2; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "e2e: no Chromium: apt-get install -y chromium" >&2; exit 1; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >&2

DATA=$(mktemp -d /tmp/authorworks-e2e.XXXXXX)
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE_URL="http://127.0.0.1:$PORT"
SERVER=""

stop() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap stop EXIT

echo "e2e: starting the platform at $BASE_URL (data in $DATA)" >&2
AUTHORWORKS_DATA="$DATA" SERVICE_PORT="$PORT" HOST=127.0.0.1 LOG_FORMAT= \
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" > "$DATA/server.log" 2>&1 &
SERVER=$!

for _ in $(seq 1 360); do
  curl -sf "$BASE_URL/health" >/dev/null 2>&1 && break
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "e2e: the platform stopped while starting:" >&2; tail -40 "$DATA/server.log" >&2; exit 1
  fi
  sleep 0.5
done
curl -sf "$BASE_URL/health" >/dev/null || { echo "e2e: the platform did not become healthy" >&2; tail -40 "$DATA/server.log" >&2; exit 1; }
# the terminal says where to open it, once it is healthy
for _ in $(seq 1 40); do grep -q "AuthorWorks is ready at http://" "$DATA/server.log" && break; sleep 0.25; done
grep -q "AuthorWorks is ready at http://localhost:$PORT\|AuthorWorks is ready at http://127.0.0.1:$PORT" "$DATA/server.log" \
  || { echo "e2e: the server never printed 'AuthorWorks is ready at http://…:$PORT'" >&2; exit 1; }
# the jar's start-up path is under test too: every service, so the context prepared by the build
grep -q "prepared at build time" "$DATA/server.log" || { echo "e2e: the server did not start from the context prepared at build time" >&2; exit 1; }

status=0
BASE_URL="$BASE_URL" AUTHORWORKS_DATA="$DATA" SCREENSHOTS="$(cd "$ROOT" && realpath -m "${SCREENSHOTS:-e2e/target/screenshots}")" \
  node --test --test-concurrency=1 "$E2E"/specs/*.spec.mjs || status=$?
if [ $status -ne 0 ]; then
  echo "e2e: failed; the last lines of the server log:" >&2; tail -40 "$DATA/server.log" >&2
fi
exit $status
