"""The article record ``kfin-tui list --json`` prints; lean, so the index can use it without the parsers."""
from __future__ import annotations

from datetime import datetime


def meta_json(path: str, title: str, date: datetime | None, source: str, author: str, categories,
              tickers, fmt: str) -> dict:
    """The object ``kfin-tui list --json`` prints for an article (from an Article or an index row)."""
    return {
        "path": path,
        "title": title,
        "date": date.isoformat() if date else None,
        "source": source,
        "author": author,
        "categories": list(categories),
        "tickers": list(tickers),
        "format": fmt,
    }
