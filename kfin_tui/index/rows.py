"""Rows of the article list and their order: what the reader's sidebar and ``kfin-tui list`` hold.

:class:`SortedRows` keeps ``rows`` sorted newest first (undated last) with a parallel list of sort
keys, so that rows can be put in place by bisection, and batches merged in one sort."""
from __future__ import annotations

import bisect

from .records import Row, SortKey, rows_from_snapshot, rows_from_table, sort_key

__all__ = ["Row", "SortedRows", "sort_key"]


class SortedRows:
    """The sorted-rows half of :class:`~kfin_tui.index.library.Library` (it owns the attributes:
    ``rows``, ``_sorted_keys``, ``_by_id``, ``_by_path``, ``_lock``, ``_prefix``, ``_next_id``,
    ``_unplaced``, ``removed`` and the in-memory caches)."""

    def _rows_ready(self, tuples) -> list[Row]:
        """Rows from snapshot tuples (categories and tickers already tuples)."""
        rows = rows_from_snapshot(tuples, self._prefix)
        self._register(rows, tuples)
        return rows

    def _register(self, rows, tuples) -> None:
        ids = [t[0] for t in tuples]
        with self._lock:
            self._by_id.update(zip(ids, rows))
            self._by_path.update(zip([t[1] for t in tuples], ids))
            self._next_id = max(self._next_id, max(ids, default=-1) + 1)

    def _rows_of(self, tuples) -> list[Row]:
        """Rows from table tuples (:data:`~kfin_tui.index.records.ROW_COLUMNS`)."""
        rows = rows_from_table(tuples, self._prefix)
        self._register(rows, tuples)
        return rows

    def _append_sorted(self, rows: list[Row]) -> list[Row]:
        """Rows already in order and all older than what is there (warm start)."""
        with self._lock:
            self.rows.extend(rows)
            self._sorted_keys = []  # keys are rebuilt on the first insert (see _insert)
        return rows

    def _ensure_keys(self) -> None:
        if len(self._sorted_keys) != len(self.rows):
            self._sorted_keys = [sort_key(r) for r in self.rows]

    def _insert(self, row: Row) -> None:
        """Put a row in place (replacing one with the same id). Caller holds the lock."""
        old = self._by_id.get(row.id)
        self._ensure_keys()
        if old is not None and old is not row:
            k = sort_key(old)
            i = bisect.bisect_left(self._sorted_keys, k)
            while i < len(self.rows) and self.rows[i].id != old.id:
                i += 1
            if i < len(self.rows):
                del self.rows[i]
                del self._sorted_keys[i]
        k = sort_key(row)
        i = bisect.bisect_right(self._sorted_keys, k)
        self.rows.insert(i, row)
        self._sorted_keys.insert(i, k)
        self._by_id[row.id] = row

    def _insert_many(self, rows: list[Row], row_keys: list[SortKey] | None = None) -> None:
        """Put rows in place (caller holds the lock): a row that keeps its place (a body read after
        the metadata pass) is swapped in; many new ones are merged in one sort, not one list insert
        each (which is quadratic at 100,000 rows)."""
        if len(rows) < 32:
            for row in rows:
                self._insert(row)
            return
        self._ensure_keys()
        keys, by_id = self._sorted_keys, self._by_id
        new_rows: list[Row] = []
        new_keys: list[SortKey] = []
        if row_keys is None:
            row_keys = [sort_key(r) for r in rows]
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
                    self._insert(row)
                    continue
            new_rows.append(row)
            new_keys.append(row_key)
            by_id[row.id] = row
        if new_rows:
            # keys are unique (the path is the last part), so rows themselves are never compared
            pairs = sorted(zip(keys + new_keys, self.rows + new_rows))
            self._sorted_keys = [p[0] for p in pairs]
            self.rows[:] = [p[1] for p in pairs]

    def _remove(self, row_id: int) -> None:
        row = self._by_id.pop(row_id, None)
        self._meta_ids.discard(row_id)
        self._mem_hay.pop(row_id, None)
        self._mem_extraction.pop(row_id, None)
        self._mem_companies.pop(row_id, None)
        if row is None:
            return
        self._ensure_keys()
        i = bisect.bisect_left(self._sorted_keys, sort_key(row))
        while i < len(self.rows) and self.rows[i].id != row_id:
            i += 1
        if i < len(self.rows):
            del self.rows[i]
            del self._sorted_keys[i]
        self.removed.add(row_id)

    def _place(self) -> list[Row]:
        """Merge the rows stored with ``place=False`` into the sorted list; returns them."""
        with self._lock:
            batches, self._unplaced = self._unplaced, []
            rows = [r for b, _ in batches for r in b]
            self._insert_many(rows, [k for _, b in batches for k in b])
        return rows
