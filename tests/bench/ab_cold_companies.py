"""The cold companies build of two code trees, alternated (the VM's speed drifts by 10-15 s within an hour:
only runs side by side compare).

    python tests/bench/ab_cold_companies.py ROUNDS TREE_A TREE_B [--archive DIR]

Each TREE is a checkout of this repository (``git worktree add /tmp/wt-x <commit>``); every run is
``TREE/tests/bench/bench_companies.py --phase --fresh`` into an empty cache, stopped once the body pass
has written every article's companies (the search index that follows is not waited for). Round r runs
A then B when r is even, B then A when odd. Prints per run: the load phase's wall time, this process's
and the workers' CPU, and when every text and its companies were written.

The companies pass's cost without the VM's drift, in instructions (``valgrind`` counts them whatever
the machine is doing): ``--instructions N`` runs each tree's reading of N archive files with and
without their companies under cachegrind and prints the difference per file.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PY = sys.executable

_READ = """
import random, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from kfin_tui.index.parse import _read_one, _add_companies
from kfin_tui.extract import warm_up
root = Path(sys.argv[4])
paths = sorted(p for p in root.rglob("*") if p.is_file())
random.Random(7).shuffle(paths)
warm_up()
arts = [_read_one(p, root, True) for p in paths[:int(sys.argv[1])]]
if sys.argv[3] == "1":
    for rec, art in arts:
        if art is not None:
            _add_companies(rec, art)
"""


def cold_run(tree: str, archive: str) -> str:
    cache = tempfile.mkdtemp(prefix="ab-cold-")
    try:
        proc = subprocess.Popen([PY, f"{tree}/tests/bench/bench_companies.py", "--phase", "--fresh", "--archive",
                                 archive, "--cache", cache], stdout=subprocess.PIPE, text=True, cwd=tree)
        # (cwd: the tree. Before 9e3d530 the index's workers ran `python -m`, which imports the current
        # folder's kfin_tui first: run from another checkout, both sides timed that checkout's workers)
        out: list[str] = []
        assert proc.stdout is not None
        for line in proc.stdout:
            out.append(line)
            if "ALL COMPANIES KNOWN" in line:
                break
        proc.kill()
        proc.wait()
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    load = next((x for x in out if x.startswith("load (")), "")
    written = next((x.strip() for x in out if "written at" in x), "")
    m = re.search(r"(\d+\.\d) s\s+CPU self\s+([\d.]+).*children\s+([\d.]+)", load)
    if m is None:
        return "no load line: " + "".join(out)[-300:]
    return f"load {m.group(1)} s, CPU self {m.group(2)} s, workers {m.group(3)} s | {written}"


def instructions(tree: str, files: int, archive: str) -> float:
    """Instructions per file of the companies of ``files`` archive files (with minus without)."""
    counts = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "read.py"
        script.write_text(_READ)
        for with_companies in ("0", "1"):
            out = Path(tmp) / f"cg.{with_companies}"
            run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                                  PY, str(script), str(files), tree, with_companies, archive],
                                 capture_output=True, text=True, check=True)
            m = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
            assert m, run.stderr[-500:]
            counts.append(int(m.group(1).replace(",", "")))
    return (counts[1] - counts[0]) / files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("rounds", type=int)
    ap.add_argument("trees", nargs=2)
    ap.add_argument("--archive", default=os.environ.get("KFIN_BENCH_ARCHIVE", "/work/bench-100k"))
    ap.add_argument("--instructions", type=int, default=0, metavar="N",
                    help="instead: instructions per file of the companies of N files (valgrind)")
    args = ap.parse_args()
    if args.instructions:
        for tree in args.trees:
            print(f"{tree}: {instructions(tree, args.instructions, args.archive) / 1e6:.2f}M instructions per file",
                  flush=True)
        return 0
    for r in range(args.rounds):
        for tree in args.trees if r % 2 == 0 else args.trees[::-1]:
            print(f"round {r} {tree}: {cold_run(tree, args.archive)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
