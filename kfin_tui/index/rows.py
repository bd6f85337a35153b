"""Rows of the article list and their order: what the reader's sidebar and ``kfin-tui list`` hold.

:class:`RowTable` keeps ``rows`` sorted newest first (undated last) with a parallel list of sort
keys, so that rows can be put in place by bisection, and batches merged in one sort."""
from __future__ import annotations

import bisect
import gc
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, cast

from .records import Row, SortKey, rows_from_table, sort_key

if TYPE_CHECKING:
    from .store.snapshots import RowColumns

__all__ = ["Row", "RowTable", "sort_key"]


_make_row = partial(tuple.__new__, Row)  # a Row from a tuple of its fields, without Python code per row


class RowTable:
    """The rows of the list, newest first, with their sort keys and look-ups, behind their own lock:
    a part the library owns (``library._table``). ``forget(row_id)`` is called for a row that goes
    (the library's extraction cache drops it)."""

    def __init__(self, prefix: str, forget: Callable[[int], None]) -> None:
        self.prefix = prefix  # put before a stored relative path
        self.forget = forget
        self.rows: list[Row] = []
        self.keys: list[SortKey] = []  # sort_key of each row, in step with rows (rebuilt when empty)
        self.by_id: dict[int, Row] = {}
        self.by_path: dict[str, int] = {}  # relative path -> id
        self.lock = threading.RLock()
        self.next_id = 0
        self.unplaced: list[tuple[list[Row], list[SortKey]]] = []  # stored, not yet in rows
        self.removed: set[int] = set()  # ids of rows dropped (their file went)
        # ids of rows held as a metadata pass listed them (no tickers yet)
        self.meta_ids: set[int] = set()

    def clear(self) -> set[int]:
        """Drop every row (caller holds the lock); returns the ids there were."""
        old = set(self.by_id)
        self.rows.clear()
        self.keys = []
        self.by_id.clear()
        self.by_path.clear()
        return old

    def rows_from_columns(self, columns: RowColumns, start: int = 0, stop: int | None = None) -> list[Row]:
        """Rows ``start:stop`` of a snapshot's columns (a warm start), registered. Made in C: no
        Python code runs per row (100,000 rows in ~0.05 s instead of ~0.15 s), and without the
        collector, which would otherwise walk the young rows again and again while they are made."""
        if start or stop is not None:
            columns = columns.window(start, stop)
        ids, rels, titles, dates, sources, categories, tickers, formats, authors = columns
        undated = dates.index(None) if None in dates else len(dates)  # the undated rows come last
        collecting = gc.isenabled()
        gc.disable()
        try:
            when: list[datetime | None]
            if dates.count(None) == len(dates) - undated:
                when = list(map(datetime.fromisoformat, cast("Iterator[str]", islice(dates, undated))))
                when += [None] * (len(dates) - undated)
            else:  # (never written so; kept exact all the same)
                when = [datetime.fromisoformat(d) if d else None for d in dates]
            rows = list(map(_make_row, zip(ids, map(self.prefix.__add__, rels), titles, when, sources, categories,
                                           tickers, formats, authors)))
        finally:
            if collecting:
                gc.enable()
        self.register(rows, ids, rels)
        return rows

    def register(self, rows: list[Row], ids: list[int], rels: list[str]) -> None:
        """Look-ups of new rows (``rels``: their paths relative to the folder)."""
        with self.lock:
            self.by_id.update(zip(ids, rows))
            self.by_path.update(zip(rels, ids))
            self.next_id = max(self.next_id, max(ids, default=-1) + 1)

    def rows_of(self, tuples) -> list[Row]:
        """Rows from table tuples (:data:`~kfin_tui.index.records.ROW_COLUMNS`)."""
        rows = rows_from_table(tuples, self.prefix)
        self.register(rows, [t[0] for t in tuples], [t[1] for t in tuples])
        return rows

    def append_sorted(self, rows: list[Row]) -> list[Row]:
        """Rows already in order and all older than what is there (warm start)."""
        with self.lock:
            self.rows.extend(rows)
            self.keys = []  # keys are rebuilt on the first insert (see _insert)
        return rows

    def ensure_keys(self) -> None:
        if len(self.keys) != len(self.rows):
            self.keys = [sort_key(r) for r in self.rows]

    def insert(self, row: Row) -> None:
        """Put a row in place (replacing one with the same id). Caller holds the lock."""
        old = self.by_id.get(row.id)
        self.ensure_keys()
        if old is not None and old is not row:
            k = sort_key(old)
            i = bisect.bisect_left(self.keys, k)
            while i < len(self.rows) and self.rows[i].id != old.id:
                i += 1
            if i < len(self.rows):
                del self.rows[i]
                del self.keys[i]
        k = sort_key(row)
        i = bisect.bisect_right(self.keys, k)
        self.rows.insert(i, row)
        self.keys.insert(i, k)
        self.by_id[row.id] = row

    def insert_many(self, rows: list[Row], row_keys: list[SortKey] | None = None) -> None:
        """Put rows in place (caller holds the lock): a row that keeps its place (a body read after
        the metadata pass) is swapped in; many new ones are merged in one sort, not one list insert
        each (which is quadratic at 100,000 rows)."""
        if len(rows) < 32:
            for row in rows:
                self.insert(row)
            return
        self.ensure_keys()
        keys, by_id = self.keys, self.by_id
        if row_keys is None:
            row_keys = [sort_key(r) for r in rows]
        ids = [r.id for r in rows]
        if by_id.keys().isdisjoint(ids) and len(set(ids)) == len(ids):
            # all new (a cold pass's rows): no row to look for, one merge (the end of a cold
            # `kfin-tui list` waits on this step alone: ~0.08 s less at 100,000 rows)
            by_id.update(zip(ids, rows))
            self._merge(rows, row_keys)
            return
        new_rows: list[Row] = []
        new_keys: list[SortKey] = []
        for row, row_key in zip(rows, row_keys):
            old = by_id.get(row.id)
            if old is not None:
                k = sort_key(old)
                i = bisect.bisect_left(keys, k)
                if i < len(keys) and keys[i] == k and self.rows[i].id == row.id:
                    if row_key == k:
                        self.rows[i] = row
                        by_id[row.id] = row
                        continue
                    del self.rows[i]
                    del keys[i]
                else:
                    self.insert(row)
                    continue
            new_rows.append(row)
            new_keys.append(row_key)
            by_id[row.id] = row
        if new_rows:
            self._merge(new_rows, new_keys)

    def _merge(self, new_rows: list[Row], new_keys: list[SortKey]) -> None:
        """Merge rows whose ids are not in the list yet: the new ones are sorted (by position, on
        their keys alone), then each goes in after a slice of the old ones found by bisection —
        O(old + new·log) per merge instead of a sort of the whole list each time (a cold listing
        merges ~15 batches into a list growing to 100,000 rows). Keys are unique (the path is their
        last part)."""
        keys, rows = self.keys, self.rows
        if len(new_keys) > len(keys):
            # more new rows than old (a cold pass's): one sort of both, the old ones a sorted run
            # timsort merges, instead of a bisection and two appends per new row in Python
            all_keys = keys + new_keys
            all_rows = rows + new_rows
            order = sorted(range(len(all_keys)), key=all_keys.__getitem__)
            self.keys = list(map(all_keys.__getitem__, order))
            rows[:] = map(all_rows.__getitem__, order)
            return
        order = sorted(range(len(new_keys)), key=new_keys.__getitem__)
        out_keys: list[SortKey] = []
        out_rows: list[Row] = []
        add_key, add_row = out_keys.append, out_rows.append
        prev = 0
        after = bisect.bisect_right
        for j in order:
            k = new_keys[j]
            pos = after(keys, k, prev)
            if pos > prev:
                out_keys += keys[prev:pos]
                out_rows += rows[prev:pos]
                prev = pos
            add_key(k)
            add_row(new_rows[j])
        out_keys += keys[prev:]
        out_rows += rows[prev:]
        self.keys = out_keys
        rows[:] = out_rows

    def remove(self, row_id: int) -> None:
        row = self.by_id.pop(row_id, None)
        self.meta_ids.discard(row_id)
        self.forget(row_id)
        if row is None:
            return
        self.ensure_keys()
        i = bisect.bisect_left(self.keys, sort_key(row))
        while i < len(self.rows) and self.rows[i].id != row_id:
            i += 1
        if i < len(self.rows):
            del self.rows[i]
            del self.keys[i]
        self.removed.add(row_id)

    def place(self) -> list[Row]:
        """Merge the rows stored with ``place=False`` into the sorted list; returns them."""
        with self.lock:
            batches, self.unplaced = self.unplaced, []
            rows = [r for b, _ in batches for r in b]
            self.insert_many(rows, [k for _, b in batches for k in b])
        return rows
