"""What fetch remembers between runs, in the XDG state folder (``feeds.sqlite3``):

- per feed: the validators of the last good response (ETag, Last-Modified) and its health (last
  fetch, last success, new items, last error) for ``kfin-tui feeds`` and the reader's feeds screen;
- per archive folder: the dedupe keys of the items it holds (guid, else link, else title + date).

The dedupe record is a cache of the archive, not its truth: a folder whose mtime differs from the
one recorded after the last write (a lost state folder, an external fetcher, a ``git pull``, a
fetch killed before it recorded) is read again from its files' front matter, so nothing is written
twice.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..config import FeedConfig
from .parse import title_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    name TEXT PRIMARY KEY, url TEXT NOT NULL DEFAULT '', etag TEXT, last_modified TEXT,
    last_fetch REAL, last_ok REAL, status TEXT NOT NULL DEFAULT '', new INTEGER NOT NULL DEFAULT 0,
    total_new INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS seen (
    folder TEXT NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL DEFAULT '', PRIMARY KEY (folder, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS folders (folder TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL);
"""
SCAN_BYTES = 64 * 1024  # front matter is at the top; bodies are not read


@dataclass(frozen=True)
class FeedHealth:
    name: str
    url: str = ""
    last_fetch: float | None = None  # epoch seconds
    last_ok: float | None = None
    status: str = ""  # new / unchanged / error ('' never fetched)
    new: int = 0  # items written by the last fetch
    total_new: int = 0
    error: str = ""


def state_file(folder: Path | None = None) -> Path:
    from ..paths import state_dir

    return (folder or state_dir()) / "feeds.sqlite3"


class FetchState:
    """One connection, used from one thread (the fetch's event loop)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- validators and health --------------------------------------------------------------------
    def validators(self, name: str, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of the feed's last good response, if it was for the same URL."""
        row = self.db.execute("SELECT url, etag, last_modified FROM feeds WHERE name=?", (name,)).fetchone()
        if not row or row[0] != url:
            return None, None
        return row[1], row[2]

    def record(self, name: str, url: str, status: str, new: int = 0, error: str = "",
               etag: str | None = None, last_modified: str | None = None, now: float | None = None) -> None:
        now = time.time() if now is None else now
        if status == "error":
            self.db.execute(
                "INSERT INTO feeds (name, url, last_fetch, status, new, error) VALUES (?,?,?,?,0,?) "
                "ON CONFLICT(name) DO UPDATE SET last_fetch=excluded.last_fetch, status=excluded.status, "
                "new=0, error=excluded.error, "
                "etag=CASE WHEN feeds.url=excluded.url THEN feeds.etag END, "
                "last_modified=CASE WHEN feeds.url=excluded.url THEN feeds.last_modified END, "
                "url=excluded.url", (name, url, now, status, error))
            return
        self.db.execute(
            "INSERT INTO feeds (name, url, etag, last_modified, last_fetch, last_ok, status, new, total_new, error) "
            "VALUES (?,?,?,?,?,?,?,?,?, '') ON CONFLICT(name) DO UPDATE SET url=excluded.url, "
            "etag=excluded.etag, last_modified=excluded.last_modified, last_fetch=excluded.last_fetch, "
            "last_ok=excluded.last_ok, status=excluded.status, new=excluded.new, "
            "total_new=feeds.total_new + excluded.new, error=''",
            (name, url, etag, last_modified, now, now, status, new, new))

    def health(self) -> dict[str, FeedHealth]:
        rows = self.db.execute(
            "SELECT name, url, last_fetch, last_ok, status, new, total_new, error FROM feeds").fetchall()
        return {r[0]: FeedHealth(*r) for r in rows}

    # -- dedupe -------------------------------------------------------------------------------------
    def seen(self, folder: Path) -> set[str]:
        """The dedupe keys of ``folder``'s items, read again from its files when it changed."""
        key = str(folder)
        mtime = _mtime(folder)
        row = self.db.execute("SELECT mtime_ns FROM folders WHERE folder=?", (key,)).fetchone()
        if mtime is not None and (row is None or row[0] != mtime):
            self._rescan(folder)
        return {r[0] for r in self.db.execute("SELECT key FROM seen WHERE folder=?", (key,))}

    def _rescan(self, folder: Path) -> None:
        key = str(folder)
        mtime = _mtime(folder)
        found = list(scan_keys(folder))
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR IGNORE INTO seen (folder, key, path) VALUES (?,?,?)",
                                [(key, k, p) for k, p in found])
            if mtime is not None:
                self.db.execute("INSERT OR REPLACE INTO folders (folder, mtime_ns) VALUES (?,?)", (key, mtime))

    def forget(self, folder: Path) -> None:
        """Drop a folder's dedupe record (the folder is gone: its items may be written again).
        An article deleted from a folder that still exists stays deleted: its key is kept."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM seen WHERE folder=?", (str(folder),))
            self.db.execute("DELETE FROM folders WHERE folder=?", (str(folder),))

    def add_seen(self, folder: Path, written: list[tuple[str, Path]]) -> None:
        """Record the items just written to ``folder`` and the folder's mtime after the writes."""
        key = str(folder)
        mtime = _mtime(folder)
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR IGNORE INTO seen (folder, key, path) VALUES (?,?,?)",
                                [(key, k, p.name) for k, p in written])
            if mtime is not None:
                self.db.execute("INSERT OR REPLACE INTO folders (folder, mtime_ns) VALUES (?,?)", (key, mtime))


def _mtime(folder: Path) -> int | None:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def keys_of(fields: dict[str, object]) -> list[str]:
    """The dedupe keys of an article from its front matter, as :attr:`FeedItem.dedupe_key` makes
    them: guid, else link, else title + date (and title alone: an item without a date was
    written with its fetch time)."""
    from ..articles.fields import parse_date

    guid = fields.get("guid")
    if isinstance(guid, str) and guid.strip():
        return ["guid:" + guid.strip()]
    link = fields.get("link")
    if isinstance(link, str) and link.strip():
        return ["link:" + link.strip()]
    title = fields.get("title")
    if not isinstance(title, str) or not title:
        return []
    date = parse_date(fields.get("date"))
    keys = ["title:" + title]
    if isinstance(date, datetime) and date.tzinfo is not None:
        keys.append(title_key(title, date))
    return keys


def scan_keys(folder: Path) -> Iterator[tuple[str, str]]:
    """(key, file name) of every article in ``folder`` (not below), from its front matter."""
    from ..articles import frontmatter

    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith((".md", ".markdown", ".txt", ".html")):
            continue
        try:
            with open(entry.path, "rb") as fh:
                head = fh.read(SCAN_BYTES)
        except OSError:
            continue
        text = head.decode("utf-8-sig", "replace")
        parts = frontmatter.split(text)
        if parts is None:
            continue
        fields, _ = frontmatter.parse(parts[0])
        if isinstance(fields, dict):
            for k in keys_of(fields):
                yield k, entry.name


def feed_health(path: Path | None = None) -> dict[str, FeedHealth]:
    """Each fetched feed's health by name (for ``kfin-tui feeds`` and the reader's feeds screen);
    empty when nothing was ever fetched. Read-only: never creates the state file."""
    path = path or state_file()
    if not path.exists():
        return {}
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return {}
    try:
        rows = db.execute(
            "SELECT name, url, last_fetch, last_ok, status, new, total_new, error FROM feeds").fetchall()
    except sqlite3.Error:
        return {}
    finally:
        db.close()
    return {r[0]: FeedHealth(*r) for r in rows}


def due_feeds(feeds: list[FeedConfig] | tuple[FeedConfig, ...], default_minutes: float,
              path: Path | None = None, now: float | None = None) -> list[str]:
    """Names of the enabled feeds whose ``interval`` (else ``default_minutes``; 0: never) has
    passed since their last fetch: what the reader's automatic fetch passes to ``run_fetch``."""
    now = time.time() if now is None else now
    health = feed_health(path)
    due = []
    for feed in feeds:
        minutes = feed.interval if feed.interval is not None else default_minutes
        if not feed.enabled or not minutes or minutes <= 0:
            continue
        last = health[feed.name].last_fetch if feed.name in health else None
        if last is None or now - last >= minutes * 60:
            due.append(feed.name)
    return due
