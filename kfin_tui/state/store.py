"""The reading state: which articles were read (and when), which are starred, and where the reader
was left in each folder. One SQLite database in the XDG *state* folder
(:func:`kfin_tui.paths.state_dir`), never the cache: deleting the cache loses nothing.

Durability: WAL journal with ``synchronous=NORMAL``. Every toggle is its own short transaction
(``BEGIN IMMEDIATE`` … ``COMMIT``). In WAL mode a commit is complete once its frames are written
to the WAL file — the operating system holds them even if the process is killed (``kill -9``), so
a killed reader loses nothing it committed and never leaves a half-written database
(``tests/test_state_kill.py``). ``NORMAL`` skips the fsync per commit: after a *power loss* the
last commits (at most those since the last checkpoint) may be rolled back, the database still
sound. For read marks that trade is right: ``FULL`` would cost an fsync per key press.

Never a crash: a state database that is damaged, not a database, or read-only is reported in
:attr:`StateStore.error` (one line for the status bar) and the store keeps working in memory for
the session (a read-only one with a copy of what it holds).
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .identity import Identity, db_text

SCHEMA_VERSION = "1"
DB_NAME = "state.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS marks(
    ident TEXT PRIMARY KEY,          -- Identity.key
    hash TEXT NOT NULL DEFAULT '',   -- Identity.hash: found again after a move or rename
    root TEXT NOT NULL DEFAULT '',   -- the archive it was marked in (path keys are relative to it)
    read_at REAL,                    -- unix time it was read, NULL: unread
    starred INTEGER NOT NULL DEFAULT 0,
    updated REAL NOT NULL            -- last change: the newer one wins when importing
);
CREATE INDEX IF NOT EXISTS marks_hash ON marks(hash);
CREATE TABLE IF NOT EXISTS sessions(root TEXT PRIMARY KEY, data TEXT NOT NULL, updated REAL NOT NULL);
"""


def default_path() -> Path:
    from ..paths import state_dir

    return state_dir() / DB_NAME


@dataclass(frozen=True)
class Mark:
    ident: str
    hash: str = ""
    root: str = ""
    read_at: float | None = None
    starred: bool = False
    updated: float = 0.0

    @property
    def read(self) -> bool:
        return self.read_at is not None


@dataclass
class ReaderSession:
    """Where the reader was left in one folder: its filters (a JSON-able dict, as the reader's
    filter value gives it), the selected article's identity, the side panel's visibility and the
    list toggles (hide read, starred only, watched only)."""

    filters: dict[str, Any] = field(default_factory=dict)
    selected: str | None = None  # Identity.key
    selected_hash: str = ""
    panel: bool | None = None  # None: the default for the terminal's width
    hide_read: bool = False
    starred_only: bool = False
    watch_only: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> ReaderSession:
        if not isinstance(data, dict):
            return cls()
        filters = data.get("filters")
        panel = data.get("panel")
        sel = data.get("selected")
        return cls(filters=dict(filters) if isinstance(filters, dict) else {},
                   selected=sel if isinstance(sel, str) else None,
                   selected_hash=str(data.get("selected_hash") or ""),
                   panel=panel if isinstance(panel, bool) else None,
                   hide_read=data.get("hide_read") is True, starred_only=data.get("starred_only") is True,
                   watch_only=data.get("watch_only") is True)


def root_key(root: Path | str) -> str:
    """How a folder is named in the state: its resolved path."""
    try:
        return db_text(str(Path(root).expanduser().resolve()))
    except OSError:
        return db_text(str(Path(root).expanduser().absolute()))


class StateStore:
    """Marks and sessions. Open it with :func:`open_state`; every method is safe to call from the
    UI thread and workers alike (one connection, a lock), and none raises on a database error: the
    error goes to :attr:`error` and the call does what it can."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, error: str | None = None) -> None:
        self._conn = conn
        self.path = path
        self.error = error  # one line for the user, or None
        self.persistent = error is None and path is not None
        self._lock = threading.RLock()
        self._busy = False

    # ------------------------------------------------------------------------------ transactions
    def _write(self, fn, *args):
        """Run ``fn(conn, *args)`` in its own IMMEDIATE transaction; on a database error, note it
        (and, when the file went bad, go on in memory) and return None."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = fn(conn, *args)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                if self._busy:  # the lock came free again: the message is out of date
                    self._busy = False
                    self.error = None
                return result
            except sqlite3.Error as exc:
                if conn.in_transaction:  # a failed COMMIT (busy, disk full) leaves it open
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                self._failed(exc)
                return None

    def _failed(self, exc: sqlite3.Error) -> None:
        text = str(exc)
        if "locked" in text or "busy" in text:
            # another kfin-tui held the database longer than the busy timeout: this change is
            # lost, the next one is tried on the file again
            self.error = f"kfin-tui: the reading state {self.path or ''} is busy (another kfin-tui?): a change was not saved"
            self._busy = self.persistent
            return
        what = "is read-only" if "readonly" in text else f"failed ({exc})"
        self.error = f"kfin-tui: the reading state {self.path or ''} {what}: marks are kept for this session only"
        if self.persistent:
            self.persistent = False
            self._conn = _memory_copy(self._conn)

    def _read(self, sql: str, args: Iterable[Any] = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(args)).fetchall()
            except sqlite3.Error as exc:
                self._failed(exc)
                try:
                    return self._conn.execute(sql, tuple(args)).fetchall()
                except sqlite3.Error:
                    return []

    # ------------------------------------------------------------------------------------ marks
    def all_marks(self) -> list[Mark]:
        return [_mark(r) for r in self._read("SELECT ident, hash, root, read_at, starred, updated FROM marks")]

    def mark_for(self, ident: Identity, root: str = "") -> Mark | None:
        """The mark of an article: by key (a path key only in its own archive, or with the same
        content), else by content hash (the file moved or was renamed)."""
        with self._lock:
            try:
                return self._mark_in(self._conn, ident, root)
            except sqlite3.Error as exc:
                self._failed(exc)
                return None

    def _set(self, conn: sqlite3.Connection, ident: Identity, root: str, read: bool | None,
             starred: bool | None, toggle: str | None, now: float) -> Mark:
        """Inside a transaction: start from the article's current mark (as :meth:`mark_for` finds
        it, so a renamed file carries its old mark over), change it, store it under its key."""
        cur = self._mark_in(conn, ident, root)
        read_at = cur.read_at if cur else None
        star = cur.starred if cur else False
        if toggle == "read":
            read = read_at is None
        elif toggle == "starred":
            starred = not star
        if read is not None:
            read_at = (read_at if read_at is not None else now) if read else None
        if starred is not None:
            star = starred
        conn.execute("INSERT INTO marks(ident, hash, root, read_at, starred, updated) VALUES(?,?,?,?,?,?) "
                     "ON CONFLICT(ident) DO UPDATE SET hash=excluded.hash, root=excluded.root, "
                     "read_at=excluded.read_at, starred=excluded.starred, updated=excluded.updated",
                     (ident.key, ident.hash, root, read_at, int(star), now))
        return Mark(ident.key, ident.hash, root, read_at, star, now)

    @staticmethod
    def _mark_in(conn: sqlite3.Connection, ident: Identity, root: str) -> Mark | None:
        row = conn.execute("SELECT ident, hash, root, read_at, starred, updated FROM marks WHERE ident=?",
                           (ident.key,)).fetchone()
        if row is not None:
            m = _mark(row)
            if not ident.by_path or not root or m.root in ("", root) or (ident.hash and m.hash == ident.hash):
                return m
        if ident.hash:
            row = conn.execute("SELECT ident, hash, root, read_at, starred, updated FROM marks WHERE hash=? "
                               "ORDER BY updated DESC LIMIT 1", (ident.hash,)).fetchone()
            if row is not None:
                return _mark(row)
        return None

    def _change(self, ident: Identity, root: str, *, read: bool | None = None, starred: bool | None = None,
                toggle: str | None = None) -> Mark:
        now = time.time()
        persistent = self.persistent
        m = self._write(self._set, ident, root, read, starred, toggle, now)
        if m is None and persistent and not self.persistent:  # the file failed: now in memory, once more there
            m = self._write(self._set, ident, root, read, starred, toggle, now)
        return m if m is not None else Mark(ident.key, ident.hash, root)

    def set_read(self, ident: Identity, read: bool = True, root: str = "") -> Mark:
        """Mark read (keeping the first time it was read) or unread."""
        return self._change(ident, root, read=read)

    def toggle(self, ident: Identity, what: str, root: str = "") -> Mark:
        """Flip ``"read"`` or ``"starred"`` in one transaction; returns the new mark."""
        if what not in ("read", "starred"):
            raise ValueError(what)
        return self._change(ident, root, toggle=what)

    def toggle_read(self, ident: Identity, root: str = "") -> bool:
        """Flip read/unread; returns whether it is read now."""
        return self._change(ident, root, toggle="read").read

    def set_starred(self, ident: Identity, starred: bool = True, root: str = "") -> Mark:
        return self._change(ident, root, starred=starred)

    def toggle_starred(self, ident: Identity, root: str = "") -> bool:
        """Flip the star; returns whether it is starred now."""
        return self._change(ident, root, toggle="starred").starred

    def put_marks(self, marks: Iterable[Mark]) -> int:
        """Merge marks (an import): a mark replaces the stored one with the same key only when it
        is newer (``updated``). Returns how many were taken. One transaction."""
        def merge(conn: sqlite3.Connection, items: list[Mark]) -> int:
            n = 0
            for m in items:
                row = conn.execute("SELECT updated FROM marks WHERE ident=?", (m.ident,)).fetchone()
                if row is not None and row[0] >= m.updated:
                    continue
                conn.execute("INSERT OR REPLACE INTO marks(ident, hash, root, read_at, starred, updated) "
                             "VALUES(?,?,?,?,?,?)", (m.ident, m.hash, m.root, m.read_at, int(m.starred), m.updated))
                n += 1
            return n

        return self._write(merge, list(marks)) or 0

    # --------------------------------------------------------------------------------- sessions
    def save_session(self, root: Path | str, session: ReaderSession) -> None:
        data = json.dumps(session.to_json())  # ASCII: a lone surrogate is escaped, not refused

        def put(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT OR REPLACE INTO sessions(root, data, updated) VALUES(?,?,?)",
                         (root_key(root), data, time.time()))

        self._write(put)

    def load_session(self, root: Path | str) -> ReaderSession | None:
        rows = self._read("SELECT data FROM sessions WHERE root=?", (root_key(root),))
        if not rows:
            return None
        try:
            return ReaderSession.from_json(json.loads(rows[0][0]))
        except ValueError:
            return None

    def all_sessions(self) -> list[tuple[str, dict, float]]:
        out = []
        for root, data, updated in self._read("SELECT root, data, updated FROM sessions"):
            try:
                out.append((root, json.loads(data), updated))
            except ValueError:
                continue
        return out

    def put_sessions(self, sessions: Iterable[tuple[str, dict, float]]) -> int:
        def merge(conn: sqlite3.Connection, items: list[tuple[str, dict, float]]) -> int:
            n = 0
            for root, data, updated in items:
                row = conn.execute("SELECT updated FROM sessions WHERE root=?", (root,)).fetchone()
                if row is not None and row[0] >= updated:
                    continue
                conn.execute("INSERT OR REPLACE INTO sessions(root, data, updated) VALUES(?,?,?)",
                             (root, json.dumps(ReaderSession.from_json(data).to_json()),
                              updated))
                n += 1
            return n

        return self._write(merge, list(sessions)) or 0

    # ------------------------------------------------------------------------------------ misc
    def integrity(self) -> str:
        rows = self._read("PRAGMA integrity_check")
        return rows[0][0] if rows else "unknown"

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass


def _mark(row: tuple) -> Mark:
    ident, h, root, read_at, starred, updated = row
    return Mark(ident, h or "", root or "", read_at, bool(starred), float(updated or 0.0))


def _init(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA.split(";"):  # not executescript: it would commit the caller's transaction
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES('schema', ?)", (SCHEMA_VERSION,))


def _memory_copy(conn: sqlite3.Connection | None) -> sqlite3.Connection:
    """An in-memory database with the schema and, when ``conn`` can still be read, its content."""
    mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if conn is not None:
        try:
            conn.backup(mem)
        except sqlite3.Error:
            mem.close()
            mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        _init(mem)
    except sqlite3.Error:  # a copy of a foreign database: start empty
        mem.close()
        mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _init(mem)
    return mem


def open_state(path: Path | str | None = None) -> StateStore:
    """The state database at ``path`` (default: ``state_dir()/state.sqlite3``), created when
    missing. Never raises: when it cannot be used the store works in memory and says why in
    :attr:`StateStore.error`."""
    p = Path(path) if path is not None else default_path()
    conn: sqlite3.Connection | None = None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(p, timeout=5, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=5000")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous=NORMAL")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"damaged ({check})")
        conn.execute("BEGIN IMMEDIATE")
        _init(conn)
        conn.execute("COMMIT")
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError("attempt to write a readonly database (cannot use WAL)")
        return StateStore(conn, p)
    except (sqlite3.Error, OSError) as exc:
        text = str(exc)
        if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
            why = "is read-only"
            mem = _memory_copy(_readonly(p))
        else:
            why = ("is damaged or not a database" if isinstance(exc, sqlite3.DatabaseError)
                   and not isinstance(exc, sqlite3.OperationalError) else f"cannot be opened ({text})")
            mem = _memory_copy(None)
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass
        error = f"kfin-tui: the reading state {p} {why}: marks are kept for this session only"
        return StateStore(mem, p, error)


def _readonly(p: Path) -> sqlite3.Connection | None:
    try:
        from urllib.parse import quote

        conn = sqlite3.connect(f"file:{quote(str(p))}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("SELECT count(*) FROM marks").fetchone()
        return conn
    except sqlite3.Error:
        return None
