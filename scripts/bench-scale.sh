#!/usr/bin/env bash
# Whole-process solve at scale (scale-theory, issue 13): wall time and peak RSS per shape, one run each.
# Usage: scripts/bench-scale.sh [out-file]   (builds target/ncverify.jar first; GNU time required)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/dev/stdout}"
jar="${NCVERIFY_JAR:-$here/target/ncverify.jar}"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
tail200=$(python3 -c "print(','.join(str(round(1e5*1000**(-k/199))) for k in range(200)))")
tail1000=$(python3 -c "print(','.join(str(round(1e5*1000**(-k/999))) for k in range(1000)))")
run() { # label xmx args...
  local label="$1" xmx="$2"; shift 2
  /usr/bin/time -o /tmp/bench-scale.time -f "%e %M" java "-Xmx$xmx" -jar "$jar" "$@" --format text > /tmp/bench-scale.out 2>/tmp/bench-scale.err || true
  local t; t=$(tail -1 /tmp/bench-scale.time)
  local claims; claims=$(grep -E '^C[0-9]+ ' /tmp/bench-scale.out | awk '{printf "%s:%s ", $1, $2}')
  local head; head=$(sed -n 2p /tmp/bench-scale.out | sed 's/.*surviving/surviving/')
  echo "$label | $head | -Xmx$xmx | ${t% *} s | $(( ${t#* } / 1024 )) MiB RSS | $claims" >> "$out"
}
echo "# bench-scale $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out"
run "K=50 sizes 5000,4900,...,100 60 digits d=2 L=1" 1g solve --sizes "$(python3 -c "print(','.join(str(5000-100*k) for k in range(50)))")" --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 60
run "K=200 long tail 60 digits d=2 L=1" 1g solve --sizes "$tail200" --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 60
run "K=1000 long tail 30 digits d=1000 L=2" 1g solve --sizes "$tail1000" --dim 1000 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 30
run "imagenet-lt K=1000 30 digits d=512 L=2" 1g solve --preset imagenet-lt --dim 512 --depth 2 --lambda-w 1e-6 --lambda-h 1e-6 --digits 30
run "inat2018-like K=8142 30 digits d=512 L=2" 4g solve --preset inat2018-like --dim 512 --depth 2 --lambda-w 1e-6 --lambda-h 1e-6 --digits 30
