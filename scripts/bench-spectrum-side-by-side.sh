#!/usr/bin/env bash
# The spectrum (values + exact certificate) of the current tree against an older commit, one after
# the other on the same machine and load: CPU seconds of the computing thread, cold and warm.
# usage (from the project directory): scripts/bench-spectrum-side-by-side.sh [old-rev] [K P reps]...
#   default: 722c637 (main before issue 13), cases "200 60 2" and "1000 30 2"
set -euo pipefail
old="${1:-722c637}"; shift || true
cases=("$@"); [ ${#cases[@]} -gt 0 ] || cases=("200 60 2" "1000 30 2")
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/spectrum-old-classes.sh"
spectrum_old_classes scripts/SpectrumCpuTime.java
for c in "${cases[@]}"; do
  echo "== old ($old): $c"; java -Xmx4g -cp "$work/old:$deps:$work/tool" SpectrumCpuTime $c
  echo "== new (working tree): $c"; java -Xmx4g -cp "target/classes:$deps:$work/tool" SpectrumCpuTime $c
done
uptime
