#!/usr/bin/env python3
"""Run the checker over every agent turn of the JDDC sample and report what fires.

Usage: scripts/corpus_stats.py [--rule PREFIX] [--samples N] [--bin target/release/kefu-coach]

Each agent turn is checked with the customer turn(s) just before it and whether it is the
agent's first reply in the session (platform jd). Prints the share of turns with a warning
or error, counts per rule, and N sample findings per rule (the flagged text in 【】) for a
person to judge. Reads ../shared/corpus; exits 0 with a message where it is absent.
"""
import argparse, json, os, random, subprocess, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "jddc2019_chat_0.1per.tsv")


def requests():
    """Each agent turn as a request: the customer turns just before it, whether it is the
    agent's first reply, and the agent's message before those customer turns (what a
    labeller saw as the previous reply)."""
    session, customer, replied, last = None, [], False, ""
    for n, line in enumerate(open(CORPUS, encoding="utf-8")):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 7:
            continue
        if cols[0] != session:
            session, customer, replied, last = cols[0], [], False, ""
        text = "\t".join(cols[6:])
        if cols[2] == "1":
            yield {"id": n + 1, "draft": text, "customer": " ".join(customer), "first_reply": not replied,
                   "previous_reply": last if customer else "", "platform": "jd"}
            customer, replied, last = [], True, text
        else:
            customer.append(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rule", default="")
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "kefu-coach"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        print(f"skipped: {CORPUS} not found")
        return 0
    reqs = list(requests())
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reqs)
    run = subprocess.run([a.bin, "check"], input=stdin.encode(), capture_output=True, check=True)
    by_id = {r["id"]: r for r in reqs}
    loud_turns, per_rule, hits = 0, Counter(), defaultdict(list)
    for line in run.stdout.decode().splitlines():
        res = json.loads(line)
        req = by_id[res["id"]]
        fs = [f for f in res["findings"] if f["rule"].startswith(a.rule)]
        if any(f["severity"] != "hint" for f in res["findings"]):
            loud_turns += 1
        units = req["draft"].encode("utf-16-le")
        for f in fs:
            per_rule[(f["rule"], f["severity"])] += 1
            flagged = units[2 * f["start"]:2 * f["end"]].decode("utf-16-le", errors="replace")
            before = units[:2 * f["start"]].decode("utf-16-le", errors="replace")[-20:]
            after = units[2 * f["end"]:].decode("utf-16-le", errors="replace")[:20]
            hits[f["rule"]].append(f"{before}【{flagged}】{after}   ⟵ {req['customer'][-30:]}")
    print(f"agent turns: {len(reqs)}; with a warning or error: {loud_turns} ({100 * loud_turns / len(reqs):.1f}%)")
    for (rule, sev), n in per_rule.most_common():
        print(f"{n:6d}  {sev:7s} {rule}")
    rnd = random.Random(a.seed)
    for rule, hs in sorted(hits.items()):
        print(f"\n== {rule} ({len(hs)})")
        for h in rnd.sample(hs, min(a.samples, len(hs))):
            print("   ", h.replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
