#!/usr/bin/env bash
# The seed's post-deployment checks (seed 004, "Testing and Verification Protocol"); exits non-zero when one fails.
#   scripts/verify.sh [homelab|compose|k8s]
# GATEWAY (default http://localhost:8080) is the nginx gateway; PUBLIC_URL (default https://authorworks.$DOMAIN,
# homelab only) is the address through Cloudflare and Traefik.
set -uo pipefail

TARGET="${1:-homelab}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_FILE="$ROOT/deploy/homelab/.env"
[ "$TARGET" = homelab ] || ENV_FILE="$ROOT/deploy/.env"
FILE="$ROOT/deploy/docker-compose.yml"
[ "$TARGET" = homelab ] && FILE="$ROOT/deploy/homelab/docker-compose.homelab.yml"
DOMAIN="${DOMAIN:-$(grep -E '^DOMAIN=' "$ENV_FILE" 2>/dev/null | cut -d= -f2-)}"
PUBLIC_URL="${PUBLIC_URL:-https://authorworks.${DOMAIN:-example.com}}"
SERVICES="web identity content storage editor subscriptions messaging discovery media"
failed=0

check() {   # check "what" command...
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "ok    $what"; else echo "FAIL  $what"; failed=$((failed + 1)); fi
}

# 1. container health: every AuthorWorks container (or pod) healthy
if [ "$TARGET" = k8s ]; then
  for s in $SERVICES gateway; do
    check "pod of $s ready" kubectl -n authorworks wait --for=condition=ready pod -l "app.kubernetes.io/name=$s" --timeout=60s
  done
else
  for s in $SERVICES gateway; do
    check "container $s healthy" sh -c "docker inspect -f '{{.State.Health.Status}}' \$(docker compose -f '$FILE' ps -q $s) | grep -qx healthy"
  done
fi

# 2. service health, each through the gateway's /health/<service> (the seed's curl per port, from outside the network)
for s in $SERVICES; do
  check "$s /health UP" sh -c "curl -fsS --max-time 10 '$GATEWAY/health/$s' | grep -q '\"status\":\"UP\"'"
done
# 9. the gateway, aggregating every service
check "gateway /health" curl -fsS --max-time 10 "$GATEWAY/health"

# 3. database connectivity: a service's health includes its database ("db"), so UP above means it reached PostgreSQL;
#    here the readiness of each, which is DOWN (503) while the database is lost
for s in identity content storage editor subscriptions messaging discovery media; do
  if [ "$TARGET" = k8s ]; then
    check "$s ready (database reached)" kubectl -n authorworks exec "deploy/$s" -- sh -c 'curl -fsS "http://127.0.0.1:$SERVICE_PORT/health/readiness"'
  else
    check "$s ready (database reached)" docker compose -f "$FILE" exec -T "$s" sh -c 'curl -fsS "http://127.0.0.1:$SERVICE_PORT/health/readiness"'
  fi
done
# 4. Redis connectivity: the shared Redis answers (rate limits and live notifications use it)
if [ "$TARGET" = homelab ]; then
  check "Redis answers" sh -c "docker exec redis-nd-leopaska redis-cli -a \"\$(grep -E '^REDIS_PASSWORD=' '$ENV_FILE' | cut -d= -f2-)\" --no-auth-warning ping | grep -q PONG"
elif [ "$TARGET" = compose ]; then
  check "Redis answers" sh -c "docker compose -f '$FILE' exec -T redis sh -c 'redis-cli -a \"\$REDIS_PASSWORD\" --no-auth-warning ping' | grep -q PONG"
fi
# 5. MinIO connectivity: from the storage service's own container (or pod), MinIO's liveness endpoint
if [ "$TARGET" = k8s ]; then
  check "storage reaches MinIO" kubectl -n authorworks exec deploy/storage -- sh -c 'curl -fsS --max-time 10 "$MINIO_ENDPOINT/minio/health/live"'
else
  check "storage reaches MinIO" docker compose -f "$FILE" exec -T storage sh -c 'curl -fsS --max-time 10 "$MINIO_ENDPOINT/minio/health/live"'
fi
# the API through the gateway: the public book listing answers JSON, the internal contracts are refused
check "API answers through the gateway" sh -c "curl -fsS --max-time 10 '$GATEWAY/api/v1/discover/books' -o /dev/null"
check "internal contracts refused from outside" sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$GATEWAY/api/v1/internal/storage/files')\" = 404 ]"

if [ "$TARGET" = homelab ]; then
  # 7. TLS certificate and 6. Traefik routing, through Cloudflare
  check "TLS and Traefik route at $PUBLIC_URL" curl -fsSI --max-time 15 "$PUBLIC_URL"
  # 8. Authelia: an unauthenticated API call is sent to sign in (a redirect or 401), never answered with data
  check "Authelia guards the API" sh -c "code=\$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 '$PUBLIC_URL/api/v1/books'); [ \"\$code\" = 302 ] || [ \"\$code\" = 401 ]"
  # the database exists in the shared PostgreSQL
  check "database authorworks in neon-postgres-leopaska" sh -c "docker exec neon-postgres-leopaska psql -U postgres -c '\\l' | grep -q authorworks"
fi

if [ "$failed" -gt 0 ]; then
  echo "$failed check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
