"""The one place where the reading state, the watchlist and the dossier touch the index's
:class:`~kfin_tui.index.library.Library`. Everything else in :mod:`kfin_tui.state` and
:mod:`kfin_tui.dossier` goes through these functions, so that a change of the library's API is
met here only.

Public library API used: ``root``, ``rows``, ``row(id)``, ``article(id)``, ``extraction(id)``,
``companies_for(id)``, ``ids_with_company(name)``, ``company_names()``, ``extract_pending()``.
Not public (marked ``PRIVATE``): how many articles are extracted (:func:`extraction_progress`).
"""
from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol


class RowLike(Protocol):
    id: int
    path: str
    title: str
    date: Any
    source: str


def root(library: Any) -> Path:
    return Path(library.root)


def rows(library: Any) -> list[Any]:
    """A snapshot of the library's rows (newest first)."""
    return list(library.rows)


def rows_of(library: Any, ids: set[int]) -> list[Any]:
    """The rows of ``ids`` in list order (newest first): looked up one by one and sorted when they
    are few, else picked from the whole list (100,000 rows: ~30 ms)."""
    if not ids:
        return []
    if len(ids) * 8 < len(library.rows):
        from ..index.rows import sort_key

        found = [r for r in (row(library, i) for i in ids) if r is not None]
        found.sort(key=sort_key)
        return found
    return [r for r in list(library.rows) if r.id in ids]


def row(library: Any, row_id: int) -> Any | None:
    try:
        return library.row(row_id)
    except KeyError:
        return None


def article(library: Any, row_id: int) -> Any | None:
    try:
        return library.article(row_id)
    except (KeyError, OSError):
        return None


def extraction(library: Any, row_id: int) -> Any | None:
    """The article's extraction (cached in the index; computed when missing)."""
    try:
        return library.extraction(row_id)
    except (KeyError, OSError):
        return None


def companies_for(library: Any, row_id: int) -> list[str]:
    return list(library.companies_for(row_id))


def ids_with_company(library: Any, name: str) -> set[int]:
    return set(library.ids_with_company(name))


def company_names(library: Any) -> list[tuple[str, int]]:
    return list(library.company_names())


def extract_pending(library: Any, progress: Callable[[int, int], None] | None = None) -> int:
    """Extract every article not extracted yet; afterwards the library counts as complete for
    :func:`extraction_progress` (until its rows change), which saves that function's index query."""
    from ..index.extraction import extractor

    key = _rows_key(library)
    count = int(library.extract_pending(progress=progress, chunk=64))
    if extractor() is None:  # nothing could be extracted: never claim complete
        return count
    try:
        _COMPLETE[library] = key
    except TypeError:
        pass
    return count


def _rows_key(library: Any) -> tuple[int, int]:
    return len(library.rows), len(getattr(library, "removed", ()))


def known_stats(library: Any) -> dict[str, tuple[int, int]] | None:
    """Relative path → (size, mtime_ns) of the indexed files, as the index checked them on load
    (saves a stat per file); None without an index.

    PRIVATE: reads ``library._store.known_stats()``."""
    store = getattr(library, "_store", None)
    if store is None or not getattr(library, "indexed", False):
        return None
    try:
        stats = store.known_stats()
    except (sqlite3.Error, AttributeError):
        return None
    return stats if isinstance(stats, dict) else None


def extraction_progress(library: Any) -> tuple[int, int]:
    """(articles extracted, articles) — while ``done < total`` company results are partial.

    PRIVATE: reads the library's index (``_store.pending_extraction_ids``) and in-memory
    extractions (``_mem_extraction``, ``_mem_hay``); the lead re-points this at a public method.
    The index query scans the extraction table (~50 ms at 10,000 articles): once every article is
    extracted the answer is kept until the library's rows change (their number, or removals)."""
    key = _rows_key(library)
    try:
        done_before = _COMPLETE.get(library)
    except TypeError:  # not weak-referenceable
        done_before = None
    if done_before == key:
        return key[0], key[0]
    ids = {r.id for r in list(library.rows)}
    total = len(ids)
    store = getattr(library, "_store", None)
    parts = getattr(library, "_extractions", None)  # the index's Extractions part (arch-index)
    mem_ex = parts.memo if parts is not None else getattr(library, "_mem_extraction", {})
    mem_hay = getattr(library, "_mem_hay", {})
    pending: set[int] = set()
    if store is not None:
        try:
            pending = set(store.pending_extraction_ids()) & ids
        except sqlite3.Error:
            pending = set()
        pending |= {i for i in mem_hay if i in ids and i not in mem_ex}
    else:
        pending = {i for i in ids if i not in mem_ex}
    if not pending:
        try:
            _COMPLETE[library] = key
        except TypeError:
            pass
    return total - len(pending), total


_COMPLETE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
