"""The file table (``files`` and the stored search texts ``texts``): one row per file of the
folder, keyed by path + size + mtime_ns so that only new or changed files are read again.

Writes happen inside the caller's ``store.write()`` transaction; each re-checks what it is about to
change (another instance may have written it meanwhile). Dropping a file drops what is derived from
its text too, through the parts that own it (:meth:`Fts.remove`, :meth:`ExtractionCache.forget`)."""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from ...listing import record_json_tail
from ..records import META_COLUMNS, ROW_COLUMNS
from .codec import all_utf8, from_db, phash, to_db

if TYPE_CHECKING:
    from .core import Store

# marshalled in the snapshots, so plain tuples (a NamedTuple cannot be marshalled):
Issue = tuple[str, str, int]  # (relative path, reason, warning) of a file with a load issue
Stat = tuple[int, int]  # (size, mtime_ns) of a file as it was read

# the list order, in SQL (records.key is the same order in Python)
LIST_ORDER = "ORDER BY undated, sort_ts DESC, title, path"


class Stored(NamedTuple):
    """What became of one record written to the file table."""

    id: int
    changed: bool  # False: the table held this size and mtime already (another instance wrote it)


class TableRows(NamedTuple):
    """The file table as one transaction saw it (:meth:`FileTable.table_rows`)."""

    gen: str
    rows: list[tuple]  # ROW_COLUMNS, in list order
    issues: list[Issue]  # by path
    stats: dict[str, Stat]  # relative path -> (size, mtime_ns)
    meta_only: set[int]  # ids of rows from a metadata pass whose body is not read yet


# what a record says of its file, as upsert, update_bodies and insert_new write it (in this order)
_CONTENT = ("ok", "title", "date", "undated", "sort_ts", "source", "author", "categories", "tickers", "format",
            "issue", "warning", "js")
_CONTENT_SET = ", ".join(f"{c}=?" for c in _CONTENT)
_COLUMNS = ", ".join(("path", "phash", "size", "mtime_ns", *_CONTENT, "body"))  # (insert_new's, with the id first)


def _content(rec: dict, body: int = 1) -> tuple:
    """A record's _CONTENT values; its ``list --json`` line made here when the worker did not (an
    article read with its body)."""
    js = rec.get("js")
    if rec["ok"] and js is None and body:
        js = record_json_tail(rec)
    return (*(rec[c] for c in _CONTENT[:-1]), js)


class FileTable:
    """Writes and reads of the file table of one :class:`~kfin_tui.index.store.Store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # writes ---------------------------------------------------------------
    def upsert(self, conn: sqlite3.Connection, rec: dict, fts_live: bool) -> Stored:
        """Store one parsed file inside an open write transaction; ``fts_live``: put its text in
        the FTS tables now (else the FTS build does, in bulk)."""
        body = rec.get("body", 1)
        db_rel = to_db(rec["path"])
        old = conn.execute("SELECT id, size, mtime_ns, in_fts, body FROM files WHERE phash=? AND path=?",
                           (phash(rec["path"]), db_rel)).fetchone()
        if old and old[1] == rec["size"] and old[2] == rec["mtime_ns"] and (old[4] or not body):
            return Stored(old[0], False)  # as stored (another instance wrote it), and not a body for a metadata row
        values = (rec["size"], rec["mtime_ns"], *_content(rec, body), body)
        if old:
            fid = old[0]
            self._drop_derived(conn, fid, old[3])
            conn.execute(f"UPDATE files SET size=?, mtime_ns=?, {_CONTENT_SET}, body=?, in_fts=0 WHERE id=?",
                         (*values, fid))
        else:
            cur = conn.execute(
                "INSERT INTO files(size, mtime_ns, ok, title, date, undated, sort_ts, source, author,"
                " categories, tickers, format, issue, warning, js, body, path, phash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*values, db_rel, phash(rec["path"])))
            fid = cur.lastrowid
        if rec["ok"] and body:
            conn.execute("INSERT OR REPLACE INTO texts(id, tp) VALUES(?, ?)", (fid, rec["tp"]))
            if fts_live:
                self._store.fts.add(conn, fid, rec["tp"])
        return Stored(fid, True)

    def update_bodies(self, conn: sqlite3.Connection, recs: list[dict], fts_live: bool) -> list[Stored]:
        """:meth:`upsert` for a batch of the body pass (files read in full after the metadata
        pass): the rows whose stored version is the metadata row of the same size and mtime are
        rewritten with set-based statements (one look-up, one ``executemany`` per table) instead of
        six statements a file, ~40 % of the main process's CPU in a cold build's body pass. Any
        other record (a new path, a changed file, a row with a body already) goes through
        :meth:`upsert`."""
        old = {from_db(r[0]): r[1:] for r in conn.execute(
            "SELECT path, id, size, mtime_ns, in_fts, body FROM files WHERE phash IN (SELECT value FROM json_each(?))",
            (json.dumps([phash(rec["path"]) for rec in recs]),))}
        out: dict[int, Stored] = {}
        values, texts = [], []
        for n, rec in enumerate(recs):
            row = old.pop(rec["path"], None)  # (a path twice in a batch: the second by upsert)
            if row is None or row[1] != rec["size"] or row[2] != rec["mtime_ns"] or row[3] or row[4] \
                    or not rec.get("body", 1):
                continue  # not a metadata row being completed: upsert's own steps (below)
            fid = row[0]
            values.append((*_content(rec), fid))
            if rec["ok"]:
                texts.append((fid, rec["tp"]))
            out[n] = Stored(fid, True)
        if out:
            ids = json.dumps([st.id for st in out.values()])
            conn.execute("DELETE FROM texts WHERE id IN (SELECT value FROM json_each(?))", (ids,))
            self._store.extractions.forget_many(conn, [st.id for st in out.values()])
            conn.executemany(f"UPDATE files SET {_CONTENT_SET}, body=1, in_fts=0 WHERE id=?", values)
            conn.executemany("INSERT OR REPLACE INTO texts(id, tp) VALUES(?, ?)", texts)
            if fts_live:
                for fid, tp in texts:
                    self._store.fts.add(conn, fid, tp)
        return [out[n] if n in out else self.upsert(conn, rec, fts_live) for n, rec in enumerate(recs)]

    def insert_new(self, conn: sqlite3.Connection, recs: list[dict]) -> list[Stored]:
        """:meth:`upsert` for records of files the index does not hold (a cold build): ids given
        here and one ``executemany``, 3-4x faster than a lookup and an insert per file. A path that
        is there after all (another instance wrote it) goes through :meth:`upsert`."""
        hashes = [phash(rec["path"]) for rec in recs]
        there = {from_db(r[0]) for r in conn.execute(
            "SELECT path FROM files WHERE phash IN (SELECT value FROM json_each(?))", (json.dumps(hashes),))}
        fresh = [n for n, rec in enumerate(recs) if rec["path"] not in there]
        base = conn.execute("SELECT coalesce(max(id), 0) FROM files").fetchone()[0] + 1
        values, texts, out = [], [], {}
        for k, n in enumerate(fresh):
            rec, fid = recs[n], base + k
            body = rec.get("body", 1)
            values.append((fid, to_db(rec["path"]), hashes[n], rec["size"], rec["mtime_ns"], *_content(rec, body), body))
            if rec["ok"] and body and rec["tp"] is not None:
                texts.append((fid, rec["tp"]))
            out[n] = Stored(fid, True)
        conn.executemany(f"INSERT INTO files(id, {_COLUMNS}) VALUES({','.join('?' * 19)})", values)
        conn.executemany("INSERT OR REPLACE INTO texts(id, tp) VALUES(?, ?)", texts)
        live = None
        for n, rec in enumerate(recs):
            if n not in out:
                if live is None:
                    live = self._store.fts.ready()
                out[n] = self.upsert(conn, rec, live)
        return [out[n] for n in range(len(recs))]

    def insert_meta(self, conn: sqlite3.Connection, metas: list[tuple], absent: bool = False) -> list[int]:
        """Store metadata tuples (:data:`META_COLUMNS`) of files the index does not hold: one
        ``executemany`` of the tuples as they came from the workers, ids in insertion order. A path
        that is there after all (another instance wrote it) goes through :meth:`upsert`.
        ``absent``: the caller knows that none is there (nobody else wrote since it last looked):
        the paths are not looked up (~5 ms a batch of 2,000)."""
        there = set() if absent else {from_db(r[0]) for r in conn.execute(
            "SELECT path FROM files WHERE phash IN (SELECT value FROM json_each(?))",
            (json.dumps([t[1] for t in metas]),))}
        fresh = [t for t in metas if t[0] not in there] if there else metas
        if not all_utf8([t[0] for t in fresh]):
            fresh = [(to_db(t[0]), *t[1:]) for t in fresh]
        ids: dict[int, int] = {}
        if fresh:
            conn.executemany(f"INSERT INTO files({', '.join(META_COLUMNS)}) VALUES({','.join('?' * len(META_COLUMNS))})",
                             fresh)
            # no id given: SQLite takes max(id) + 1 for each row, and this transaction is the only writer
            last = conn.execute("SELECT max(id) FROM files").fetchone()[0]
            first = last - len(fresh) + 1
            if fresh is metas:  # all of them new, as they came: their ids in order
                return list(range(first, last + 1))
            for k, t in enumerate(fresh):
                ids[t[0]] = first + k
        out = []
        for t in metas:
            key = t[0] if t[0] in ids else to_db(t[0])
            if key in ids:
                out.append(ids[key])
            else:
                rec = dict(zip(META_COLUMNS, t), tp=None)
                out.append(self.upsert(conn, rec, self._store.fts.ready()).id)
        return out

    def _drop_derived(self, conn: sqlite3.Connection, fid: int, in_fts: int) -> None:
        if in_fts:
            self._store.fts.remove(conn, fid)
        conn.execute("DELETE FROM texts WHERE id=?", (fid,))
        self._store.extractions.forget(conn, fid)

    def delete_paths(self, conn: sqlite3.Connection, paths: list[str]) -> list[int]:
        """Drop the rows of these relative paths (and all derived from them); their ids."""
        gone = []
        for p in paths:
            row = conn.execute("SELECT id, in_fts FROM files WHERE phash=? AND path=?", (phash(p), to_db(p))).fetchone()
            if row:
                self._drop_derived(conn, row[0], row[1])
                conn.execute("DELETE FROM files WHERE id=?", (row[0],))
                gone.append(row[0])
        if gone:
            self._store.bump_gen(conn)
        return gone

    # reads ----------------------------------------------------------------
    def has_files(self) -> bool:
        return self._store.conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None

    def bodies_pending(self, conn: sqlite3.Connection | None = None) -> bool:
        """Rows of the metadata pass whose text is not read yet (search would miss them)."""
        return (conn or self._store.conn).execute("SELECT 1 FROM files WHERE body=0 LIMIT 1").fetchone() is not None

    def pending_bodies(self) -> list[str]:
        """Relative paths of the rows that have metadata only, in the order of their ids (the walk's).
        Not newest first: the body pass rewrites each row (its text, JSON line and tickers), and
        rows taken in list order lie all over the table, so every write transaction rewrote pages
        all over it. At 100,000 rows that was 30 CPU-s of SQLite in the main process against 12 in
        id order, and the whole pass 74 s against 53 s on two cores."""
        return [from_db(r[0]) for r in self._store.conn.execute("SELECT path FROM files WHERE body=0 ORDER BY id")]

    def stats(self, conn: sqlite3.Connection | None = None) -> dict[str, Stat]:
        """relative path → (size, mtime_ns) of every known file."""
        return {p if p[0] != "/" else from_db(p): (s, m)
                for p, s, m in (conn or self._store.conn).execute("SELECT path, size, mtime_ns FROM files")}

    def row_tuples(self, conn: sqlite3.Connection | None = None) -> list[tuple]:
        """Every article's table tuple (:data:`~kfin_tui.index.records.ROW_COLUMNS`), in list order."""
        sql = f"SELECT {ROW_COLUMNS} FROM files WHERE ok=1 {LIST_ORDER}"
        return [t if t[1][0] != "/" else (t[0], from_db(t[1]), *t[2:]) for t in (conn or self._store.conn).execute(sql)]

    def issues(self, conn: sqlite3.Connection | None = None) -> list[Issue]:
        """(relative path, reason, warning) of every file with a load issue, by path."""
        out = [(from_db(p), r, w) for p, r, w in (conn or self._store.conn).execute(
            "SELECT path, issue, warning FROM files WHERE issue IS NOT NULL")]
        out.sort()
        return out

    def table_rows(self) -> TableRows:
        """Rows, issues, stats and the metadata-only ids read from the tables in one transaction:
        they belong together even while another instance writes."""
        with self._store.read() as conn:
            return TableRows(self._store.generation(conn), self.row_tuples(conn), self.issues(conn), self.stats(conn),
                             {r[0] for r in conn.execute("SELECT id FROM files WHERE body=0 AND ok=1")})
