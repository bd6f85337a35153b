"""Walk a corpus folder like :func:`kfin_tui.articles.discovery.discover`, with each file's size and
mtime (what the index is keyed on). Same files, same order; no parser imported."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# the discovery rules, kept in step with kfin_tui.articles.discovery (a test compares the two walks)
ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "manifest", "contributing")


def walk(root: Path) -> Iterator[tuple[str, int, int]]:
    """Yield (path, size, mtime_ns) of every article file below ``root`` in discovery order."""
    root = Path(root)
    if root.is_file():
        st = root.stat()
        yield str(root), st.st_size, st.st_mtime_ns
        return
    seen: set[tuple[int, int]] = set()
    top = str(root)  # normalised by Path: os.path.join below then gives what Path would
    dot = top == "."
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
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
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    subdirs.append(entry.path)
                elif (entry.is_file() and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
                      and not name.lower().startswith(NOT_ARTICLES)):
                    est = entry.stat()
                    path = entry.path
                    yield (path[2:] if dot and path.startswith("./") else path), est.st_size, est.st_mtime_ns
            except OSError:
                continue
        stack.extend(reversed(subdirs))
