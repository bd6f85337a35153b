"""The article record of the index, in one place: its columns, the :class:`Row` the list holds,
one constructor per shape a record comes in, and the one sort order.

Shapes: a parsed *record* dict (:func:`kfin_tui.index.parse.parse_one`), a *metadata tuple* of the
cold pass (:data:`META_COLUMNS`), a *table tuple* read from SQLite (:data:`ROW_COLUMNS`), a
*snapshot tuple* (the same with categories and tickers already split, no stats) and the ``--json``
line (:mod:`kfin_tui.listing`). Rows are built with ``tuple.__new__`` in list comprehensions:
100,000 of them on every warm start, where a NamedTuple's ``__new__`` would cost twice the time.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

FIELD_SEP = "\x1f"  # between categories / tickers in one column
# what a table tuple holds (SELECT … FROM files), in this order
ROW_COLUMNS = "id, path, title, date, source, categories, tickers, format, author, size, mtime_ns"
# a metadata record of the cold pass is a tuple of these (cheaper to pickle and insert than a dict)
META_COLUMNS = ("path", "phash", "size", "mtime_ns", "ok", "title", "date", "undated", "sort_ts", "source",
                "author", "categories", "tickers", "format", "issue", "warning", "js", "body")
META = {name: i for i, name in enumerate(META_COLUMNS)}

SortKey = tuple[float, str, str]
_UNDATED = float("inf")  # an undated row's first key part: after every dated one
_SEP = os.sep


def posix(rel: str) -> str:
    """A relative path as the index keys it: ``/``-separated on every system."""
    return rel if _SEP == "/" else rel.replace(_SEP, "/")


class Row(NamedTuple):
    """One article in the list: what the sidebar shows and filters on, no body.

    A named tuple (immutable, hashable): 100,000 of them are built on every warm start, and a tuple
    is built several times faster than a frozen dataclass."""

    id: int
    path: str
    title: str
    date: datetime | None
    source: str
    categories: tuple[str, ...]
    tickers: tuple[str, ...]
    format: str = ""
    author: str = ""


def key(undated: object, sort_ts: float, title: str, path: str) -> SortKey:
    """The list order: newest first, undated last, then title and path (unique: rows never tie).
    A float first (``-sort_ts``, infinity when undated): a sort compares it without Python code."""
    return (_UNDATED if undated else -sort_ts, title, path)


def sort_key(row: Row) -> SortKey:
    """:func:`key` of a row (the record's ``sort_ts`` is the date's timestamp)."""
    date = row.date
    return (-date.timestamp() if date is not None else _UNDATED, row.title, row.path)


def split(field: str | None) -> tuple[str, ...]:
    return tuple(field.split(FIELD_SEP)) if field else ()


_new = tuple.__new__
_fromiso = datetime.fromisoformat


def rows_from_table(tuples: Iterable[tuple], prefix: str) -> list[Row]:
    """Rows from table tuples (:data:`ROW_COLUMNS`)."""
    return [_new(Row, (i, prefix + p, t, _fromiso(d) if d else None, s or "", split(c), split(k), f or "", a or ""))
            for i, p, t, d, s, c, k, f, a, _, _ in tuples]


def rows_from_metas(ids: list[int], metas: list[tuple], prefix: str) -> tuple[list[Row], list[SortKey]]:
    """Rows and their sort keys from metadata tuples (:data:`META_COLUMNS`, paths relative to the
    folder ``prefix`` and ``/``-separated) and the ids they were stored under: no tickers yet.
    (Comprehensions over a batch: a cold pass builds 100,000 of them in the writer's turn.)"""
    if _SEP == "/":
        paths = [prefix + t[0] for t in metas]
    else:
        paths = [prefix + t[0].replace("/", _SEP) for t in metas]
    rows = [_new(Row, (rid, path, t[5], _fromiso(t[6]) if t[6] else None, t[9] or "",
                       tuple(t[11].split(FIELD_SEP)) if t[11] else (), (), t[13] or "", t[10] or ""))
            for rid, path, t in zip(ids, paths, metas)]
    keys = [(_UNDATED if t[7] else -t[8], t[5], path) for path, t in zip(paths, metas)]
    return rows, keys


def row_from_record(row_id: int, rec: dict) -> tuple[Row, SortKey]:
    """A row and its sort key from a parsed record dict (the key from the record's ``sort_ts``:
    no ``datetime.timestamp()`` per row)."""
    iso = rec["date"]
    row = _new(Row, (row_id, rec["abs"], rec["title"], _fromiso(iso) if iso else None, rec["source"] or "",
                     split(rec["categories"]), split(rec["tickers"]), rec["format"] or "", rec["author"] or ""))
    return row, key(rec["undated"], rec["sort_ts"], row.title, row.path)


def meta_record(t: tuple, abs_path: str) -> dict:
    """A metadata tuple as a record dict (for the rare paths that need one)."""
    rec = dict(zip(META_COLUMNS, t))
    rec.update(abs=abs_path, tp=None)
    return rec
