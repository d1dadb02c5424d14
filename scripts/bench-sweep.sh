#!/usr/bin/env bash
# Wall time of the acceptance sweep of issue 11, whole process (JVM start included):
# 41 x 3 points (lambda_H 1e-5..1e-1 log-spaced, L = 1, 2, 3) of the K = 10 CIFAR-10-LT instance
# (ratio 100, d = 16, lambda_W = 1e-3) at 30 digits, claims C3, C4, C8, C10, on every core.
# Usage: scripts/bench-sweep.sh [RUNS=3]   (target: under 60 s on the 2-core CI machine)
# Prints each run, the median, and the machine (cores, CPU, Java, load average before and after).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$here/ncverify" --version >/dev/null   # builds target/ncverify.jar when it is stale, outside the timing
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$here/ncverify" sweep --sizes 5000,2997,1796,1077,645,387,232,139,83,50 --dim 16 --depth 1,2,3 \
    --lambda-w 1e-3 --lambda-h 1e-5..1e-1:log:41 --digits 30 --quiet \
    --csv "$out/phase.csv" --jsonl "$out/phase.jsonl"
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  rows=$(($(wc -l < "$out/phase.csv") - 1))
  printf 'run %d: %.2f s (%d rows)\n' "$i" "$t" "$rows"
  times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
printf 'median of %d runs: %.2f s\n' "$runs" "$median"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
