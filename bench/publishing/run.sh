#!/usr/bin/env bash
# Publishing benchmark: AuthorWorks Markdown/EPUB/PDF export of a generated 100,000-word novel, then pandoc
# converting the same Markdown to EPUB. Needs Debian `pandoc`. Usage: bench/publishing/run.sh [output dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-publishing/target/bench}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q -pl publishing test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
mkdir -p "$out"
"$JAVA_HOME/bin/java" -cp "publishing/target/classes:publishing/target/test-classes:$(cat publishing/target/bench-classpath.txt)" \
  com.authorworks.publishing.bench.PublishingBenchmark "$out"
pandoc --version | head -1
for run in 1 2; do
  start=$(date +%s%N)
  pandoc -f markdown -t epub3 -o "$out/pandoc.epub" "$out/authorworks.md"
  end=$(date +%s%N)
  printf 'pandoc   run %d: %6d ms  %12s bytes\n' "$run" $(( (end - start) / 1000000 )) "$(stat -c %s "$out/pandoc.epub")"
done
