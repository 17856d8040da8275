#!/usr/bin/env python3
"""Word-level precision/recall of the article text claimex keeps from web pages.

Runs `claimex extract --with-body` on the raw pages of ../shared/corpus/html/html/
(<sha256>.html.gz), takes each article's body (what every span points into; a claimex without
--with-body is run as `claimex ingest` into a temporary database and the bodies are read back from
it) and compares it word by word with the gold text in ../shared/corpus/html/ground-truth.json:

  precision = shared words / words kept,  recall = shared words / gold words

where words are lower-cased \\w+ runs and "shared" counts a word as often as it occurs in both
(multiset intersection). Prints micro averages (over all words), macro averages (mean of the
pages' scores) and, with --worst N, the N pages with the lowest F1. A page claimex rejects counts
as an empty body. Evaluation material only: nothing from ../shared goes into the project.

Skips cleanly (exit 0) when ../shared is absent.

Usage: tools/eval_html.py [--bin build/claimex] [--shared ../shared] [--worst 10]
                          [--bodies FILE.jsonl]   (score {"id","body"} lines instead of running)
"""
import argparse
import collections
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return collections.Counter(w.lower() for w in WORD.findall(text or ""))


def bodies_from_claimex(binary, pages_dir):
    run = subprocess.run([binary, "extract", "--with-body", pages_dir],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if "--with-body" not in run.stderr:  # an option this claimex does not know
        rejected = [l for l in run.stderr.splitlines() if "rejected" in l]
        out = {}
        for line in run.stdout.splitlines():
            j = json.loads(line)
            if j.get("type") == "article" and "body" in j:
                out[j["article"]] = j["body"]
        if out or not run.stdout:
            return out, rejected
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "html.db")
        run = subprocess.run([binary, "ingest", pages_dir, "--db", db],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        rejected = [l for l in run.stderr.splitlines() if "rejected" in l]
        con = sqlite3.connect(db)
        out = {row[0]: row[1] for row in con.execute("SELECT id, body FROM articles")}
        con.close()
        return out, rejected


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.environ.get("CLAIMEX_BIN", os.path.join(root, "build", "claimex")))
    ap.add_argument("--shared", default=os.environ.get("CLAIMEX_SHARED", os.path.join(root, "..", "shared")))
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--bodies")
    args = ap.parse_args()

    html_dir = os.path.join(args.shared, "corpus", "html")
    truth_path = os.path.join(html_dir, "ground-truth.json")
    if not os.path.isfile(truth_path):
        print(f"eval_html: {truth_path} not found; skipping")
        return 0
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)

    rejected = []
    if args.bodies:
        with open(args.bodies, encoding="utf-8") as f:
            got = {}
            for line in f:
                j = json.loads(line)
                if "id" in j:
                    got[j["id"]] = j.get("body", "")
    else:
        if not os.access(args.bin, os.X_OK):
            print(f"eval_html: {args.bin} not built", file=sys.stderr)
            return 2
        got, rejected = bodies_from_claimex(args.bin, os.path.join(html_dir, "html"))

    shared_sum = kept_sum = gold_sum = 0
    per_page = []
    for key, entry in sorted(truth.items()):
        gold = words(entry.get("articleBody", ""))
        kept = words(got.get(key, ""))
        shared = sum((gold & kept).values())
        nk, ng = sum(kept.values()), sum(gold.values())
        shared_sum += shared
        kept_sum += nk
        gold_sum += ng
        p = shared / nk if nk else 0.0
        r = shared / ng if ng else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per_page.append((f1, p, r, key, entry.get("url", "")))

    n = len(per_page)
    micro_p = shared_sum / kept_sum if kept_sum else 0.0
    micro_r = shared_sum / gold_sum if gold_sum else 0.0
    macro_p = sum(x[1] for x in per_page) / n
    macro_r = sum(x[2] for x in per_page) / n
    macro_f = sum(x[0] for x in per_page) / n
    print(f"pages: {n}  with text: {sum(1 for k in truth if got.get(k))}  rejected: {len(rejected)}")
    print(f"micro  precision {micro_p:.3f}  recall {micro_r:.3f}  "
          f"f1 {2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0:.3f}")
    print(f"macro  precision {macro_p:.3f}  recall {macro_r:.3f}  f1 {macro_f:.3f}")
    for f1, p, r, key, url in sorted(per_page)[: args.worst]:
        print(f"  f1 {f1:.2f} p {p:.2f} r {r:.2f}  {key[:12]}  {url[:90]}")
    for line in rejected[:10]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
