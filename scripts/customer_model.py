#!/usr/bin/env python3
"""The customer reading measured against blind labels, and a learned complaint reading tried
against it.

Usage:
  scripts/customer_model.py sample --out DIR [--n 2000] [--batches 5]
      customer turns of the JDDC sample for labellers (docs/customer-labelling-guide.md),
      none of them one of the 1,200 agent turns of tests/quality/labels.jsonl
  scripts/customer_model.py eval [--part tune|heldout|all] [--show LABEL]
      per label: precision/recall/F1 of the core's reading (src/text/customer.rs); for
      complaints also of a learned head (logistic regression over hashed character n-grams,
      int8 weights, 5-fold cross-validation) alone and added to the words. The head is an
      experiment: at this much data it adds too little to ship (docs/quality.md).

A hash of the line number puts a third of the labels aside (heldout): the phrase reading is
never tuned on it and the head's threshold is chosen on the rest; the head's scores are
out-of-fold everywhere (each turn scored by a head trained without it).
The labels (tests/quality/customer-labels.jsonl) hold line numbers of the corpus and labels
only, never text. The core's reading and the head's features come from
examples/customer_features.rs. Pure Python: no numpy needed.
Reads ../shared/corpus; exits 0 with a message where it is absent.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
sys.path.insert(0, HERE)
from corpus_stats import CORPUS, requests  # noqa: E402
from quality import digest, previous_replies, write_batches  # noqa: E402

LABELS = os.path.join(ROOT, "tests", "quality", "customer-labels.jsonl")
QUALITY = os.path.join(ROOT, "tests", "quality", "labels.jsonl")
BUCKETS = 4096
FOLDS = 5
# Quantised weights below this are set to zero (2.8 KB gzipped instead of 3.6 for 4,096).
PRUNE = 16
# What the phrase reading's fields answer for each label.
PHRASE = {
    "complaint": lambda r: r["complaint"] or r["complaint_mild"],
    "upset": lambda r: r["upset"] or r["urgent"],
    "asks_when": lambda r: r["asks_when"],
    "waiting": lambda r: r["waiting"],
    "done": lambda r: r["closing"] != "none",
}


def sample(a):
    taken = {json.loads(l)["line"] for l in open(QUALITY, encoding="utf-8") if l.strip()}
    reqs = list(requests())
    before = previous_replies(reqs)
    pool = [r for r in reqs if r["id"] not in taken and r["customer"].strip()]
    write_batches(pool, "kefu-customer-sample", a,
                  lambda r: {"line": r["id"], "customer": r["customer"], "before": before[r["id"]]})
    return 0


def read_core(labels):
    """The core's features and phrase reading for every labelled turn."""
    text = {r["id"]: r["customer"] for r in requests()}
    stdin = "".join(json.dumps({"line": l["line"], "customer": text[l["line"]]}, ensure_ascii=False) + "\n"
                    for l in labels)
    build = ["cargo", "build", "--quiet", "--release", "--example", "customer_features"]
    subprocess.run(build, cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "customer_features")
    run = subprocess.run([exe], input=stdin.encode(), capture_output=True, check=True)
    return {r["line"]: r for r in map(json.loads, run.stdout.decode().splitlines())}


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows, ys, epochs=30, l2=1e-4, lr=0.5, seed=7):
    """Logistic regression, binary features, Adagrad, class-balanced."""
    w = [0.0] * BUCKETS
    g2 = [1e-8] * BUCKETS
    b, gb2 = 0.0, 1e-8
    pos = sum(ys)
    wpos = (len(ys) - pos) / max(1, pos)  # balance the classes
    order = list(range(len(rows)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for i in order:
            x, y = rows[i], ys[i]
            p = sigmoid(b + sum(w[j] for j in x))
            g = (p - y) * (wpos if y else 1.0)
            for j in x:
                gj = g + l2 * w[j]
                g2[j] += gj * gj
                w[j] -= lr * gj / math.sqrt(g2[j])
            gb2 += g * g
            b -= lr * g / math.sqrt(gb2)
    return w, b


def quantise(w, b):
    scale = max(1e-9, max(abs(v) for v in w)) / 127
    q = [max(-127, min(127, round(v / scale))) for v in w]
    return [0 if abs(v) < PRUNE else v for v in q], scale, b


def logit(q, scale, b, x):
    return b + scale * sum(q[j] for j in x)


def prf(pred, gold):
    tp = sum(1 for p, g in zip(pred, gold) if p and g)
    fp = sum(1 for p, g in zip(pred, gold) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold) if g and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def fmt(name, m):
    p, r, f, tp, fp, fn = m
    return f"  {name:22s} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})"


def crossval(rows, ys, lines):
    """Out-of-fold logits: each turn scored by a head that never saw it."""
    fold = [digest(l, "kefu-customer-folds") % FOLDS for l in lines]
    out = [0.0] * len(rows)
    for k in range(FOLDS):
        tr = [i for i in range(len(rows)) if fold[i] != k]
        w, b = fit([rows[i] for i in tr], [ys[i] for i in tr])
        q, scale, b = quantise(w, b)
        for i in range(len(rows)):
            if fold[i] == k:
                out[i] = logit(q, scale, b, rows[i])
    return out


def heldout(line):
    return digest(line, "kefu-customer-split") % 3 == 0


def best_threshold(scores, gold, phrase, tune):
    """The threshold where the combined reading (phrases, or the head) has the best F1 on
    the tuning part."""
    best = (0.0, 0.0)
    for t in sorted(set(round(s, 2) for s in scores)):
        pred = [ph or s > t for s, ph, k in zip(scores, phrase, tune) if k]
        f = prf(pred, [g for g, k in zip(gold, tune) if k])[2]
        if f > best[0]:
            best = (f, t)
    return best[1]


def evaluate(a):
    labels = [json.loads(l) for l in open(LABELS, encoding="utf-8") if l.strip()]
    core = read_core(labels)
    text = {r["id"]: r["customer"] for r in requests()} if a.show else {}
    lines = [l["line"] for l in labels]
    rows = [core[n]["features"] for n in lines]
    tune = [not heldout(n) for n in lines]
    keep = [a.part == "all" or (k if a.part == "tune" else not k) for k in tune]
    print(f"{sum(keep)} labelled customer turns ({a.part}; of {len(labels)})")
    for name, read in PHRASE.items():
        gold = [name in l["labels"] for l in labels]
        phrase = [bool(read(core[n])) for n in lines]
        part = lambda xs: [x for x, k in zip(xs, keep) if k]  # noqa: E731
        print(f"{name}: {sum(part(gold))} labelled")
        print(fmt("phrase reading", prf(part(phrase), part(gold))))
        if a.show == name:
            for n, g, p, k in zip(lines, gold, phrase, tune):
                if k and g != p:
                    print(f"    {'MISS ' if g else 'FALSE'} {n}: {text[n][:120]}")
        if name != "complaint":
            continue
        clear = [bool(core[n]["complaint"]) for n in lines]
        print(fmt("clear words only", prf(part(clear), part(gold))))
        scores = crossval(rows, [int(g) for g in gold], lines)
        t = best_threshold(scores, gold, phrase, tune)
        print(fmt("head alone (t=0)", prf(part([s > 0 for s in scores]), part(gold))))
        both = [ph or s > t for s, ph in zip(scores, phrase)]
        print(fmt(f"phrases or head>{t:.2f}", prf(part(both), part(gold))))
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", required=True)
    s.add_argument("--n", type=int, default=2000)
    s.add_argument("--batches", type=int, default=5)
    e = sub.add_parser("eval")
    e.add_argument("--part", choices=["tune", "heldout", "all"], default="tune")
    e.add_argument("--show", default="", help="print the tuning part's misses of this label")
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        print(f"skipped: {CORPUS} not found")
        return 0
    return sample(a) if a.cmd == "sample" else evaluate(a)


if __name__ == "__main__":
    sys.exit(main())
