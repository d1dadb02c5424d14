#!/usr/bin/env bash
# Side-by-side whole-process timing of one solve command with two jars (A = reference, B = candidate),
# run alternately in one invocation so that both see the same machine load; prints every run and the
# medians of wall time, of CPU time (user + sys: the load-robust figure on a shared machine) and of the in-JVM time solve reports ("seconds" of --format json).
# Usage: scripts/bench-solve-ab.sh JAR_A JAR_B [RUNS=3] [-- solve arguments]
# Default arguments: the issue-13 target  --preset imagenet-lt --dim 512 --depth 2 --lambda-w 1e-5
#   --lambda-h 1e-5 --digits 30  with -Xmx1g.
set -euo pipefail
a="$1"; b="$2"; shift 2
runs=3
if [ $# -gt 0 ] && [ "$1" != "--" ]; then runs="$1"; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--preset imagenet-lt --dim 512 --depth 2 --lambda-w 1e-5 --lambda-h 1e-5 --digits 30)
echo "# bench-solve-ab $(date -u +%FT%TZ): $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "# solve ${args[*]} (-Xmx1g, --format json), $runs runs each, A = $a, B = $b"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
declare -a wa wb ja jb ca cb
for ((r = 1; r <= runs; r++)); do
  for side in A B; do
    jar="$a"; [ "$side" = B ] && jar="$b"
    TIMEFORMAT='%R %U %S'
    read -r wall user sys < <({ time java -Xmx1g -jar "$jar" solve "${args[@]}" --format json > "$out" 2>/dev/null || true; } 2>&1)
    cpu=$(echo "$user + $sys" | bc)
    inj=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$out")
    echo "run $r $side wall ${wall} s, in-JVM ${inj} s, CPU (user + sys) ${cpu} s"
    if [ "$side" = A ]; then wa+=("$wall"); ja+=("$inj"); ca+=("$cpu"); else wb+=("$wall"); jb+=("$inj"); cb+=("$cpu"); fi
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "median A: wall $(median "${wa[@]}") s, in-JVM $(median "${ja[@]}") s, CPU $(median "${ca[@]}") s"
echo "median B: wall $(median "${wb[@]}") s, in-JVM $(median "${jb[@]}") s, CPU $(median "${cb[@]}") s"
echo "# load at end $(cut -d' ' -f1-3 /proc/loadavg)"
