"""The extraction cache: per article its extraction (JSON) and its company names, kept until the
file changes (the file table drops them with it, :meth:`ExtractionCache.forget`) or the extractor's
version does (:meth:`ExtractionCache.drop_outdated`, when the index is opened)."""
from __future__ import annotations

import json
import sqlite3
import sys
import threading
from array import array
from typing import TYPE_CHECKING, NamedTuple

from ...versions import EXTRACTOR_VERSION
from .filetable import LIST_ORDER

if TYPE_CHECKING:
    from .core import Store


Found = tuple[dict | None, list[str]]  # (extraction JSON or None, company names) of one article
FOUND_BATCH = 20_000  # articles whose companies from the body pass are written at once
FOUND_TAIL = 2_000  # … once fewer than FOUND_BATCH articles are left in the pass (what the end writes)


class CompanyCount(NamedTuple):
    name: str
    articles: int


class ExtractionCache:
    """The ``extraction``, ``company`` and ``cname`` tables of one :class:`~kfin_tui.index.store.Store`
    (``cname`` numbers every name ever written; a name whose articles went keeps its number)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._found: dict[int, tuple[int, int, Found]] = {}  # put_found's, not written yet: id -> (size, mtime_ns, found)
        self._found_lock = threading.Lock()
        self._flush_at = FOUND_BATCH

    def left_in_pass(self, n: int | None) -> None:
        """The body pass has ``n`` articles left to store (None: it is over). Near its end what is
        held is written every :data:`FOUND_TAIL` articles instead of :data:`FOUND_BATCH`: what is
        left for the end of the pass (its :meth:`flush_found`, after the last worker is done) is
        at most that many, not up to 20,000 articles' names (~1 s at 100,000 rows)."""
        self._flush_at = FOUND_TAIL if n is not None and n < FOUND_BATCH else FOUND_BATCH

    @staticmethod
    def drop_outdated(conn: sqlite3.Connection) -> None:
        """Extractions cached by another extractor version are dropped (rows and texts stay)."""
        row = conn.execute("SELECT value FROM meta WHERE key='extractor'").fetchone()
        if row is not None and row[0] == str(EXTRACTOR_VERSION):
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='extractor'").fetchone()
            if row is None or row[0] != str(EXTRACTOR_VERSION):
                conn.execute("DELETE FROM extraction")
                conn.execute("DELETE FROM company")
                conn.execute("DELETE FROM cname")
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('extractor', ?)",
                             (str(EXTRACTOR_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def get(self, fid: int) -> dict | None:
        """The cached extraction of article ``fid``; None when there is none (or only its companies)."""
        row = self._store.conn.execute("SELECT json FROM extraction WHERE id=?", (fid,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, items: list[tuple[int, dict | None, list[str]]]) -> None:
        """Per article (id, extraction, company names): the extraction None means only its
        companies are known yet (stored as ``null``; :meth:`get` then answers None and the figures
        are computed when asked). Articles whose row went meanwhile are skipped. Set-based: one
        statement per table whatever the number of articles."""
        if not items:
            return
        with self._store.write() as conn:
            there = {r[0] for r in conn.execute("SELECT id FROM files WHERE id IN (SELECT value FROM json_each(?))",
                                                (json.dumps([fid for fid, _, _ in items]),))}
            self._write(conn, [(fid, (data, names)) for fid, data, names in items if fid in there])

    def put_found(self, conn: sqlite3.Connection, items: list[tuple[int, int, int, Found]]) -> None:
        """What the body pass found, per article (id, size, mtime_ns, (extraction, company names)),
        inside the caller's write transaction (the one that stored the rows). Held here and written
        :data:`FOUND_BATCH` articles at a time (:meth:`flush_found` writes the rest): a transaction
        that adds names to a few hundred articles rewrites most pages of the company table (names
        spread over all of it), so writing them with every batch of rows doubled what a cold build
        wrote to disk."""
        with self._found_lock:
            for fid, size, mtime_ns, found in items:
                self._found[fid] = (size, mtime_ns, found)
            full = len(self._found) >= self._flush_at
        if full:
            self._write_found(conn)

    def flush_found(self) -> None:
        """Write what :meth:`put_found` holds (the end of a body pass)."""
        if self._found:
            with self._store.write() as conn:
                self._write_found(conn)

    def _write_found(self, conn: sqlite3.Connection) -> None:
        with self._found_lock:
            held, self._found = self._found, {}
        if not held:
            return
        # only for rows still as they were read (another instance may have changed or extracted them)
        now = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT id, size, mtime_ns FROM files WHERE body=1 AND id IN (SELECT value FROM json_each(?))"
            " AND NOT EXISTS(SELECT 1 FROM extraction e WHERE e.id=files.id)", (json.dumps(list(held)),))}
        self._write(conn, [(fid, found) for fid, (size, mtime_ns, found) in held.items()
                           if now.get(fid) == (size, mtime_ns)])

    @staticmethod
    def _write(conn: sqlite3.Connection, items: list[tuple[int, Found]]) -> None:
        if not items:
            return
        ids = json.dumps([fid for fid, _ in items])
        old = {fid: unpack_nids(blob) for fid, blob in conn.execute(
            "SELECT id, nids FROM extraction WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
        nid = _name_numbers(conn, {n for _fid, (_data, names) in items for n in names})
        rows, new = [], {}
        for fid, (data, names) in items:
            nids = sorted({nid[n] for n in names})
            new[fid] = nids
            rows.append((fid, "null" if data is None else json.dumps(data, ensure_ascii=False), pack_nids(nids)))
        conn.executemany("INSERT OR REPLACE INTO extraction(id, json, nids) VALUES(?, ?, ?)", rows)
        gone = {fid: nids for fid, nids in old.items() if nids != new[fid]}
        _update_postings(conn, add={fid: nids for fid, nids in new.items() if old.get(fid) != nids}, remove=gone)

    def forget_many(self, conn: sqlite3.Connection, fids: list[int]) -> None:
        """:meth:`forget` for many rows: one statement per table."""
        ids = json.dumps(fids)
        old = {fid: unpack_nids(blob) for fid, blob in conn.execute(
            "SELECT id, nids FROM extraction WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
        if old:
            conn.execute("DELETE FROM extraction WHERE id IN (SELECT value FROM json_each(?))", (ids,))
            _update_postings(conn, add={}, remove=old)
        if self._found:
            with self._found_lock:
                for fid in fids:
                    self._found.pop(fid, None)

    def forget(self, conn: sqlite3.Connection, fid: int) -> None:
        """Drop what is cached for row ``fid`` (inside the caller's write transaction)."""
        self.forget_many(conn, [fid])

    def pending_ids(self) -> list[int]:
        """Ids of the articles with nothing cached, in list order."""
        return [r[0] for r in self._store.conn.execute(
            f"SELECT f.id FROM files f LEFT JOIN extraction e ON e.id=f.id WHERE f.ok=1 AND e.id IS NULL {LIST_ORDER}")]

    def pending(self) -> bool:
        """Whether some article has nothing cached."""
        return self._store.conn.execute(
            "SELECT 1 FROM files f WHERE f.ok=1 AND NOT EXISTS(SELECT 1 FROM extraction e WHERE e.id=f.id) LIMIT 1"
        ).fetchone() is not None

    def companies_for(self, fid: int) -> list[str] | None:
        """The company names of article ``fid``, or None when it has not been extracted."""
        conn = self._store.conn
        row = conn.execute("SELECT nids FROM extraction WHERE id=?", (fid,)).fetchone()
        if row is None:
            return None
        return [r[0] for r in conn.execute("SELECT name FROM cname WHERE nid IN (SELECT value FROM json_each(?))"
                                           " ORDER BY name", (json.dumps(unpack_nids(row[0])),))]

    def ids_with_company(self, name: str) -> set[int]:
        out: set[int] = set()
        for blk, blob in self._store.conn.execute(
                "SELECT c.blk, c.ids FROM cname n JOIN company c ON c.nid=n.nid WHERE n.name=?", (name,)):
            base = blk << BLOCK_BITS
            out.update(base + off for off in _unpack(_OFF, blob))
        return out

    def company_names(self) -> list[CompanyCount]:
        """Every company named in the cache with its number of articles, most first."""
        return [CompanyCount(n, c) for n, c in self._store.conn.execute(
            f"SELECT n.name, k.c FROM (SELECT nid, sum(length(ids)) / {_OFF_SIZE} AS c FROM company GROUP BY nid) k"
            " JOIN cname n ON n.nid=k.nid ORDER BY k.c DESC, n.name")]


def _name_numbers(conn: sqlite3.Connection, names: set[str]) -> dict[str, int]:
    """name → its number in ``cname`` for each of ``names`` (numbered here when new), inside the
    caller's write transaction."""
    if not names:
        return {}
    conn.executemany("INSERT OR IGNORE INTO cname(name) VALUES(?)", [(n,) for n in names])
    return dict(conn.execute("SELECT name, nid FROM cname WHERE name IN (SELECT value FROM json_each(?))",
                             (json.dumps(list(names), ensure_ascii=False),)))


# An article's names are a packed array of their numbers (``extraction.nids``); the articles of a
# name are posting blocks: ``company(nid, blk, ids)``, ``ids`` the sorted offsets (id - blk * 4096)
# of the articles with ids in block ``blk`` that name it. A cold build of the 100k bench wrote its
# 2.5M (name, article) pairs as as many rows of two B-trees (the table and its index by article):
# ~8 s of the main process's CPU, against ~1 s as ~60,000 blocks.
BLOCK_BITS = 12
_OFF = "H"  # an offset in a block: 0..4095
_NID = next(t for t in "IL" if array(t).itemsize == 4)  # a name number (cname.nid)
_OFF_SIZE = array(_OFF).itemsize


def _pack(code: str, values: list[int]) -> bytes:
    a = array(code, values)
    if sys.byteorder == "big":  # little-endian on disk, whatever the machine
        a.byteswap()
    return a.tobytes()


def _unpack(code: str, blob: bytes | None) -> list[int]:
    a = array(code)
    if blob:
        a.frombytes(blob)
        if sys.byteorder == "big":
            a.byteswap()
    return a.tolist()


def pack_nids(nids: list[int]) -> bytes:
    return _pack(_NID, nids)


def unpack_nids(blob: bytes | None) -> list[int]:
    return _unpack(_NID, blob)


def _update_postings(conn: sqlite3.Connection, add: dict[int, list[int]], remove: dict[int, list[int]]) -> None:
    """Add each article of ``add`` to the blocks of its names, take each of ``remove`` out of its
    names' blocks (article id -> name numbers), inside the caller's write transaction: the blocks
    touched are read once, merged, and written back (or deleted when empty)."""
    plus: dict[tuple[int, int], list[int]] = {}
    minus: dict[tuple[int, int], set[int]] = {}
    mask = (1 << BLOCK_BITS) - 1
    for fid, nids in add.items():
        blk, off = fid >> BLOCK_BITS, fid & mask
        for n in nids:
            key = (n, blk)
            got = plus.get(key)
            if got is None:
                plus[key] = [off]
            else:
                got.append(off)
    for fid, nids in remove.items():
        blk, off = fid >> BLOCK_BITS, fid & mask
        for n in nids:
            minus.setdefault((n, blk), set()).add(off)
    keys = plus.keys() | minus.keys()
    if not keys:
        return
    have = {}
    for n, blk, blob in conn.execute(
            "SELECT nid, blk, ids FROM company WHERE nid IN (SELECT value FROM json_each(?))"
            " AND blk IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({k[0] for k in keys})), json.dumps(sorted({k[1] for k in keys})))):
        if (n, blk) in keys:
            have[(n, blk)] = blob
    write, drop = [], []
    for key in keys:
        blob = have.get(key)
        if blob is None and key not in minus:
            offs = plus[key]
            offs.sort()
        else:
            cur = set(_unpack(_OFF, blob)) - minus.get(key, set())
            cur.update(plus.get(key, ()))
            offs = sorted(cur)
        if offs:
            write.append((key[0], key[1], _pack(_OFF, offs)))
        elif blob is not None:
            drop.append(key)
    conn.executemany("INSERT OR REPLACE INTO company(nid, blk, ids) VALUES(?, ?, ?)", write)
    conn.executemany("DELETE FROM company WHERE nid=? AND blk=?", drop)
