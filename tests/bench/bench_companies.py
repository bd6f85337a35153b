"""The companies-only pass: chars/s next to jieba, and the whole-archive pass of the index.

    python tests/bench/bench_companies.py [--sample N --archive DIR]        # chars/s (1)
    python tests/bench/bench_companies.py --phase --archive DIR --cache DIR [--workers N] [--fresh]  # (2)

(1) Texts: every article of the repository's corpus/ and tests/extract_gold/articles, plus ``--sample``
articles drawn (fixed seed) from ``--archive`` when given. Prints CPU seconds and chars/s of
``jieba.lcut`` (HMM on, jieba's default), ``jieba.lcut(HMM=False)``, ``extract_companies`` and the names-only
pass the index runs per article (``find_company_kinds``) on the same texts: a cold round (fresh process
caches, as at the start of an archive) and a warm one (memoised windows and suffix readings) of each,
and the start-up (``warm_up``).

(2) The extraction phase of the index, as ``kfin-tui index`` and the reader run it: ``--cache`` is a
folder holding an index of ``--archive`` whose texts are in (``KFIN_TUI_CACHE``; a copy, never a shared
one: the extractions in it are deleted first, so that every article is pending). The clock starts
when ``Library.extract_pending`` is called and stops when it returns with every article's companies
stored (checked: none pending). ``--workers``: worker processes (0: in this process). Prints wall
time, CPU time of this process and of its workers, the load average before and after.
``--fresh``: instead time a whole cold ``kfin-tui index``-like build (load, bodies, search index,
companies) into an empty ``--cache``, phase by phase (wall, and CPU of this process and of its
workers: cumulative, and the phase's share in brackets), saying when every article's companies
are known: with the texts (the body pass's workers find them) or after the companies phase.
Run it under ``/usr/bin/time -v`` for the whole build's CPU.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def texts_of(archive: Path | None, sample: int) -> list[tuple[str, list]]:
    from kfin_tui.articles.discovery import discover
    from kfin_tui.articles.loader import load_file

    out = []
    for folder in (ROOT / "corpus", ROOT / "tests" / "extract_gold" / "articles"):
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                art, _ = load_file(p)
                if art is not None and art.body_text.strip():
                    out.append((art.body_text, list(art.tickers or ())))
    if archive is not None and sample:
        paths = sorted(str(p) for p in discover(archive))
        for p in random.Random(13).sample(paths, min(sample, len(paths))):
            art, _ = load_file(Path(p), archive)
            if art is not None:
                out.append((art.body_text, list(art.tickers or ())))
    return out


def _clear_memos() -> None:
    """Empty the pass's process memos (word boundaries, cuts, suffix readings, lookups): the next
    round is cold again, as at the start of an archive."""
    from kfin_tui.extract import companies, segment
    from kfin_tui.extract.dictionary import get_dictionary

    for memo in (segment._WINDOW_CACHE, segment._POS_CACHE, segment._CTX_CACHE, segment._LCUT_CACHE,
                 companies._SUFFIX_CACHE, get_dictionary()._lookups):
        memo.clear()


def chars_per_second(archive: Path | None, sample: int) -> int:
    import jieba

    from kfin_tui.extract import extract_companies, warm_up
    from kfin_tui.extract.companies import find_company_kinds
    from kfin_tui.extract.textnorm import nfkc_same_length

    t0 = time.process_time()
    warm_up()
    startup = time.process_time() - t0
    items = texts_of(archive, sample)
    chars = sum(len(t) for t, _ in items)

    def run(fn) -> float:
        t = time.process_time()
        for text, tickers in items:
            fn(text, tickers)
        return time.process_time() - t

    print(f"load average {_load()}; {len(items)} articles, {chars:,} chars; CPU seconds (process_time)")

    def kinds(text, tickers):  # what the whole-archive pass runs per article (names and kinds only)
        return find_company_kinds(nfkc_same_length(text or ""), tickers)

    rows = [
        ("extract_companies, cold", run(extract_companies)),
        ("extract_companies, warm", run(extract_companies)),
    ]
    _clear_memos()
    rows += [
        ("names-only pass, cold", run(kinds)),
        ("names-only pass, warm", run(kinds)),
        ("jieba.lcut (HMM)", run(lambda t, _k: jieba.lcut(t))),
        ("jieba.lcut(HMM=False)", run(lambda t, _k: jieba.lcut(t, HMM=False))),
    ]
    seg = rows[5][1]
    print(f"{'':<28}{'CPU s':>8}{'chars/s':>14}{'x lcut(HMM=False)':>20}")
    for name, secs in rows:
        print(f"{name:<28}{secs:>8.2f}{chars / secs:>14,.0f}{seg / secs:>20.2f}")
    print(f"{'warm_up (start-up)':<28}{startup:>8.2f}")
    print(f"load average after {_load()}")
    return 0


def _db_of(archive: Path) -> Path:
    from kfin_tui.index.store import db_path_for

    return db_path_for(archive)


def phase(archive: Path, workers: int) -> int:
    """The extraction phase over an index whose texts are in."""
    from kfin_tui.index import Library

    db = _db_of(archive)
    if not db.exists():
        print(f"no index of {archive} in KFIN_TUI_CACHE={os.environ.get('KFIN_TUI_CACHE')}", file=sys.stderr)
        return 2
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM extraction")
        conn.execute("DELETE FROM company")
    lib = Library(archive)
    for _ in lib.load():
        pass
    if lib.bodies_pending:
        print("the index has no texts yet: run kfin-tui index first", file=sys.stderr)
        return 2
    print(f"{len(lib.rows):,} articles listed; load average {_load()}; {workers} worker processes", flush=True)
    marks: list[tuple[int, float]] = []
    t0 = time.perf_counter()
    c0 = _cpu()

    def report(p) -> None:
        if not marks or p.done - marks[-1][0] >= 10_000 or p.done == p.total:
            marks.append((p.done, time.perf_counter() - t0))
            print(f"  {p.done:>7,}/{p.total:,} {marks[-1][1]:6.1f} s  load {_load()}", flush=True)

    n = lib.extract_pending(report=report, workers=workers, chunk=64)
    wall = time.perf_counter() - t0
    c1 = _cpu()
    pending = lib.extractions_pending()
    names = len(lib.company_names())
    lib.close()
    print(f"extraction phase: {n:,} articles in {wall:.1f} s wall; CPU: this process {c1[0] - c0[0]:.1f} s, "
          f"workers {c1[1] - c0[1]:.1f} s; {names:,} distinct companies; pending after: {pending}")
    print(f"load average after {_load()}")
    return 0 if not pending else 1


LIST_FIRST = False  # kfin-tui index reads each file once (no metadata pass); --list-first: as the reader


def fresh(archive: Path, workers: int) -> int:
    """A whole cold build, phase by phase (as ``kfin-tui index``), and the moment every article's
    companies are known: the body pass's workers find them with the texts (then the companies
    phase has nothing left to do), else the companies phase does."""
    from kfin_tui.index import Library

    t0 = time.perf_counter()
    print(f"load average {_load()}", flush=True)
    last = [0.0, 0.0]

    def mark(name: str) -> None:
        me, kids = _cpu()
        print(f"{name:<34}{time.perf_counter() - t0:8.1f} s  CPU self {me:7.1f} s (+{me - last[0]:6.1f}), "
              f"children {kids:7.1f} s (+{kids - last[1]:6.1f}); load {_load()}", flush=True)
        last[:] = [me, kids]

    lib = Library(archive)
    lib.list_first = getattr(Library, "list_first", True) and LIST_FIRST  # as kfin-tui index: False
    stored: list[float] = []
    extractions = lib._db.extractions  # (when the body pass's last companies are written: its flush)
    real_flush = extractions.flush_found

    def flush_found() -> None:
        real_flush()
        stored.append(time.perf_counter() - t0)

    extractions.flush_found = flush_found  # type: ignore[method-assign]
    for _ in lib.load():
        pass
    mark("listing (walk + metadata)" if lib.list_first else "load (walk + every text and its companies)")
    for _ in lib.complete():
        pass
    if stored:
        print(f"  every text read and its companies written at {stored[-1]:.1f} s (then the listing snapshot)",
              flush=True)
    mark("texts (body pass)")
    known = not lib.extractions_pending()
    if known:
        done, total = lib.extraction_progress()
        print(f"  ALL COMPANIES KNOWN with the texts: {done:,}/{total:,} articles, "
              f"{len(lib.company_names()):,} distinct companies", flush=True)
    lib.wait_index()
    mark("search index")
    n = lib.extract_pending(workers=workers, chunk=64)
    mark(f"companies phase ({n:,} articles)")
    if not known:
        print("  ALL COMPANIES KNOWN after the companies phase", flush=True)
    pending = lib.extractions_pending()
    lib.close()
    return 0 if not pending else 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=Path)
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--phase", action="store_true", help="time the index's extraction phase")
    ap.add_argument("--fresh", action="store_true", help="with --phase: a whole cold build")
    ap.add_argument("--list-first", action="store_true",
                    help="with --fresh: list every row from its metadata first, as the reader (not kfin-tui index) does")
    ap.add_argument("--cache", type=Path, help="KFIN_TUI_CACHE for --phase (a private copy)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not args.phase:
        return chars_per_second(args.archive, args.sample)
    if args.archive is None or args.cache is None:
        ap.error("--phase needs --archive and --cache")
    os.environ["KFIN_TUI_CACHE"] = str(args.cache)
    global LIST_FIRST
    LIST_FIRST = args.list_first
    return fresh(args.archive, args.workers) if args.fresh else phase(args.archive, args.workers)


if __name__ == "__main__":
    sys.exit(main())
