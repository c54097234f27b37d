#!/usr/bin/env python3
"""The blind-labelled real set: sample JDDC agent turns for labelling, and score the checker
against the labels.

Usage:
  scripts/quality.py sample [--set v1|v2|v3|v4|v5|v6] --out DIR [--n 1200] [--batches 5]
      writes DIR/batch-K.jsonl for labellers (corpus text: keep it out of the repository)
  scripts/quality.py fresh fresh|fresh2|...|fresh45 [--half odd|even|all]
      score a fresh labelled draft set (tests/quality/<name>.jsonl) or one half of it; the even
      (held) half prints per-category counts and the summary only, never a case (fresh5,
      fresh7, fresh10, fresh12-16, fresh28, fresh29, fresh32-34, fresh36, fresh37 and fresh39-45 were tuned on whole; fresh6 and fresh8 were scored
      once blind, then tuned on their odd half; fresh24's, fresh26's and fresh31's halves are their writers 1-2 and 3-4;
      fresh9, fresh11, fresh18, fresh21, fresh22, fresh25, fresh27, fresh30, fresh35 and fresh38 are held whole: they never print a
      case)
  scripts/quality.py score [--set v1|v2|v3|v4|v5|v6] [--part tune|heldout|all]
                           [--bin target/release/kefu-coach] [--markdown] [--show CATEGORY]
      per-category precision and recall of the checker against tests/quality/labels.jsonl

The labels (tests/quality/labels.jsonl) hold line numbers of ../shared/corpus/jddc2019_chat_
0.1per.tsv and categories only, never the text (the corpus has no licence). Each line:
{"line": N, "must": [...], "could": [...]}, written by people who followed
docs/labelling-guide.md and never read the rules.

Which turns are held out (never tuned on) is fixed by a hash of the line number: a third.

Scoring, per category:
  precision = warnings/errors of the category on turns labelled `must` or `could` with it,
              over all warnings/errors of the category (a flag a trainer would accept);
  recall    = `must` labels of the category that get any finding of it (hints count),
              over all `must` labels of it.
Also: the share of turns with a warning or error (flag rate) and the share of those flags
that are justified (the category is labelled on the turn).
Reads ../shared/corpus; exits 0 with a message where it is absent.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from corpus_stats import CORPUS, requests  # noqa: E402

QUALITY = os.path.join(HERE, "..", "tests", "quality")
# v1: the first 1,200 turns (a held third inside); v2: 1,000 more, sampled after sessions of
# tuning on v1's other two thirds and never tuned on: neither v1's turns nor the customer
# turns of tests/quality/customer-labels.jsonl are in it; v3: 1,000 more (none of v1's, v2's or
# the customer turns), labelled in session 14, with a held third like v1's; v4: the turns none of
# those took (about 800), labelled in session 15 and held whole like v2; v5: 1,200 of the 2,000
# turns none of v1-v4 took (those of tests/quality/customer-labels.jsonl, whose customer side
# was read while tuning), labelled in session 16 and tuned on whole; v6: the other 800 of them,
# labelled in session 16 and held whole like v2 and v4.
SETS = {"v1": ("labels.jsonl", "kefu-quality-sample", []),
        "v2": ("labels-v2.jsonl", "kefu-quality-sample-v2", ["labels.jsonl", "customer-labels.jsonl"]),
        "v3": ("labels-v3.jsonl", "kefu-quality-sample-v3", ["labels.jsonl", "labels-v2.jsonl", "customer-labels.jsonl"]),
        "v4": ("labels-v4.jsonl", "kefu-quality-sample-v4",
               ["labels.jsonl", "labels-v2.jsonl", "labels-v3.jsonl", "customer-labels.jsonl"]),
        "v5": ("labels-v5.jsonl", "kefu-quality-sample-v5",
               ["labels.jsonl", "labels-v2.jsonl", "labels-v3.jsonl", "labels-v4.jsonl"]),
        "v6": ("labels-v6.jsonl", "kefu-quality-sample-v6",
               ["labels.jsonl", "labels-v2.jsonl", "labels-v3.jsonl", "labels-v4.jsonl", "labels-v5.jsonl"])}


# Real sets held whole: no part of them is tuned on or shown.
HELD_SETS = {"v2", "v4", "v6"}
# Real sets tuned on whole: all of them is the tuning part.
TUNE_SETS = {"v5"}


def labels_path(name):
    return os.path.join(QUALITY, SETS[name][0])


def digest(line, salt):
    return int(hashlib.sha256(f"{salt}:{line}".encode()).hexdigest(), 16)


def heldout(line):
    return digest(line, "kefu-quality-split") % 3 == 0


def previous_replies(reqs):
    """The agent's previous reply in the same session, per request id (the labeller's context)."""
    previous, last = {}, ""
    for r in reqs:
        previous[r["id"]] = "" if r["first_reply"] else last
        last = r["draft"]
    return previous


def write_batches(pool, salt, a, item):
    """The first `a.n` of `pool` by a salted hash of the line, in line order, dealt into
    `a.batches` files `a.out/batch-K.jsonl` of `item(request)`. (v5 was drawn with Python's
    `random` instead, seeded, and cut into runs: that draw is kept so its batches come back.)"""
    if a.set == "v5":
        import random
        draw = random.Random(55)
        chosen = sorted(draw.sample(pool, a.n), key=lambda r: r["id"])
        draw.shuffle(chosen)
        size = -(-a.n // a.batches)
        parts = [sorted(chosen[k * size:(k + 1) * size], key=lambda r: r["id"]) for k in range(a.batches)]
    else:
        chosen = sorted(pool, key=lambda r: digest(r["id"], salt))[: a.n]
        chosen.sort(key=lambda r: r["id"])
        parts = [chosen[k :: a.batches] for k in range(a.batches)]
    os.makedirs(a.out, exist_ok=True)
    for k, part in enumerate(parts):
        with open(os.path.join(a.out, f"batch-{k + 1}.jsonl"), "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(item(r), ensure_ascii=False) + "\n")
        print(f"{a.out}/batch-{k + 1}.jsonl: {len(part)} turns")


def sample(a):
    _, salt, exclude = SETS[a.set]
    taken = {json.loads(l)["line"] for f in exclude for l in open(os.path.join(QUALITY, f), encoding="utf-8")
             if l.strip()}
    reqs = list(requests())
    previous = previous_replies(reqs)
    pool = [r for r in reqs if r["id"] not in taken]
    write_batches(pool, salt, a, lambda r: {"line": r["id"], "customer": r["customer"], "draft": r["draft"],
                                            "first_reply": r["first_reply"], "before": previous[r["id"]]})
    return 0


def score(a):
    labels = [json.loads(l) for l in open(labels_path(a.set), encoding="utf-8") if l.strip()]
    if a.show and (a.set in HELD_SETS or a.part != "tune"):
        print("held turns (v2, v4, v6, and the held third of v1 and v3) are never shown")
        return 2
    if a.set in TUNE_SETS:  # v5 is all tuning
        labels = labels if a.part != "heldout" else []
    elif a.part != "all" and a.set not in HELD_SETS:  # v2, v4 and v6 are all held out
        labels = [l for l in labels if heldout(l["line"]) == (a.part == "heldout")]
    by_line = {l["line"]: l for l in labels}
    reqs = [r for r in requests() if r["id"] in by_line]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reqs)
    run = subprocess.run([a.bin, "check"], input=stdin.encode(), capture_output=True, check=True)
    loud_n, loud_ok = Counter(), Counter()  # per category: warnings/errors, justified ones
    must_n, must_hit = Counter(), Counter()
    flagged_turns = justified_flags = all_flags = 0
    hinted_turns = learned_hints = learned_ok = 0  # hints: turns with one; the learned ones
    shown = []
    for out in run.stdout.decode().splitlines():
        res = json.loads(out)
        lab = by_line[res["id"]]
        labelled = set(lab["must"]) | set(lab["could"])
        got = {f["category"] for f in res["findings"]}
        loud = [f for f in res["findings"] if f["severity"] != "hint"]
        if loud:
            flagged_turns += 1
        hints = [f for f in res["findings"] if f["severity"] == "hint"]
        hinted_turns += bool(hints)
        for f in hints:
            if f["rule"].endswith(".sounds-like"):
                learned_hints += 1
                learned_ok += f["category"] in labelled
        for f in loud:
            loud_n[f["category"]] += 1
            all_flags += 1
            if f["category"] in labelled:
                loud_ok[f["category"]] += 1
                justified_flags += 1
            elif a.show == f["category"]:
                shown.append(f"FALSE {res['id']}: {f['rule']} {f['message']}")
        for c in lab["must"]:
            must_n[c] += 1
            if c in got:
                must_hit[c] += 1
            elif a.show == c:
                shown.append(f"MISS  {res['id']}")
    n = len(reqs)
    cats = sorted(set(loud_n) | set(must_n))
    rows = []
    for c in cats:
        p = f"{loud_ok[c] / loud_n[c]:.2f} ({loud_ok[c]}/{loud_n[c]})" if loud_n[c] else "–"
        r = f"{must_hit[c] / must_n[c]:.2f} ({must_hit[c]}/{must_n[c]})" if must_n[c] else "–"
        rows.append((c, p, r))
    recall = sum(must_hit.values()) / max(1, sum(must_n.values()))
    macro = [must_hit[c] / must_n[c] for c in must_n if must_n[c]]
    summary = (f"turns={n} flagged={flagged_turns} ({100 * flagged_turns / max(1, n):.1f}%) "
               f"justified={justified_flags}/{all_flags} "
               f"({100 * justified_flags / max(1, all_flags):.1f}%) "
               f"recall={recall:.3f} ({sum(must_hit.values())}/{sum(must_n.values())}) "
               f"macro_recall={sum(macro) / max(1, len(macro)):.3f}\n"
               f"hinted={hinted_turns} ({100 * hinted_turns / max(1, n):.1f}%) "
               f"learned_hints={learned_hints} justified={learned_ok}")
    if a.markdown:
        print("| category | precision (justified/flags) | recall (found/must) |")
        print("|---|---|---|")
        for c, p, r in rows:
            print(f"| {c} | {p} | {r} |")
        print()
        print(summary)
    else:
        for c, p, r in rows:
            print(f"{c:13s} precision {p:16s} recall {r}")
        for s in shown:
            print(s)
        print(summary)
    return 0


FRESH = ["fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42", "fresh43", "fresh44", "fresh45"]
# Held whole: no half of these ever prints a case.
HELD_WHOLE = {"fresh9", "fresh11", "fresh18", "fresh21", "fresh22", "fresh25", "fresh27", "fresh30", "fresh35", "fresh38"}
# Halved by writer, not by id: the odd half is the first two writers' drafts (ids p1…, p2…;
# r1…, r2…), the even half the last two writers' (p3…, p4…; r3…, r4…).
BY_WRITER = {"fresh24", "fresh26", "fresh31"}
SCORE = os.path.join(HERE, "..", "..", "shared", "eval", "score.py")


def fresh(a):
    """A fresh labelled draft set, or one half of it: odd ids are tuned on, even ids only
    scored, so for the even half only the per-category counts and the summary are printed,
    never a case."""
    import re
    import tempfile
    rows = [json.loads(l) for l in open(os.path.join(QUALITY, f"{a.name}.jsonl"), encoding="utf-8") if l.strip()]
    if a.half != "all" and a.name in BY_WRITER:
        rows = [r for r in rows if (r["id"][1] in "12") == (a.half == "odd")]
    elif a.half != "all":
        rows = [r for r in rows if int(re.sub(r"\D", "", r["id"])) % 2 == (1 if a.half == "odd" else 0)]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    try:
        run = subprocess.run([sys.executable, SCORE, f.name, "--", a.bin, "check"], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    for line in run.stdout.splitlines():
        shown = (a.half == "odd" and a.name not in HELD_WHOLE) or re.match(r"^[a-z-]+ +\d+/\d+|^cases=", line)
        if shown:
            print(line)
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", required=True)
    s.add_argument("--n", type=int, default=1200)
    s.add_argument("--batches", type=int, default=5)
    c = sub.add_parser("score")
    c.add_argument("--part", choices=["tune", "heldout", "all"], default="tune")
    c.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "kefu-coach"))
    c.add_argument("--markdown", action="store_true")
    c.add_argument("--show", default="")
    for p in (s, c):
        p.add_argument("--set", choices=sorted(SETS), default="v1")
    f = sub.add_parser("fresh")
    f.add_argument("name", choices=FRESH)
    f.add_argument("--half", choices=["odd", "even", "all"], default="all")
    f.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "kefu-coach"))
    a = ap.parse_args()
    if a.cmd == "fresh":
        return fresh(a)
    if not os.path.exists(CORPUS):
        print(f"skipped: {CORPUS} not found")
        return 0
    return sample(a) if a.cmd == "sample" else score(a)


if __name__ == "__main__":
    sys.exit(main())
