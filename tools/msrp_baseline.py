#!/usr/bin/env python3
"""Word-overlap baseline for the sentence-pair link set (msrp-train in ../shared/eval), to compare
claimex's links with. Not a test: the shared data is evaluation material only.

usage: tools/msrp_baseline.py [--shared DIR] [--set NAME] [--export FILE]

The baseline links two sentences when the Jaccard overlap of their lower-cased word sets is at
least a threshold; it prints precision and recall over the labelled pairs (same / different, as
the scorer counts links: pairs judged neither way are ignored) for a range of thresholds, the
best-F1 threshold, and, with --export (a `claimex export` of the set), claimex's own precision and
recall (and per link kind) with the baseline's precision at claimex's recall and its recall at
claimex's precision.
"""
import argparse
import json
import os
import re
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def words(text):
    return set(re.findall(r"\w+", text.lower()))


def pr(tp, fp, npos):
    return (tp / (tp + fp) if tp + fp else float("nan")), tp / npos


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("CLAIMEX_SHARED", "../shared"))
    ap.add_argument("--set", default="msrp-train")
    ap.add_argument("--export", help="claimex export of the set (JSON Lines with link records)")
    args = ap.parse_args()
    gold = os.path.join(args.shared, "eval", "gold", args.set)
    feed = os.path.join(args.shared, "eval", "docs", args.set + ".jsonl")
    if not os.path.exists(feed):
        print(f"msrp_baseline: {feed} not found; skipping")
        return 0
    docs = {d["id"]: d["body"] for d in load(feed)}
    pos = {frozenset((c["members"][0]["doc"], c["members"][1]["doc"]))
           for c in load(os.path.join(gold, "links.jsonl"))
           if not c["optional"] and len(c["members"]) == 2}
    neg = {frozenset((t["a"]["doc"], t["b"]["doc"])) for t in load(os.path.join(gold, "traps.jsonl"))}
    overlap = {p: (lambda a, b: len(a & b) / len(a | b))(*(words(docs[d]) for d in p))
               for p in pos | neg}
    curve = []
    print(f"{args.set}: {len(pos)} same pairs, {len(neg)} different pairs")
    print("word-overlap baseline (Jaccard >= t):")
    for t in [x / 20 for x in range(4, 17)]:
        tp = sum(overlap[p] >= t for p in pos)
        fp = sum(overlap[p] >= t for p in neg)
        p, r = pr(tp, fp, len(pos))
        f1 = 2 * p * r / (p + r) if p + r else 0
        curve.append((t, p, r, f1))
        print(f"  t={t:.2f}  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    best = max(curve, key=lambda c: c[3])
    print(f"  best F1: t={best[0]:.2f} precision {best[1]:.3f} recall {best[2]:.3f} F1 {best[3]:.3f}")
    if args.export:
        linked, kinds = set(), {}
        for rec in load(args.export):
            if rec.get("type") == "link":
                pair = frozenset((rec["a"]["article"], rec["b"]["article"]))
                linked.add(pair)
                kinds.setdefault(pair, set()).add(rec["kind"])
        tp, fp = len(linked & pos), len(linked & neg)
        p, r = pr(tp, fp, len(pos))
        print(f"claimex: precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r):.3f}")
        # By kind: judged pairs with a link of that kind (a pair can have more than one).
        for kind in ("verbatim", "quote", "near", "figure"):
            right = sum(1 for q in pos if kind in kinds.get(q, ()))
            wrong = sum(1 for q in neg if kind in kinds.get(q, ()))
            if right + wrong:
                print(f"  {kind:8} links: {right} same pairs, {wrong} different pairs "
                      f"(precision {right / (right + wrong):.3f})")
        # The baseline at claimex's operating point, from the fine-grained curve.
        fine = []
        for t in sorted(set(overlap.values())):
            tp_b = sum(overlap[q] >= t for q in pos)
            fp_b = sum(overlap[q] >= t for q in neg)
            fine.append(pr(tp_b, fp_b, len(pos)))
        at_r = max((bp for bp, br in fine if br >= r), default=float("nan"))
        at_p = max((br for bp, br in fine if bp >= p), default=0.0)
        print(f"baseline precision at claimex's recall: {at_r:.3f}; "
              f"baseline recall at claimex's precision: {at_p:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
