"""The index's core: one SQLite database per corpus folder, its schema, connections and lifetime,
the ``meta`` table and the generation. The parts that own the rest hang off :class:`Store`:

* :attr:`Store.files` (:mod:`.filetable`): the file table, its writes and reads;
* :attr:`Store.snapshots` (:mod:`.snapshots`): ready-made copies of the file table for a warm
  start — the snapshot blobs and the ``-listing``, ``-folders`` and ``-names`` files beside the
  database;
* :attr:`Store.fts` (:mod:`.fts`): search (FTS5, or a scan of the stored texts) and its build;
* :attr:`Store.extractions` (:mod:`.extractions`): the cached extraction results.

Robustness: WAL journal, ``busy_timeout``, every write in a ``BEGIN IMMEDIATE`` transaction that
re-checks what it is about to change (a second instance may have done it meanwhile). A database
that is corrupt or has another ``user_version`` is deleted and built anew. Nothing here imports the
article parser or Textual.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
import weakref
from pathlib import Path

from ...versions import LOADER_VERSION
from ..walk import FOLDERS_SUFFIX, NAMES_SUFFIX
from .codec import sql_grams
from .extractions import ExtractionCache
from .filetable import FileTable
from .fts import Fts
from .snapshots import LISTING_SUFFIX, SNAPSHOT_FORMAT, Snapshots

# the layout of this database and the loader that filled it: either changing rebuilds the index
# 14: the tgen triggers; 13: company postings in blocks (company(nid, blk, ids)), extraction.nids; 12: company names by number (cname); 11: texts zstd-compressed; 10: one FTS table of 4-character grams, 8 KiB pages
SCHEMA_VERSION = 14 * 1000 + LOADER_VERSION
PAGE_SIZE = 8192  # a new database's pages: texts of ~1.5 KB waste a quarter of 4 KiB pages, 10 % of 8 KiB

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,             -- relative to the corpus root, '/'-separated
    phash INTEGER NOT NULL,         -- crc32 of path: an integer index costs a fifth of a text one
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ok INTEGER NOT NULL,            -- 1: an article; 0: an issue only
    title TEXT, date TEXT, undated INTEGER, sort_ts REAL,
    source TEXT, author TEXT, categories TEXT, tickers TEXT, format TEXT,
    issue TEXT, warning INTEGER,
    in_fts INTEGER NOT NULL DEFAULT 0,
    body INTEGER NOT NULL DEFAULT 1,  -- 0: metadata only (a cold build's first pass): no text yet
    js TEXT                         -- the list --json line after its path key (listing.json_tail)
);
CREATE INDEX IF NOT EXISTS files_phash ON files(phash);
CREATE INDEX IF NOT EXISTS files_pending ON files(id) WHERE ok=1 AND in_fts=0;
CREATE INDEX IF NOT EXISTS files_nobody ON files(id) WHERE body=0;
CREATE TABLE IF NOT EXISTS snapshot(k INTEGER PRIMARY KEY, gen TEXT NOT NULL, data BLOB NOT NULL);
-- keyed in the order written (the body pass, which once went newest first, then left pages keyed
-- by id a quarter empty; it goes in id order now, and either way this stays packed); id is the file's
CREATE TABLE IF NOT EXISTS texts(k INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, tp BLOB NOT NULL);
-- nids: the article's company names by number (a packed array; extractions.py)
CREATE TABLE IF NOT EXISTS extraction(id INTEGER PRIMARY KEY, json TEXT NOT NULL, nids BLOB);
-- the articles naming a company: per name number, blocks of 4,096 article ids, each the sorted offsets
-- (id - blk * 4096) of its articles that name it (extractions.py). Names by number, not as text.
CREATE TABLE IF NOT EXISTS cname(nid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS company(nid INTEGER NOT NULL, blk INTEGER NOT NULL, ids BLOB NOT NULL,
                                   PRIMARY KEY(nid, blk)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS gram USING fts5(x, tokenize='ascii', content='', detail=none, columnsize=0,
                                                   prefix='1');
-- tgen: the searchable texts' generation, moved by every change to what Fts.search reads (a text
-- of the FTS table changed or gone, a text in or out of it): the remembered answers of long terms
-- are valid for one value; an article's extraction or a file's metadata leaves it. Triggers: every
-- write path moves it, whichever module writes.
INSERT INTO meta(key, value) VALUES('tgen', '0');
CREATE TRIGGER IF NOT EXISTS texts_gen_i AFTER INSERT ON texts WHEN (SELECT in_fts FROM files WHERE id = new.id) BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'tgen'; END;
CREATE TRIGGER IF NOT EXISTS texts_gen_u AFTER UPDATE ON texts BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'tgen'; END;
CREATE TRIGGER IF NOT EXISTS texts_gen_d AFTER DELETE ON texts BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'tgen'; END;
CREATE TRIGGER IF NOT EXISTS files_gen_u AFTER UPDATE OF in_fts ON files WHEN old.in_fts IS NOT new.in_fts BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'tgen'; END;
CREATE TRIGGER IF NOT EXISTS files_gen_d AFTER DELETE ON files WHEN old.in_fts BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'tgen'; END;
INSERT INTO gram(gram, rank) VALUES('automerge', 16);
INSERT INTO gram(gram, rank) VALUES('crisismerge', 64);
PRAGMA user_version = {SCHEMA_VERSION};
"""

_TABLES = frozenset(("meta", "files", "snapshot", "texts", "extraction", "cname", "company", "gram"))
# the database and the files beside it (SQLite's, the listing, the folder fingerprints and names)
SIDE_FILES = ("", "-wal", "-shm", "-journal", LISTING_SUFFIX, FOLDERS_SUFFIX, NAMES_SUFFIX)


class StoreError(Exception):
    """The index cannot be used (no SQLite, no FTS5, read-only cache, …): load in memory instead."""


def db_path_for(root: Path, cache: Path | None = None) -> Path:
    from ...paths import index_path_for

    return index_path_for(root, cache)


class _Lease:
    """A thread's hold on its connection, kept in the store's thread-local: when the thread ends,
    Python drops its thread-locals, and the connection goes back to the store."""

    __slots__ = ("__weakref__", "conn")

    def __init__(self, store: Store, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # (the store by a weak reference: a strong one, held by the finalizer, would keep a store
        # nobody closed, and its connections' files, open for as long as the thread lives)
        weakref.finalize(self, _give_back, weakref.ref(store), conn)


def _give_back(store_ref: weakref.ref[Store], conn: sqlite3.Connection) -> None:
    store = store_ref()
    if store is not None:
        store._release(conn)
    else:  # the store was dropped unclosed: so is its connection
        with contextlib.suppress(sqlite3.Error):
            conn.close()


class Store:
    """One SQLite index: its connections (per thread: the UI runs extraction in a worker thread),
    schema, lifetime, ``meta`` and generation; the parts that own the tables are attributes."""

    def __init__(self, root: Path, path: Path | None = None) -> None:
        self.root = Path(root)
        self.path = Path(path) if path else db_path_for(self.root)
        self._local = threading.local()
        self.closed = False  # close_for_good(): no connection is opened any more
        self.damage: list[str] = []  # damage found in side files, snapshots or tables (see note_damage)
        self._conns: list[sqlite3.Connection] = []
        self._idle: list[sqlite3.Connection] = []  # connections of threads that have ended
        self._conns_lock = threading.RLock()  # (re-entrant: a lease may be collected while it is held)
        self.files = FileTable(self)
        self.snapshots = Snapshots(self)
        self.fts = Fts(self)
        self.extractions = ExtractionCache(self)
        self.open()

    # connection ---------------------------------------------------------
    def open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cache folder not writable: {exc}") from exc
        for attempt in range(2):
            try:
                conn = self._connect()
                self._check(conn)
                return
            except (sqlite3.DatabaseError, StoreError) as exc:
                self.close()
                if attempt or (isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)):
                    raise StoreError(str(exc)) from exc
                if "damaged" in str(exc) or not isinstance(exc, StoreError):
                    self.note_damage(f"index rebuilt: {exc}")
                self._discard()  # corrupt / old version: start again

    def _connect(self) -> sqlite3.Connection:
        lease = getattr(self._local, "lease", None)
        if lease is not None:
            return lease.conn
        if self.closed:
            raise sqlite3.ProgrammingError("the index is closed")
        with self._conns_lock:
            conn = self._idle.pop() if self._idle else None
        if conn is not None:  # a finished thread's: its page cache and Fts' remembered answers with it
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.rollback()
            self._local.lease = _Lease(self, conn)
            return conn
        conn = sqlite3.connect(str(self.path), timeout=10.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # takes effect only while the file is empty
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -16384")  # per connection; the OS caches the file too
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function("kfin_grams", 1, sql_grams, deterministic=True)
        with self._conns_lock:
            self._conns.append(conn)
        self._local.lease = _Lease(self, conn)
        return conn

    def _release(self, conn: sqlite3.Connection) -> None:
        """A thread that held ``conn`` has ended (its :class:`_Lease` collected): the next new thread
        takes the connection over. The reader runs each search in a new worker thread: with a
        connection per thread they each opened one, read the index through a cold page cache and
        kept it (16 MB each) until the index closed."""
        with self._conns_lock:
            if any(c is conn for c in self._conns):  # (not one :meth:`close` has closed)
                self._idle.append(conn)

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        return self._connect()

    def _check(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            raise StoreError(f"index version {version}, expected {SCHEMA_VERSION}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        if version == 0:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                    for stmt in _SCHEMA.split(";\n"):
                        if stmt.strip():
                            conn.execute(stmt)
                    # the folder this index is for: `kfin-tui index --prune` drops it once it is gone
                    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('root', ?)",
                                 (_root_value(self.root),))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        # a cheap sanity read: a damaged file fails here rather than later
        conn.execute("SELECT count(*) FROM meta").fetchone()
        conn.execute("SELECT id FROM files LIMIT 1").fetchall()
        # every table there (a dropped FTS table made search answer 0, silently: issue 10 item 15)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = _TABLES - names
        if missing:
            raise StoreError(f"index damaged: table {', '.join(sorted(missing))} missing")
        self.extractions.drop_outdated(conn)

    def note_damage(self, what: str) -> None:
        """Damage found and repaired (or about to be): the library reports it, once."""
        if what not in self.damage:
            self.damage.append(what)

    def mark_broken(self) -> None:
        """Best effort: an impossible user_version, so that the next open rebuilds the index."""
        try:
            self.conn.execute("PRAGMA user_version = -1")
        except sqlite3.Error:
            pass

    def _discard(self) -> None:
        for suffix in SIDE_FILES:
            try:
                os.unlink(str(self.path) + suffix)
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise StoreError(f"cannot remove damaged index {self.path}: {exc}") from exc

    def close(self) -> None:
        with self._conns_lock:
            conns, self._conns, self._idle = self._conns, [], []
        for c in conns:
            with contextlib.suppress(sqlite3.Error):
                c.close()
        self._local = threading.local()

    def close_for_good(self) -> None:
        """Close every connection; later calls fail with ``sqlite3.ProgrammingError``."""
        self.closed = True
        self.close()

    def compact(self) -> None:
        """Rewrite the database without the slack of a build (``VACUUM``): the body pass grows
        each row it reads, and the companies come in name order, so their pages are left partly
        empty; the FTS table's merged-away pages are free. For the end of
        ``kfin-tui index`` (seconds at 100,000 articles; it needs the room of a copy meanwhile),
        never while a reader works: other connections wait for it."""
        conn = self.conn
        conn.execute("PRAGMA temp_store = FILE")  # the copy VACUUM makes: not in memory
        try:
            conn.execute("VACUUM")
        finally:
            conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL held a copy of every page

    # transactions -------------------------------------------------------
    def write(self) -> _Txn:
        """``with store.write() as conn:`` one ``BEGIN IMMEDIATE`` transaction (rolled back on error)."""
        return _Txn(self.conn)

    @contextlib.contextmanager
    def read(self):
        """``with store.read() as conn:`` one consistent read (``BEGIN`` … ``COMMIT``)."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    # meta ---------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                     (key, value))

    def bump_gen(self, conn: sqlite3.Connection) -> None:
        """Mark the file table changed (inside a write transaction): the snapshots are stale."""
        conn.execute("INSERT INTO meta(key, value) VALUES('gen', '1') "
                     "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    def generation(self, conn: sqlite3.Connection | None = None) -> str:
        """The file table's generation (changed by :meth:`bump_gen`) with what the snapshots depend
        on besides (the interpreter that marshals them, their format): a snapshot is valid for one."""
        row = (conn or self.conn).execute("SELECT value FROM meta WHERE key='gen'").fetchone()
        return f"{row[0] if row else 0}:py{sys.version_info[0]}.{sys.version_info[1]}:s{SNAPSHOT_FORMAT}"


class _Txn:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass


def _root_value(root: Path) -> str | bytes:
    """The folder as stored in ``meta``: text, or its file-system bytes when its name is not
    UTF-8 (a lone surrogate cannot be bound as SQLite text); ``prune`` reads either."""
    path = str(root.resolve())
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path)
