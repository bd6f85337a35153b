"""Find article files under a folder: recursive, hidden entries skipped, symlink loops safe.

The rules live in :mod:`kfin_tui.files` (shared with the index's stat walk, so both always see
the same files in the same order).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..files import ARTICLE_SUFFIXES, NOT_ARTICLES, is_article_name, walk

__all__ = ["ARTICLE_SUFFIXES", "NOT_ARTICLES", "discover", "is_article_name"]


def discover(root: Path | str) -> Iterator[Path]:
    """Yield article files below ``root`` in a stable (sorted) order.

    Hidden files and folders (``.git``, ``.about.md``) are skipped; a directory reached twice
    through symlinks is walked once. Unreadable folders are skipped silently here — the loader
    reports files it cannot read.
    """
    for path, _, _ in walk(root):
        yield Path(path)
