#!/usr/bin/env bash
# Wall time of `ncverify report --quick` (whole process, JVM start included), N runs (default 3),
# median printed last. Build first: ./ncverify builds target/ncverify.jar when it is stale.
# REPORT_ARGS (default "--quick") selects the campaign: scripts/report-default-time.sh sets it empty.
# With REPORT_LOG_DIR set, each run's stderr (progress lines) goes to $REPORT_LOG_DIR/run-I.log and
# the last run's report is kept as $REPORT_LOG_DIR/report.
# Usage: scripts/report-quick-time.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-3}
read -r -a args <<< "${REPORT_ARGS---quick}"
out=$(mktemp -d)
./ncverify --version >/dev/null
times=()
for i in $(seq 1 "$n"); do
  t0=$(date +%s.%N)
  log=/dev/null
  if [ -n "${REPORT_LOG_DIR:-}" ]; then mkdir -p "$REPORT_LOG_DIR"; log="$REPORT_LOG_DIR/run-$i.log"; fi
  # exit 1 (a claim FAILs) and 3 (an INCONCLUSIVE verdict) still write the report
  status=0
  ./ncverify report ${args[@]+"${args[@]}"} --out "$out/r" 2>"$log" >/dev/null || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then echo "run $i: exit $status" >&2; exit "$status"; fi
  t1=$(date +%s.%N)
  t=$(echo "$t1 - $t0" | bc)
  echo "run $i: $t s (exit $status)"
  times+=("$t")
done
if [ -n "${REPORT_LOG_DIR:-}" ]; then rm -rf "$REPORT_LOG_DIR/report"; mv "$out/r" "$REPORT_LOG_DIR/report"; fi
rm -rf "$out"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median of %d: %.1f s on %s, %s cores\n", NR, m, "'"$(uname -m)"'", "'"$(nproc)"'"}'
