"""CPU of the companies-only pass over a fixed sample of an archive, for A/B runs of two checkouts.

    CODE=/path/to/checkout python tests/bench/ab_companies_inprocess.py ARCHIVE N

Loads N files of ARCHIVE (fixed seed) with the checkout's loader, warms the extractor on one, then
prints the process CPU seconds of ``companies_only`` over the N articles. Run it alternately for two
checkouts (fresh processes: each starts with cold caches, as a worker of the index does).
"""
from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, os.environ.get("CODE", str(Path(__file__).resolve().parents[2])))


def main() -> None:
    root, n = sys.argv[1], int(sys.argv[2])
    paths = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs]
    paths.sort()
    random.Random(2).shuffle(paths)
    paths = paths[:n]
    from kfin_tui.articles import load_file
    from kfin_tui.index.companies_pool import companies_of
    from kfin_tui.index.extraction import companies_only

    companies_of([(0, paths[0], root)])  # the extractor loaded and warm
    arts = [a for a in (load_file(Path(p), Path(root))[0] for p in paths) if a is not None]
    t = time.process_time()
    for a in arts:
        companies_only(a)
    print(f"{os.environ.get('CODE', '.')}: companies_only over {len(arts)} files {time.process_time() - t:.2f} s CPU")


if __name__ == "__main__":
    main()
