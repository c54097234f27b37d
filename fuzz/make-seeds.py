#!/usr/bin/env python3
"""Seeds for the fuzz targets, made at run time: fuzz/make-seeds.py OUT

Copies the hand-written seeds (fuzz/seeds/<target>/) and adds inputs made from the test
fixtures (tests/fixtures/rules/*.jsonl drafts, tests/fixtures/review/* logs) and, when
present, from ../shared/corpus (a few hundred JDDC lines: that corpus has no licence, so
nothing of it is ever written into the repository; OUT is a scratch directory).
Input layouts: fuzz/src/lib.rs (check, check_long), fuzz/fuzz_targets/*.rs.
"""
import hashlib
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = ["check", "check_long", "pack", "review", "check_jsonl"]
SEP = b"\xff"


def put(out, target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def main(out):
    for t in TARGETS:
        os.makedirs(os.path.join(out, t), exist_ok=True)
        src = os.path.join(ROOT, "fuzz", "seeds", t)
        for name in sorted(os.listdir(src)) if os.path.isdir(src) else []:
            shutil.copy(os.path.join(src, name), os.path.join(out, t, name))

    rules = os.path.join(ROOT, "tests", "fixtures", "rules")
    platforms = ["taobao", "jd", "pdd", "douyin", "generic"]
    for i, name in enumerate(sorted(os.listdir(rules))):
        with open(os.path.join(rules, name), encoding="utf-8") as f:
            cases = [json.loads(l) for l in f if l.strip()]
        for j, c in enumerate(cases[:6]):
            draft, customer = c.get("draft", "").encode(), c.get("customer", "").encode()
            p = platforms.index(c["platform"]) if c.get("platform") in platforms else 5
            flags = (p << 3) | (2 if customer else 0) | ((i + j) & 1)
            put(out, "check", bytes([flags]) + draft + SEP + customer)
            if j == 0:
                put(out, "check_long", bytes([flags, 8 + i]) + draft + SEP + customer)
        # check's JSON Lines: the fixture file as it is (extra keys are ignored).
        with open(os.path.join(rules, name), "rb") as f:
            put(out, "check_jsonl", f.read()[:1500])

    review = os.path.join(ROOT, "tests", "fixtures", "review")
    for i, name in enumerate(sorted(os.listdir(review))):
        with open(os.path.join(review, name), "rb") as f:
            log = f.read()[:4000]
        # auto preset and encoding; the whole review on every other one.
        put(out, "review", bytes([0x80 if i % 2 else 0, i]) + log)

    corpus = os.path.join(ROOT, "..", "shared", "corpus", "jddc2019_chat_0.1per.tsv")
    if os.path.isfile(corpus):
        with open(corpus, "rb") as f:
            lines = f.read().split(b"\n")[:3000]
        for k in range(0, len(lines), 100):
            put(out, "review", bytes([0x81, k & 0xFF]) + b"\n".join(lines[k:k + 30]) + b"\n")
        for k, line in enumerate(lines[:2000:10]):
            text = line.split(b"\t")[-1].replace(b"!@@@!", b"\n")
            put(out, "check", bytes([k & 0x3F]) + text)
        print(f"make-seeds: {len(lines[:2000:10])} drafts and {len(range(0, len(lines), 100))} logs from ../shared/corpus")
    else:
        print("make-seeds: ../shared/corpus not found: seeds from fuzz/seeds and tests/fixtures only")
    for t in TARGETS:
        print(f"make-seeds: {t}: {len(os.listdir(os.path.join(out, t)))} seeds")


if __name__ == "__main__":
    main(sys.argv[1])
