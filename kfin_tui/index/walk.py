"""Walk a corpus folder like :func:`kfin_tui.articles.discovery.discover`, with each file's size and
mtime (what the index is keyed on). Same files, same order; no parser imported.

On a warm start the walk (a stat of every file: ~0.4 s at 100,000 files) runs in a helper process,
``python -m kfin_tui.index.walk ROOT``, while this process reads the cached rows.
"""
from __future__ import annotations

import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

# the discovery rules, kept in step with kfin_tui.articles.discovery (a test compares the two walks)
ARTICLE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "manifest", "contributing")


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
            low = name.lower()
            dot = low.rfind(".")
            if dot > 0 and low[dot:] in ARTICLE_SUFFIXES and entry.is_file() and not low.startswith(NOT_ARTICLES):
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


class BackgroundWalk:
    """The walk in a helper process; :meth:`result` is its list, or None if the helper failed
    (then walk in this process)."""

    def __init__(self, root: Path | str, prefix: str | None = None) -> None:
        # this file run as a script, without site: it needs the standard library only, and a
        # bare interpreter starts in ~15 ms instead of importing the package
        try:
            self.proc: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-S", "-E", os.path.abspath(__file__), str(root)] + ([prefix] if prefix else []),
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        except OSError:
            self.proc = None

    def result(self) -> dict | list | None:
        if self.proc is None:
            return None
        try:
            data = self.proc.stdout.read()
            code = self.proc.wait(timeout=60)
            if code != 0:
                return None
            return marshal.loads(data)
        except Exception:  # noqa: BLE001 - fall back to walking here
            return None
        finally:
            self.close()

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout and not proc.stdout.closed:
            proc.stdout.close()


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
