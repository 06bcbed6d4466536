# AuthorWorks: one image, every service (AUTHORWORKS_SERVICES picks which ones a container runs).
# docker build -t authorworks .

# The web app needs Node 20.19+; the JDK images do not carry it.
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

# The editor's yjs bundle (npm yjs, pinned by its lock file, bundled by esbuild for GraalJS)
FROM node:20-bookworm-slim AS editor-js
WORKDIR /src/services/editor/js
COPY services/editor/js/package.json services/editor/js/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY services/editor/js/ ./
RUN npm run build

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY platform/ platform/
COPY engine/ engine/
COPY publishing/ publishing/
COPY services/ services/
COPY web/pom.xml web/pom.xml
COPY --from=web /src/web/dist web/dist
COPY --from=editor-js /src/services/editor/target/generated-resources services/editor/target/generated-resources
COPY app/ app/
# npm already ran in the web and editor-js stages; Maven only packages what they built
RUN ./mvnw -B -q -DskipTests -Dskip.web=true -Deditor.js.skip=true package \
 && java -Djarmode=tools -jar app/target/authorworks.jar extract --destination /app

FROM eclipse-temurin:25-jre
# ffmpeg and espeak-ng: audiobooks (media, ADR 0007)
RUN apt-get update && apt-get install -y --no-install-recommends curl ffmpeg espeak-ng && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --create-home --home-dir /var/lib/authorworks authorworks
COPY --from=build /app /app
WORKDIR /var/lib/authorworks
USER 10001
# The launcher's measured defaults (./authorworks, docs/platform.md "Memory"): the serial collector grows its heap to
# the cap, so the cap is the heap's share (144 MB, 24 young: the whole platform's live set under load is ~75 MB, one
# service's is less); only the quick JIT compiler; compact object headers; freed native memory handed back every 5 s.
# AUTHORWORKS_JAVA_OPTS replaces them (e.g. a larger -Xmx for a content process generating many books at once).
ENV AUTHORWORKS_DATA=/var/lib/authorworks/data \
    SERVICE_PORT=8080 \
    AUTHORWORKS_JAVA_OPTS="-Xmx144m -Xmn24m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${SERVICE_PORT}/health/readiness" || exit 1
# a shell so AUTHORWORKS_JAVA_OPTS splits into options; exec so java is PID 1 and gets SIGTERM (graceful shutdown)
ENTRYPOINT ["/bin/sh", "-c", "exec java --enable-native-access=ALL-UNNAMED $AUTHORWORKS_JAVA_OPTS -jar /app/authorworks.jar \"$@\"", "authorworks"]
