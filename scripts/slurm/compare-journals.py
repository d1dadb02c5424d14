#!/usr/bin/env python3
"""Compare two hunt journals (JSONL) of the same hunt, apart from timings and sharding.

    compare-journals.py A.jsonl B.jsonl     # exit 0 equal, 1 different (the first difference on stderr), 2 bad input

Both are reduced to a canonical form before comparing: every "seconds" field dropped at any
depth; the header without its "shard"; the instance records of every "batch" record in index
order (batch boundaries differ between a sharded and an unsharded run); the "finding" records
in index order; "repeat" records dropped (which shard saw a finding first depends on the
sharding; the summary's per-finding counts carry the repeats); the "summary" record with its
findings in key order. A torn or non-JSON line is bad input.
"""
import json
import sys


def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k != "seconds"}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


def canonical(path):
    header, instances, findings, summary = None, [], [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = strip(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit2(f"{path}:{n}: not a JSON line ({e.msg})")
            kind = rec.get("type")
            if kind == "header":
                rec.pop("shard", None)
                header = rec
            elif kind == "batch":
                instances.extend(rec.get("instances", []))
            elif kind == "finding":
                findings.append(rec)
            elif kind == "summary":
                rec["findings"] = sorted(rec.get("findings", []), key=lambda x: json.dumps(x, sort_keys=True))
                summary = rec
            elif kind == "repeat":
                continue
            else:
                raise SystemExit2(f"{path}:{n}: unknown record type {kind!r}")
    if header is None:
        raise SystemExit2(f"{path}: no header record")
    instances.sort(key=lambda x: x.get("index", -1))
    findings.sort(key=lambda x: (x.get("index", -1), json.dumps(x, sort_keys=True)))
    return {"header": header, "instances": instances, "findings": findings, "summary": summary}


class SystemExit2(Exception):
    pass


def first_difference(a, b, where="journal"):
    if type(a) is not type(b):
        return f"{where}: {json.dumps(a)[:200]} != {json.dumps(b)[:200]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}.{k}: present in only one journal"
            d = first_difference(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} entries != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{where}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{where}: {json.dumps(a)[:200]} != {json.dumps(b)[:200]}"


def main(argv):
    if len(argv) != 3:
        print("usage: compare-journals.py A.jsonl B.jsonl", file=sys.stderr)
        return 2
    try:
        a, b = canonical(argv[1]), canonical(argv[2])
    except (SystemExit2, OSError) as e:
        print(f"compare-journals: {e}", file=sys.stderr)
        return 2
    d = first_difference(a, b)
    if d:
        print(f"compare-journals: {argv[1]} and {argv[2]} differ at {d}", file=sys.stderr)
        return 1
    print(f"compare-journals: equal apart from seconds and shard ({len(a['instances'])} instances,"
          f" {len(a['findings'])} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
