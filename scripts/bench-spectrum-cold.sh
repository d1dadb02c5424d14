#!/usr/bin/env bash
# Cold start of the spectrum + exact certificate (issue 13, branch spectrum-cold): RUNS rounds, each one
# fresh JVM of an older commit and one of the working tree, interleaved (the same load for both), one
# operation per JVM on a 2-thread pool as solve runs it; medians of wall and process CPU seconds.
# usage (from the project directory): scripts/bench-spectrum-cold.sh [old-rev] [runs] [K] [P] [-- JVM options]
#   default: ae36209 (main before spectrum-cold), 7 runs, K = 200, P = 60
set -euo pipefail
old="${1:-ae36209}"; runs="${2:-7}"; k="${3:-200}"; p="${4:-60}"
shift $(( $# < 4 ? $# : 4 )) || true
[ "${1:-}" = "--" ] && shift
jvm=("$@")
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/spectrum-old-classes.sh"
spectrum_old_classes scripts/SpectrumColdStart.java
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1), load at start: $(cut -d' ' -f1-3 /proc/loadavg), JVM options: ${jvm[*]:-none}"
for r in $(seq "$runs"); do
  echo "old $(java ${jvm[@]+"${jvm[@]}"} -cp "$work/old:$deps:$work/tool" SpectrumColdStart "$k" "$p" 2)"
  echo "new $(java ${jvm[@]+"${jvm[@]}"} -cp "target/classes:$deps:$work/tool" SpectrumColdStart "$k" "$p" 2)"
done | tee "$work/raw.txt"
python3 - "$work/raw.txt" "$old" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    f = line.split()
    rows.setdefault(f[0], []).append((float(f[2]), float(f[4]), float(f[6]), float(f[8])))
for who, v in rows.items():
    name = f"old ({sys.argv[2]})" if who == "old" else "new (working tree)"
    med = [st.median(x[i] for x in v) for i in range(4)]
    print(f"{name}: values {med[0]:.3f} s, certificate {med[1]:.3f} s, total {med[2]:.3f} s, process CPU {med[3]:.3f} s (medians of {len(v)})")
PY
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
