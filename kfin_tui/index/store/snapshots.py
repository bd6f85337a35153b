"""Ready-made copies of the file table for a warm start, each valid for one generation
(:meth:`Store.generation`) and sealed with CRC-32s (:mod:`kfin_tui.index.checksum`):

* snapshot blobs (table ``snapshot``): the rows in list order, column by column, with the load
  issues (all, and the first :data:`HEAD` for the first paint), the table columns ``kfin-tui list``
  prints, the stats;
* the ``-listing`` file: what ``kfin-tui list --json`` prints, as flat arrays and bytes;
* the ``-folders`` file: the fingerprints of the folders of the last complete walk (read without
  SQLite by :func:`kfin_tui.index.walk.read_folders`, which ``kfin-tui list`` starts with);
* the ``-names`` file: the article names of those folders, which the freshness check's helpers
  stat instead of listing the folders (a hint: :func:`kfin_tui.files.folder_fingerprint`; written
  anew by :meth:`Snapshots.write_names` when the check could not read it).

A damaged copy reads as missing: the damage is noted (:attr:`Store.damage`), the caller reads the
tables instead, and the copies are written anew at the next :meth:`Snapshots.write`."""
from __future__ import annotations

import marshal
import mmap
import os
import sqlite3
import struct
import threading
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ...listing import json_head, to_bytes
from .. import checksum
from ..records import FIELD_SEP, ROW_COLUMNS
from ..walk import FOLDERS_LINE, folder_prefix, folders_path, names_path, read_folders
from .codec import from_db
from .filetable import LIST_ORDER, Issue, Stat

if TYPE_CHECKING:
    from .core import Store

# bump when the snapshot parts change (5: sealed with a CRC-32; 6: the rows as columns); part of the generation
SNAPSHOT_FORMAT = 6
LISTING_FORMAT = 5
LISTING_SUFFIX = "-listing"  # the file beside the database (its name + this)
RACY_NS = 2_000_000_000  # a folder or file changed this recently may change again unseen: no fingerprint
HEAD = 500  # rows in the small first snapshot: what a warm start paints first
# snapshot parts (table ``snapshot``, each valid for one ``gen``)
ROWS, HEAD_ROWS, TABLE, STATS = 1, 2, 5, 6

_LISTING_HEAD = struct.Struct("<5Q5I")  # the sizes of the five parts of the listing file, their CRC-32s


class RowColumns(NamedTuple):
    """The rows of a snapshot in list order, one list per field: a warm start of 100,000 rows is one
    ``marshal.loads`` of nine lists (no tuple per row) and rows made in C
    (:meth:`kfin_tui.index.rows.RowTable.rows_from_columns`). Equal sources, category and ticker
    tuples, formats and authors are one object each."""

    ids: list[int]
    paths: list[str]  # relative, '/'-separated
    titles: list[str]
    dates: list[str | None]  # ISO 8601; None (undated) only at the end (the list order puts them last)
    sources: list[str]
    categories: list[tuple[str, ...]]
    tickers: list[tuple[str, ...]]
    formats: list[str]
    authors: list[str]

    def tuples(self) -> list[tuple]:
        """(id, path, title, date, source, categories, tickers, format, author) per row."""
        return list(zip(*self))

    def window(self, start: int, stop: int | None = None) -> RowColumns:
        """Rows ``start:stop``."""
        return RowColumns._make(column[start:stop] for column in self)


@dataclass(frozen=True)
class Snapshot:
    """The rows of one generation, ready-made (:meth:`Snapshots.rows`), as columns."""

    gen: str
    columns: RowColumns
    issues: list[Issue]

    @property
    def rows(self) -> list[tuple]:
        """(id, path, title, date, source, categories tuple, tickers tuple, format, author) per row,
        in list order (made on each call: a warm start takes :attr:`columns`)."""
        return self.columns.tuples()


class StoredListing(NamedTuple):
    """What ``kfin-tui list --json`` prints, ready-made (:meth:`Snapshots.listing`)."""

    ids: array  # row ids in list order ('q')
    offsets: array  # row i's line is tails[offsets[i]:offsets[i + 1]] ('q')
    tails: memoryview  # the --json lines after their path head (``json_head(base)``), mapped
    cat_index: array  # per row, its category set's index in cat_sets ('I')
    cat_sets: list[tuple[str, ...]]
    issues: list[Issue]
    base: str  # the folder prefix the lines were written with
    tails_crc: int  # the CRC-32 of ``tails``: checked before a line of it is printed (tails_ok)


class FolderPrint(NamedTuple):
    """A folder's fingerprint as the last complete walk left it (b"": changed too recently)."""

    folder: str  # relative, '/'-separated ("" for the root)
    fingerprint: bytes
    files: int  # article files in it


class WalkedFolder(NamedTuple):
    """A folder as a walk saw it (what the fingerprints are made from)."""

    folder: str
    mtime_ns: int
    readable: bool


def _replace_file(path: Path, *parts: bytes | bytearray | memoryview) -> None:
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


def _listing_line(gen: str) -> bytes:
    return f"kfin-tui listing {LISTING_FORMAT} {gen}\n".encode()


class Snapshots:
    """The ready-made copies of one :class:`~kfin_tui.index.store.Store`'s file table."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._rewrite = False  # a copy was damaged: write them all anew at the next chance

    @property
    def listing_path(self) -> Path:
        # The listing lives in a file beside the database: SQLite reads a 25 MB blob page by page
        # (~100 ms at 100,000 rows), a file is one read (~10 ms). It names the generation it shows.
        return Path(str(self._store.path) + LISTING_SUFFIX)

    @property
    def folders_path(self) -> Path:
        return Path(folders_path(self._store.path))

    @property
    def names_path(self) -> Path:
        return Path(names_path(self._store.path))

    def _damaged(self, what: str) -> None:
        self._rewrite = True
        self._store.note_damage(what)

    # reads ------------------------------------------------------------------
    def _blob(self, conn: sqlite3.Connection, part: int) -> Any:
        row = conn.execute("SELECT gen, data FROM snapshot WHERE k=?", (part,)).fetchone()
        if row is None or row[0] != self._store.generation(conn):
            return None
        try:
            return checksum.loads(row[1])
        except Exception:  # noqa: BLE001 - damaged (checksum) or another format: rebuilt from the tables
            self._damaged(f"snapshot part {part} damaged")
            return None

    def _read(self, part: int) -> Any:
        with self._store.read() as conn:  # one consistent read of gen and blob
            return self._blob(conn, part)

    def rows(self, *, head: bool = False) -> Snapshot | None:
        """The rows in list order with the load issues, or None when missing or stale. ``head``:
        only the first :data:`HEAD` rows (a small blob: the first paint). A warm start of 100,000
        rows is one read and one ``marshal.loads`` of nine lists instead of a query."""
        with self._store.read() as conn:
            data = self._blob(conn, HEAD_ROWS if head else ROWS)
            gen = self._store.generation(conn)
        if data is None:
            return None
        try:
            (id_bytes, *columns), issues = data
            ids = array("q")
            ids.frombytes(id_bytes)
            cols = RowColumns(ids.tolist(), *columns)
            if any(len(column) != len(ids) for column in cols):
                raise ValueError("columns of different lengths")
        except (TypeError, ValueError) as exc:  # sealed, yet not what this version writes
            self._damaged(f"snapshot part {HEAD_ROWS if head else ROWS} unreadable ({exc})")
            return None
        return Snapshot(gen, cols, issues)

    def stats_at(self, gen: str) -> dict[str, Stat] | None:
        """relative path → (size, mtime_ns) as of generation ``gen`` (the snapshot's), or None when
        the index has changed since."""
        with self._store.read() as conn:
            if self._store.generation(conn) != gen:
                return None
            stats = self._blob(conn, STATS)
            return stats if isinstance(stats, dict) else self._store.files.stats(conn)

    def known_stats(self) -> dict[str, Stat]:
        """relative path → (size, mtime_ns) of every indexed file (from the snapshot when fresh)."""
        stats = self._read(STATS)
        return stats if isinstance(stats, dict) else self._store.files.stats()

    def table(self) -> list[tuple[str, str, str, str]] | None:
        """(date, title, source, categories joined) per row in list order, or None when stale."""
        return self._read(TABLE)

    def listing(self, conn: sqlite3.Connection | None = None, check_tails: bool = True) -> StoredListing | None:
        """What ``kfin-tui list --json`` prints, or None when missing, stale or damaged (damage is
        noted and the file removed: it is written anew). Pass the connection of an open read
        transaction to get the listing of the generation it sees. ``check_tails=False``: the JSON lines
        (most of the file) are not checked against their CRC here; the caller checks them with
        :meth:`tails_ok` before it prints one (a search with no hit, or a table, prints none)."""
        if conn is None:
            conn = self._store.conn
        try:
            with open(self.listing_path, "rb") as fh:
                if fh.readline() != _listing_line(self._store.generation(conn)):
                    return None
                head = _LISTING_HEAD.unpack(fh.read(_LISTING_HEAD.size))
                sizes, crcs = head[:5], head[5:]
                if fh.tell() + sum(sizes) != os.fstat(fh.fileno()).st_size:
                    raise ValueError("cut short")
                ids_bytes, offsets_bytes, cat_index_bytes, meta = (fh.read(n) for n in sizes[:4])
                # the JSON tails (most of the file) are mapped, not read: only printed rows are copied
                start = fh.tell()
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if sizes[4] else None
            tails = memoryview(mapped)[start:start + sizes[4]] if mapped is not None else memoryview(b"")
            # every part against its CRC-32 (~9 ms for the 33 MB of 100,000 rows, nearly all of it the
            # JSON lines): random bytes in the file must not come out as lines (issue 10 item 15)
            parts = (ids_bytes, offsets_bytes, cat_index_bytes, meta, tails) if check_tails else (
                ids_bytes, offsets_bytes, cat_index_bytes, meta)
            if [checksum.crc(part) for part in parts] != list(crcs[:len(parts)]):
                raise ValueError("checksum mismatch")
            cat_sets, issues, base = marshal.loads(meta)
            ids, offsets, cat_index = array("q"), array("q"), array("I")
            ids.frombytes(ids_bytes)
            offsets.frombytes(offsets_bytes)
            cat_index.frombytes(cat_index_bytes)
            if len(offsets) != len(ids) + 1 or len(cat_index) != len(ids):
                raise ValueError("parts of different lengths")
            return StoredListing(ids, offsets, tails, cat_index, cat_sets, issues, base, crcs[4])
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - damaged or foreign: load instead, and write it anew
            self._listing_damaged(str(exc))
            return None

    def tails_ok(self, listing: StoredListing) -> bool:
        """Whether the JSON lines of a listing read with ``check_tails=False`` match their CRC; when they
        do not, the damage is handled as :meth:`listing` does (noted, the file removed)."""
        if checksum.crc(listing.tails) == listing.tails_crc:
            return True
        self._listing_damaged("checksum mismatch")
        return False

    def _listing_damaged(self, why: str) -> None:
        self._damaged(f"listing file damaged ({why})")
        try:
            os.unlink(self.listing_path)
        except OSError:
            pass  # the next write replaces it (the damage flag forces it)

    def _listing_gen(self) -> str | None:
        try:
            with open(self.listing_path, "rb") as fh:
                line = fh.readline()
        except OSError:
            return None
        prefix = _listing_line("")
        return line[len(prefix) - 1:-1].decode() if line.startswith(prefix[:-1]) else None

    def folders(self, conn: sqlite3.Connection | None = None) -> list[FolderPrint] | None:
        """The folders of the last complete walk with their fingerprints, or None when the index
        changed since (then walk)."""
        found = read_folders(self._store.path)
        if found is None:
            return None
        gen, folders = found
        if gen != self._store.generation(conn):
            return None
        return [FolderPrint(*f[:3]) for f in folders]

    def folder_walk(self) -> list[WalkedFolder] | None:
        """The folders of the walk the fingerprints were made from, of any generation: fingerprints
        made anew from the file table and these folder times are still exact (a folder changed
        since that walk has another mtime now)."""
        found = read_folders(self._store.path)
        return [WalkedFolder(f[0], f[3], f[4]) for f in found[1]] if found else None

    # writes -----------------------------------------------------------------
    def write(self, folders: Sequence[tuple[str, int, bool]] | None = None) -> None:
        """Rebuild the copies when the file table changed. ``folders``: (relative folder, mtime_ns,
        readable) of the walk that the file table now reflects: their fingerprints are stored."""
        with self._store.write() as conn:
            if self._store.files.bodies_pending(conn):
                # rows of a metadata pass (no tickers, no --json line yet) are never made ready:
                # a reader of the snapshot or listing would keep them (issue 10 item 14)
                return
            gen = self._store.generation(conn)
            row = conn.execute("SELECT gen FROM snapshot WHERE k=?", (ROWS,)).fetchone()
            if row is None or row[0] != gen or self._listing_gen() != gen or self._rewrite:
                self._write_rows(conn, gen)
                self._rewrite = False
            if folders is not None:
                self._write_folders(conn, gen, folders)

    def _write_rows(self, conn: sqlite3.Connection, gen: str) -> None:
        from datetime import datetime

        from ...dates import format_date

        # equal values share one object, so marshal stores them once and loads them once
        share: dict = {}
        one = share.setdefault
        columns: RowColumns = RowColumns([], [], [], [], [], [], [], [], [])
        ids, paths, titles, dates, sources, categories, tickers, formats, authors = columns
        table = []
        # lines are stored with the folder's resolved path: printed as they are when the user typed
        # that path (the usual case), else their heads are replaced in one pass
        base = folder_prefix(self._store.root.resolve())
        line_head = to_bytes(json_head(base))
        tails = bytearray()  # one buffer, not 100,000 bytes objects: this runs with the index open
        offsets = array("q", [0])
        cat_sets: dict = {}
        cat_index = array("I")
        for i, p, t, d, s, c, k, f, a, _, _, js in conn.execute(
                f"SELECT {ROW_COLUMNS}, js FROM files WHERE ok=1 {LIST_ORDER}"):
            if p[0] == "/":
                p = from_db(p)
            cats = one(("c", c), tuple(c.split(FIELD_SEP)) if c else ())
            source = one(s or "", s or "")
            ids.append(i)
            paths.append(p)
            titles.append(t)
            dates.append(d or None)
            sources.append(source)
            categories.append(cats)
            tickers.append(one(("k", k), tuple(k.split(FIELD_SEP)) if k else ()))
            formats.append(one(f or "", f or ""))
            authors.append(one(a or "", a or ""))
            tails += line_head
            tails += to_bytes(js or "")
            offsets.append(len(tails))
            cat_index.append(cat_sets.setdefault(cats, len(cat_sets)))
            table.append((format_date(datetime.fromisoformat(d)) if d else "", t, source,
                          one(("j", c), " / ".join(cats))))
        share.clear()
        issues = self._store.files.issues(conn)
        id_bytes = array("q", ids).tobytes()
        # flat bytes and arrays: loading 100,000 rows' worth is a few copies, not 100,000 objects
        self._write_listing(gen, (id_bytes, offsets.tobytes(), cat_index.tobytes(),
                                  marshal.dumps((list(cat_sets), issues, base)), tails))
        del tails, offsets, cat_index
        put = "INSERT OR REPLACE INTO snapshot(k, gen, data) VALUES(?, ?, ?)"
        conn.execute(put, (TABLE, gen, checksum.dumps(table)))
        del table
        head = [array("q", ids[:HEAD]).tobytes(), *(column[:HEAD] for column in columns[1:])]
        conn.execute(put, (HEAD_ROWS, gen, checksum.dumps((head, issues))))
        conn.execute(put, (ROWS, gen, checksum.dumps(([id_bytes, *columns[1:]], issues))))
        # the same str objects as in the rows: marshal then writes each path once (a back-reference)
        same = dict(zip(paths, paths))
        del columns, ids, titles, dates, sources, categories, tickers, formats, authors
        conn.execute(put, (STATS, gen, checksum.dumps(
            {same.get(p, p): (size, mtime) for p, (size, mtime) in self._store.files.stats(conn).items()})))

    def _write_listing(self, gen: str, parts: tuple[bytes, bytes, bytes, bytes, bytearray]) -> None:
        _replace_file(self.listing_path, _listing_line(gen),
                      _LISTING_HEAD.pack(*(len(p) for p in parts), *(checksum.crc(memoryview(p)) for p in parts)), *parts)

    def _write_folders(self, conn: sqlite3.Connection, gen: str, folders: Sequence[tuple[str, int, bool]]) -> None:
        from ...files import fingerprint

        now = time.time_ns()
        in_folder: dict[str, list] = {rel: [] for rel, _, _ in folders}
        for path, (size, mtime) in self._store.files.stats(conn).items():
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
        self._write_names(out, {rel: [n for n, _, _ in entries] for rel, entries in in_folder.items()})
        # (plain tuples: marshalled; read_folders gives them back, folders() names them)
        _replace_file(self.folders_path, FOLDERS_LINE.format(gen).encode() + checksum.dumps(out))

    def write_names(self) -> None:
        """Write the names file anew for the folders file as it is (missing: an index of before it,
        or damaged), when the freshness check found every folder unchanged. The fingerprints are
        left alone (a folder too recent for one keeps none)."""
        found = read_folders(self._store.path)
        if not found:
            return
        gen, folders = found
        with self._store.read() as conn:
            if gen != self._store.generation(conn):
                return
            paths = list(self._store.files.stats(conn))
        in_folder: dict[str, list[str]] = {f[0]: [] for f in folders}
        for path in paths:
            folder, _, name = path.rpartition("/")
            names = in_folder.get(folder)
            if names is not None:
                names.append(name)
        self._write_names(folders, in_folder)

    def _write_names(self, folders: Sequence[tuple], in_folder: dict[str, list[str]]) -> None:
        """The names file (one blob per folder of ``folders``, the folders file's tuples): what the
        freshness check's helpers stat instead of listing the folders. Only a hint: a wrong one
        costs the listing it saves, never a change unseen (see files.folder_fingerprint)."""
        from ...files import NAMES_LINE, names_blob

        blobs = [names_blob(sorted(in_folder.get(rel, ()))) if readable and fp else None
                 for rel, fp, _, _, readable in folders]
        _replace_file(self.names_path, NAMES_LINE.encode() + checksum.dumps(blobs))
