"""Time the company dossier and the reading state's join on a warm, extracted archive.

    python tests/bench/make_archive.py /tmp/kfin-10k-state 10000
    kfin-tui index /tmp/kfin-10k-state
    kfin-tui list /tmp/kfin-10k-state --company 贵州茅台 > /dev/null    # extracts every article once
    python tests/bench/bench_dossier.py /tmp/kfin-10k-state [COMPANY ...]

"head" = dossier_head: the name, the count and the first screen's rows (what the reader's first
paint of the dossier computes, on its UI thread; CPU time). "whole" = complete_dossier after it:
every row in order and the timeline (the reader's worker). "build" = build_dossier (both; what
`kfin-tui company` does before its entries). "open" = build + the first screen of entries (30, with
their figures: reads those articles and their cached extractions). Each is timed cold in this
process (first call) and warm (again, a new Dossier: the Library's article cache is warm). Uses private KFIN_TUI_STATE /
cache folders only if you set them; it never writes the archive.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kfin_tui.dossier import build_dossier, complete_dossier, dossier_head
from kfin_tui.index import Library
from kfin_tui.state import archive
from kfin_tui.state.reading import ArchiveState
from kfin_tui.state.store import open_state

SCREEN = 30


def ms(t: float) -> str:
    return f"{t * 1000:.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("companies", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json-max", type=int, default=400,
                    help="time every entry (as `company --json`) only for companies with at most this many articles "
                         "(each entry not opened before needs its article's full extraction)")
    args = ap.parse_args()
    t = time.perf_counter()
    lib = Library(Path(args.root)).load_all()
    print(f"library load (warm index): {ms(time.perf_counter() - t)}, {len(lib.rows)} rows")
    t = time.perf_counter()
    done, total = archive.extraction_progress(lib)
    print(f"extraction_progress, first call (index query): {ms(time.perf_counter() - t)}: extracted {done}/{total}"
          + ("  (partial: run kfin-tui list --company X first)" if done < total else ""))
    t = time.perf_counter()
    from kfin_tui.state.watchlist import resolve

    resolve("贵州茅台")
    print(f"company dictionary load (once per process; the reader loads it when first needed: a company "
          f"filter, the dossier picker): "
          f"{ms(time.perf_counter() - t)}")
    names = [n for n, _ in archive.company_names(lib)]
    companies = args.companies or [names[0], names[len(names) // 50], names[len(names) // 10]]
    t = time.perf_counter()
    archive.extraction_progress(lib)
    print(f"extraction_progress, again (kept once complete): {ms(time.perf_counter() - t)}")
    progress = archive.extraction_progress(lib)
    for name in companies:
        times_head, times_whole, times_build, times_open = [], [], [], []
        for i in range(args.repeat):
            c0 = time.process_time()
            head = dossier_head(lib, name, progress=progress, first=SCREEN)
            c1 = time.process_time()
            complete_dossier(head)
            c2 = time.process_time()
            times_head.append(c1 - c0)
            times_whole.append(c2 - c1)
            t0 = time.perf_counter()
            d = build_dossier(lib, name)
            t1 = time.perf_counter()
            d.entries(0, SCREEN)
            t2 = time.perf_counter()
            times_build.append(t1 - t0)
            times_open.append(t2 - t0)
            if i == 0:
                first = (t1 - t0, t2 - t0)
        print(f"{name}: {d.count} articles, {len(d.weeks)} weeks, partial={d.partial} | "
              f"CPU median: head {ms(statistics.median(times_head))}, whole {ms(statistics.median(times_whole))} | "
              f"first: build {ms(first[0])}, open (+{SCREEN} entries) {ms(first[1])} | "
              f"warm median: build {ms(statistics.median(times_build))}, open {ms(statistics.median(times_open))}")
        if d.count <= args.json_max:
            t = time.perf_counter()
            d.to_json()
            print(f"  every entry (as `company --json`): {ms(time.perf_counter() - t)} (after the first {SCREEN})")
    store = open_state()
    for label in ("first (identities read)", "again (identity cache)"):
        t = time.perf_counter()
        st = ArchiveState(lib, store)
        st.refresh()
        print(f"reading state refresh, {label}: {ms(time.perf_counter() - t)}; unread {st.unread_count()}")
        st.close()
    lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
