#!/usr/bin/env bash
# Wall time of `ncverify report --from FILE...` (whole process, JVM start included), RUNS runs
# (default 3), each run's time then the median and the machine. Default input: the committed
# 10-minute hunt journal. Build first: ./ncverify builds target/ncverify.jar when it is stale.
# Usage: scripts/report-from-time.sh [RUNS [FILE...]]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
shift || true
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(reports/hunts/hunt-mixed-seed20261202-10m.jsonl.gz)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./ncverify --version >/dev/null
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  status=0
  ./ncverify report --from "${files[@]}" --out "$work/report" >/dev/null 2>&1 || status=$?
  [ "$status" -le 3 ] && [ "$status" -ne 2 ] || { echo "run $i: exit $status" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 ))" >> "$work/ms"
  echo "run $i: $(( (end - start) / 1000000 )) ms (exit $status)"
done
python3 -c "
import statistics, sys
ms = [int(l) for l in open('$work/ms')]
print('median of %d: %.1f s; %s' % (len(ms), statistics.median(ms) / 1000, sys.argv[1]))
" "$(uname -m), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${files[*]}"
