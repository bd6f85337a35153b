"""Which files under a corpus folder are articles, and the walk that finds them.

The one definition of discovery: recursive, sorted, hidden entries skipped, symlink loops walked
once, repository furniture (README, LICENSE …) left out. Standard library only, so that it also
runs as a bare script (``python -S -E kfin_tui/files.py ROOT``): the index stats a 100,000-file
archive in a helper process started in ~15 ms, while it reads its cached rows.
"""
from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
# repository furniture that sits beside articles in scraped archives (whole names, so that an
# article called "License plates…" is still read)
NOT_ARTICLES = frozenset({"readme", "license", "licence", "changelog", "manifest", "contributing", "copying"})


def is_article_name(name: str) -> bool:
    low = name.lower()
    dot = low.rfind(".")
    return dot > 0 and low[dot:] in ARTICLE_SUFFIXES and low[:dot] not in NOT_ARTICLES


def _scan(folder: str):
    """(files as (path, size, mtime_ns), subfolders) of one folder, both sorted; None if unreadable."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return None
    files, subdirs = [], []
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir():
                subdirs.append(entry.path)
                continue
            if is_article_name(name) and entry.is_file():
                st = entry.stat()
                files.append((entry.path, st.st_size, st.st_mtime_ns))
        except OSError:
            continue
    return files, subdirs


def walk(root: Path | str) -> Iterator[tuple[str, int, int]]:
    """Yield (path, size, mtime_ns) of every article file below ``root`` in discovery order."""
    root = Path(root)
    if root.is_file():
        st = root.stat()
        yield str(root), st.st_size, st.st_mtime_ns
        return
    top = str(root)  # normalised by Path: os.path.join in scandir then gives what Path would
    dot = top == "."
    seen: set[tuple[int, int]] = set()
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
        found = _scan(folder)
        if found is None:
            continue
        files, subdirs = found
        if dot:
            files = [(p.removeprefix("./"), s, m) for p, s, m in files]
        yield from files
        stack.extend(reversed(subdirs))


def _main(argv: list[str]) -> int:
    """Print (marshal) {relative path: (size, mtime_ns)} in discovery order when every path starts
    with ``argv[1]`` (the caller's prefix), else the plain list of (path, size, mtime_ns)."""
    out = list(walk(argv[0]))
    prefix = argv[1] if len(argv) > 1 else None
    if prefix is not None:
        n = len(prefix)
        if all(p.startswith(prefix) for p, _, _ in out):
            out = {p[n:]: (size, mtime) for p, size, mtime in out}
    sys.stdout.buffer.write(marshal.dumps(out))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
