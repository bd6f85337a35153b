"""Find article files under a folder: recursive, hidden entries skipped, symlink loops safe.

The rules live in :mod:`kfin_tui.files` (shared with the index's stat walk, so both always see
the same files in the same order).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..files import ARTICLE_SUFFIXES, NOT_ARTICLES, is_article_name, walk
from .model import LoadIssue

__all__ = ["ARTICLE_SUFFIXES", "NOT_ARTICLES", "discover", "is_article_name"]


def discover(root: Path | str, problems: list | None = None) -> Iterator[Path]:
    """Yield article files below ``root`` in a stable (sorted) order.

    Hidden files and folders (``.git``, ``.about.md``) are skipped; a directory reached twice
    through symlinks is walked once; symlinks that leave ``root`` are not followed. ``problems``,
    when given, receives a :class:`LoadIssue` for each such link and each sub-folder that cannot be
    read (the loader reports files it cannot read).
    """
    found: list = []
    for path, _, _ in walk(root, problems=found):
        yield from _issues(found, problems)
        yield Path(path)
    yield from _issues(found, problems)


def _issues(found: list, problems: list | None) -> Iterator[Path]:
    if problems is not None:
        problems.extend(LoadIssue(p, reason) for p, reason in found)
    found.clear()
    return iter(())
