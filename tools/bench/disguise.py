#!/usr/bin/env python3
"""Makes a distinct copy of `claimex extract --with-body` output for filling a benchmark store.

Each article gets the id suffix given on the command line and its body ROT13'd: letters rotate,
every other byte stays, so the length and all offsets are unchanged and the copy's records stay
valid, but its sentences are new text — the copy links among itself as the original does and
not, verbatim, to the original. Records other than article/claim/time/quote are dropped.

Usage: disguise.py SUFFIX < contract.jsonl > copy.jsonl
"""
import codecs
import json
import sys


def main() -> None:
    suffix = sys.argv[1]
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("type") not in ("article", "claim", "time", "quote"):
            continue
        r["article"] = r["article"] + suffix
        if r["type"] == "article":
            r["body"] = codecs.encode(r["body"], "rot13")
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        out.write(b"\n")


if __name__ == "__main__":
    main()
