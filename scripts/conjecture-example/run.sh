#!/usr/bin/env bash
# The worked user-conjecture loop (README, "User conjectures"): compile MyConjecture.java against
# target/ncverify.jar, hunt it, and replay the shrunk counterexample with the finding's own line.
# Usage: scripts/conjecture-example/run.sh [PROFILE] [COUNT] [SEED]   (defaults: step 200 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
profile="${1:-step}"; count="${2:-200}"; seed="${3:-1}"
jar="$root/target/ncverify.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package >&2)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

echo "\$ javac -cp target/ncverify.jar -d \$WORK/classes scripts/conjecture-example/MyConjecture.java"
javac -cp "$jar" -d "$work/classes" "$here/MyConjecture.java"

if ! "$root/ncverify" hunt --help 2>&1 | grep -q -- '--profile'; then
  echo "run.sh: this build has no 'ncverify hunt' command (it comes with hunt-engine's HuntCommand)" >&2
  exit 3
fi
echo "\$ ncverify hunt --profile $profile --count $count --seed $seed --digits 30 --claim-class com.example.MyConjecture --classpath \$WORK/classes --journal \$WORK/hunt.jsonl"
status=0
"$root/ncverify" hunt --profile "$profile" --count "$count" --seed "$seed" --digits 30 \
  --claim-class com.example.MyConjecture --classpath "$work/classes" --journal "$work/hunt.jsonl" || status=$?
echo "(hunt exit status $status: 1 = a FALSE_AS_STATED finding)"
[ -s "$work/hunt.jsonl" ] || { echo "run.sh: the hunt wrote no journal" >&2; exit 1; }

# the first finding about the conjecture: original, shrunk and its replay line
replay="$(python3 - "$work/hunt.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    try:
        r = json.loads(line)
    except ValueError:
        continue
    if r.get("type") == "finding" and r.get("claim") == "ABOVE_AVG":
        print("original: %s" % json.dumps(r["original"]), file=sys.stderr)
        print("shrunk:   %s" % json.dumps(r["shrunk"]), file=sys.stderr)
        print("%s, residual %s, tolerance %s" % (r["kind"], r["residual"], r["tolerance"]), file=sys.stderr)
        print(r["replay"])
        break
PY
)"
[ -n "$replay" ] || { echo "run.sh: the hunt recorded no finding about ABOVE_AVG" >&2; exit 1; }
echo "\$ $replay"
eval "\"$root/ncverify\" ${replay#ncverify }" || echo "(replay exit status $?: 1 = the conjecture FAILs)"
