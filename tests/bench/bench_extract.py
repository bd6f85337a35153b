"""Extraction throughput next to plain jieba segmentation of the same text.

    python tests/bench/bench_extract.py [--rounds N]
    python tests/bench/bench_extract.py --archive /tmp/kfin-100k [--workers 2]

Texts: every article of the repository's corpus/ and tests/extract_gold/articles (loaded with the
project loader). Prints chars/s for ``jieba.lcut``, for ``extract`` (uncached) and for the company
pass alone, ``extract_companies``, and their ratio to segmentation; the bar is extraction within 2x
of segmentation time. Also shows the start-up cost (warm_up) and a cached ``extract_article`` call.

``--archive``: the companies of every article of an archive (``tests/bench/make_archive.py``), cold,
in ``--workers`` processes (each: warm_up, then load + extract_companies per file); prints the wall
time from the pool's start, the CPU seconds spent loading and in extract_companies, and chars/s.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import jieba

from kfin_tui.articles.loader import load_file
from kfin_tui.extract import extract, extract_article, extract_companies, warm_up


def load_articles():
    out = []
    for folder in (ROOT / "corpus", ROOT / "tests" / "extract_gold" / "articles"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix.lower() in (".txt", ".md", ".html", ".htm", ""):
                art, _ = load_file(p)
                if art is not None and art.body_text.strip():
                    out.append(art)
    return out


def timed(fn, texts, rounds):
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def _companies_of_files(paths: list[str]) -> tuple[int, int, int, float, float]:
    """(files, chars, companies, load CPU s, extract_companies CPU s) of a chunk of files."""
    from kfin_tui.extract import extract_companies

    files = chars = found = 0
    t_load = t_comp = 0.0
    for p in paths:
        t0 = time.process_time()
        art, _ = load_file(Path(p))
        t1 = time.process_time()
        t_load += t1 - t0
        if art is None:
            continue
        found += len(extract_companies(art.body_text, list(art.tickers or ())))
        t_comp += time.process_time() - t1
        files += 1
        chars += len(art.body_text)
    return files, chars, found, t_load, t_comp


def _worker_init() -> None:
    warm_up()


def archive_pass(root: Path, workers: int) -> int:
    from concurrent.futures import ProcessPoolExecutor

    from kfin_tui.articles.discovery import discover

    t0 = time.perf_counter()
    paths = [str(p) for p in discover(root)]
    walk = time.perf_counter() - t0
    chunks = [paths[i:i + 256] for i in range(0, len(paths), 256)]
    files = chars = found = 0
    t_load = t_comp = 0.0
    with ProcessPoolExecutor(workers, initializer=_worker_init) as pool:
        for f, c, n, tl, tc in pool.map(_companies_of_files, chunks):
            files, chars, found = files + f, chars + c, found + n
            t_load, t_comp = t_load + tl, t_comp + tc
    wall = time.perf_counter() - t0
    print(f"{files:,} articles, {chars:,} chars, {found:,} companies; {workers} worker processes")
    print(f"walk {walk:.1f} s; wall (walk + start-up + load + companies) {wall:.1f} s")
    print(f"CPU: load {t_load:.1f} s, extract_companies {t_comp:.1f} s "
          f"= {chars / max(t_comp, 1e-9):,.0f} chars/s per core")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--archive", type=Path, help="time the company pass over a whole archive instead")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if args.archive:
        return archive_pass(args.archive, args.workers)
    t0 = time.perf_counter()
    warm_up()
    startup = time.perf_counter() - t0
    arts = load_articles()
    texts = [a.body_text for a in arts]
    chars = sum(len(t) for t in texts)
    seg = timed(jieba.lcut, texts, args.rounds)
    ext = timed(lambda t: extract(t), texts, args.rounds)
    comp = timed(lambda t: extract_companies(t), texts, args.rounds)
    for a in arts:
        extract_article(a)
    t1 = time.perf_counter()
    for a in arts:
        extract_article(a)
    cached = (time.perf_counter() - t1) / max(1, len(arts))
    rows = [("jieba.lcut", seg), ("extract", ext), ("extract_companies", comp)]
    print(f"{len(texts)} articles, {chars:,} chars, best of {args.rounds} rounds")
    print(f"{'':<22}{'seconds':>10}{'chars/s':>14}{'x jieba':>10}")
    for name, secs in rows:
        print(f"{name:<22}{secs:>10.3f}{chars / secs:>14,.0f}{secs / seg:>10.2f}")
    print(f"{'extract_article cached':<22}{cached * 1e6:>9.1f}µ per article")
    print(f"{'warm_up (start-up)':<22}{startup:>10.3f} s")
    ratio = ext / seg
    print(f"extraction / segmentation = {ratio:.2f} ({'within' if ratio <= 2 else 'OVER'} the 2x bar)")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
