"""``kfin-tui list`` straight from the index: the stored listing, the search, the folder check."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from itertools import accumulate, compress
from operator import attrgetter, methodcaller
from typing import Any

from ..filters import Filters, Selection
from .rows import Row
from .state import LibraryState
from .store import StoredListing, StoreError


class Listing:
    """Rows picked for ``kfin-tui list``, as the index stores them: ``tails`` holds every row's
    ``--json`` line, row ``i`` at ``tails[offsets[i]:offsets[i + 1]]``, with paths under ``base``;
    ``table`` gives (date, title, source, categories) of every row (a list, or a function that
    reads it: the table output is the only one that needs it)."""

    def __init__(self, prefix: str, picked: list[int], total: int, tails, offsets, table, base: str) -> None:
        self.prefix, self.picked, self.total = prefix, picked, total
        self.tails, self.offsets, self._table, self.base = tails, offsets, table, base
        self.prepared: Any = None
        self._rows: list[Row] | None = None  # (of_rows: the tails are made from them when asked for)
        # checks ``tails`` before a line of it is first given out (a listing straight from the index)
        self.verify: Callable[[], bool] | None = None

    @classmethod
    def of_selection(cls, selection: Selection, prefix: str) -> Listing:
        """The same from selected rows (paths under the folder ``prefix``)."""
        return cls.of_rows(selection.rows, prefix, selection.total)

    @classmethod
    def of_rows(cls, rows: list[Row], prefix: str, total: int) -> Listing:
        """The same from loaded rows (a cold folder, or an index that could not be used). The
        ``--json`` lines and the table cells are made when asked for, and only the ones asked for:
        a table printed from 100,000 rows makes no JSON (~1 s), a JSON listing no table."""
        if not all(map(methodcaller("startswith", prefix), map(attrgetter("path"), rows))):
            prefix = ""
        listing = cls(prefix, list(range(len(rows))), total, None, None, None, prefix)
        listing._rows = rows
        return listing

    def _made_tails(self) -> None:
        """The ``--json`` lines of a listing made from rows (:meth:`of_rows`), on first use."""
        from ..listing import json_head, json_tail, to_bytes

        rows, n = self._rows or [], len(self.prefix)
        head = to_bytes(json_head(self.prefix))
        tails = [head + to_bytes(json_tail(r.path[n:], r.title, r.date.isoformat() if r.date else None, r.source,
                                           r.author, r.categories, r.tickers, r.format))
                 for r in rows]
        self.offsets = [0, *accumulate(len(t) for t in tails)]
        self.tails = b"".join(tails)

    def json_bytes(self) -> bytes:
        """The ``--json`` lines of the picked rows: consecutive rows are one slice of ``tails``; when
        the folder was typed another way than the index stores it, the path heads are replaced in one
        pass (``{"path": "`` cannot occur inside a JSON string: its quotes would be escaped)."""
        from ..listing import json_head, to_bytes

        if not self.picked:
            return b""
        if self.verify is not None:
            if not self.verify():
                raise LookupError("the index's listing file is damaged")
            self.verify = None
        if self.tails is None and self._rows is not None:
            self._made_tails()
        picked, off, tails = self.picked, self.offsets, self.tails
        parts = []
        start = prev = picked[0]
        for i in picked:
            if i != prev + 1 and i != start:
                parts.append(tails[off[start]:off[prev + 1]])
                start = i
            prev = i
        parts.append(tails[off[start]:off[prev + 1]])
        out = b"".join(parts)
        if self.prefix != self.base:
            out = out.replace(to_bytes(json_head(self.base)), to_bytes(json_head(self.prefix)))
        return out

    def picked_rows(self) -> list[Row] | None:
        """The picked rows themselves, for a listing made from rows (:meth:`of_rows`); else None."""
        if self._rows is None:
            return None
        if len(self.picked) == len(self._rows):  # of_rows picks every row, in order
            return self._rows
        return [self._rows[i] for i in self.picked]

    def table_rows(self) -> list[tuple]:
        """(date, title, source, categories) of the picked rows."""
        if self._rows is not None:  # every row is picked (of_rows)
            return table_cells(self._rows)
        table = self._table() if callable(self._table) else self._table
        if table is None:
            raise LookupError("the index changed meanwhile")
        return [table[i] for i in self.picked]


def quick_listing(lib: LibraryState, filters: Filters, early=None,
                  prepare: Callable[[Listing], object] | None = None) -> Listing | None:
    """What ``kfin-tui list`` prints, straight from a warm index whose folder has not changed
    (its fingerprints are checked by helper processes while the search runs here); None when
    that cannot be done (no index yet, stale, the folder changed, a company filter, which needs
    the extractions): then :meth:`Library.load` it and :meth:`Library.select`.
    ``early``: a check started by :func:`kfin_tui.index.walk.early_check`. ``prepare`` is called
    with the listing before the check is waited for (its result is ``listing.prepared``)."""
    store = lib._store
    if (store is None or lib._table.by_id or not lib._persist or filters.company.strip() or filters.ids is not None
            or filters.where or filters.keyword_expands):  # (a code in the keyword needs the rows' tickers)
        if early:
            early[1].close()
        return None
    query = filters.terms
    check: Any = early[1] if early else None
    try:
        with store.read() as conn:  # folders, listing and search: one consistent read
            gen = store.generation(conn)
            if early:
                if early[0] != gen:
                    return None
            else:
                folders = store.snapshots.folders(conn)
                if not folders:
                    return None
                from .walk import FreshnessCheck

                check = FreshnessCheck([(lib._abs_dir(f.folder), f.fingerprint, f.files) for f in folders],
                                       names=store.snapshots.names_path, root=lib.root)
            listing = store.snapshots.listing(conn, check_tails=False)
            if listing is None or store.files.bodies_pending(conn):
                return None
            hits = store.fts.search_in(conn, query) if query else None
        result = _listing(lib, listing, hits, filters)
        # the JSON lines are checked against their CRC when one is first printed (a search with no
        # hit, or a table, prints none): json_bytes raises LookupError if they are damaged
        result.verify = lambda: store.snapshots.tails_ok(listing)
        if prepare is not None:
            try:
                result.prepared = prepare(result)  # while the helpers are still at work
            except LookupError:
                return None
        if not check.result():
            return None
        if not check.names_read:  # an index of before the names file, or a damaged one
            try:
                store.snapshots.write_names()
            except sqlite3.Error:
                pass  # (a hint: the next check lists the folders again)
        return result
    except (sqlite3.Error, StoreError):
        return None
    finally:
        if check is not None:
            check.close()


def _listing(lib: LibraryState, listing: StoredListing, hits: set[int] | None, filters: Filters) -> Listing:
    store = lib._store
    ids, cat_index = listing.ids, listing.cat_index
    picked: Iterable[int] = range(len(ids))
    if hits is not None:
        picked = compress(picked, map(hits.__contains__, ids))
    if filters.category:
        wanted = {k for k, cats in enumerate(listing.cat_sets) if filters.category_ok(cats)}
        picked = (i for i in picked if cat_index[i] in wanted)
    with lib._table.lock:
        for path, reason, warning in listing.issues:
            lib._note_issue(lib._prefix + path, reason, warning)
    return Listing(lib._prefix, list(picked), len(ids), listing.tails, listing.offsets,
                   store.snapshots.table if store else None, listing.base)


def table_cells(rows: list[Row]) -> list[tuple]:
    """(date, title, source, categories) of each row."""
    from ..dates import format_date

    join = " / ".join
    return [(format_date(r.date), r.title, r.source, join(r.categories)) for r in rows]
