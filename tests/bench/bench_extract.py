"""Extraction throughput next to plain jieba segmentation of the same text.

    python tests/bench/bench_extract.py [--rounds N]

Texts: every article of the repository's corpus/ and tests/extract_gold/articles (loaded with the
project loader). Prints chars/s for ``jieba.lcut`` and for ``extract`` (uncached) and their ratio;
the bar is extraction within 2x of segmentation time. Also shows the start-up cost (warm_up) and
a cached ``extract_article`` call.
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
from kfin_tui.extract import extract, extract_article, warm_up


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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    t0 = time.perf_counter()
    warm_up()
    startup = time.perf_counter() - t0
    arts = load_articles()
    texts = [a.body_text for a in arts]
    chars = sum(len(t) for t in texts)
    seg = timed(jieba.lcut, texts, args.rounds)
    ext = timed(lambda t: extract(t), texts, args.rounds)
    for a in arts:
        extract_article(a)
    t1 = time.perf_counter()
    for a in arts:
        extract_article(a)
    cached = (time.perf_counter() - t1) / max(1, len(arts))
    rows = [("jieba.lcut", seg), ("extract", ext)]
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
