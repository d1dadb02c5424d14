#!/usr/bin/env bash
# Wall time of `ncverify report --quick` (whole process, JVM start included), N runs (default 3),
# median printed last. Build first: ./ncverify builds target/ncverify.jar when it is stale.
# Usage: scripts/report-quick-time.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-3}
out=$(mktemp -d)
./ncverify --version >/dev/null
times=()
for i in $(seq 1 "$n"); do
  t0=$(date +%s.%N)
  ./ncverify report --quick --out "$out/r" 2>/dev/null >/dev/null || test $? -eq 1
  t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc)
  echo "run $i: $t s"
  times+=("$t")
done
rm -rf "$out"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median of %d: %.1f s on %s, %s cores\n", NR, m, "'"$(uname -m)"'", "'"$(nproc)"'"}'
