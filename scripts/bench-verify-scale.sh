#!/usr/bin/env bash
# Whole-process `verify` at scale (verify-geometry, issue 13): wall time (median of REPEATS runs), user CPU
# and peak RSS per shape, with the exit status and the claims' verdicts of the last run.
# Usage: scripts/bench-verify-scale.sh [out-file]   (REPEATS=3 by default; builds target/ncverify.jar first;
# GNU time required). The target: imagenet-lt, d = 512, L = 2, 30 digits, -Xmx2g, at most 60 s on a quiet
# 2-core machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/dev/stdout}"
repeats="${REPEATS:-3}"
jar="${NCVERIFY_JAR:-$here/target/ncverify.jar}"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
run() { # label repeats xmx args...
  local label="$1" n="$2" xmx="$3"; shift 3
  local walls=() rss=0 user=0 status=0
  for ((i = 0; i < n; i++)); do
    status=0
    /usr/bin/time -o "$tmp/time" -f "%e %U %M" java "-Xmx$xmx" -jar "$jar" verify "$@" --format text \
      > "$tmp/out" 2> "$tmp/err" || status=$?
    read -r wall u m < <(tail -1 "$tmp/time")
    walls+=("$wall")
    user="$u"
    rss=$(( m > rss ? m : rss ))
  done
  local median; median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local claims; claims=$(grep -E '^C[0-9]+ ' "$tmp/out" | awk '{printf "%s:%s ", $1, $2}')
  echo "$label | -Xmx$xmx | median ${median} s of ${n} (${walls[*]}) | user ${user} s (last) | $(( rss / 1024 )) MiB peak RSS | exit ${status} | ${claims}" >> "$out"
}
echo "# bench-verify-scale $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)" >> "$out"
run "imagenet-lt K=1000 d=512 L=2 30 digits (target)" "$repeats" 2g --preset imagenet-lt --dim 512 --depth 2 \
  --lambda-w 1e-5 --lambda-h 1e-5 --digits 30
run "cifar100-lt-100 K=100 d=512 L=2 30 digits" 1 2g --preset cifar100-lt-100 --dim 512 --depth 2 \
  --lambda-w 1e-5 --lambda-h 1e-5 --digits 30
run "imagenet-lt K=1000 d=1000 L=2 30 digits" 1 2g --preset imagenet-lt --dim 1000 --depth 2 \
  --lambda-w 1e-5 --lambda-h 1e-5 --digits 30
