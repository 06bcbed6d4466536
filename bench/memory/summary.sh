#!/usr/bin/env bash
# The summary line of a bench/memory/run.sh output directory (run by run.sh; rerun it on a kept directory).
set -euo pipefail
OUT=$1
# Peak: the highest sample from the start of the load until the last generation finished.
# Steady: the median of the samples in the second half of the load.
# Idle: the last sample before the load (platform started, users and books created).
awk -v s="$(cat "$OUT/load-start")" -v m="$(cat "$OUT/load-mid")" -v e="$(cat "$OUT/load-end")" \
    -v g="$(cat "$OUT/generations-end" 2>/dev/null || cat "$OUT/load-end")" -v cpu_jvm="$(paste -d' ' "$OUT/cpu-start" "$OUT/cpu-end" 2>/dev/null | awk '{print $3 - $1}')" \
    -v cpu_pg="$(paste -d' ' "$OUT/cpu-start" "$OUT/cpu-end" 2>/dev/null | awk '{print $4 - $2}')" -v opts="$(tr -d '\n' < "$OUT/jvm-opts" 2>/dev/null || true)" '
  function mb(k) { return k / 1024 }
  $1 < s { idle_rss = $2 + $4; idle_pss = $3 + $5 }
  $1 >= s && $1 <= g {
    if ($2 + $4 > prss) prss = $2 + $4; if ($3 + $5 > ppss) ppss = $3 + $5
    if ($2 > pj) pj = $2; if ($3 > pjp) pjp = $3; if ($4 > pp) pp = $4; if ($5 > ppp) ppp = $5
    if ($6 > pprocs) pprocs = $6; if ($7 > pthreads) pthreads = $7
  }
  $1 >= m && $1 <= e { n++; rss[n] = $2 + $4; pss[n] = $3 + $5; jr[n] = $3; pg[n] = $5 }
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n ? a[int((n + 1) / 2)] : 0
  }
  END {
    printf "{\"memory_mb\":{\"idle\":{\"rss\":%.0f,\"pss\":%.0f},\"steady\":{\"rss\":%.0f,\"pss\":%.0f,\"jvm_pss\":%.0f,\"postgres_pss\":%.0f},", mb(idle_rss), mb(idle_pss), mb(median(rss, n)), mb(median(pss, n)), mb(median(jr, n)), mb(median(pg, n))
    printf "\"peak\":{\"rss\":%.0f,\"pss\":%.0f,\"jvm_rss\":%.0f,\"jvm_pss\":%.0f,\"postgres_rss\":%.0f,\"postgres_pss\":%.0f},", mb(prss), mb(ppss), mb(pj), mb(pjp), mb(pp), mb(ppp)
    printf "\"postgres_processes\":%d,\"jvm_threads\":%d,\"samples\":%d,\"load_cpu_s\":{\"jvm\":%.1f,\"postgres\":%.1f},\"jvm_opts\":\"%s\"}}\n", pprocs, pthreads, n, cpu_jvm, cpu_pg, opts
  }' "$OUT/samples.txt"
