"""The library: the articles of one folder as the reader and ``kfin-tui list`` see them.

This is the seam between the UI and the core. The UI holds light :class:`Row` s (no bodies) and
asks the library for full articles, searches and extraction results by row id.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..articles import Article, LoadIssue, load_file
from ..articles.discovery import discover
from .search import haystack, matches_terms, terms


@dataclass(frozen=True)
class Row:
    """One article in the list: what the sidebar shows and filters on, no body."""

    id: int
    path: str
    title: str
    date: datetime | None
    source: str
    categories: tuple[str, ...]
    tickers: tuple[str, ...]
    format: str = ""
    author: str = ""

    @classmethod
    def of(cls, row_id: int, a: Article) -> Row:
        return cls(row_id, a.path, a.title, a.date, a.source, tuple(a.categories), tuple(a.ticker_codes),
                   a.format, a.author)

    def meta_json(self) -> dict:
        """The object ``kfin-tui list --json`` prints."""
        return {
            "path": self.path,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "author": self.author,
            "categories": list(self.categories),
            "tickers": list(self.tickers),
            "format": self.format,
        }


def sort_key(row: Row):
    """Newest first, undated last."""
    return (row.date is None, -(row.date.timestamp() if row.date else 0), row.title)


class Library:
    """Articles of a folder, loaded in batches so a caller can show the first ones early."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.rows: list[Row] = []
        self.issues: list[LoadIssue] = []
        self._by_id: dict[int, Row] = {}
        self._haystacks: dict[int, str] = {}
        self._lock = threading.Lock()

    # loading -----------------------------------------------------------
    def load(self, batch: int = 200, progress: Callable[[int], None] | None = None) -> Iterator[list[Row]]:
        """Load the folder; yields each new batch of rows as it is read."""
        pending: list[Row] = []
        for path in discover(self.root):
            article, issue = load_file(path, self.root)
            if issue is not None:
                self.issues.append(issue)
            if article is None:
                continue
            with self._lock:
                row = Row.of(len(self._by_id), article)
                self._by_id[row.id] = row
                self._haystacks[row.id] = haystack(article.title, article.body_text)
            pending.append(row)
            if len(pending) >= batch:
                yield self._add(pending)
                pending = []
                if progress:
                    progress(len(self._by_id))
        if pending:
            yield self._add(pending)
        if progress:
            progress(len(self._by_id))

    def load_all(self) -> Library:
        for _ in self.load():
            pass
        return self

    def _add(self, rows: list[Row]) -> list[Row]:
        with self._lock:
            self.rows.extend(rows)
            self.rows.sort(key=sort_key)
        return rows

    # queries -----------------------------------------------------------
    def row(self, row_id: int) -> Row:
        return self._by_id[row_id]

    def article(self, row_id: int) -> Article | None:
        return _load_article(self._by_id[row_id].path, str(self.root))

    def search(self, keyword: str) -> set[int] | None:
        """Ids of articles whose title or body holds every term; None when there is no keyword."""
        query = terms(keyword)
        if not query:
            return None
        with self._lock:
            items = list(self._haystacks.items())
        return {i for i, text in items if matches_terms(text, query)}

    def categories(self) -> list[tuple[str, int]]:
        counts = Counter(c for r in self.rows for c in r.categories)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@lru_cache(maxsize=64)
def _load_article(path: str, root: str) -> Article | None:
    article, _ = load_file(path, root)
    return article
