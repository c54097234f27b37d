#!/usr/bin/env python3
"""Would a trainer accept the first suggestion? Sample findings on real replies for raters, and
score their verdicts.

Usage:
  scripts/suggestions.py sample --part tune|held --out DIR [--n 320] [--batches 4] [--hints] [--unrated]
      the first suggestion of findings on JDDC agent turns, each with the reply as it reads
      after the fix, dealt into DIR/batch-K.jsonl for raters (corpus text: keep it out of the
      repository). Every warning and error is taken first, then hints, by a hash of the line,
      up to N. tune: the turns tuned on (the tuning parts of v1 and v3 and the customer-
      labelled turns); held: v2, v4 and the held thirds of v1 and v3, whose cases are never
      shown to the tuner (only the raters read them). --hints: hints only.
      --unrated: only findings (line and rule) with no verdict yet, to complete a part.
  scripts/suggestions.py stale --part tune|held --out DIR [--hints]
      the rated findings whose fix has changed since (same line and rule, another fixed
      reply), as DIR/batch-1.jsonl, for raters to judge again
  scripts/suggestions.py score [--part tune|held|all] [--markdown] [--hints]
      accept rate per rule (of warnings' and errors' fixes, or with --hints of hints') from tests/quality/suggestions.jsonl, against the checker now: a
      verdict counts only while the reply it judged is unchanged (same hash of the fixed reply)

The verdicts (tests/quality/suggestions.jsonl) hold line numbers, rule ids, a hash of the
reply after the fix and the verdict only, never the text (the corpus has no licence). Each line:
{"line": N, "rule": "...", "part": "tune|held", "hash": "...", "verdict": "accept|reject",
 "why": "meaning|promise|wording|place|context|other"}, and "hint": true for a hint's fix. A
finding judged again after its fix changed has a line per fix judged., written by raters who followed
docs/labelling-guide.md's categories and the seeds, and never read the rules.
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
import quality  # noqa: E402

VERDICTS = os.path.join(HERE, "..", "tests", "quality", "suggestions.jsonl")
BIN = os.path.join(HERE, "..", "target", "release", "kefu-coach")


def lines_of(name):
    path = os.path.join(quality.QUALITY, name)
    return [json.loads(l)["line"] for l in open(path, encoding="utf-8") if l.strip()]


def parts():
    """Line numbers of the turns tuned on, and of the held ones."""
    tune, held = set(lines_of("customer-labels.jsonl")), set()
    for name in ("v1", "v3"):
        for n in lines_of(quality.SETS[name][0]):
            (held if quality.heldout(n) else tune).add(n)
    for name in quality.HELD_SETS:
        held.update(lines_of(quality.SETS[name][0]))
    return tune - held, held


def utf16_slice(text, start, end):
    """The characters between two UTF-16 offsets (the finding contract's)."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fixed_reply(draft, finding):
    """The reply after the finding's first suggestion is applied."""
    n16 = len(draft.encode("utf-16-le")) // 2
    return utf16_slice(draft, 0, finding["start"]) + finding["suggestions"][0] + utf16_slice(draft, finding["end"], n16)


def findings(reqs, binary):
    """(request, finding) for each rule's first finding with a suggestion, per turn."""
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reqs)
    run = subprocess.run([binary, "check"], input=stdin.encode(), capture_output=True, check=True)
    by_id = {r["id"]: r for r in reqs}
    for out in run.stdout.decode().splitlines():
        res = json.loads(out)
        seen = set()
        for f in res["findings"]:
            if f["suggestions"] and f["rule"] not in seen:
                seen.add(f["rule"])
                yield by_id[res["id"]], f


def item(r, f):
    """What a rater reads: the conversation, the finding, and the reply after its fix."""
    draft, fix = r["draft"], f["suggestions"][0]
    fixed = fixed_reply(draft, f)
    return {"line": r["id"], "rule": f["rule"], "hash": digest(fixed), "customer": r["customer"], "draft": draft,
            "span": utf16_slice(draft, f["start"], f["end"]), "message": f["message"], "suggestion": fix,
            "fixed": fixed}


def sample(a):
    tune, held = parts()
    chosen_lines = tune if a.part == "tune" else held
    reqs = [r for r in requests() if r["id"] in chosen_lines]
    rated = set()
    if a.unrated:
        verdicts = [json.loads(l) for l in open(VERDICTS, encoding="utf-8") if l.strip()]
        rated = {(v["line"], v["rule"]) for v in verdicts if v["part"] == a.part and bool(v.get("hint")) == a.hints}
    items = []
    for r, f in findings(reqs, a.bin):
        loud = f["severity"] != "hint"
        if (a.hints and loud) or (r["id"], f["rule"]) in rated:
            continue
        key = quality.digest(f"{r['id']}:{f['rule']}", "kefu-suggestions")
        items.append((not loud, key, item(r, f)))
    items.sort(key=lambda t: (t[0], t[1]))
    chosen = [it for _, _, it in items[: a.n]]
    write(a, chosen)
    print(f"{len(items)} findings with a suggestion on {len(reqs)} turns; {len(chosen)} sampled "
          f"({sum(1 for l, _, _ in items[: a.n] if not l)} warnings or errors)")
    return 0


def stale(a):
    verdicts = [json.loads(l) for l in open(VERDICTS, encoding="utf-8") if l.strip()]
    verdicts = [v for v in verdicts if bool(v.get("hint")) == a.hints]
    rated = {(v["line"], v["rule"]): set() for v in verdicts if v["part"] == a.part}
    for v in verdicts:
        if (v["line"], v["rule"]) in rated:
            rated[(v["line"], v["rule"])].add(v["hash"])
    reqs = [r for r in requests() if r["id"] in {line for line, _ in rated}]
    changed = [item(r, f) for r, f in findings(reqs, a.bin)
               if (r["id"], f["rule"]) in rated and digest(fixed_reply(r["draft"], f)) not in rated[(r["id"], f["rule"])]]
    a.batches = 1
    write(a, changed)
    return 0


def write(a, chosen):
    os.makedirs(a.out, exist_ok=True)
    for k in range(a.batches):
        part = chosen[k :: a.batches]
        with open(os.path.join(a.out, f"batch-{k + 1}.jsonl"), "w", encoding="utf-8") as f:
            for it in part:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(f"{a.out}/batch-{k + 1}.jsonl: {len(part)} suggestions")


def score(a):
    verdicts = [json.loads(l) for l in open(VERDICTS, encoding="utf-8") if l.strip()]
    if a.part != "all":
        verdicts = [v for v in verdicts if v["part"] == a.part]
    lines = {v["line"] for v in verdicts}
    reqs = [r for r in requests() if r["id"] in lines]
    now = {(r["id"], f["rule"]): digest(fixed_reply(r["draft"], f)) for r, f in findings(reqs, a.bin)}
    n, ok, why = Counter(), Counter(), Counter()
    verdicts = [v for v in verdicts if bool(v.get("hint")) == a.hints]
    # Per finding, the latest verdict on the fix it gives now; a finding whose fix changed
    # since its last rating (or that is gone, or offers no fix now) has none.
    latest = {}
    for v in verdicts:
        if now.get((v["line"], v["rule"])) == v["hash"]:
            latest[(v["line"], v["rule"])] = v
    findings_rated = {(v["line"], v["rule"]) for v in verdicts}
    stale = len(findings_rated) - len(latest)
    for v in latest.values():
        n[v["rule"]] += 1
        ok[v["rule"]] += v["verdict"] == "accept"
        if v["verdict"] != "accept":
            why[v["why"]] += 1
    total, accepted = sum(n.values()), sum(ok.values())
    if a.markdown:
        print("| rule | accepted |")
        print("|---|---|")
        for rule in sorted(n):
            print(f"| {rule} | {ok[rule]}/{n[rule]} |")
    else:
        for rule in sorted(n):
            print(f"{rule:40s} {ok[rule]:3d}/{n[rule]:<3d}")
    print(f"findings={len(findings_rated)} rated_as_now={total} accepted={accepted} "
          f"({100 * accepted / max(1, total):.1f}%) changed_or_gone={stale} rejected_why={dict(why)}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--part", choices=["tune", "held"], required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--n", type=int, default=320)
    s.add_argument("--batches", type=int, default=4)
    s.add_argument("--hints", action="store_true", help="hints only")
    s.add_argument("--unrated", action="store_true", help="only findings no verdict judged yet (any fix)")
    t = sub.add_parser("stale")
    t.add_argument("--part", choices=["tune", "held"], required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--hints", action="store_true", help="the hints' fixes")
    c = sub.add_parser("score")
    c.add_argument("--part", choices=["tune", "held", "all"], default="all")
    c.add_argument("--markdown", action="store_true")
    c.add_argument("--hints", action="store_true", help="the verdicts on hints' fixes")
    for p in (s, t, c):
        p.add_argument("--bin", default=BIN)
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        print(f"skipped: {CORPUS} not found")
        return 0
    return {"sample": sample, "stale": stale, "score": score}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
