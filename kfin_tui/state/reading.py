"""The reading state of one archive: which of the library's rows are read or starred.

:class:`ArchiveState` joins a library's rows to the marks of the :class:`StateStore` through the
rows' identities (:mod:`kfin_tui.state.identity`). :meth:`ArchiveState.refresh` computes the
identities of all rows (cached per file in the cache folder: a warm refresh only stats the files)
— the reader runs it in a worker; the per-row calls (``toggle_read`` …) compute one identity.

The selections ``kfin-tui list --unread/--starred`` use: :func:`unread_ids`, :func:`read_ids`,
:func:`starred_ids`. A UI asks the sets (:meth:`ArchiveState.read_ids` …) when it paints rows:
they never touch a file; ``is_read``/``mark`` of a row not refreshed yet reads its file.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from . import archive
from .identity import Identity, IdentityCache
from .store import Mark, StateStore, root_key


class ArchiveState:
    """Marks of one library's articles, by row id, kept in step with the store."""

    def __init__(self, library: Any, store: StateStore, cache: Any = None) -> None:
        self.library = library
        self.store = store
        self.root = archive.root(library)
        self.root_key = root_key(self.root)
        self._idents = IdentityCache(self.root, cache)
        # identities asked for (the rows opened, marked, …): every row's is in the cache's memory,
        # compact, and made into an Identity object when needed
        self._by_row: dict[int, Identity] = {}
        self._joined: set[int] = set()  # rows joined to the marks by a refresh (marked or not)
        self._marks: dict[int, Mark] = {}  # rows with a mark (read or starred or once was)
        self._touched: dict[int, Mark] = {}  # marks set here since the last refresh began
        self._lock = threading.RLock()

    # identities ---------------------------------------------------------------------------
    def identity(self, row_id: int) -> Identity | None:
        """The identity of a row (computed now when not known yet); None when unreadable."""
        with self._lock:
            ident = self._by_row.get(row_id)
        if ident is not None:
            return ident
        row = archive.row(self.library, row_id)
        if row is None:
            return None
        ident = self._idents.get(row.path)
        if ident is not None:
            with self._lock:
                self._by_row[row_id] = ident
        return ident

    def refresh(self, row_ids: list[int] | None = None, pause: Callable[[], object] | None = None) -> None:
        """Compute the identities of the rows (all, or ``row_ids``: e.g. a batch just loaded,
        or rows whose file changed) and join them to the stored marks. ``pause`` is called every
        few thousand rows (a reader waits there while a keyword is typed)."""
        rows = archive.rows(self.library)
        wanted: set[int] = set()
        if row_ids is not None:
            wanted = set(row_ids)
            rows = [r for r in rows if r.id in wanted]
            with self._lock:
                for rid in wanted:
                    self._by_row.pop(rid, None)
        with self._lock:
            self._touched = {}  # (what is set from now on is laid over the join: it may miss it)
        known = archive.known_stats(self.library)
        idents = self._idents
        # the slow part (a file read where the cache has no identity): before the marks are read,
        # so that a mark set meanwhile is in them
        found = idents.check(rows, known, pause)
        idents.flush()
        marks = self.store.all_marks()
        by_key = {m.ident: m for m in marks}
        by_hash: dict[str, Mark] = {}
        for mk in sorted(marks, key=lambda mk: mk.updated):
            if mk.hash:
                by_hash[mk.hash] = mk
        joined: dict[int, Mark] = {}
        if marks:  # (no Identity object is made: 100,000 rows are joined in ~0.1 s)
            key_of, hash_of = idents.key_of, idents.hash_of
            for rid, rel in found:
                key = key_of(rel)
                hit = by_key.get(key)
                if hit is not None and key.startswith("path:") and hit.root not in ("", self.root_key) \
                        and hit.hash != hash_of(rel):
                    hit = None  # the same relative path in another archive: another article
                if hit is None and by_hash:
                    hit = by_hash.get(hash_of(rel))
                if hit is not None:
                    joined[rid] = hit
        with self._lock:
            # a mark set while this ran (the marks were read before it, or the join missed it)
            joined.update((rid, m) for rid, m in self._touched.items() if row_ids is None or rid in wanted)
            if row_ids is None:
                self._marks = joined
                self._joined = {rid for rid, _ in found}
            else:
                for rid in set(row_ids):
                    self._marks.pop(rid, None)
                self._joined.difference_update(row_ids)  # (a file that cannot be read any more)
                self._marks.update(joined)
                self._joined.update(rid for rid, _ in found)

    def forget(self, row_ids: set[int]) -> None:
        """Rows removed from the library (their files were deleted)."""
        with self._lock:
            for rid in row_ids:
                self._by_row.pop(rid, None)
                self._marks.pop(rid, None)
                self._joined.discard(rid)

    # queries ------------------------------------------------------------------------------
    def mark(self, row_id: int) -> Mark | None:
        with self._lock:
            if row_id in self._marks or row_id in self._joined:  # (an identity asked for is no join)
                return self._marks.get(row_id)
        ident = self.identity(row_id)
        if ident is None:
            return None
        m = self.store.mark_for(ident, self.root_key)
        if m is not None:
            with self._lock:
                self._marks[row_id] = m
        return m

    def is_read(self, row_id: int) -> bool:
        m = self.mark(row_id)
        return m is not None and m.read

    def is_starred(self, row_id: int) -> bool:
        m = self.mark(row_id)
        return m is not None and m.starred

    def read_ids(self) -> set[int]:
        with self._lock:
            return {rid for rid, m in self._marks.items() if m.read}

    def starred_ids(self) -> set[int]:
        with self._lock:
            return {rid for rid, m in self._marks.items() if m.starred}

    def unread_ids(self) -> set[int]:
        read = self.read_ids()
        return {r.id for r in archive.rows(self.library) if r.id not in read}

    def unread_count(self, among: set[int] | None = None) -> int:
        read = self.read_ids()
        if among is None:
            return sum(1 for r in archive.rows(self.library) if r.id not in read)
        return len(among - read)

    # changes (each one transaction) --------------------------------------------------------
    def _apply(self, row_id: int, change) -> Mark | None:
        ident = self.identity(row_id)
        if ident is None:
            return None
        m = change(ident)
        with self._lock:
            self._marks[row_id] = m
            self._touched[row_id] = m
        return m

    def set_read(self, row_id: int, read: bool = True) -> bool:
        m = self._apply(row_id, lambda i: self.store.set_read(i, read, self.root_key))
        return m is not None and m.read

    def toggle_read(self, row_id: int) -> bool:
        """Flip read/unread; returns whether the article is read now."""
        m = self._apply(row_id, lambda i: self.store.toggle(i, "read", self.root_key))
        return m is not None and m.read

    def set_starred(self, row_id: int, starred: bool = True) -> bool:
        m = self._apply(row_id, lambda i: self.store.set_starred(i, starred, self.root_key))
        return m is not None and m.starred

    def toggle_starred(self, row_id: int) -> bool:
        """Flip the star; returns whether the article is starred now."""
        m = self._apply(row_id, lambda i: self.store.toggle(i, "starred", self.root_key))
        return m is not None and m.starred

    def next_unread(self, order: list[int], after: int | None) -> int | None:
        """The first unread row after ``after`` in ``order`` (the list as shown), wrapping around
        to the top; None when every row is read (``space`` at the end of an article)."""
        read = self.read_ids()
        start = order.index(after) + 1 if after is not None and after in order else 0
        for rid in order[start:] + order[:start]:
            if rid not in read and rid != after:
                return rid
        return None

    def row_of(self, key: str, content_hash: str = "") -> int | None:
        """The row of an identity (a session's selected article): by key, else by hash; among the
        rows a refresh joined (their identities are in the cache's memory: no file is read)."""
        with self._lock:
            joined = set(self._joined)
        idents = self._idents
        rels = [(r.id, idents.rel(r.path)) for r in archive.rows(self.library) if r.id in joined]
        for rid, rel in rels:
            if idents.key_of(rel) == key:
                return rid
        if content_hash:
            for rid, rel in rels:
                if idents.hash_of(rel) == content_hash:
                    return rid
        return None

    def close(self) -> None:
        self._idents.close()


def archive_state(library: Any, store: StateStore) -> ArchiveState:
    state = ArchiveState(library, store)
    state.refresh()
    return state


def unread_ids(library: Any, store: StateStore) -> set[int]:
    """Ids of the library's articles not marked read."""
    state = archive_state(library, store)
    try:
        return state.unread_ids()
    finally:
        state.close()


def read_ids(library: Any, store: StateStore) -> set[int]:
    state = archive_state(library, store)
    try:
        return state.read_ids()
    finally:
        state.close()


def starred_ids(library: Any, store: StateStore) -> set[int]:
    """Ids of the library's starred articles."""
    state = archive_state(library, store)
    try:
        return state.starred_ids()
    finally:
        state.close()
