"""Read one file into an index record (runs in the main process or in a pool worker).

A record is a plain dict (cheap to pickle): the row metadata, the load issue if any, and the
search text, either spread (``\\x01``-separated, for the SQLite index) or plain (in-memory mode).
"""
from __future__ import annotations

import os
from pathlib import Path

from .search import haystack
from .store import FIELD_SEP, spread


def rel_path(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(path, root))
    return rel.as_posix()


def parse_one(path: Path, root: Path, spread_text: bool = True) -> dict:
    from ..articles import load_file

    try:
        st = os.stat(path)  # before reading: a change during the read shows up next time
        size, mtime_ns = st.st_size, st.st_mtime_ns
    except OSError:
        size, mtime_ns = -1, -1
    article, issue = load_file(path, root)
    rec = {
        "path": rel_path(path, root), "abs": str(path), "size": size, "mtime_ns": mtime_ns,
        "ok": 0, "title": None, "date": None, "undated": 1, "sort_ts": 0.0, "source": None, "author": None,
        "categories": None, "tickers": None, "format": None,
        "issue": issue.reason if issue else None, "warning": int(bool(issue and issue.warning)), "tp": None,
    }
    if article is not None:
        hay = haystack(article.title, article.body_text)
        rec.update(
            ok=1, abs=article.path, title=article.title, date=article.date.isoformat() if article.date else None,
            undated=0 if article.date else 1, sort_ts=article.date.timestamp() if article.date else 0.0,
            source=article.source, author=article.author, categories=FIELD_SEP.join(article.categories),
            tickers=FIELD_SEP.join(article.ticker_codes), format=article.format,
            tp=spread(hay) if spread_text else hay,
        )
    return rec


def parse_chunk(args: tuple[str, list[str], bool]) -> list[dict]:
    """Pool entry point."""
    root, paths, spread_text = args
    root_p = Path(root)
    return [parse_one(Path(p), root_p, spread_text) for p in paths]
