"""CPU time of the core keyword search (``Library.search``) on a warm index, without the UI.

    KFIN_TUI_CACHE=/work/cache-X python tests/bench/search_cpu.py /work/bench-100k [--terms 40]

Terms: the index's most frequent company names (4 characters, ~5 % of the articles each, as the
tmux bench types), their 1-, 2- and 3-character prefixes, and 5-character pieces cut from stored
texts. Per length: p50 / p95 / max of ``time.process_time()`` around ``search`` (and around
``select``, which adds the row filter), measured right after the warm load (the first search) and
settled. Also the hit counts, so that two checkouts can be compared on the same answers."""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p * (len(xs) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("archive", type=Path)
    ap.add_argument("--terms", type=int, default=40)
    args = ap.parse_args()
    from kfin_tui.filters import Filters
    from kfin_tui.index import Library
    from kfin_tui.index.store import unpack

    t0 = time.process_time()
    lib = Library(args.archive).load_all()
    load = time.process_time() - t0
    db = sqlite3.connect(f"file:{lib.index_path}?mode=ro", uri=True)
    names = [n for (n,) in db.execute("SELECT n.name FROM company c JOIN cname n ON n.nid=c.nid GROUP BY c.nid"
                                      " ORDER BY sum(length(c.ids)) DESC LIMIT 400") if len(n) == 4][:args.terms]
    r = random.Random(7)
    ids = r.sample([i for (i,) in db.execute("SELECT id FROM texts ORDER BY id")], args.terms)
    five = []
    for i in ids:
        t = unpack(db.execute("SELECT tp FROM texts WHERE id=?", (i,)).fetchone()[0]).replace("\n", "")
        k = r.randrange(0, max(1, len(t) - 5))
        if t[k:k + 5].strip() == t[k:k + 5]:
            five.append(t[k:k + 5])
    db.close()
    first = names[0]
    t0 = time.process_time()
    n_first = len(lib.search(first) or ())
    first_cpu = time.process_time() - t0
    print(f"warm load {load:.2f} s CPU; first search {first!r}: {first_cpu * 1e3:.1f} ms, {n_first} hits")
    groups = {f"{n} chars": [t[:n] for t in names] for n in (1, 2, 3, 4)}
    groups["5 chars (text)"] = five
    groups["2 terms"] = [f"{a} {b[:2]}" for a, b in zip(names, names[1:] + names[:1])]
    for label, terms in groups.items():
        cpu, sel, hits = [], [], []
        for t in terms:
            t0 = time.process_time()
            found = lib.search(t)
            cpu.append(time.process_time() - t0)
            hits.append(len(found or ()))
            t0 = time.process_time()
            lib.select(Filters(keyword=t))
            sel.append(time.process_time() - t0)
        print(f"{label:16s} n={len(terms):3d} search p50 {pct(cpu, .5) * 1e3:6.1f} p95 {pct(cpu, .95) * 1e3:6.1f} "
              f"max {max(cpu) * 1e3:6.1f} ms | select p50 {pct(sel, .5) * 1e3:6.1f} p95 {pct(sel, .95) * 1e3:6.1f} ms "
              f"| hits median {statistics.median(hits):.0f} sum {sum(hits)}")
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
