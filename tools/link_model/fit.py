#!/usr/bin/env python3
"""Fits the linker's near model (patterns/link_near_model.txt, db/link_match.h: NearModel) on
labelled sentence pairs: the MSRP training pairs in ../shared/eval (evaluation material: it is
read here, never copied into the project; only the fitted weights are).

usage: tools/link_model/fit.py [--shared DIR] [--build DIR] [--write]

Builds claimex_link_features in the build dir (default build/), which computes each pair's
features with the linker's own code, fits a logistic regression (plain Python, standardized
features, L2 1e-3, gradient descent), reports 5-fold cross-validated precision at fixed recall
levels next to the word-overlap baseline (tools/msrp_baseline.py's Jaccard), and with --write
rewrites patterns/link_near_model.txt with the weights fitted on all pairs. Skips cleanly when
the shared data is absent.
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def labelled_pairs(shared, name):
    docs = {d["id"]: d["body"] for d in load(os.path.join(shared, "eval", "docs", name + ".jsonl"))}
    gold = os.path.join(shared, "eval", "gold", name)
    pairs = [(1, c["members"][0]["doc"], c["members"][1]["doc"])
             for c in load(os.path.join(gold, "links.jsonl"))
             if not c["optional"] and len(c["members"]) == 2]
    pairs += [(0, t["a"]["doc"], t["b"]["doc"]) for t in load(os.path.join(gold, "traps.jsonl"))]
    return docs, pairs


def features(build, docs, pairs):
    exe = os.path.join(build, "claimex_link_features")
    subprocess.run(["cmake", "--build", build, "--target", "claimex_link_features"], check=True,
                   stdout=subprocess.DEVNULL)
    clean = lambda s: re.sub(r"[\t\n\r]", " ", s)
    text = "".join(f"{y}\t{clean(docs[a])}\t{clean(docs[b])}\n" for y, a, b in pairs)
    out = subprocess.run([exe], input=text, capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    names = lines[0].split("\t")[1:]
    rows = [[float(x) for x in line.split("\t")] for line in lines[1:]]
    return names, [r[1:] for r in rows], [int(r[0]) for r in rows]


def standardize(xs):
    n = len(xs[0])
    mu = [sum(x[i] for x in xs) / len(xs) for i in range(n)]
    sd = [max(1e-9, math.sqrt(sum((x[i] - mu[i]) ** 2 for x in xs) / len(xs))) for i in range(n)]
    return mu, sd


def fit(xs, ys, mu, sd, iterations=400, rate=0.5, l2=1e-3):
    """Logistic regression on standardized features; returns (bias, weights) on raw features."""
    n = len(mu)
    zs = [[(x[i] - mu[i]) / sd[i] for i in range(n)] for x in xs]
    w, b = [0.0] * n, 0.0
    for _ in range(iterations):
        gw, gb = [0.0] * n, 0.0
        for z, y in zip(zs, ys):
            p = 1 / (1 + math.exp(-(b + sum(wi * zi for wi, zi in zip(w, z)))))
            gb += p - y
            for i in range(n):
                gw[i] += (p - y) * z[i]
        b -= rate * gb / len(zs)
        w = [wi - rate * (g / len(zs) + l2 * wi) for wi, g in zip(w, gw)]
    raw = [w[i] / sd[i] for i in range(n)]
    return b - sum(raw[i] * mu[i] for i in range(n)), raw


def prob(bias, weights, x):
    return 1 / (1 + math.exp(-(bias + sum(w * v for w, v in zip(weights, x)))))


def precision_at(scores, ys, recall):
    npos = sum(ys)
    tp = fp = 0
    best = 0.0
    for s, y in sorted(zip(scores, ys), key=lambda t: -t[0]):
        tp += y
        fp += 1 - y
        if tp / npos >= recall:
            best = max(best, tp / (tp + fp))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("CLAIMEX_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--set", default="msrp-train")
    ap.add_argument("--features", help="comma-separated features to fit (the others weigh 0; "
                    "default: all)")
    ap.add_argument("--write", action="store_true", help="rewrite patterns/link_near_model.txt")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.shared, "eval", "docs", args.set + ".jsonl")):
        print(f"fit: {args.set} not found under {args.shared}; skipping")
        return 0
    docs, pairs = labelled_pairs(args.shared, args.set)
    names, xs, ys = features(args.build, docs, pairs)
    all_names = names
    if args.features:
        keep = [names.index(n) for n in args.features.split(",")]
        names, xs = [names[i] for i in keep], [[x[i] for i in keep] for x in xs]
    mu, sd = standardize(xs)
    # Cross-validated scores, then the word-overlap baseline on the same pairs.
    order = list(range(len(xs)))
    random.Random(0).shuffle(order)
    cv = [0.0] * len(xs)
    for k in range(5):
        test = set(order[k::5])
        train = [i for i in order if i not in test]
        b, w = fit([xs[i] for i in train], [ys[i] for i in train], mu, sd)
        for i in test:
            cv[i] = prob(b, w, xs[i])
    words = lambda t: set(re.findall(r"\w+", t.lower()))
    base = [len(words(docs[a]) & words(docs[b])) / max(1, len(words(docs[a]) | words(docs[b])))
            for _, a, b in pairs]
    print(f"{args.set}: {sum(ys)} same pairs, {len(ys) - sum(ys)} different pairs")
    print("precision at recall   model (5-fold)   word overlap")
    for r in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        print(f"  {r:.2f}                  {precision_at(cv, ys, r):.3f}            "
              f"{precision_at(base, ys, r):.3f}")
    for t in (0.4, 0.5, 0.6, 0.7):
        tp = sum(1 for p, y in zip(cv, ys) if p >= t and y)
        fp = sum(1 for p, y in zip(cv, ys) if p >= t and not y)
        print(f"  p >= {t:.1f}: precision {tp / max(1, tp + fp):.3f} recall {tp / sum(ys):.3f}")
    bias, weights = fit(xs, ys, mu, sd)
    weights = [weights[names.index(n)] if n in names else 0.0 for n in all_names]
    names = all_names
    if not args.write:
        print("weights (not written; --write):", f"bias {bias:.4f}",
              " ".join(f"{n} {w:.4f}" for n, w in zip(names, weights)))
        return 0
    path = os.path.join(ROOT, "patterns", "link_near_model.txt")
    with open(path, encoding="utf-8") as f:
        header = [line for line in f if line.startswith("#")]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(header)
        f.write(f"bias                  {bias:.4f}\n")
        for n, w in zip(names, weights):
            f.write(f"{n:<22}{w:.4f}\n")
    print(f"fit: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
