#!/usr/bin/env bash
# Engine benchmark.
#   bench/engine/run.sh [--server realistic] [--provider openai-compatible|anthropic] [--words 100000] [--chapters 24]
#       [--window 4] [--format novel|screenplay|stage-play|tv-episode...] [--streams 8] [--rate 0] [--ttft 0] [--faults 0] [--seed 42] [--budget-tokens 8000]
#       [--model gpt-4o-mini|claude-sonnet-4-5] [--summary-model same|claude-haiku-4-5] [--retries on|off]
#       [--port 0] [--log DIR] [--dir DIR]
#     against RealisticModelServer (the default): fact-dense prose, rambling extraction answers, context
#     window refusals, documented prefix caching, faults at --faults (share of requests). --rate 0 = as fast as possible.
#   bench/engine/run.sh --server sample [--words 100000] [--chapters 30] [--rate 60] [--streams 8] [--window 12]
#       [--budget-tokens 8000] [--ttft 0] [--model claude-sonnet-4-5] [--summary-model claude-haiku-4-5|same]
#     the older benchmark against FakeAnthropicServer, whose text comes from the offline sample writer.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mode=realistic
args=()
while [ $# -gt 0 ]; do
    if [ "$1" = "--server" ]; then mode=$2; shift 2; else args+=("$1"); shift; fi
done
case "$mode" in
    realistic) main=bench/engine/RealisticServerBench.java ;;
    sample) main=bench/engine/SampleServerBench.java ;;
    *) echo "--server is realistic or sample" >&2; exit 2 ;;
esac
# both model servers live in the engine's test sources (they have their own tests there);
# BENCH_SKIP_BUILD=1 reuses what the last run compiled
if [ -z "${BENCH_SKIP_BUILD:-}" ] || [ ! -f engine/target/bench.classpath ]; then
    ./mvnw -B -q -pl engine -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
fi
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx6g} -cp "engine/target/classes:engine/target/test-classes:$(cat engine/target/bench.classpath)" \
    "$main" "${args[@]}"
