#!/bin/bash
# Smoke test of a sharded hunt on a one-node Slurm (Debian 12 packages, as root, no systemd):
#
#   scripts/slurm/smoke-test.sh              # the whole loop
#   scripts/slurm/smoke-test.sh --echo-only  # Slurm alone: daemons up, a 4-task array of echo tasks,
#                                            # and the sbatch/merge plumbing with a stand-in for ncverify
#
# 1. installs slurm-wlm and munge when missing and starts munged, slurmctld and slurmd
#    (one-node.sh, the measured recipe of ../shared/recipes/); the daemons are stopped on exit;
# 2. runs a 4-task array job of `echo` tasks and checks the four outputs; runs hunt-array.sbatch
#    (--array=1-7:2) and merge.sh with a stand-in for ncverify that records its arguments;
# 3. builds target/ncverify.jar (when missing or older than the sources), submits a 4-task array hunt (hunt-array.sbatch: shard i/4
#    per task, its own journal), waits, merges (merge.sh), runs the same hunt unsharded, and
#    checks that the merged journal equals the unsharded one apart from "seconds" and the
#    shard field (compare-journals.py).
# Exit status 0 when every step holds, 3 when Slurm could not be installed or started (the
# environment), 1 when any later step fails; prints each step's wall time.
# Options of the hunt: SMOKE_HUNT_OPTS (default: --profile mixed --count 48 --seed 20261202 --digits 30).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=full
case "${1:-}" in
  "") ;;
  --echo-only) mode=echo ;;
  *) echo "usage: smoke-test.sh [--echo-only]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "smoke-test.sh: must run as root (it starts munged, slurmctld and slurmd)" >&2; exit 2; }
# shellcheck source=one-node.sh
source "$here/one-node.sh"
work=$(mktemp -d /tmp/ncverify-slurm.XXXXXX)
chmod 0755 "$work"
trap 'slurm_down' EXIT
start=$(date +%s.%N)
step() { printf '[%6.1f s] %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$*"; }

step "installing slurm-wlm and munge (when missing)"
slurm_install || { echo "smoke-test: could not install slurm-wlm and munge (exit 3: the environment, not ncverify)" >&2; exit 3; }
step "starting munged, slurmctld, slurmd"
slurm_up || { echo "smoke-test: could not start munged, slurmctld and slurmd (exit 3: the environment, not ncverify)" >&2; exit 3; }
sinfo -N -h -o '%N %t %c'

step "array job of 4 echo tasks"
jid=$(sbatch --parsable --array=0-3 -o "$work/echo-%A_%a.out" \
  --wrap 'echo "task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT on $(hostname -s)"')
slurm_wait "$jid" 120
for t in 0 1 2 3; do
  grep -qx "task $t of 4 on $(hostname -s)" "$work/echo-${jid}_$t.out" \
    || { echo "smoke-test: echo task $t wrote: $(cat "$work/echo-${jid}_$t.out" 2>/dev/null)" >&2; exit 1; }
done
step "echo array job $jid: 4 tasks COMPLETED, outputs checked"

# the plumbing of hunt-array.sbatch and merge.sh with a stand-in for ncverify that records its
# arguments: --array=1-7:2 (task ids 1, 3, 5, 7) must still give shards 0/4..3/4, one journal each
cat > "$work/fake-ncverify" <<'FAKE'
#!/bin/bash
if [ "$2" = merge ]; then out=$3; shift 3; cat "$@" > "$out"; exit 0; fi
while [ $# -gt 0 ]; do case "$1" in --journal|--resume) j=$2 ;; esac; all="$all $1"; shift; done
echo "args:$all" >> "$j"
FAKE
chmod +x "$work/fake-ncverify"
jid=$(cd "$root" && NCVERIFY="$work/fake-ncverify" sbatch --parsable --export=ALL --array=1-7:2 -o "$work/plumb-%A_%a.out" \
  "$here/hunt-array.sbatch" "$work/plumb" --profile mixed --count 8 --seed 1)
slurm_wait "$jid" 120
NCVERIFY="$work/fake-ncverify" "$here/merge.sh" "$work/plumb" "$work/plumb-merged.jsonl"
for i in 0 1 2 3; do
  grep -qx "args: hunt --profile mixed --count 8 --seed 1 --shard $i/4 --journal $work/plumb/shard-$i-of-4.jsonl" \
    "$work/plumb/shard-$i-of-4.jsonl" || { echo "smoke-test: shard $i journal: $(cat "$work/plumb/shard-$i-of-4.jsonl")" >&2; exit 1; }
  sed -n "$((i + 1))p" "$work/plumb-merged.jsonl" | grep -q -- "--shard $i/4 " \
    || { echo "smoke-test: merge.sh did not pass the shards in order" >&2; exit 1; }
done
step "sbatch plumbing ($jid, --array=1-7:2): shards 0/4..3/4, one journal each, merged in shard order"
[ "$mode" = echo ] && { step "done (Slurm part only), work files in $work"; exit 0; }

read -r -a opts <<< "${SMOKE_HUNT_OPTS:---profile mixed --count 48 --seed 20261202 --digits 30}"
jar="$root/target/ncverify.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
  step "building target/ncverify.jar"
  (cd "$root" && mvn -B -q -o -DskipTests package >/dev/null) || (cd "$root" && mvn -B -q -DskipTests package >/dev/null)
else
  step "target/ncverify.jar is up to date"
fi
step "array hunt: 4 shards of ${opts[*]}"
cd "$root"
jid=$(sbatch --parsable --array=0-3 -o "$work/hunt-%A_%a.out" "$here/hunt-array.sbatch" "$work/shards" "${opts[@]}")
if ! slurm_wait "$jid" 900; then
  tail -n 20 "$work"/hunt-"$jid"_*.out >&2 || true
  exit 1
fi
step "hunt array job $jid: 4 tasks COMPLETED"
status=0
"$here/merge.sh" "$work/shards" "$work/merged.jsonl" || status=$?
[ "$status" -le 1 ] || { echo "smoke-test: merge exited $status" >&2; exit 1; }
step "merged into $work/merged.jsonl (status $status)"
status=0
java -Xmx1g -jar "$root/target/ncverify.jar" hunt "${opts[@]}" --journal "$work/unsharded.jsonl" >"$work/unsharded.out" 2>&1 || status=$?
[ "$status" -le 1 ] || { echo "smoke-test: the unsharded hunt exited $status:" >&2; tail -n 5 "$work/unsharded.out" >&2; exit 1; }
step "unsharded hunt (status $status)"
python3 "$here/compare-journals.py" "$work/merged.jsonl" "$work/unsharded.jsonl"
step "done: merged journal equals the unsharded run; work files in $work"
