#!/bin/bash
#SBATCH --job-name=ncverify-hunt-merge
# Merge the shard journals of one sharded hunt (after hunt-array.sbatch):
#
#   scripts/slurm/merge.sh OUT [MERGED]          # by hand, or as a dependent job:
#   sbatch --dependency=afterok:JOBID -o OUT/merge.log scripts/slurm/merge.sh OUT
#
# runs `ncverify hunt merge MERGED OUT/shard-*-of-M.jsonl` (MERGED defaults to OUT/merged.jsonl).
# Refuses (status 2) when OUT holds journals of different shard counts or a shard is missing;
# `hunt merge` itself refuses journals of different hunts with one line. Its exit status is
# merge's: 0 no FALSE_AS_STATED finding, 1 some, 2 bad input.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: merge.sh OUT [MERGED]" >&2
  exit 2
fi
out=$1
merged=${2:-$out/merged.jsonl}
root=${SLURM_SUBMIT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
if [ -n "${NCVERIFY:-}" ]; then
  read -r -a run <<< "$NCVERIFY"
else
  run=("$root/ncverify")
fi
shopt -s nullglob
files=("$out"/shard-*-of-*.jsonl)
if [ ${#files[@]} -eq 0 ]; then
  echo "merge.sh: no shard journals (shard-I-of-M.jsonl) in $out" >&2
  exit 2
fi
counts=$(printf '%s\n' "${files[@]}" | sed -E 's/.*-of-([0-9]+)\.jsonl$/\1/' | sort -u)
if [ "$(printf '%s\n' "$counts" | wc -l)" -ne 1 ]; then
  echo "merge.sh: $out holds journals of different shard counts ($(echo $counts)): one hunt per directory" >&2
  exit 2
fi
m=$counts
ordered=()
for ((i = 0; i < m; i++)); do
  f="$out/shard-$i-of-$m.jsonl"
  [ -s "$f" ] || { echo "merge.sh: shard $i of $m is missing or empty ($f)" >&2; exit 2; }
  ordered+=("$f")
done
exec "${run[@]}" hunt merge "$merged" "${ordered[@]}"
