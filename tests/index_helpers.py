"""Helpers shared by the index tests: a generated corpus, row comparisons, parse counting,
ageing files, the small-cold-archive switch. Not a test module."""
from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from kfin_tui.index import Library
from kfin_tui.index import library as library_mod

HERE = Path(__file__).resolve().parent
DAY_NS = 86_400 * 10**9

HTML_POST = """---
title: '{title}'
categories:
 - 金融
 - {site}
 - 快讯
author: {site}
date: 2023-0{month}-1{day} 08:00:00
---

<div><p>{p1}</p>
<p>{p2}</p></div>
"""
MD_POST = """---
title: "{title}"
date: 2022-0{month}-0{day}
source: {site}
---

{p1}

## 小结

{p2}
"""
TXT_POST = """【{title}】
来源：东方财富网

{p1}

{p2}
"""

WORDS = ["光伏", "组件", "出货量", "同比", "增长", "净利润", "亿元", "回购", "港股", "芯片", "订单", "ＡＩ",
         "StreamLake", "ETF", "毛利率", "手机", "快手", "季度", "营收", "的", "了", "%", "，", "（", "）"]


def _para(r: random.Random) -> str:
    return "".join(r.choice(WORDS) for _ in range(r.randint(8, 40))) + "。"


def write_corpus(root: Path, n: int = 24, seed: int = 7) -> Path:
    r = random.Random(seed)
    for i in range(n):
        kind = i % 3
        fields = {"title": f"{r.choice(WORDS)}{r.choice(WORDS)}第{i}号", "site": r.choice(["财联社", "格隆汇"]),
                  "month": r.randint(1, 9), "day": r.randint(1, 9), "p1": _para(r), "p2": _para(r)}
        if kind == 0:
            path = root / "source" / "_posts" / "金融" / fields["site"] / "快讯" / f"post{i}.md"
            text = HTML_POST.format(**fields)
        elif kind == 1:
            path = root / "posts" / f"{i:03d}.md"
            text = MD_POST.format(**fields)
        else:
            path = root / "em" / f"{i:03d}.txt"
            text = TXT_POST.format(**fields)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    bad = root / "em" / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00" * 3 + bytes(range(256)) * 4)
    return root


def snapshot(root: Path) -> dict:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))}


def rowset(lib: Library) -> list[tuple]:
    return sorted((r.path, r.title, r.date, r.source, r.categories, r.tickers, r.format, r.author) for r in lib.rows)


def count_parses(monkeypatch) -> list[str]:
    from kfin_tui import articles

    calls: list[str] = []
    real = articles.load_file

    def counting(path, root=None):
        calls.append(str(path))
        return real(path, root)

    monkeypatch.setattr(articles, "load_file", counting)
    library_mod._load_article.cache_clear()
    return calls


def age(root: Path, days: int = 3) -> None:
    """Every file and folder last changed days ago: nothing is too recent to fingerprint."""
    old = time.time_ns() - days * DAY_NS
    paths = sorted(root.rglob("*"), key=lambda p: -len(p.parts))  # files before their folders
    for n, p in enumerate([*paths, root]):
        os.utime(p, ns=(old + n, old + n), follow_symlinks=False)


def make_small_cold(monkeypatch) -> None:
    """Make a folder of a few dozen files take the large-archive path (metadata pass, pool)."""
    monkeypatch.setattr(library_mod, "COLD_META_MIN", 10)
    monkeypatch.setattr(library_mod, "POOL_MIN_FILES", 10)
    monkeypatch.setattr(library_mod, "META_CHUNK", 16)
    monkeypatch.setattr(library_mod, "STORE_BATCH", 16)
    monkeypatch.setattr(library_mod, "LIVE_STORE_BATCH", 16)
    monkeypatch.setattr(library_mod, "POOL_CHUNK", 4)


def synthetic(root: Path, n: int) -> Path:
    """The benchmark's generated archive, small."""
    sys.path.insert(0, str(HERE / "bench"))
    try:
        import make_archive
    finally:
        sys.path.pop(0)
    return make_archive.make_archive(root, n)


def names_file(root: Path) -> Path:
    """The names file beside the index of ``root`` (what the freshness check's helpers read)."""
    from kfin_tui.index import walk as walk_mod

    lib = Library(root)
    db = lib.index_path
    lib.close()
    assert db is not None
    return Path(walk_mod.names_path(db))


def meta_tuple(path: str, size: int, mtime: int) -> tuple:
    """A metadata-pass record of ``path`` (META_COLUMNS order: no body, no text yet)."""
    from kfin_tui.index.records import META_COLUMNS
    from kfin_tui.index.store.codec import phash

    values = {"path": path, "phash": phash(path), "size": size, "mtime_ns": mtime, "ok": 1, "title": f"t {path}",
              "date": None, "undated": 1, "sort_ts": 0.0, "source": "s", "author": None, "categories": "",
              "tickers": "", "format": "text", "issue": None, "warning": 0, "js": None, "body": 0}
    return tuple(values[c] for c in META_COLUMNS)
