"""The corpus walk and the freshness check, here or in helper processes.

* :class:`BackgroundWalk`: the walk (a stat of every file: ~0.4 s at 100,000 files) as
  ``python -S -E kfin_tui/files.py ROOT`` while this process reads the cached rows.
* :class:`FreshnessCheck`: the fingerprints of the folders the index last saw, computed by two
  such helpers in parallel (~0.17 s at 100,000 files on two cores): when every one matches, nothing
  changed and a warm start skips the walk.

The helpers need the standard library only: a bare interpreter starts in ~15 ms.
"""
from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

from .. import files
from ..files import folder_fingerprint, walk  # noqa: F401 - the walk, re-exported

HELPER_MIN_FILES = 4000  # fewer files: fingerprint them here, a helper would cost more than it saves


def _helper(args: list[str], stdin=subprocess.DEVNULL) -> subprocess.Popen | None:
    try:
        return subprocess.Popen([sys.executable, "-S", "-E", os.path.abspath(files.__file__), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=stdin)
    except OSError:
        return None


def _finish(proc: subprocess.Popen | None):
    """The helper's marshalled answer, or None if it failed; the helper is gone afterwards."""
    if proc is None:
        return None
    try:
        data = proc.stdout.read()
        if proc.wait(timeout=60) != 0:
            return None
        return marshal.loads(data)
    except Exception:  # noqa: BLE001 - the caller does the work itself
        return None
    finally:
        _kill(proc)


def _kill(proc: subprocess.Popen | None) -> None:
    if proc is None:
        return
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for fh in (proc.stdin, proc.stdout):
        if fh and not fh.closed:
            try:
                fh.close()
            except OSError:
                pass


class BackgroundWalk:
    """The walk in a helper process; :meth:`result` is ``(files, folders)`` as ``files.py`` prints
    it, or None if the helper failed (then walk in this process)."""

    def __init__(self, root: Path | str, prefix: str | None = None) -> None:
        self.proc = _helper([str(root)] + ([prefix] if prefix else []))

    def result(self):
        proc, self.proc = self.proc, None
        return _finish(proc)

    def close(self) -> None:
        proc, self.proc = self.proc, None
        _kill(proc)


class FreshnessCheck:
    """Are ``folders`` (path, expected fingerprint, number of files) all as expected? Started at
    once; :meth:`result` waits. Two helpers share the folders by file count."""

    def __init__(self, folders: list[tuple[str, bytes, int]], helpers: int = 2) -> None:
        self.folders = folders
        self.procs: list[tuple[subprocess.Popen | None, list[int]]] = []
        total = sum(n for _, _, n in folders)
        if total < HELPER_MIN_FILES or helpers < 1 or (os.cpu_count() or 1) < 2:
            return
        groups: list[list[int]] = [[] for _ in range(helpers)]
        load = [0] * helpers
        for i in sorted(range(len(folders)), key=lambda i: -folders[i][2]):
            k = load.index(min(load))
            groups[k].append(i)
            load[k] += folders[i][2] + 1
        for group in groups:
            if not group:
                continue
            proc = _helper(["--fingerprints"], stdin=subprocess.PIPE)
            if proc is not None:
                try:
                    proc.stdin.write(marshal.dumps([folders[i][0] for i in group]))
                    proc.stdin.close()
                except OSError:
                    _kill(proc)
                    proc = None
            self.procs.append((proc, group))

    def result(self) -> bool:
        """True when every folder still has its fingerprint."""
        fresh = True
        if not self.procs:
            return all(folder_fingerprint(path) == fp for path, fp, _ in self.folders)
        for proc, group in self.procs:
            got = _finish(proc) if fresh else _kill(proc)
            if not fresh:
                continue
            if got is None or len(got) != len(group):
                got = [folder_fingerprint(self.folders[i][0]) for i in group]  # the helper failed
            fresh = all(g == self.folders[i][1] for g, i in zip(got, group))
        self.procs = []
        return fresh

    def close(self) -> None:
        for proc, _ in self.procs:
            _kill(proc)
        self.procs = []
