#!/usr/bin/env bash
# Start-up cost of the ./ncverify launcher with and without its AppCDS archive (NCVERIFY_CDS=1 / 0), runs
# interleaved so that both see the same load; prints the median wall time of each for `solve --version` (start-up
# only), a small and a K = 200 solve (the tail with lambda 1e-5: 2 directions survive).
# Usage: scripts/bench-startup.sh [runs=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
tail200=$(python3 -c "print(','.join(str(round(1e5*1000**(-k/199))) for k in range(200)))")
"$here/ncverify" --version > /dev/null # builds the jar and the archive if needed
echo "# bench-startup $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each"
for shape in version small k200; do
  if [ "$shape" = version ]; then args=(solve --version)
  elif [ "$shape" = small ]; then args=(solve --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 50)
  else args=(solve --sizes "$tail200" --dim 2 --depth 1 --lambda-w 1e-5 --lambda-h 1e-5 --digits 60); fi
  : > /tmp/bench-startup.0; : > /tmp/bench-startup.1
  for _ in $(seq "$runs"); do
    for cds in 0 1; do
      s=$(date +%s.%N); NCVERIFY_CDS=$cds "$here/ncverify" "${args[@]}" > /dev/null || true; e=$(date +%s.%N)
      echo "$e - $s" | bc >> /tmp/bench-startup.$cds
    done
  done
  med() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
  echo "$shape: without CDS median $(med /tmp/bench-startup.0) s, with CDS median $(med /tmp/bench-startup.1) s"
done
