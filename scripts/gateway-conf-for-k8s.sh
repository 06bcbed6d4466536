#!/usr/bin/env bash
# Writes deploy/nginx/nginx.conf as the Kubernetes gateway needs it: the cluster's DNS as nginx's resolver (Docker's
# 127.0.0.11 is not there) and each upstream by its in-cluster name (nginx's own resolver has no search domains).
#   scripts/gateway-conf-for-k8s.sh <cluster DNS address> [namespace] < deploy/nginx/nginx.conf > nginx.conf
set -euo pipefail
DNS="${1:?the cluster DNS address (kubectl -n kube-system get service kube-dns -o jsonpath='{.spec.clusterIP}')}"
NAMESPACE="${2:-authorworks}"
sed -e "s/resolver 127\.0\.0\.11/resolver ${DNS}/" \
    -e "s/set \\\$\\([a-z]*\\) *\\([a-z]*\\):\\([0-9]*\\);/set \$\\1 \\2.${NAMESPACE}.svc.cluster.local:\\3;/"
