"""Side by side: the figures of several tmux_bench.py runs (their JSON files), e.g. before/after.

    python tests/bench/compare_runs.py tests/bench/out/tmux_bench-100000-A.json tests/bench/out/tmux_bench-100000-B.json

One column per run (value, and the ratio to that run's own floor or peer), the load average of
each run in the header. Rows missing from a run (a section skipped) are left empty.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tmux_bench import table_rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path, help="JSON files written by tmux_bench.py")
    args = ap.parse_args(argv)
    columns, order, targets = [], [], {}
    heads = []
    for path in args.runs:
        res = json.loads(path.read_text())
        info = res.get("info", {})
        heads.append(f"{info.get('date', path.stem)[5:16]} {info.get('commit', '')[:7]} "
                     f"load {info.get('load_start', ['?'])[0]}→{info.get('load_end', ['?'])[0]}")
        col = {}
        for measure, value, _peer, ratio, target in table_rows(res, int(info.get("size", 0))):
            if measure not in targets:
                order.append(measure)
            mark = target[-1] if target.endswith(("✔", "✘")) else ""
            targets[measure] = target.rstrip("✔✘ ")
            col[measure] = value + (f" = {ratio}" if ratio else "") + (f" {mark}" if mark else "")
        columns.append(col)
    print("| measure | " + " | ".join(heads) + " | target |")
    print("|---|" + "---|" * len(heads) + "---|")
    for m in order:
        print(f"| {m} | " + " | ".join(c.get(m, "") for c in columns) + f" | {targets[m]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
