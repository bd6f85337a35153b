"""Find article files under a folder: recursive, hidden entries skipped, symlink loops safe."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
# repository furniture that sits beside articles in scraped archives, not articles
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "manifest", "contributing")


def discover(root: Path) -> Iterator[Path]:
    """Yield article files below ``root`` in a stable (sorted) order.

    Hidden files and folders (``.git``, ``.about.md``) are skipped; a directory reached twice
    through symlinks is walked once. Unreadable folders are skipped silently here — the loader
    reports files it cannot read.
    """
    root = Path(root)
    if root.is_file():
        yield root
        return
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    subdirs.append(Path(entry.path))
                elif (entry.is_file() and os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES
                      and not entry.name.lower().startswith(NOT_ARTICLES)):
                    yield Path(entry.path)
            except OSError:
                continue
        stack.extend(reversed(subdirs))
