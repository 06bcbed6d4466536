# AuthorWorks: one image, every service (AUTHORWORKS_SERVICES picks which ones a container runs).
# docker build -t authorworks .

# The web app needs Node 20.19+; the JDK images do not carry it.
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
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
COPY app/ app/
# npm already ran in the web stage; Maven only packages its dist/
RUN ./mvnw -B -q -DskipTests -Dskip.web=true package \
 && java -Djarmode=tools -jar app/target/authorworks.jar extract --destination /app

FROM eclipse-temurin:25-jre
# ffmpeg and espeak-ng: audiobooks (media, ADR 0007)
RUN apt-get update && apt-get install -y --no-install-recommends curl ffmpeg espeak-ng && rm -rf /var/lib/apt/lists/* \
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
