#!/usr/bin/env bash
# Engine benchmark: bench/engine/run.sh [--words 100000] [--chapters 30] [--rate 60] [--streams 8] [--window 4] [--budget-tokens 6000]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -pl engine -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
exec "$JAVA_HOME/bin/java" -cp "engine/target/classes:$(cat engine/target/bench.classpath)" bench/engine/EngineBench.java "$@"
