"""The file's time as an article's approximate date (an undated Eastmoney ``.txt`` post), on its
own: the reader's list asks it for the rows it draws, before the loader (its ticker and plain-text
expressions: ~20 ms to compile) is needed. Standard library only."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..dates import CHINA_TZ

__all__ = ["FileTimes", "date_is_file_time", "file_time", "mtime_date"]


def file_time(path: str | Path) -> datetime | None:
    """The file's modification time in China time, to the second: the approximate date of a post
    that gives none (an Eastmoney ``.txt`` export). None when the file cannot be stat'ed or the
    time is out of range."""
    try:
        return mtime_date(os.stat(path).st_mtime)
    except OSError:
        return None


def mtime_date(mtime: float) -> datetime | None:
    """:func:`file_time` of a file whose ``st_mtime`` is known (no second stat)."""
    try:
        seconds = int(mtime)
        return datetime.fromtimestamp(seconds, CHINA_TZ) if seconds > 0 else None
    except (OverflowError, ValueError):
        return None


def date_is_file_time(path: str | Path, fmt: str, date: datetime | None) -> bool:
    """Whether a listed article's ``date`` is its file's modification time (an undated plain-text
    post, :attr:`Article.date_approx`), for a caller that has the listing row only (the index keeps
    no flag): a ``text`` article whose date is the file's time to the second. One stat; False when
    the file cannot be stat'ed. (A ``.txt`` with front matter whose own date happens to equal its
    file time to the second would be called approximate: harmless.)"""
    if fmt != "text" or date is None or date.microsecond:
        return False
    return file_time(path) == date


class FileTimes:
    """:func:`date_is_file_time` of listing rows (``.id``, ``.path``, ``.format``, ``.date``),
    remembered per (row, date): a view asks it for the rows it draws, one stat each."""

    LIMIT = 4096  # answers kept (then forgotten at once: a view draws a screenful at a time)

    def __init__(self) -> None:
        self._seen: dict[tuple, bool] = {}

    def approximate(self, row) -> bool:
        if row.format != "text" or row.date is None:
            return False
        key = (row.id, row.date)
        found = self._seen.get(key)
        if found is None:
            if len(self._seen) > self.LIMIT:
                self._seen.clear()
            found = self._seen[key] = date_is_file_time(row.path, row.format, row.date)
        return found
