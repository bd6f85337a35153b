"""Alternating warm ``kfin-tui list --json --keyword T`` runs of two (or more) checkouts, with
``rg -l -F T`` in every round: what ``tmux_bench.py --only list`` measures once, repeated and
interleaved, so that a change can be told from the VM's drift (issue 14: ≤ 0.7× rg).

    python tests/bench/ab_keyword.py --archive DIR --cache WARM_CACHE [--rounds 10] [--term T ...] \\
        LABEL=KFIN_TUI_SCRIPT ...

The cache must hold a warm index of the archive (one copy is shared: the warm path writes nothing).
Each run is the whole process, start to exit, stdout to a pipe that is read to the end.
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
from tmux_bench import NO_HIT, company_terms, run_time  # the same measurement as tmux_bench's list section


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=Path, required=True)
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--term", action="append", help=f"terms (default: the first company name in the archive and {NO_HIT})")
    ap.add_argument("variants", nargs="+", help="LABEL=path of a kfin-tui console script")
    args = ap.parse_args()
    rg = shutil.which("rg")
    if rg is None:
        print("rg is not installed", file=sys.stderr)
        return 2
    terms = args.term
    if not terms:
        terms = [company_terms(1)[0], NO_HIT]
    variants = [v.split("=", 1) for v in args.variants]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "kfin-ab-pycache"))
    env["KFIN_TUI_CACHE"] = str(args.cache)
    runs: dict[tuple[str, str], list[float]] = {}
    for term in terms:  # once untimed each: page cache and bytecode warm
        run_time([rg, "-l", "-F", term, str(args.archive)], env)
        for _, script in variants:
            run_time([script, "list", "--json", "--keyword", term, str(args.archive)], env)
    for r in range(args.rounds):
        for term in terms:
            order = [("rg", rg), *variants]
            for label, script in (order if r % 2 == 0 else order[::-1]):
                argv = ([rg, "-l", "-F", term, str(args.archive)] if label == "rg" else
                        [script, "list", "--json", "--keyword", term, str(args.archive)])
                runs.setdefault((label, term), []).append(run_time(argv, env)[0])
        print(f"round {r + 1}: " + "  ".join(f"{lab}/{t[:2]} {ts[-1]:.3f}" for (lab, t), ts in runs.items()), flush=True)
    for term in terms:
        base = statistics.median(runs[("rg", term)])
        for label in ["rg", *(lab for lab, _ in variants)]:
            ts = runs[(label, term)]
            med = statistics.median(ts)
            print(f"{term} {label}: median {med:.3f} s ({min(ts):.3f}–{max(ts):.3f}) = {med / base:.2f}× rg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
