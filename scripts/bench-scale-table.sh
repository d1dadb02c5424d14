#!/usr/bin/env bash
# The issue-13 scale table: whole-process solve (median of 3, peak used heap from the GC log) side by side with
# the mpmath anchor (spectrum + p* + f*) for K = 50, 200, 1000, 8142; prints a Markdown table.
# Usage: scripts/bench-scale-table.sh [--runs 3] [--cap 600] [--only 50,200] [--jar] [--java-opts OPTS]   (builds target/ncverify.jar if missing)
# The logic is in scripts/bench-scale-table.py; scripts/bench-scale.sh is the older one-run RSS variant.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${NCVERIFY_JAR:-$here/target/ncverify.jar}"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
NCVERIFY_JAR="$jar" exec python3 "$here/scripts/bench-scale-table.py" "$@"
