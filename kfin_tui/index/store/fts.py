"""Search over the stored texts (see :mod:`kfin_tui.index.search` for the semantics).

One contentless FTS5 table, ``gram``, with doclists only (``detail=none``: no positions): its
tokens are every 4-character window of each normalised text (:func:`~.codec.grams`, with the ASCII
separators mapped to characters a normalised text never holds, so that FTS5's ``ascii`` tokenizer
keeps each window whole). A term of

* 4 characters is one token: an exact lookup;
* 1–3 characters is the start of the tokens at its occurrences (the last ones are padded): a
  prefix query, exact too; 1-character prefixes have their own index (``prefix='1'``), so that
  ``的`` does not merge the doclists of every window starting with it;
* 5 or more characters: its windows are all tokens of a text that holds it, which is necessary,
  not sufficient (``ABCD`` and ``BCDE`` may sit apart): the texts that hold all of them are
  checked against their stored text (~15-20 µs each: a long term found in many texts costs that;
  the last answers of this kind are kept while the searchable texts are unchanged: ``tgen``).

All terms of a query go to FTS5 in one ``MATCH`` (an AND, merged in C). This replaced a trigram
table with positions plus a table of single characters and pairs (format 9): at 100,000 synthetic
articles 134 MB instead of 520 MB, positions being most of it.

``texts`` stores the plain text zstd-compressed (:func:`~.codec.pack`): the ``gram`` table is filled
from it through the SQL function ``kfin_grams``, and a contentless table's ``delete`` gets its tokens
from it. Before a text is in the FTS table (a cold build in progress), search scans those texts
(decompressed) for each term, which is exact too."""
from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING

from .codec import GRAM, UNSURE, gram_term, grams, has_surrogate, packed_holds, unpack

if TYPE_CHECKING:
    from .core import Store


def term_query(term: str) -> str:
    """The ``gram`` table's MATCH expression for one normalised term: exact for up to
    :data:`~.codec.GRAM` characters, a superset of the answer beyond (see :func:`needs_check`)."""
    u = gram_term(term)  # no separator, quote or space is left in it
    if len(u) < GRAM:
        return f'"{u}"*'
    if len(u) == GRAM:
        return f'"{u}"'
    return " AND ".join(f'"{u[i:i + GRAM]}"' for i in range(len(u) - GRAM + 1))


def match_query(query_terms: list[str]) -> str:
    """One MATCH expression for every term (an AND)."""
    return " AND ".join(term_query(t) for t in query_terms)


def needs_check(term: str) -> bool:
    """Whether :func:`term_query` may find texts without ``term``: it is longer than a gram, or
    holds U+FFFD, which lone surrogates stand as in the gram table."""
    return len(term) > GRAM or UNSURE in term or has_surrogate(term)


def _holds(text: str, query_terms: list[str]) -> bool:
    return all(t in text for t in query_terms)


class Fts:
    """The FTS tables of one :class:`~kfin_tui.index.store.Store`: search, scan, build."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.stop = threading.Event()  # build() stops after its current chunk
        # the last answers to queries with a long term (checked text by text: the slow kind), for
        # the reader's re-selections of an unchanged keyword; valid for one value of meta's tgen
        self._checked: dict[tuple, frozenset[int]] = {}
        self._checked_lock = threading.Lock()

    # search ---------------------------------------------------------------
    def search(self, query_terms: list[str]) -> set[int]:
        """Ids of the texts holding every (normalised) term."""
        with self._store.read() as conn:  # one snapshot for both parts
            return self.search_in(conn, query_terms)

    def search_in(self, conn: sqlite3.Connection, query_terms: list[str]) -> set[int]:
        """:meth:`search` inside the caller's read transaction."""
        long_terms = [t.encode("utf-8", "surrogatepass") for t in query_terms if needs_check(t)]
        expr = match_query(query_terms)
        if long_terms:  # the candidates' texts, checked here
            found = set(self._checked_search(conn, expr, long_terms))
        else:
            # one string of ids instead of a row object per hit: 3x faster at 80,000 hits
            joined = conn.execute("SELECT group_concat(rowid) FROM gram WHERE gram MATCH ?", (expr,)).fetchone()[0]
            found = set(map(int, joined.split(","))) if joined else set()
        # texts not in FTS yet (a cold build in progress): exact scan over them
        found |= self.scan_in(conn, query_terms, pending_only=True)
        return found

    def _checked_search(self, conn: sqlite3.Connection, expr: str, long_terms: list[bytes]) -> frozenset[int]:
        # tgen moves with every change to the texts this reads (the schema's triggers), in this
        # snapshot; an extraction written as an article opens leaves the answer valid
        key = (conn.execute("SELECT value FROM meta WHERE key='tgen'").fetchone()[0], expr, *long_terms)
        with self._checked_lock:
            hit = self._checked.get(key)
        if hit is not None:
            return hit
        found = frozenset(i for i, tp in conn.execute(
            "SELECT t.id, t.tp FROM gram JOIN texts t ON t.id = gram.rowid WHERE gram MATCH ?", (expr,))
            if packed_holds(tp, long_terms))
        with self._checked_lock:
            if len(self._checked) >= 8:
                self._checked.pop(next(iter(self._checked)))
            self._checked[key] = found
        return found

    def scan(self, query_terms: list[str]) -> set[int]:
        """Ids of the stored texts holding every term, by an exact scan (no FTS: a damaged FTS table)."""
        return self.scan_in(self._store.conn, query_terms)

    @staticmethod
    def scan_in(conn: sqlite3.Connection, query_terms: list[str], pending_only: bool = False) -> set[int]:
        """:meth:`scan` on ``conn``; ``pending_only``: only the texts not in FTS yet."""
        pending = "AND fi.in_fts=0" if pending_only else ""
        return {i for i, tp in conn.execute(
            f"SELECT t.id, t.tp FROM files fi JOIN texts t ON t.id = fi.id WHERE fi.ok=1 {pending}")
            if _holds(unpack(tp), query_terms)}

    # build ----------------------------------------------------------------
    def ready(self) -> bool:
        """True once a build has indexed every text (new texts then go in as they are written)."""
        return self._store.get_meta("fts_ready") == "1"

    def pending(self) -> bool:
        """Texts not in FTS yet: :meth:`build` has work."""
        return self._store.conn.execute(
            "SELECT 1 FROM files WHERE ok=1 AND in_fts=0 AND body=1 LIMIT 1").fetchone() is not None

    def build(self, chunk: int = 4000) -> bool:
        """Index every text not yet in FTS, in SQL (no Python per row), a few thousand rows per
        transaction so that another instance never waits long for the write lock; then merge the
        table's segments into one (:meth:`merge`). True when it indexed some."""
        built = False
        while not self.stop.is_set():
            with self._store.write() as conn:
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM files WHERE ok=1 AND in_fts=0 AND body=1 ORDER BY id LIMIT ?", (chunk,))]
                if not ids:
                    self._store.set_meta(conn, "fts_ready", "1")
                    break
                lo, hi = ids[0], ids[-1]
                pending = ("SELECT t.id, t.tp FROM texts t JOIN files fi ON fi.id=t.id "
                           "WHERE fi.ok=1 AND fi.in_fts=0 AND fi.body=1 AND fi.id BETWEEN ? AND ?")
                conn.execute(f"INSERT INTO gram(rowid, x) SELECT id, kfin_grams(tp) FROM ({pending})", (lo, hi))
                conn.execute("UPDATE files SET in_fts=1 WHERE ok=1 AND in_fts=0 AND body=1 AND id BETWEEN ? AND ?",
                             (lo, hi))
                built = True
        if built:
            self.merge()
        return built

    def merge(self, pages: int = 1000) -> None:
        """Merge the FTS table's segments into one, ``pages`` leaf pages per transaction (FTS5's
        ``merge`` with a negative count: across levels, as ``optimize`` does at once): a bulk build
        leaves a few dozen segments, a quarter larger than one; the pages freed are reused."""
        while not self.stop.is_set():
            with self._store.write() as conn:
                before = conn.total_changes
                conn.execute("INSERT INTO gram(gram, rank) VALUES('merge', ?)", (-pages,))
                if conn.total_changes - before < 2:  # (FTS5's documented test for "nothing left to merge")
                    return

    # one text (inside the file table's write transaction) -----------------
    def add(self, conn: sqlite3.Connection, fid: int, tp: bytes) -> None:
        """Index the packed text ``tp`` of row ``fid`` now."""
        conn.execute("INSERT INTO gram(rowid, x) VALUES(?, ?)", (fid, grams(unpack(tp))))
        conn.execute("UPDATE files SET in_fts=1 WHERE id=?", (fid,))

    def remove(self, conn: sqlite3.Connection, fid: int) -> None:
        """Take row ``fid``'s text out of the FTS table (its tokens come from ``texts``: call this
        before the text is deleted)."""
        row = conn.execute("SELECT tp FROM texts WHERE id=?", (fid,)).fetchone()
        if row:
            conn.execute("INSERT INTO gram(gram, rowid, x) VALUES('delete', ?, ?)", (fid, grams(unpack(row[0]))))
