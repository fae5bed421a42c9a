#!/usr/bin/env bash
# Alternates two benchmark jars on the same RequestPath workload and prints, per jar, the number
# of runs, the best and the median wall time. On a shared or noisy machine, only alternated runs
# are comparable (docs/PERFORMANCE.md).
#
#   bench/ab.sh N before.jar after.jar [RequestPath arguments...]
#   bench/ab.sh 5 /tmp/before.jar bench/target/benchmarks.jar \
#     --variant breaker-and-throttle --horizon 4m --set 'faults[0].at=3m59s'
#
# Each invocation runs one warm-up and two measured runs (--repeat 2 --warmup 1), with the
# parallel collector as the launcher uses. JAVA_OPTS adds JVM options to both.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
n="$1"; a="$2"; b="$3"; shift 3
for i in $(seq "$n"); do
  for jar in "$a" "$b"; do
    java -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$jar" dev.cascade.bench.RequestPath "$@" \
      --repeat 2 --warmup 1 | awk -v j="$jar" '/^run/ { split($3, w, "="); print j, w[2] }'
  done
done | awk '
  { v[$1] = v[$1] " " $2; c[$1]++ }
  END {
    for (j in v) {
      n = split(substr(v[j], 2), x, " ")
      for (i = 1; i <= n; i++) for (k = i + 1; k <= n; k++) if (x[k] < x[i]) { t = x[i]; x[i] = x[k]; x[k] = t }
      med = (n % 2) ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
      printf "%s runs=%d best=%.2f s median=%.2f s\n", j, n, x[1], med
    }
  }'
