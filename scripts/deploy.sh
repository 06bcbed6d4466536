#!/usr/bin/env bash
# Deploys AuthorWorks (seed 004), then runs scripts/verify.sh.
#   scripts/deploy.sh homelab   deploy/homelab/docker-compose.homelab.yml on llm_network behind Traefik + Authelia
#   scripts/deploy.sh compose   deploy/docker-compose.yml: the split platform with its own PostgreSQL, MinIO, Kafka, Redis
#   scripts/deploy.sh k8s       deploy/k8s/ into the authorworks namespace (kubectl's current context)
# Reads the .env beside the compose file (homelab, compose) or deploy/.env (k8s); copy deploy/.env.example first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${1:-homelab}"

die() { echo "deploy: $*" >&2; exit 1; }

require_env() {
  local file="$1"; shift
  [ -f "$file" ] || die "$file is missing: cp deploy/.env.example $file and fill it in"
  local name
  for name in "$@"; do
    grep -Eq "^${name}=.+" "$file" || die "$file: set $name"
  done
}

compose_up() {
  local file="$1" env="$2"
  require_env "$env" POSTGRES_PASSWORD REDIS_PASSWORD MINIO_ROOT_USER MINIO_ROOT_PASSWORD AUTHORWORKS_SERVICE_SECRET
  docker compose -f "$file" --env-file "$env" config --quiet        # the seed's pre-deployment syntax check
  docker compose -f "$file" --env-file "$env" build
  # every schema migrated once, in order, before the services start (each would also migrate its own)
  docker compose -f "$file" --env-file "$env" run --rm --no-deps identity migrate
  docker compose -f "$file" --env-file "$env" up -d --remove-orphans
}

case "$TARGET" in
  homelab)
    docker network inspect llm_network >/dev/null 2>&1 || die "the homelab network llm_network does not exist"
    # the shared database: create authorworks in neon-postgres-leopaska when it is not there yet
    if ! docker exec neon-postgres-leopaska psql -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='authorworks'" | grep -q 1; then
      docker exec neon-postgres-leopaska psql -U postgres -c "CREATE DATABASE authorworks"
    fi
    compose_up "$ROOT/deploy/homelab/docker-compose.homelab.yml" "$ROOT/deploy/homelab/.env"
    GATEWAY=http://localhost:8080 exec "$ROOT/scripts/verify.sh" homelab
    ;;
  compose)
    compose_up "$ROOT/deploy/docker-compose.yml" "$ROOT/deploy/.env"
    GATEWAY=http://localhost:8080 exec "$ROOT/scripts/verify.sh" compose
    ;;
  k8s)
    command -v kubectl >/dev/null || die "kubectl is needed"
    ENV_FILE="$ROOT/deploy/.env"
    require_env "$ENV_FILE" AUTHORWORKS_SERVICE_SECRET
    kubectl apply -f "$ROOT/deploy/k8s/namespace.yaml"
    kubectl apply -f "$ROOT/deploy/k8s/configmap.yaml" -f "$ROOT/deploy/k8s/volumes.yaml"
    # the real Secret from the .env (never the template's placeholders); DATABASE_URL and REDIS_URL must be in it
    require_env "$ENV_FILE" DATABASE_URL REDIS_URL
    kubectl -n authorworks create secret generic authorworks-secrets --from-env-file="$ENV_FILE" \
      --dry-run=client -o yaml | kubectl apply -f -
    # the gateway's configuration: the same nginx.conf, resolving through the cluster's DNS by in-cluster names
    DNS="$(kubectl -n kube-system get service kube-dns -o jsonpath='{.spec.clusterIP}')"
    "$ROOT/scripts/gateway-conf-for-k8s.sh" "$DNS" authorworks < "$ROOT/deploy/nginx/nginx.conf" \
      > "${TMPDIR:-/tmp}/authorworks-nginx.conf"
    kubectl -n authorworks create configmap authorworks-gateway --from-file=nginx.conf="${TMPDIR:-/tmp}/authorworks-nginx.conf" \
      --dry-run=client -o yaml | kubectl apply -f -
    kubectl -n authorworks delete job authorworks-migrate --ignore-not-found
    kubectl apply -f "$ROOT/deploy/k8s/migration-job.yaml"
    kubectl -n authorworks wait --for=condition=complete job/authorworks-migrate --timeout=300s
    kubectl apply -f "$ROOT/deploy/k8s/services.yaml" -f "$ROOT/deploy/k8s/deployments.yaml" \
      -f "$ROOT/deploy/k8s/hpa.yaml" -f "$ROOT/deploy/k8s/ingress.yaml"
    for deployment in web identity content storage subscriptions messaging discovery gateway; do
      kubectl -n authorworks rollout status "deployment/$deployment" --timeout=300s
    done
    kubectl -n authorworks port-forward service/gateway 18080:8080 >/dev/null 2>&1 &
    FORWARD=$!
    trap 'kill $FORWARD' EXIT
    sleep 2
    GATEWAY=http://localhost:18080 "$ROOT/scripts/verify.sh" k8s
    ;;
  *)
    die "unknown target '$TARGET': homelab, compose or k8s"
    ;;
esac
