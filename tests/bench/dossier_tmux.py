"""The company dossier as a person sees it (issue 12: "on a warm 100k archive the dossier opens
within 200 ms"): the reader in a real terminal (tmux 120×40, tests/bench/tmux_bench.py's private
server and control-mode client), a key pressed, the time until the screen shows it.

    python tests/bench/dossier_tmux.py --archive /work/bench-100k --cache /work/cache-dossier
    python tests/bench/dossier_tmux.py --archive /tmp/dossier-10k --cache /tmp/dossier-10k-cache --reps 3

The cache must be warm and fully extracted (``kfin-tui index ARCHIVE`` then ``kfin-tui company X
ARCHIVE --json --limit 1`` extracts every article once). One reader is opened and left to settle
(the count ``N/N`` on the title line, no ``提取`` progress); then, for companies of different
sizes (``--companies``, else picked from the index: a few dozen to the largest), per repetition:

  picker   ``d`` in the list (no company under a cursor: the dossier picker), the name typed,
           ``enter`` → timed from ``enter``
  filter   ``f``, the name, ``enter`` (the company filter), then ``d`` → timed from ``d``
  panel    with the filter set, ``tab tab G`` (the side panel, its last item), ``d``: the company under its cursor
           (whichever it is: its name and count are read off the header) → timed from ``d``

Each is timed to (1) the header with the article count (``N 篇``), (2) the first article row
painted (``▌`` + date), (3) the first row's figures filled in (its ``…`` gone). Floor in the same
reader: ``?`` → the help screen painted (a screen pushed by a key, nothing computed), and ``escape``
back. Also whole-process ``kfin-tui company NAME --json`` (all entries: figures for every article)
and ``--limit 30``. Medians / p95 with the load average; JSON + Markdown in tests/bench/out/.

``--gc-log``: the reader runs under a small wrapper (:data:`GC_WRAPPER`) that logs every garbage
collection (generation, duration): each opening then says how much of it was the collector's
(``gc2``: full collections, ``gc``: the others). ``--gc-freeze``: the wrapper also calls
``gc.freeze()`` once the reader has settled (SIGUSR1), to see what a reader doing it after its
load would get; ``--gc-threshold A,B,C``: the wrapper's ``gc.set_threshold``. ``--sample``: the
wrapper also samples the busy threads' stacks every 5 ms (wall-clock times; each opening's window
is in the JSON).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tmux_bench import NEUTRAL, OUT, Pane, Tmux, count_of, load, run_time, stats, tree_cpu

GC_WRAPPER = """\
import gc, os, signal, sys, time
log = open(sys.argv.pop(1), "a", buffering=1)
start = [0.0]
def note(phase, info):
    if phase == "start":
        start[0] = time.time()
    else:
        log.write(f"{start[0]:.6f} {info['generation']} {(time.time() - start[0]) * 1000:.3f}\\n")
gc.callbacks.append(note)
signal.signal(signal.SIGUSR1, lambda *a: gc.freeze())
if os.environ.get("KFIN_BENCH_GC_THRESHOLD"):
    gc.set_threshold(*map(int, os.environ["KFIN_BENCH_GC_THRESHOLD"].split(",")))
if os.environ.get("KFIN_BENCH_SAMPLE"):  # a sampler: every 5 ms, each busy thread's stack
    import threading
    out = open(os.environ["KFIN_BENCH_SAMPLE"], "a", buffering=1 << 16)
    IDLE = {"select", "poll", "wait", "_wait_for_tstate_lock", "sleep", "get", "read", "readinto", "accept",
            "_worker", "recv_bytes", "_recv", "_recv_bytes", "read_frame"}
    def sample():
        me = threading.get_ident()
        while True:
            time.sleep(0.005)
            now = time.time()
            for tid, frame in sys._current_frames().items():
                if tid == me or frame.f_code.co_name in IDLE:
                    continue
                stack = []
                while frame is not None and len(stack) < 40:
                    c = frame.f_code
                    stack.append(f"{c.co_filename.rsplit('/', 2)[-1]}:{c.co_name}")
                    frame = frame.f_back
                out.write(f"{now:.4f} {tid} " + ";".join(reversed(stack)) + "\\n")
    threading.Thread(target=sample, daemon=True).start()
from kfin_tui.cli import main
sys.argv[0] = "kfin-tui"
sys.exit(main())
"""

HEAD_RE = re.compile(r"(\d+) 篇 articles")
ROW_RE = re.compile(r"^▌(\d{4}-\d{2}-\d{2}|无日期)", re.M)


def head_count(screen: str) -> int | None:
    m = HEAD_RE.search(screen)
    return int(m.group(1)) if m else None


def first_row_filled(screen: str) -> bool:
    lines = screen.split("\n")
    for i, line in enumerate(lines):
        if ROW_RE.match(line):
            return i + 1 < len(lines) and lines[i + 1].strip() != "…"
    return False


def company_counts(python: str, archive: Path, cache: Path) -> list[tuple[str, int]]:
    """(company, articles) of the index, most named first."""
    code = ("import json, sys\nfrom kfin_tui.index import Library\nfrom kfin_tui.state import archive\n"
            "lib = Library(sys.argv[1]).load_all()\nprint(json.dumps(archive.company_names(lib), ensure_ascii=False))\n"
            "lib.close()\n")
    out = subprocess.run([python, "-c", code, str(archive)], capture_output=True, text=True, check=True, cwd=NEUTRAL,
                         env={"KFIN_TUI_CACHE": str(cache), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    return [(n, c) for n, c in json.loads(out.stdout)]


def pick_companies(names: list[tuple[str, int]], sizes: list[int]) -> list[tuple[str, int]]:
    """Companies whose article counts are nearest to ``sizes`` (names of 3 characters or more:
    typed into a picker, they match few other names)."""
    names = [(n, c) for n, c in names if len(n) >= 3]
    chosen: list[tuple[str, int]] = []
    for size in sizes:
        best = min((x for x in names if x not in chosen), key=lambda x: abs(x[1] - size))
        chosen.append(best)
    return chosen


class DossierBench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        script = Path(args.python).with_name("kfin-tui")
        self.kfin = [str(script)] if script.exists() else [args.python, "-m", "kfin_tui"]
        self.env = {"KFIN_TUI_CACHE": str(args.cache), "KFIN_TUI_STATE": str(args.state),
                    "KFIN_TUI_CONFIG": str(args.state / "config.toml")}
        self.gc_log: Path | None = None
        self.reader = self.kfin
        if args.gc_log or args.gc_freeze or args.sample or args.gc_threshold:
            wrapper = args.state / "gc_wrapper.py"
            wrapper.write_text(GC_WRAPPER, encoding="utf-8")
            self.gc_log = args.state / f"gc-{time.strftime('%H%M%S')}.log"
            self.reader = [args.python, str(wrapper), str(self.gc_log)]
            if args.gc_threshold:
                self.env["KFIN_BENCH_GC_THRESHOLD"] = args.gc_threshold
            if args.sample:
                self.env["KFIN_BENCH_SAMPLE"] = str(args.state / f"samples-{time.strftime('%H%M%S')}.log")
        self.tmux = Tmux()
        self.samples: dict[str, list[dict[str, Any]]] = {}

    def log(self, msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')} load {' '.join(map(str, load()))}] {msg}", file=sys.stderr, flush=True)

    def open_reader(self) -> Pane:
        pane = self.tmux.start([*self.reader, str(self.args.archive)], env=self.env)
        pane.go()
        size = self.args.size

        def settled(s: str) -> bool:
            c = count_of(s)
            return c is not None and c[0] == c[1] == size and "提取" not in s

        t, _ = pane.wait(settled, 600)
        self.log(f"reader open: N/N and extraction done after {t:.2f} s")
        time.sleep(self.args.settle)
        if self.args.gc_freeze:
            os.kill(pane.pid, signal.SIGUSR1)
            time.sleep(0.5)
            self.log("gc.freeze() in the reader")
        return pane

    def gc_in(self, start: float, end: float) -> dict[str, float]:
        """Milliseconds of garbage collection in the reader between two wall-clock times (a
        collection begun before ``start`` counts for its part after it: the key waited for it)."""
        out = {"gc2": 0.0, "gc": 0.0}
        if self.gc_log is None or not self.gc_log.exists():
            return out
        for line in self.gc_log.read_text().splitlines():
            try:
                t, gen, dur = line.split()
            except ValueError:
                continue
            a, b = float(t), float(t) + float(dur) / 1000
            if a <= end and b >= start:
                out["gc2" if gen == "2" else "gc"] += (min(b, end) - max(a, start)) * 1000
        return out

    def timed(self, pane: Pane, key: str, name: str | None) -> dict[str, Any]:
        """``key`` pressed: time to the header with its count, the first row, its figures."""
        cpu0 = tree_cpu(pane.pid)
        wall0 = time.time()
        t0 = time.perf_counter()
        pane.keys(key)
        head, s = pane.wait(lambda s: head_count(s) is not None and (name is None or name in s.split("\n")[0]),
                            60, since=t0)
        cpu = tree_cpu(pane.pid) - cpu0  # the reader's CPU time from the key to the header on screen
        gcs = self.gc_in(wall0, wall0 + head)
        window = (wall0, wall0 + head)
        row, _ = pane.wait(lambda s: ROW_RE.search(s) is not None or "没有文章" in s, 60, since=t0)
        try:
            filled: float | None = pane.wait(first_row_filled, 60, since=t0)[0]
        except TimeoutError:
            filled = None
        first = s.split("\n")[0]
        return {"header": head, "first_row": row, "figures": filled, "cpu": cpu, "count": head_count(s),
                "company": first.split()[0] if first.split() else "", "load": load()[0],
                "gc2": gcs["gc2"] / 1000, "gc": gcs["gc"] / 1000,  # seconds, as the times
                "window": window}

    def back_to_list(self, pane: Pane) -> None:
        """escape until the reader shows every article (the dossier closed, the focus back in the
        list, the filters cleared)."""
        for _ in range(5):
            pane.keys("Escape")
            try:
                pane.wait(lambda s: (c := count_of(s)) is not None and c[0] == c[1], 2, since=time.perf_counter())
                break
            except TimeoutError:
                continue
        time.sleep(0.3)

    def type_and_wait(self, pane: Pane, name: str) -> None:
        pane.wait(lambda s: "输入以筛选" in s or "type to narrow" in s, 30, since=time.perf_counter())
        pane.type(name)
        pane.wait(lambda s: name in s, 30, since=time.perf_counter())
        time.sleep(0.3)  # the picker narrowed; the clock starts at the next key

    def run(self) -> dict[str, Any]:
        a = self.args
        res: dict[str, Any] = {"load_start": load(), "companies": a.companies_sized}
        pane = self.open_reader()
        try:
            floor, floor_cpu = [], []
            for _ in range(a.reps):
                cpu0 = tree_cpu(pane.pid)
                t0 = time.perf_counter()
                pane.keys("?")
                t, _ = pane.wait(lambda s: "帮助 · Help" in s, 30, since=t0)
                floor.append(t)
                floor_cpu.append(tree_cpu(pane.pid) - cpu0)
                pane.keys("Escape")
                pane.wait(lambda s: "帮助 · Help" not in s, 30, since=time.perf_counter())  # a modal: the reader shows under it
                time.sleep(0.3)
            res["floor_help"] = stats(floor)
            res["floor_help_cpu"] = stats(floor_cpu)
            self.log(f"floor ? → help: {res['floor_help']['median'] * 1000:.0f} ms")
            for name, n in a.companies_sized:
                for rep in range(a.reps):
                    # the dossier picker
                    pane.keys("d")
                    self.type_and_wait(pane, name)
                    r = self.timed(pane, "Enter", name)
                    self.samples.setdefault("picker", []).append({**r, "want": name, "n": n})
                    self.back_to_list(pane)
                    # the company filter, then d
                    pane.keys("f")
                    self.type_and_wait(pane, name)
                    pane.keys("Enter")
                    pane.wait(lambda s, name=name: f"公司: {name}" in s, 60, since=time.perf_counter())
                    time.sleep(0.5)
                    r = self.timed(pane, "d", name)
                    self.samples.setdefault("filter", []).append({**r, "want": name, "n": n})
                    pane.keys("Escape")
                    pane.wait(lambda s: count_of(s) is not None, 30, since=time.perf_counter())
                    time.sleep(0.3)
                    # the side panel (filter still set: the article shown names the company)
                    pane.keys("Tab", "Tab", "G")  # list → reading pane → side panel, its last item
                    time.sleep(0.3)
                    r = self.timed(pane, "d", None)
                    self.samples.setdefault("panel", []).append({**r, "want": r["company"], "n": r["count"]})
                    self.back_to_list(pane)
                    self.log(f"{name} ({n}) rep {rep + 1}: " + ", ".join(
                        f"{k} {self.samples[k][-1]['header'] * 1000:.0f}/{self.samples[k][-1]['first_row'] * 1000:.0f} ms"
                        for k in ("picker", "filter", "panel")))
        finally:
            pane.quit("q")
        for path, xs in self.samples.items():
            res[path] = {k: stats([x[k] for x in xs if x[k] is not None])
                         for k in ("header", "first_row", "figures", "cpu")}
            res[path]["samples"] = xs
        allx = [x for xs in self.samples.values() for x in xs]
        res["all"] = {k: stats([x[k] for x in allx if x[k] is not None])
                      for k in ("header", "first_row", "figures", "cpu")}
        by_size: dict[str, Any] = {}
        for name, n in a.companies_sized:
            xs = [x for k in ("picker", "filter") for x in self.samples.get(k, []) if x["want"] == name]
            by_size[f"{name} ({n})"] = {k: stats([x[k] for x in xs if x[k] is not None])
                                        for k in ("header", "first_row", "figures", "cpu")}
        res["by_company"] = by_size
        # every path, by the company opened (the side panel opens whichever company is its last item)
        opened: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for x in allx:
            opened.setdefault((x["want"], x["n"] or 0), []).append(x)
        if self.gc_log is not None:
            res["gc"] = {"gc2": stats([x["gc2"] for x in allx]), "gc": stats([x["gc"] for x in allx]),
                         "openings_with_gc2": sum(1 for x in allx if x["gc2"] > 0), "n": len(allx),
                         "cpu_without_gc2": stats([x["cpu"] for x in allx if x["gc2"] == 0]),
                         "header_without_gc2": stats([x["header"] for x in allx if x["gc2"] == 0])}
        res["by_opened"] = {f"{c} ({n})": {k: stats([x[k] for x in xs if x[k] is not None]) for k in ("header", "cpu")}
                            for (c, n), xs in sorted(opened.items(), key=lambda kv: kv[0][1])}
        # whole process: kfin-tui company NAME --json
        cli: dict[str, Any] = {}
        for name, n in a.companies_sized:
            for label, extra in (() if a.no_cli else (("limit30", ["--limit", "30"]), ("all", []))):
                if label == "all" and n > a.json_all_max:
                    continue
                times = []
                for _ in range(a.reps):
                    t, _out, rc = run_time([*self.kfin, "company", name, str(a.archive), "--json", *extra],
                                          env={**self.env, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
                    if rc:
                        raise RuntimeError(f"kfin-tui company {name} failed ({rc})")
                    times.append(t)
                cli[f"{name} ({n}) {label}"] = stats(times)
                self.log(f"company --json {name} ({n}) {label}: {statistics_median(times):.2f} s")
        res["cli"] = cli
        res["load_end"] = load()
        return res

    def close(self) -> None:
        self.tmux.close()


def statistics_median(xs: list[float]) -> float:
    s = sorted(xs)
    return s[len(s) // 2]


def ms(st: dict[str, Any] | None, key: str = "median") -> str:
    return f"{st[key] * 1000:.0f}" if st and st.get("n") else "n/a"


def report(res: dict[str, Any], info: dict[str, Any]) -> str:
    out = [f"tmux 120×40, {info['python']}, kfin-tui {info['commit']}; {info['size']:,} articles; reps {info['reps']}; "
           f"load {res['load_start']} → {res['load_end']}", "",
           "| path | key → header with count: median / p95 (n) | → first row | → first row's figures "
           "| reader CPU key → header: median / p95 |",
           "|---|---|---|---|---|"]
    fl, fc = res.get("floor_help"), res.get("floor_help_cpu")
    out.append(f"| floor: `?` → help screen | {ms(fl)} / {ms(fl, 'p95')} ms ({fl['n']}) | | | "
               f"{ms(fc)} / {ms(fc, 'p95')} ms |")
    for path in ("picker", "filter", "panel", "all"):
        r = res.get(path)
        if not r:
            continue
        h, f, g, c = r["header"], r["first_row"], r["figures"], r["cpu"]
        out.append(f"| {path} | {ms(h)} / {ms(h, 'p95')} ms ({h['n']}) | {ms(f)} / {ms(f, 'p95')} ms | "
                   f"{ms(g)} / {ms(g, 'p95')} ms | {ms(c)} / {ms(c, 'p95')} ms |")
    out += ["", "| company (articles), picker + filter | header median / p95 | first row | figures | CPU |",
            "|---|---|---|---|---|"]
    for name, r in res.get("by_company", {}).items():
        out.append(f"| {name} | {ms(r['header'])} / {ms(r['header'], 'p95')} ms | {ms(r['first_row'])} ms | "
                   f"{ms(r['figures'])} ms | {ms(r['cpu'])} ms |")
    out += ["", "| company opened (articles), every path | n | header median / p95 | reader CPU key → header median / p95 |",
            "|---|---|---|---|"]
    for name, r in res.get("by_opened", {}).items():
        out.append(f"| {name} | {r['cpu']['n']} | {ms(r['header'])} / {ms(r['header'], 'p95')} ms | "
                   f"{ms(r['cpu'])} / {ms(r['cpu'], 'p95')} ms |")
    g = res.get("gc")
    if g:
        out.append(f"\ngarbage collection in the reader from the key to the header: full collections in "
                   f"{g['openings_with_gc2']} of {g['n']} openings (max {ms(g['gc2'], 'max')} ms); "
                   f"the others {ms(g['gc'])} / {ms(g['gc'], 'p95')} ms median / p95. Openings without a "
                   f"full collection: header {ms(g['header_without_gc2'])} / {ms(g['header_without_gc2'], 'p95')} ms, "
                   f"CPU {ms(g['cpu_without_gc2'])} / {ms(g['cpu_without_gc2'], 'p95')} ms median / p95")
    if res.get("panel"):
        seen = sorted({(x['company'], x['n']) for x in res['panel']['samples']}, key=lambda x: -(x[1] or 0))
        out.append("\nside panel `d` opened: " + ", ".join(f"{c} ({n})" for c, n in seen))
    out += ["", "| `kfin-tui company NAME --json` (whole process) | median (min–max) |", "|---|---|"]
    for k, st in res.get("cli", {}).items():
        out.append(f"| {k} | {st['median']:.2f} s ({st['min']:.2f}–{st['max']:.2f}) |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archive", type=Path, required=True)
    ap.add_argument("--cache", type=Path, required=True, help="KFIN_TUI_CACHE: warm and fully extracted")
    ap.add_argument("--state", type=Path, default=Path("/tmp/kfin-dossier-bench-state"),
                    help="KFIN_TUI_STATE and the config file's folder (private; made when missing)")
    ap.add_argument("--companies", nargs="*", default=None, help="company names (default: by --sizes)")
    ap.add_argument("--sizes", default="30,300,1000,5000", help="article counts to pick companies by")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--settle", type=float, default=3.0)
    ap.add_argument("--json-all-max", type=int, default=400,
                    help="`company --json` without --limit only for companies with at most this many articles")
    ap.add_argument("--no-cli", action="store_true", help="leave out the `company --json` runs")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--gc-log", action="store_true", help="log the reader's garbage collections (a wrapper)")
    ap.add_argument("--sample", action="store_true",
                    help="with --gc-log: the wrapper samples the busy threads' stacks every 5 ms (to a file "
                         "next to the GC log, with wall-clock times; the samples' windows are in the JSON)")
    ap.add_argument("--gc-threshold", default="", help="the wrapper's gc.set_threshold, e.g. 700,10,1000")
    ap.add_argument("--gc-freeze", action="store_true",
                    help="the wrapper calls gc.freeze() once the reader has settled (implies --gc-log)")
    args = ap.parse_args(argv)
    args.archive = args.archive.absolute()
    args.cache = args.cache.absolute()
    args.state.mkdir(parents=True, exist_ok=True)
    from tmux_bench import files_of

    args.size = len(files_of(args.archive))
    sizes = [int(x) for x in args.sizes.split(",") if x]
    names = company_counts(args.python, args.archive, args.cache)
    if args.companies:
        counts = dict(names)
        args.companies_sized = [(n, counts.get(n, -1)) for n in args.companies]
    else:
        args.companies_sized = pick_companies(names, sizes)
    src = subprocess.run([args.python, "-c", "import kfin_tui, os; print(os.path.dirname(kfin_tui.__file__))"],
                         cwd=NEUTRAL, capture_output=True, text=True, check=False).stdout.strip()
    commit = subprocess.run(["git", "-C", src or ".", "log", "-1", "--format=%h %cd", "--date=format:%H:%M", "--", "."],
                            capture_output=True, text=True, check=False).stdout.strip()
    info = {"python": subprocess.run([args.python, "-V"], capture_output=True, text=True).stdout.strip(),
            "commit": commit, "size": args.size, "reps": args.reps, "archive": str(args.archive)}
    b = DossierBench(args)
    b.log(f"{args.size:,} articles; companies {args.companies_sized}; kfin-tui {src} ({commit})")
    try:
        res = b.run()
    finally:
        b.close()
    md = report(res, info)
    print(md)
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (OUT / f"dossier_tmux-{args.size}-{stamp}.json").write_text(json.dumps({"info": info, **res}, ensure_ascii=False,
                                                                           indent=1, default=str))
    (OUT / f"dossier_tmux-{args.size}-{stamp}.md").write_text(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
