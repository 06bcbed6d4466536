#!/usr/bin/env bash
# Engine benchmark: bench/engine/run.sh [--words 100000] [--chapters 30] [--rate 60] [--streams 8] [--window 12]
#   [--budget-tokens 6000] [--ttft 0] [--model claude-sonnet-4-5] [--summary-model claude-haiku-4-5|same]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# the fake model server lives in the engine's test sources (it has its own tests there)
./mvnw -B -q -pl engine -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
exec "$JAVA_HOME/bin/java" -cp "engine/target/classes:engine/target/test-classes:$(cat engine/target/bench.classpath)" \
    bench/engine/EngineBench.java "$@"
