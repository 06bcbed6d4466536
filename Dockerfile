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
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --create-home --home-dir /var/lib/authorworks authorworks
COPY --from=build /app /app
WORKDIR /var/lib/authorworks
USER 10001
ENV AUTHORWORKS_DATA=/var/lib/authorworks/data \
    SERVICE_PORT=8080 \
    JAVA_TOOL_OPTIONS="-Xmx384m --enable-native-access=ALL-UNNAMED"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${SERVICE_PORT}/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/authorworks.jar"]
