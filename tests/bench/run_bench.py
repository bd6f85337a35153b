"""Scale benchmark of the index: cold build, warm start, search latency, ``list`` vs ripgrep, UI paint.

    python tests/bench/make_archive.py /tmp/kfin-100k 100000
    python tests/bench/run_bench.py /tmp/kfin-10k /tmp/kfin-100k [--skip-ui] [--skip-extract]

Every measurement that touches the index runs in a fresh subprocess with its own cache folder
(KFIN_TUI_CACHE), so import time and peak RSS are those of a real start. Figures are printed as a
Markdown table per archive. The machine may be shared: run twice and keep the better run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PY = sys.executable
HERE = Path(__file__).resolve().parent
KFIN = [PY, "-m", "kfin_tui"]
# the console script, as a user runs it (python -m adds runpy); falls back to -m
_SCRIPT = Path(PY).with_name("kfin-tui")
KFIN_LIST = ([str(_SCRIPT)] if _SCRIPT.exists() else KFIN) + ["list"]


def _snippet(code: str, env: dict, timeout: float = 1800) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    head = ("import time, resource, json, sys\nT0 = time.perf_counter()\n"
            "def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n")
    out = subprocess.run([PY, "-X", "faulthandler", "-c", head + code], env=env, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"exit {out.returncode}\n{out.stdout[-1500:]}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


COLD = """
from kfin_tui.index import Library
lib = Library(sys.argv[1] if len(sys.argv) > 1 else ROOT)
first = None; n = 0; rows_done = None
for batch in lib.load():  # the metadata pass: every row listed
    n += len(batch)
    if batch:
        rows_done = time.perf_counter() - T0
    if first is None and batch:
        first = time.perf_counter() - T0
rows = len(lib.rows)
for _ in lib.complete():  # the body pass: texts for search, tickers
    pass
bodies = time.perf_counter() - T0
lib.wait_index()  # the FTS build runs in the background after the bodies
total = time.perf_counter() - T0
print(json.dumps({"first": first, "rows_done": rows_done, "bodies": bodies, "total": total, "rows": rows,
                  "issues": len(lib.issues), "indexed": lib.indexed, "rss": rss()}))
"""

WARM = """
from kfin_tui.index import Library
lib = Library(ROOT)
it = lib.load()
first_batch = next(it, [])
first = time.perf_counter() - T0
for _ in it:
    pass
total = time.perf_counter() - T0
print(json.dumps({"first": first, "first_rows": len(first_batch), "total": total, "rows": len(lib.rows), "rss": rss()}))
"""

SEARCH = """
import random, statistics
from kfin_tui.index import Library
from kfin_tui.index.search import normalise
lib = Library(ROOT).load_all()
r = random.Random(5)
sample = r.sample(lib.rows, min(60, len(lib.rows)))
texts = []
for row in sample:
    a = lib.article(row.id)
    texts.append(normalise(a.title + a.body_text))
res = {}
for n in (1, 2, 4):
    lat = []; hits = []
    for t in texts[:40]:
        t = "".join(ch for ch in t if not ch.isspace())
        if len(t) < n: continue
        i = r.randrange(0, len(t) - n + 1)
        term = t[i:i + n]
        s = time.perf_counter(); got = lib.search(term); lat.append((time.perf_counter() - s) * 1000)
        hits.append(len(got))
    lat.sort()
    res[n] = {"p50": statistics.median(lat), "p95": lat[int(0.95 * (len(lat) - 1))], "max": lat[-1],
              "hits_median": statistics.median(hits), "n": len(lat)}
# a multi-term query
s = time.perf_counter(); lib.search("公司 增长 ai"); res["multi"] = (time.perf_counter() - s) * 1000
res["rss"] = rss()
print(json.dumps(res))
"""

UI = """
import asyncio
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.widgets.article_list import ArticleList
async def main():
    app = KfinApp(ROOT)
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            view = app.query_one(ArticleList)
            if len(view.rows) > 0:
                break
            await pilot.pause(0.005)
        t = time.perf_counter() - T0
        n = len(view.rows)
        app.exit(0)
    return t, n
t, n = asyncio.run(main())
print(json.dumps({"paint": t, "rows": n, "rss": rss()}))
"""

BARE = """
import asyncio
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0)
        t = time.perf_counter() - T0
        app.exit(0)
    return t
print(json.dumps({"paint": asyncio.run(main())}))
"""

RAW = """
import os
from kfin_tui.index.walk import walk
n = b = 0
for p, _, _ in walk(ROOT):
    with open(p, "rb") as fh:
        b += len(fh.read())
    n += 1
print(json.dumps({"seconds": time.perf_counter() - T0, "files": n, "bytes": b}))
"""


def code_for(template: str, root: Path) -> str:
    return f"ROOT = {str(root)!r}\n" + template


def timed_run(cmd: list[str], env: dict, runs: int = 3) -> tuple[float, str]:
    best, out = float("inf"), ""
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, env=env, capture_output=True, text=True)
        dt = time.perf_counter() - t
        if dt < best:
            best, out = dt, p.stdout
    return best, out


def bench_archive(root: Path, args) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    cache = Path(tempfile.mkdtemp(prefix="kfin-bench-cache-"))
    env = {**os.environ, "KFIN_TUI_CACHE": str(cache)}
    try:
        first_read = _snippet(code_for(RAW, root), env)  # as found (the page cache may be cold)
        raw = min((_snippet(code_for(RAW, root), env) for _ in range(2)), key=lambda r: r["seconds"])
        rows.append(("files / MB", f"{raw['files']:,} / {raw['bytes'] / 1e6:,.0f}"))
        rows.append(("floor: walk + read every file, page cache warm (first read as found)",
                     f"{raw['seconds']:.2f} s ({first_read['seconds']:.2f} s)"))

        cold = _snippet(code_for(COLD, root), env)
        rows.append(("cold: first batch of rows", f"{cold['first']:.2f} s"))
        rows.append(("cold: all rows listed and stored (metadata pass)", f"{cold['rows_done']:.2f} s = "
                     f"{cold['rows'] / cold['rows_done']:,.0f} articles/s = {cold['rows_done'] / raw['seconds']:.2f}x floor"))
        rows.append(("cold: bodies read (texts, tickers; background in the reader)", f"{cold['bodies']:.1f} s"))
        rows.append(("cold: full index incl. background FTS build", f"{cold['total']:.1f} s = "
                     f"{cold['rows'] / cold['total']:,.0f} articles/s = {cold['total'] / raw['seconds']:.1f}x floor"))
        rows.append(("cold: peak RSS (main process)", f"{cold['rss']:.0f} MB"))
        db = next((cache / "index").glob("*.sqlite3"), None)
        if db:
            rows.append(("index size on disk", f"{db.stat().st_size / 1e6:,.0f} MB"))

        warm = min((_snippet(code_for(WARM, root), env) for _ in range(3)), key=lambda w: w["total"])
        rows.append(("warm Library: first batch / all rows + stat check",
                     f"{warm['first']:.3f} s ({warm['first_rows']} rows) / {warm['total']:.2f} s"))
        rows.append(("warm Library: peak RSS", f"{warm['rss']:.0f} MB"))

        s = _snippet(code_for(SEARCH, root), env)
        for n in ("1", "2", "4"):
            v = s[n]
            rows.append((f"keyword filter {n}-char terms p50 / p95 (max)",
                         f"{v['p50']:.1f} / {v['p95']:.1f} ms ({v['max']:.1f}), median hits {v['hits_median']:.0f}, n={v['n']}"))
        rows.append(("keyword filter, 3-term query", f"{s['multi']:.1f} ms"))
        rows.append(("search process peak RSS", f"{s['rss']:.0f} MB"))

        rg = shutil.which("rg")
        for term in args.terms:
            kt, kout = timed_run([*KFIN_LIST, "--json", "--keyword", term, str(root)], env)
            ours = {json.loads(line)["path"] for line in kout.splitlines() if line.strip()}
            if rg:
                rt, rout = timed_run([rg, "-l", "-F", term, str(root)], env)
                theirs = {line for line in rout.splitlines() if line.strip()}
                same = "same set" if ours == theirs else f"DIFFERENT ({len(ours ^ theirs)} differ)"
                rows.append((f"list --keyword {term!r} vs rg -l", f"{kt:.2f} s vs {rt:.2f} s = {kt / rt:.2f}x; "
                             f"{len(ours):,} hits, {same}"))
            else:
                rows.append((f"list --keyword {term!r}", f"{kt:.2f} s, {len(ours):,} hits (rg not installed)"))

        if not args.skip_ui:
            bare = min(_snippet(BARE, env)["paint"] for _ in range(3))
            rows.append(("bare Textual app first paint", f"{bare:.2f} s"))
            try:
                ui = min((_snippet(code_for(UI, root), env) for _ in range(3)), key=lambda u: u["paint"])
                rows.append(("KfinApp warm start to first list paint",
                             f"{ui['paint']:.2f} s = {ui['paint'] / bare:.2f}x bare ({ui['rows']:,} rows shown), "
                             f"RSS {ui['rss']:.0f} MB"))
            except Exception as exc:
                rows.append(("KfinApp warm start to first list paint",
                             f"failed: {str(exc).strip()[-2500:]}"))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("archives", nargs="+", type=Path)
    ap.add_argument("--terms", nargs="+", default=["营业收入", "净买入", "回购", None])
    ap.add_argument("--skip-ui", action="store_true")
    ap.add_argument("--skip-extract", action="store_true")
    args = ap.parse_args()
    if None in args.terms:  # a company name of the synthetic archive: a rarer term
        sys.path.insert(0, str(HERE))
        from make_archive import SEED, _Gen

        args.terms = [t for t in args.terms if t] + [_Gen(SEED).companies[7]]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for root in args.archives:
        t = time.perf_counter()
        rows = bench_archive(root, args)
        print(f"\n### {root}  ({time.perf_counter() - t:.0f} s to measure)\n")
        print("| measure | value |\n| --- | --- |")
        for k, v in rows:
            print(f"| {k} | {v} |")
        sys.stdout.flush()
    ext = HERE / "bench_extract.py"
    if not args.skip_extract and ext.exists():
        print("\n### extraction vs jieba.lcut (tests/bench/bench_extract.py --rounds 1)\n")
        p = subprocess.run([PY, str(ext), "--rounds", "1"], capture_output=True, text=True)
        print("```\n" + (p.stdout or p.stderr[-2000:]).rstrip() + "\n```")
    elif not args.skip_extract:
        print("\n(extraction benchmark skipped: tests/bench/bench_extract.py not present)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
