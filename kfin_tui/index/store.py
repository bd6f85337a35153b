"""The persistent index of one corpus folder: SQLite in the user cache directory.

One database per folder (file name = hash of the resolved folder path). Per file it keeps the list
metadata (everything a :class:`~kfin_tui.index.library.Row` holds), the load issue if any, the
normalised search text and cached extraction results, keyed by path + size + mtime_ns so that only
new or changed files are read again.

Search (see :mod:`kfin_tui.index.search` for the semantics) uses two FTS5 tables, both contentless:

* ``f``: trigram tokenizer over the normalised text; terms of 3+ characters are phrase queries,
  which are exact substring matches.
* ``g``: trigram tokenizer over the *spread* text ``\\x01a\\x01b\\x01c\\x01`` (every character
  between separators). Its trigrams ``\\x01a\\x01`` and ``a\\x01b`` are exactly the characters and
  character pairs of the text, so 1- and 2-character terms (which trigram FTS cannot search) are
  single-token lookups, exact and with doclists only (``detail=none``).

``texts`` stores the plain text zlib-compressed (:func:`pack`; 0.4x its UTF-8 size, where the spread
form it held before was 1.3x): both FTS tables are filled from it through the SQL functions
``kfin_plain`` and ``kfin_spread`` (:func:`unpack`, :func:`spread`), and a contentless table's
``delete`` gets its tokens from it. Before the FTS tables are built (a cold build in progress),
search scans those texts (decompressed) for each term, which is exact too.

Robustness: WAL journal, ``busy_timeout``, every write in a ``BEGIN IMMEDIATE`` transaction that
re-checks what it is about to change (a second instance may have done it meanwhile). A database
that is corrupt or has another ``user_version`` is deleted and built anew. Nothing here imports the
article parser or Textual.
"""
from __future__ import annotations

import contextlib
import json
import marshal
import mmap
import os
import sqlite3
import struct
import sys
import threading
import time
import zlib
from array import array
from pathlib import Path
from typing import NamedTuple

from ..listing import json_head, record_json_tail, to_bytes
from ..versions import EXTRACTOR_VERSION, LOADER_VERSION
from . import checksum
from .records import FIELD_SEP, META_COLUMNS, ROW_COLUMNS
from .walk import FOLDERS_LINE, folder_prefix, folders_path, read_folders

# the layout of this database and the loader that filled it: either changing rebuilds the index
SCHEMA_VERSION = 9 * 1000 + LOADER_VERSION  # 9: texts compressed, not spread
SEP = "\x01"
SNAPSHOT_FORMAT = 5  # bump when the snapshot tuples change (5: sealed with a CRC-32)
RACY_NS = 2_000_000_000  # a folder or file changed this recently may change again unseen: no fingerprint

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
CREATE TABLE IF NOT EXISTS texts(id INTEGER PRIMARY KEY, tp BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS extraction(id INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS company(name TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY(name, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS company_id ON company(id);
CREATE VIRTUAL TABLE IF NOT EXISTS f USING fts5(x, tokenize='trigram case_sensitive 1', content='');
CREATE VIRTUAL TABLE IF NOT EXISTS g USING fts5(x, tokenize='trigram case_sensitive 1', content='', detail=none);
INSERT INTO f(f, rank) VALUES('automerge', 16);
INSERT INTO g(g, rank) VALUES('automerge', 16);
INSERT INTO f(f, rank) VALUES('crisismerge', 64);
INSERT INTO g(g, rank) VALUES('crisismerge', 64);
PRAGMA user_version = {SCHEMA_VERSION};
"""

_TABLES = frozenset(("meta", "files", "snapshot", "texts", "extraction", "company", "f", "g"))
# the database and the files beside it (SQLite's, the listing, the folder fingerprints)
SIDE_FILES = ("", "-wal", "-shm", "-journal", "-listing", "-folders")


_LISTING_HEAD = struct.Struct("<5Q5I")  # the sizes of the five parts of the listing file, their CRC-32s


class TableRows(NamedTuple):
    """The file table as one transaction saw it (:meth:`Store.table_rows`)."""

    gen: str
    rows: list[tuple]  # ROW_COLUMNS, in list order
    issues: list[tuple[str, str, int]]  # (relative path, reason, warning)
    stats: dict[str, tuple[int, int]]  # relative path -> (size, mtime_ns)
    meta_only: set[int]  # ids of rows from a metadata pass whose body is not read yet


class StoreError(Exception):
    """The index cannot be used (no SQLite, no FTS5, read-only cache, …): load in memory instead."""


_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_FAST_SPREAD = array("I").itemsize == 4


def spread(text: str) -> str:
    """``abc`` → ``\\x01a\\x01b\\x01c\\x01``: what the ``g`` table and the scan fallback work on."""
    text = text.replace(SEP, "")
    if _FAST_SPREAD and text:
        # interleave in C (array slice assignment): 8x faster than SEP.join for CJK text
        try:
            chars = array("I", text.encode(_UTF32))
        except UnicodeEncodeError:  # lone surrogates
            pass
        else:
            out = array("I", [1]) * (2 * len(chars) + 1)
            out[1::2] = chars
            return out.tobytes().decode(_UTF32)
    return SEP + SEP.join(text) + SEP


PACK_LEVEL = 1  # zlib level: 4 % larger than level 6, compressed in about half the time (in the workers)


def pack(text: str) -> bytes:
    """How ``texts`` stores a search text: its plain form (no separators), UTF-8, zlib-compressed."""
    return zlib.compress(text.replace(SEP, "").encode("utf-8", "surrogatepass"), PACK_LEVEL)


def unpack(tp: bytes | str) -> str:
    """The plain search text :func:`pack` stored (a ``str`` is taken as a spread or plain text).
    Damage is a ``sqlite3.DatabaseError``, as for any other damaged part of the index."""
    if isinstance(tp, str):
        return tp.replace(SEP, "")
    try:
        return zlib.decompress(tp).decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError, TypeError) as exc:
        raise sqlite3.DatabaseError(f"index damaged: a stored text cannot be read ({exc})") from exc


def _sql_plain(tp: bytes) -> str:
    return unpack(tp)


def _sql_spread(tp: bytes) -> str:
    return spread(unpack(tp))


def to_db(rel: str) -> str:
    """How a relative path is stored. SQLite text must be UTF-8: a file name that is not (bytes
    decoded with surrogate escapes, as old zip archives unpack GBK names) is stored as ``/`` and
    the hex of its bytes — a relative path never starts with ``/``, so the form is unambiguous."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        return "/" + rel.encode("utf-8", "surrogateescape").hex()


def from_db(p: str) -> str:
    """The relative path :func:`to_db` stored."""
    return p if p[:1] != "/" else bytes.fromhex(p[1:]).decode("utf-8", "surrogateescape")


def _all_utf8(paths) -> bool:
    try:
        "\n".join(paths).encode("utf-8")  # one C call for a whole batch
        return True
    except UnicodeEncodeError:
        return False


def phash(path: str) -> int:
    """The indexed key of a relative path (collisions are fine: lookups compare the path too)."""
    return zlib.crc32(path.encode("utf-8", "surrogatepass"))


def db_path_for(root: Path, cache: Path | None = None) -> Path:
    from ..paths import index_path_for

    return index_path_for(root, cache)


def _fts_phrase(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def term_query(term: str) -> tuple[str, str]:
    """(table, MATCH expression) answering one normalised term exactly."""
    if len(term) == 1:
        return "g", _fts_phrase(SEP + term + SEP)
    if len(term) == 2:
        return "g", _fts_phrase(term[0] + SEP + term[1])
    return "f", _fts_phrase(term)


class Store:
    """One SQLite index. Connections are per thread (the UI runs extraction in a worker thread)."""

    def __init__(self, root: Path, path: Path | None = None, *, readonly: bool = False) -> None:
        self.root = Path(root)
        self.path = Path(path) if path else db_path_for(self.root)
        self.readonly = readonly
        self._local = threading.local()
        self.closed = False  # close_for_good(): no connection is opened any more
        self.stop_fts = threading.Event()  # build_fts stops after its current chunk
        self.damage: list[str] = []  # damage found in side files, snapshots or tables (see _note_damage)
        self._rewrite = False  # a snapshot or the listing was damaged: write them anew at the next chance
        self._conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
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
                    self._note_damage(f"index rebuilt: {exc}")
                self._discard()  # corrupt / old version: start again

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self.closed:
            raise sqlite3.ProgrammingError("the index is closed")
        conn = sqlite3.connect(str(self.path), timeout=10.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -16384")  # per connection; the OS caches the file too
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function("kfin_plain", 1, _sql_plain, deterministic=True)
        conn.create_function("kfin_spread", 1, _sql_spread, deterministic=True)
        self._local.conn = conn
        with self._conns_lock:
            self._conns.append(conn)
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
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
                                 (str(self.root.resolve()),))
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
        self._check_extractor(conn)

    @staticmethod
    def _check_extractor(conn: sqlite3.Connection) -> None:
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
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('extractor', ?)",
                             (str(EXTRACTOR_VERSION),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _note_damage(self, what: str) -> None:
        """Damage found: the library reports it; snapshots and the listing are written anew."""
        self._rewrite = True
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
            conns, self._conns = self._conns, []
        for c in conns:
            with contextlib.suppress(sqlite3.Error):
                c.close()
        self._local = threading.local()

    def close_for_good(self) -> None:
        """Close every connection; later calls fail with ``sqlite3.ProgrammingError``."""
        self.closed = True
        self.close()

    # transactions -------------------------------------------------------
    def write(self):
        return _Txn(self.conn)

    # meta ---------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                     (key, value))

    def bump_gen(self, conn: sqlite3.Connection) -> None:
        """Mark the file table changed (inside a write transaction): the row snapshot is stale."""
        conn.execute("INSERT INTO meta(key, value) VALUES('gen', '1') "
                     "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    def generation(self, conn: sqlite3.Connection) -> str:
        row = conn.execute("SELECT value FROM meta WHERE key='gen'").fetchone()
        return f"{row[0] if row else 0}:py{sys.version_info[0]}.{sys.version_info[1]}:s{SNAPSHOT_FORMAT}"

    HEAD = 500  # rows in the small first snapshot: what a warm start paints first
    # snapshot parts (table ``snapshot``, each valid for one ``gen``)
    ROWS, HEAD_ROWS, TABLE, STATS = 1, 2, 5, 6

    def _blob(self, conn: sqlite3.Connection, part: int):
        row = conn.execute("SELECT gen, data FROM snapshot WHERE k=?", (part,)).fetchone()
        if row is None or row[0] != self.generation(conn):
            return None
        try:
            return checksum.loads(row[1])
        except Exception:  # noqa: BLE001 - damaged (checksum) or another format: rebuilt from the tables
            self._note_damage(f"snapshot part {part} damaged")
            return None

    def _read(self, part: int):
        conn = self.conn
        conn.execute("BEGIN")  # one consistent read of gen and blob
        try:
            return self._blob(conn, part)
        finally:
            conn.execute("COMMIT")

    def snapshot(self, part: int = 1):
        """The row snapshot, or None when missing or stale: (gen, rows, issues). ``part=2`` is a small
        blob with only the first rows (the first paint); ``part=1`` has every row in list order. Rows
        are ready-made (id, path, title, date, source, categories tuple, tickers tuple, format, author).
        A warm start of 100,000 rows is one read and one ``marshal.loads`` instead of a query."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            data = self._blob(conn, part)
            gen = self.generation(conn)
        finally:
            conn.execute("COMMIT")
        if data is None:
            return None
        rows, issues = data
        return gen, rows, issues

    def stats_at(self, gen: str) -> dict[str, tuple[int, int]] | None:
        """relative path → (size, mtime_ns) as of generation ``gen`` (the snapshot's), or None when
        the index has changed since."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            if self.generation(conn) != gen:
                return None
            stats = self._blob(conn, self.STATS)
            return stats if isinstance(stats, dict) else self.stats()
        finally:
            conn.execute("COMMIT")

    def table_rows(self) -> TableRows:
        """Rows, issues, stats and the metadata-only ids read from the tables in one transaction:
        they belong together even while another instance writes."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            return TableRows(self.generation(conn), self.row_tuples(), self.issue_tuples(conn), self.stats(conn),
                             {r[0] for r in conn.execute("SELECT id FROM files WHERE body=0 AND ok=1")})
        finally:
            conn.execute("COMMIT")

    def known_stats(self) -> dict[str, tuple[int, int]]:
        """relative path → (size, mtime_ns) of every indexed file (from the snapshot when fresh)."""
        stats = self._read(self.STATS)
        return stats if isinstance(stats, dict) else self.stats()

    def listing(self, conn: sqlite3.Connection | None = None):
        """What ``kfin-tui list --json`` prints, ready-made, or None when stale: (row ids in list
        order, offsets into the JSON tails, the tails (bytes, the line after its path key), category
        set index per row — all array('q'/'I') bytes — the category sets, issues (relative path,
        reason, warning)). Pass the connection of an open read transaction to get the listing of
        the generation it sees."""
        if conn is None:
            conn = self.conn
        try:
            with open(self.listing_path, "rb") as fh:
                if fh.readline() != self._listing_line(self.generation(conn)):
                    return None
                head = _LISTING_HEAD.unpack(fh.read(_LISTING_HEAD.size))
                sizes, crcs = head[:5], head[5:]
                if fh.tell() + sum(sizes) != os.fstat(fh.fileno()).st_size:
                    raise ValueError("cut short")
                ids, offsets, cat_index, meta = (fh.read(n) for n in sizes[:4])
                # the JSON tails (most of the file) are mapped, not read: only printed rows are copied
                start = fh.tell()
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if sizes[4] else None
            tails = memoryview(mapped)[start:start + sizes[4]] if mapped is not None else memoryview(b"")
            # every part against its CRC-32 (~6 ms for the 25 MB of 100,000 rows): random bytes in
            # the file must not come out as lines (issue 10 item 15)
            if [checksum.crc(part) for part in (ids, offsets, cat_index, meta, tails)] != list(crcs):
                raise ValueError("checksum mismatch")
            cat_sets, issues, base = marshal.loads(meta)
            return ids, offsets, tails, cat_index, cat_sets, issues, base
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - damaged or foreign: load instead, and write it anew
            self._note_damage(f"listing file damaged ({exc})")
            try:
                os.unlink(self.listing_path)
            except OSError:
                pass  # the next write_snapshot replaces it (the damage flag forces it)
            return None

    LISTING_FORMAT = 5

    def _listing_line(self, gen: str) -> bytes:
        return f"kfin-tui listing {self.LISTING_FORMAT} {gen}\n".encode()

    def _listing_gen(self) -> str | None:
        try:
            with open(self.listing_path, "rb") as fh:
                line = fh.readline()
        except OSError:
            return None
        prefix = self._listing_line("")
        return line[len(prefix) - 1:-1].decode() if line.startswith(prefix[:-1]) else None

    def table(self):
        """(date, title, source, categories joined) per row in list order, or None when stale."""
        return self._read(self.TABLE)

    @property
    def folders_path(self) -> Path:
        return folders_path(self.path)

    def folders(self, conn: sqlite3.Connection | None = None):
        """[(relative folder, fingerprint, number of article files)] of the last complete walk, or
        None when the index changed since (then walk)."""
        found = read_folders(self.path)
        if found is None:
            return None
        gen, folders = found
        return [f[:3] for f in folders] if gen == self.generation(conn or self.conn) else None

    def folder_walk(self) -> list[tuple[str, int, bool]] | None:
        """(relative folder, mtime_ns, readable) of the walk the fingerprints were made from, of any
        generation: fingerprints made anew from the file table and these folder times are still
        exact (a folder changed since that walk has another mtime now)."""
        found = read_folders(self.path)
        return [(f[0], f[3], f[4]) for f in found[1]] if found else None

    def write_snapshot(self, folders: list[tuple[str, int, bool]] | None = None) -> None:
        """Rebuild the snapshots when the file table changed. ``folders``: (relative folder, mtime_ns,
        readable) of the walk that the file table now reflects: their fingerprints are stored."""
        with self.write() as conn:
            if self.bodies_pending(conn):
                # rows of a metadata pass (no tickers, no --json line yet) are never made ready:
                # a reader of the snapshot or listing would keep them (issue 10 item 14)
                return
            gen = self.generation(conn)
            row = conn.execute("SELECT gen FROM snapshot WHERE k=1").fetchone()
            if row is None or row[0] != gen or self._listing_gen() != gen or self._rewrite:
                self._write_rows(conn, gen)
                self._rewrite = False
            if folders is not None:
                self._write_folders(conn, gen, folders)

    def _write_rows(self, conn: sqlite3.Connection, gen: str) -> None:
        from datetime import datetime

        from ..dates import format_date

        # equal values share one object, so marshal stores them once and loads them once
        share: dict = {}
        one = share.setdefault
        rows, table = [], []
        # lines are stored with the folder's resolved path: printed as they are when the user typed
        # that path (the usual case), else their heads are replaced in one pass
        base = folder_prefix(self.root.resolve())
        line_head = to_bytes(json_head(base))
        tails = bytearray()  # one buffer, not 100,000 bytes objects: this runs with the index open
        offsets = array("q", [0])
        cat_sets: dict = {}
        cat_index = array("I")
        for i, p, t, d, s, c, k, f, a, _, _, js in conn.execute(
                f"SELECT {ROW_COLUMNS}, js FROM files WHERE ok=1 ORDER BY undated, sort_ts DESC, title, path"):
            if p[0] == "/":
                p = from_db(p)
            cats = one(("c", c), tuple(c.split(FIELD_SEP)) if c else ())
            rows.append((i, p, t, d, one(s, s), cats, one(("k", k), tuple(k.split(FIELD_SEP)) if k else ()),
                         one(f, f), one(a, a)))
            tails += line_head
            tails += to_bytes(js or "")
            offsets.append(len(tails))
            cat_index.append(cat_sets.setdefault(cats, len(cat_sets)))
            table.append((format_date(datetime.fromisoformat(d)) if d else "", t, one(s, s) or "",
                          one(("j", c), " / ".join(cats))))
        share.clear()
        issues = self.issue_tuples(conn)
        ids = array("q", [r[0] for r in rows]).tobytes()
        # flat bytes and arrays: loading 100,000 rows' worth is a few copies, not 100,000 objects
        self._write_listing(gen, (ids, offsets.tobytes(), cat_index.tobytes(),
                                  marshal.dumps((list(cat_sets), issues, base)), tails))
        del tails, offsets, cat_index
        put = "INSERT OR REPLACE INTO snapshot(k, gen, data) VALUES(?, ?, ?)"
        conn.execute(put, (self.TABLE, gen, checksum.dumps(table)))
        del table
        conn.execute(put, (self.HEAD_ROWS, gen, checksum.dumps((rows[:self.HEAD], issues))))
        conn.execute(put, (self.ROWS, gen, checksum.dumps((rows, issues))))
        # the same str objects as in rows: marshal then writes each path once (a back-reference)
        paths = {r[1]: r[1] for r in rows}
        del rows
        conn.execute(put, (self.STATS, gen, checksum.dumps(
            {paths.get(p, p): (size, mtime) for p, (size, mtime) in self.stats(conn).items()})))

    # The listing lives in a file beside the database: SQLite reads a 25 MB blob page by page
    # (~100 ms at 100,000 rows), a file is one read (~10 ms). It names the generation it shows.
    @property
    def listing_path(self) -> Path:
        return Path(str(self.path) + "-listing")

    def _write_listing(self, gen: str, listing) -> None:
        _replace_file(self.listing_path, self._listing_line(gen),
                      _LISTING_HEAD.pack(*(len(p) for p in listing), *(checksum.crc(p) for p in listing)), *listing)

    def _write_folders(self, conn: sqlite3.Connection, gen: str, folders: list[tuple[str, int, bool]]) -> None:
        from ..files import fingerprint

        now = time.time_ns()
        in_folder: dict[str, list] = {rel: [] for rel, _, _ in folders}
        for path, (size, mtime) in self.stats(conn).items():
            folder, _, name = path.rpartition("/")
            entries = in_folder.get(folder)
            if entries is not None:
                entries.append((name, size, mtime))
        out = []
        for rel, dir_mtime, readable in folders:
            entries = sorted(in_folder[rel])
            racy = abs(now - dir_mtime) < RACY_NS or any(abs(now - m) < RACY_NS for _, _, m in entries)
            fp = b"" if racy else fingerprint(dir_mtime, entries if readable else None)
            out.append((rel, fp, len(entries), dir_mtime, readable))
        _replace_file(self.folders_path, FOLDERS_LINE.format(gen).encode() + checksum.dumps(out))

    def fts_ready(self) -> bool:
        return self.get_meta("fts_ready") == "1"

    # reads ----------------------------------------------------------------
    def has_files(self) -> bool:
        return self.conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None

    def stats(self, conn: sqlite3.Connection | None = None) -> dict[str, tuple[int, int]]:
        """relative path → (size, mtime_ns) of every known file."""
        return {p if p[0] != "/" else from_db(p): (s, m)
                for p, s, m in (conn or self.conn).execute("SELECT path, size, mtime_ns FROM files")}

    def row_tuples(self, limit: int | None = None, offset: int = 0):
        sql = f"SELECT {ROW_COLUMNS} FROM files WHERE ok=1 ORDER BY undated, sort_ts DESC, title, path"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [t if t[1][0] != "/" else (t[0], from_db(t[1]), *t[2:]) for t in self.conn.execute(sql)]

    def issue_tuples(self, conn: sqlite3.Connection | None = None) -> list[tuple[str, str, int]]:
        """(relative path, reason, warning) of every file with a load issue, by path."""
        out = [(from_db(p), r, w) for p, r, w in (conn or self.conn).execute(
            "SELECT path, issue, warning FROM files WHERE issue IS NOT NULL")]
        out.sort()
        return out

    def search(self, query_terms: list[str]) -> set[int]:
        conn = self.conn
        conn.execute("BEGIN")  # one snapshot for both parts
        try:
            return self.search_in(conn, query_terms)
        finally:
            conn.execute("COMMIT")

    @staticmethod
    def search_in(conn: sqlite3.Connection, query_terms: list[str]) -> set[int]:
        """Ids of the texts holding every term (inside the caller's read transaction)."""
        found: set[int] | None = None
        for t in query_terms:  # one query per term, intersected here: faster than SQL INTERSECT
            table, expr = term_query(t)
            # one string of ids instead of a row object per hit: 3x faster at 80,000 hits
            joined = conn.execute(f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?", (expr,)).fetchone()[0]
            ids = set(map(int, joined.split(","))) if joined else set()
            found = ids if found is None else found & ids
            if not found:
                break
        found = found or set()
        # texts not in FTS yet (a cold build in progress): exact scan over them
        found |= Store.scan_in(conn, query_terms, pending_only=True)
        return found

    @staticmethod
    def scan_in(conn: sqlite3.Connection, query_terms: list[str], pending_only: bool = False) -> set[int]:
        """Ids of the stored texts holding every term, by an exact scan (no FTS: texts not indexed
        yet, or a damaged FTS table)."""
        pending = "AND fi.in_fts=0" if pending_only else ""
        return {i for i, tp in conn.execute(
            f"SELECT t.id, t.tp FROM files fi JOIN texts t ON t.id = fi.id WHERE fi.ok=1 {pending}")
            if _holds(unpack(tp), query_terms)}

    def scan(self, query_terms: list[str]) -> set[int]:
        return self.scan_in(self.conn, query_terms)

    # writes ---------------------------------------------------------------
    def upsert(self, conn: sqlite3.Connection, rec: dict, fts_live: bool) -> tuple[int, bool]:
        """Store one parsed file inside an open write transaction. Returns (id, changed): changed is
        False when the stored entry already has this size and mtime (another instance wrote it)."""
        body = rec.get("body", 1)
        db_rel = to_db(rec["path"])
        old = conn.execute("SELECT id, size, mtime_ns, in_fts, body FROM files WHERE phash=? AND path=?",
                           (phash(rec["path"]), db_rel)).fetchone()
        if old and old[1] == rec["size"] and old[2] == rec["mtime_ns"] and (old[4] or not body):
            return old[0], False  # as stored (another instance wrote it), and not a body for a metadata row
        js = rec.get("js")
        if rec["ok"] and js is None and body:
            js = record_json_tail(rec)
        values = (rec["size"], rec["mtime_ns"], rec["ok"], rec["title"], rec["date"], rec["undated"], rec["sort_ts"],
                  rec["source"], rec["author"], rec["categories"], rec["tickers"], rec["format"], rec["issue"],
                  rec["warning"], js, body)
        if old:
            fid = old[0]
            self._drop_derived(conn, fid, old[3])
            conn.execute(
                "UPDATE files SET size=?, mtime_ns=?, ok=?, title=?, date=?, undated=?, sort_ts=?, source=?, author=?,"
                " categories=?, tickers=?, format=?, issue=?, warning=?, js=?, body=?, in_fts=0 WHERE id=?", (*values, fid))
        else:
            cur = conn.execute(
                "INSERT INTO files(size, mtime_ns, ok, title, date, undated, sort_ts, source, author,"
                " categories, tickers, format, issue, warning, js, body, path, phash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*values, db_rel, phash(rec["path"])))
            fid = cur.lastrowid
        if rec["ok"] and body:
            conn.execute("INSERT OR REPLACE INTO texts(id, tp) VALUES(?, ?)", (fid, rec["tp"]))
            if fts_live:
                self._fts_add(conn, fid, rec["tp"])
        return fid, True

    _COLUMNS = ("path, phash, size, mtime_ns, ok, title, date, undated, sort_ts, source, author, categories,"
                " tickers, format, issue, warning, js, body")

    def insert_new(self, conn: sqlite3.Connection, recs: list[dict]) -> list[tuple[int, bool]]:
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
            js = rec.get("js")
            if rec["ok"] and js is None and body:
                js = record_json_tail(rec)
            values.append((fid, to_db(rec["path"]), hashes[n], rec["size"], rec["mtime_ns"], rec["ok"], rec["title"],
                           rec["date"], rec["undated"], rec["sort_ts"], rec["source"], rec["author"],
                           rec["categories"], rec["tickers"], rec["format"], rec["issue"], rec["warning"], js, body))
            if rec["ok"] and body and rec["tp"] is not None:
                texts.append((fid, rec["tp"]))
            out[n] = (fid, True)
        conn.executemany(f"INSERT INTO files(id, {self._COLUMNS}) VALUES({','.join('?' * 19)})", values)
        conn.executemany("INSERT OR REPLACE INTO texts(id, tp) VALUES(?, ?)", texts)
        live = None
        for n, rec in enumerate(recs):
            if n not in out:
                if live is None:
                    live = self.fts_ready()
                out[n] = self.upsert(conn, rec, live)
        return [out[n] for n in range(len(recs))]

    def insert_meta(self, conn: sqlite3.Connection, metas: list[tuple]) -> list[int]:
        """Store metadata tuples (:data:`META_COLUMNS`) of files the index does not hold: one
        ``executemany`` of the tuples as they came from the workers, ids in insertion order. A path
        that is there after all (another instance wrote it) goes through :meth:`upsert`."""
        there = {from_db(r[0]) for r in conn.execute(
            "SELECT path FROM files WHERE phash IN (SELECT value FROM json_each(?))",
            (json.dumps([t[1] for t in metas]),))}
        fresh = [t for t in metas if t[0] not in there] if there else metas
        if not _all_utf8([t[0] for t in fresh]):
            fresh = [(to_db(t[0]), *t[1:]) for t in fresh]
        ids: dict[int, int] = {}
        if fresh:
            conn.executemany(f"INSERT INTO files({', '.join(META_COLUMNS)}) VALUES({','.join('?' * len(META_COLUMNS))})",
                             fresh)
            # no id given: SQLite takes max(id) + 1 for each row, and this transaction is the only writer
            last = conn.execute("SELECT max(id) FROM files").fetchone()[0]
            first = last - len(fresh) + 1
            for k, t in enumerate(fresh):
                ids[t[0]] = first + k
        out = []
        for t in metas:
            key = t[0] if t[0] in ids else to_db(t[0])
            if key in ids:
                out.append(ids[key])
            else:
                rec = dict(zip(META_COLUMNS, t), tp=None)
                out.append(self.upsert(conn, rec, self.fts_ready())[0])
        return out

    def _fts_add(self, conn: sqlite3.Connection, fid: int, tp: bytes) -> None:
        plain = unpack(tp)
        conn.execute("INSERT INTO g(rowid, x) VALUES(?, ?)", (fid, spread(plain)))
        conn.execute("INSERT INTO f(rowid, x) VALUES(?, ?)", (fid, plain))
        conn.execute("UPDATE files SET in_fts=1 WHERE id=?", (fid,))

    def _drop_derived(self, conn: sqlite3.Connection, fid: int, in_fts: int) -> None:
        if in_fts:
            row = conn.execute("SELECT tp FROM texts WHERE id=?", (fid,)).fetchone()
            if row:
                plain = unpack(row[0])
                conn.execute("INSERT INTO g(g, rowid, x) VALUES('delete', ?, ?)", (fid, spread(plain)))
                conn.execute("INSERT INTO f(f, rowid, x) VALUES('delete', ?, ?)", (fid, plain))
        conn.execute("DELETE FROM texts WHERE id=?", (fid,))
        conn.execute("DELETE FROM extraction WHERE id=?", (fid,))
        conn.execute("DELETE FROM company WHERE id=?", (fid,))

    def delete_paths(self, conn: sqlite3.Connection, paths: list[str]) -> list[int]:
        gone = []
        for p in paths:
            row = conn.execute("SELECT id, in_fts FROM files WHERE phash=? AND path=?", (phash(p), to_db(p))).fetchone()
            if row:
                self._drop_derived(conn, row[0], row[1])
                conn.execute("DELETE FROM files WHERE id=?", (row[0],))
                gone.append(row[0])
        if gone:
            self.bump_gen(conn)
        return gone

    def bodies_pending(self, conn: sqlite3.Connection | None = None) -> bool:
        """Rows of the metadata pass whose text is not read yet (search would miss them)."""
        return (conn or self.conn).execute("SELECT 1 FROM files WHERE body=0 LIMIT 1").fetchone() is not None

    def pending_bodies(self) -> list[str]:
        """Relative paths of the rows that have metadata only, in list order (newest first)."""
        return [from_db(r[0]) for r in self.conn.execute(
            "SELECT path FROM files WHERE body=0 ORDER BY undated, sort_ts DESC, title, path")]

    def fts_pending(self) -> bool:
        return self.conn.execute("SELECT 1 FROM files WHERE ok=1 AND in_fts=0 AND body=1 LIMIT 1").fetchone() is not None

    def build_fts(self, chunk: int = 4000) -> bool:
        """Index every text not yet in FTS, in SQL (no Python per row), a few thousand rows per
        transaction so that another instance never waits long for the write lock."""
        built = False
        while not self.stop_fts.is_set():
            with self.write() as conn:
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM files WHERE ok=1 AND in_fts=0 AND body=1 ORDER BY id LIMIT ?", (chunk,))]
                if not ids:
                    self.set_meta(conn, "fts_ready", "1")
                    return built
                lo, hi = ids[0], ids[-1]
                pending = ("SELECT t.id, t.tp FROM texts t JOIN files fi ON fi.id=t.id "
                           "WHERE fi.ok=1 AND fi.in_fts=0 AND fi.body=1 AND fi.id BETWEEN ? AND ?")
                conn.execute(f"INSERT INTO g(rowid, x) SELECT id, kfin_spread(tp) FROM ({pending})", (lo, hi))
                conn.execute(f"INSERT INTO f(rowid, x) SELECT id, kfin_plain(tp) FROM ({pending})", (lo, hi))
                conn.execute("UPDATE files SET in_fts=1 WHERE ok=1 AND in_fts=0 AND body=1 AND id BETWEEN ? AND ?",
                             (lo, hi))
                built = True
        return built

    # extraction cache ----------------------------------------------------
    def extraction_json(self, fid: int) -> dict | None:
        row = self.conn.execute("SELECT json FROM extraction WHERE id=?", (fid,)).fetchone()
        return json.loads(row[0]) if row else None

    def put_extractions(self, items: list[tuple[int, dict | None, list[str]]]) -> None:
        """Per article: its extraction (None: only its companies are known yet, stored as
        ``null``; :meth:`extraction_json` then answers None and the figures are computed when
        asked) and its company names."""
        with self.write() as conn:
            for fid, data, names in items:
                if conn.execute("SELECT 1 FROM files WHERE id=?", (fid,)).fetchone() is None:
                    continue  # the file went away meanwhile
                conn.execute("INSERT OR REPLACE INTO extraction(id, json) VALUES(?, ?)",
                             (fid, json.dumps(data, ensure_ascii=False)))
                conn.execute("DELETE FROM company WHERE id=?", (fid,))
                conn.executemany("INSERT OR IGNORE INTO company(name, id) VALUES(?, ?)", [(n, fid) for n in names])

    def pending_extraction_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT f.id FROM files f LEFT JOIN extraction e ON e.id=f.id WHERE f.ok=1 AND e.id IS NULL "
            "ORDER BY f.undated, f.sort_ts DESC")]

    def extractions_pending(self) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM files f WHERE f.ok=1 AND NOT EXISTS(SELECT 1 FROM extraction e WHERE e.id=f.id) LIMIT 1"
        ).fetchone() is not None

    def companies_for(self, fid: int) -> list[str] | None:
        conn = self.conn
        if conn.execute("SELECT 1 FROM extraction WHERE id=?", (fid,)).fetchone() is None:
            return None
        return [r[0] for r in conn.execute("SELECT name FROM company WHERE id=? ORDER BY name", (fid,))]

    def ids_with_company(self, name: str) -> set[int]:
        return {r[0] for r in self.conn.execute("SELECT id FROM company WHERE name=?", (name,))}

    def company_names(self) -> list[tuple[str, int]]:
        return [(n, c) for n, c in self.conn.execute(
            "SELECT name, count(*) AS c FROM company GROUP BY name ORDER BY c DESC, name")]


def _holds(text: str, query_terms: list[str]) -> bool:
    return all(t in text for t in query_terms)


def _replace_file(path: Path, *parts: bytes) -> None:
    """Write a file beside the index atomically (readers see the old or the new one, never half)."""
    tmp = Path(f"{path}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            for part in parts:
                fh.write(part)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass


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
