"""``kfin-tui index --prune``: remove the indexes of folders that are gone, and outdated ones.

Each index records the folder it was built for (``meta.root``). An index whose folder no longer
exists, or that was written by another version of the index layout (it would be rebuilt anyway),
is deleted with the files beside it. Indexes in use by a running reader are left alone only in the
sense that POSIX keeps an open file alive: nothing here waits for locks.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .store import SCHEMA_VERSION, SIDE_FILES


def stale_indexes(cache: Path | None = None) -> list[tuple[Path, str]]:
    """(database, reason) of every index in the cache that should go."""
    if cache is None:
        from ..paths import cache_dir

        cache = cache_dir()
    folder = Path(cache) / "index"
    out = []
    for db in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
        reason = _why_stale(db)
        if reason:
            out.append((db, reason))
    return out


def _why_stale(db: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return "cannot be opened"
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            return f"outdated layout ({version}, now {SCHEMA_VERSION})"
        row = conn.execute("SELECT value FROM meta WHERE key='root'").fetchone()
    except sqlite3.Error as exc:
        return f"damaged ({exc})"
    finally:
        conn.close()
    if row is None:
        return None  # folder not recorded: keep it (it may well be in use)
    folder = os.fsdecode(row[0]) if isinstance(row[0], bytes) else str(row[0])  # bytes: a non-UTF-8 name
    if not Path(folder).is_dir():
        shown = folder.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return f"folder gone: {shown}"
    return None


def size_of(db: Path) -> int:
    total = 0
    for suffix in SIDE_FILES:
        try:
            total += os.stat(str(db) + suffix).st_size
        except OSError:
            pass
    return total


def remove(db: Path) -> None:
    for suffix in SIDE_FILES:
        try:
            os.unlink(str(db) + suffix)
        except FileNotFoundError:
            pass
    for tmp in db.parent.glob(db.name + "-*.*.tmp"):  # a side file's write cut short (_replace_file)
        try:
            tmp.unlink()
        except OSError:
            pass
