#!/usr/bin/env python3
"""How many of the recycled Senate press releases in ../shared/corpus/senate_duplicates/ claimex
links: ingests every article named there (from senate_press_releases.jsonl) into a fresh database
and counts the listed pairs that have at least one link between them, by link kind and by how
much of the text the pair shares (containment of word 6-grams, from the table). Not a test: the
shared data is evaluation material only.

usage: tools/senate_pairs.py [--shared DIR] [--bin build/claimex] [--db PATH] [--keep]
       tools/senate_pairs.py --existing --db PATH   (count in a database that already holds the
                                                     Senate feed, e.g. the whole of it)
"""
import argparse
import collections
import csv
import json
import os
import sqlite3
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("CLAIMEX_SHARED", "../shared"))
    ap.add_argument("--bin", default=os.environ.get("CLAIMEX_BIN", "build/claimex"))
    ap.add_argument("--db", help="database to use (default: a temp file)")
    ap.add_argument("--keep", action="store_true", help="keep the database")
    ap.add_argument("--existing", action="store_true",
                    help="count the pairs in --db as it is (no ingest; the database is kept)")
    args = ap.parse_args()
    dup = os.path.join(args.shared, "corpus", "senate_duplicates")
    feed = os.path.join(args.shared, "corpus", "senate_press_releases.jsonl")
    if not os.path.isdir(dup) or not os.path.exists(feed):
        print(f"senate_pairs: {dup} not found; skipping")
        return 0

    pairs = []  # (a, b, containment, table)
    with open(os.path.join(dup, "cross_senator_near_duplicate_pairs.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            pairs.append((row["id_a"], row["id_b"], float(row["containment_6gram"]), "near"))
    groups = collections.defaultdict(list)
    with open(os.path.join(dup, "cross_senator_identical_groups.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            groups[row["group_id"]].append(row["id"])
    for members in groups.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                pairs.append((members[i], members[j], 1.0, "identical"))
    wanted = {x for p in pairs for x in p[:2]}

    if args.existing:
        if not args.db or not os.path.exists(args.db):
            print("senate_pairs: --existing needs --db PATH of an existing database", file=sys.stderr)
            return 2
        count(args.db, pairs)
        return 0

    tmp = tempfile.mkdtemp(prefix="senate_pairs_")
    sub = os.path.join(tmp, "articles.jsonl")
    with open(feed, encoding="utf-8") as f, open(sub, "w", encoding="utf-8") as out:
        for line in f:
            if json.loads(line)["id"] in wanted:
                out.write(line)
    db = args.db or os.path.join(tmp, "senate.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([args.bin, "ingest", sub, "--db", db], check=False)
    count(db, pairs)
    if args.keep:
        print(f"database kept: {db}")
    else:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        os.remove(sub)
        os.rmdir(tmp) if not args.db else None
    return 0


def count(db, pairs):
    """Prints how many of `pairs` have at least one link in database `db`."""
    con = sqlite3.connect(db)
    kinds = collections.defaultdict(set)
    for a, b, kind in con.execute(
            "SELECT aa.ext_id, ba.ext_id, l.kind FROM links l JOIN articles aa ON aa.id = l.a_article "
            "JOIN articles ba ON ba.id = l.b_article"):
        kinds[frozenset((a, b))].add(kind)
    con.close()

    def report(name, subset):
        linked = [p for p in subset if frozenset(p[:2]) in kinds]
        by_kind = collections.Counter(
            k for p in linked for k in kinds[frozenset(p[:2])])
        print(f"{name}: {len(linked)} of {len(subset)} pairs linked "
              f"({100 * len(linked) / max(1, len(subset)):.1f}%); pairs with a link of each kind: "
              + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))

    near = [p for p in pairs if p[3] == "near"]
    report("near-duplicate pairs (all)", near)
    report("near-duplicate pairs, containment >= 0.9", [p for p in near if p[2] >= 0.9])
    report("near-duplicate pairs, containment < 0.9", [p for p in near if p[2] < 0.9])
    report("identical-window groups (pairs)", [p for p in pairs if p[3] == "identical"])


if __name__ == "__main__":
    sys.exit(main())
