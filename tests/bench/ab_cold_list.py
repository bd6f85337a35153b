"""Alternating runs of a cold ``kfin-tui list`` for two (or more) checkouts, with the raw-read floor
before each round: what ``tmux_bench.py --only list`` measures once, repeated and interleaved, so that
a change can be told from the VM's drift.

    python tests/bench/ab_cold_list.py --archive DIR [--rounds 6] LABEL=KFIN_TUI_SCRIPT ...

e.g. ``old=/work/wt-old/.venv/bin/kfin-tui new=.venv/bin/kfin-tui``. Each run: a fresh
``KFIN_TUI_CACHE``, stdout a 120×40 pty (line-buffered, as in a terminal), the time until the last
line and the exit; the order of the checkouts alternates round by round. Prints the median and
range of each, and the median as a multiple of the raw read's median.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tmux_bench import raw_read, run_in_pty


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("variants", nargs="+", help="LABEL=path of a kfin-tui console script")
    args = ap.parse_args()
    variants = [v.split("=", 1) for v in args.variants]
    times: dict[str, list[float]] = {label: [] for label, _ in variants}
    raws: list[float] = []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "kfin-ab-pycache"))
    raw_read(args.archive)  # once untimed: the archive in the page cache, as for every run after it
    for r in range(args.rounds):
        raws.append(raw_read(args.archive)[0])
        for label, script in (variants if r % 2 == 0 else variants[::-1]):
            cache = tempfile.mkdtemp(prefix="kfin-ab-cold-")
            try:
                _first, total, lines, rc = run_in_pty([script, "list", str(args.archive)], {**env, "KFIN_TUI_CACHE": cache})
            finally:
                shutil.rmtree(cache, ignore_errors=True)
            if rc != 0:
                print(f"{label}: exit {rc} after {lines} lines", file=sys.stderr)
                return 1
            times[label].append(total)
            print(f"round {r + 1} {label}: {total:.2f} s ({lines:,} lines)", flush=True)
    raw = statistics.median(raws)
    print(f"raw read: median {raw:.2f} s ({min(raws):.2f}–{max(raws):.2f})")
    for label, ts in times.items():
        med = statistics.median(ts)
        print(f"{label}: median {med:.2f} s ({min(ts):.2f}–{max(ts):.2f}) = {med / raw:.2f}× raw read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
