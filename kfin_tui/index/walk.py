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
import sys

from .. import files
from ..files import fingerprints, folder_fingerprint, iter_fingerprints, read_names, real_root, walk  # noqa: F401 - the walk, re-exported
from . import checksum

TYPE_CHECKING = False  # (neither typing nor pathlib is needed to start the check: ~10 ms sooner)
if TYPE_CHECKING:
    import subprocess
    from pathlib import Path

HELPER_MIN_FILES = 4000  # fewer files: fingerprint them here, a helper would cost more than it saves


def _helper(args: list[str], stdin: int | None = None) -> subprocess.Popen | None:
    import subprocess  # (not imported by a forking check: kfin-tui list starts without it)

    try:
        return subprocess.Popen([sys.executable, "-S", "-E", os.path.abspath(files.__file__), *args],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL if stdin is None else stdin)
    except OSError:
        return None


def _finish(proc: subprocess.Popen | _Forked | None):
    """The helper's marshalled answer, or None if it failed; the helper is gone afterwards."""
    if proc is None:
        return None
    try:
        data = proc.stdout.read() if proc.stdout is not None else b""
        if proc.wait(timeout=60) != 0:
            return None
        return marshal.loads(data)
    except Exception:  # noqa: BLE001 - the caller does the work itself
        return None
    finally:
        _kill(proc)


def _kill(proc: subprocess.Popen | _Forked | None) -> None:
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


def _threaded() -> bool:
    import threading

    return threading.active_count() > 1


def _can_fork() -> bool:
    """A fork costs no interpreter start, but is only safe in a process without other threads (the
    command line, not the reader)."""
    return hasattr(os, "fork") and not _threaded() and sys.platform != "darwin"


class _Forked:
    """A forked child computing fingerprints; looks like a Popen to :func:`_finish`/:func:`_kill`."""

    stdin = None

    def __init__(self, items: list, names: str | None = None, total: int = 0, top_real: str | None = None) -> None:
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: compute, write, leave without running any cleanup
            code = 1
            try:
                os.close(read)
                found, read_ = fingerprints(items, names, total, top_real)
                data = marshal.dumps((found, read_) if names else found)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self.stdout = os.fdopen(read, "rb")
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, 9)
            except ProcessLookupError:
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
    once; :meth:`result` waits. Two helpers share the folders by file count.

    ``names``: the names file beside the index (:func:`names_path`), whose blobs are in the same
    order as ``folders`` (the order of the folders file): the helpers read it and stat the names
    the last walk saw instead of listing every folder. After :meth:`result`, :attr:`names_read`
    is False when some could not read it (missing, damaged, of another length): the index then
    writes it anew (:meth:`~kfin_tui.index.store.snapshots.Snapshots.write_names`).

    ``root``: the corpus as walked; by default the first of ``folders``, which is the root (the walk
    lists it first). A symlink that resolves outside it is no article, as in the walk
    (:func:`kfin_tui.files.folder_fingerprint`): a folder holding one is fresh all the same."""

    def __init__(self, folders: list[tuple[str, bytes, int]], helpers: int = 2,
                 names: Path | str | None = None, root: Path | str | None = None) -> None:
        self.folders = folders
        self.names = str(names) if names else None
        top = os.fspath(root) if root is not None else folders[0][0] if folders else None
        self.top_real = real_root(top) if top is not None else None
        self.names_read = True
        self.procs: list[tuple[subprocess.Popen | _Forked | None, list[int]]] = []
        total = sum(n for _, _, n in folders)
        if total < HELPER_MIN_FILES or helpers < 1 or (os.cpu_count() or 1) < 2:
            return
        groups: list[list[int]] = [[] for _ in range(helpers)]
        load = [0] * helpers
        for i in sorted(range(len(folders)), key=lambda i: -folders[i][2]):
            k = load.index(min(load))
            groups[k].append(i)
            load[k] += folders[i][2] + 1
        forking = _can_fork()
        for group in groups:
            if not group:
                continue
            items = [(folders[i][0], i) for i in group] if self.names else [folders[i][0] for i in group]
            if forking:
                self.procs.append((_Forked(items, self.names, len(folders), self.top_real), group))
                continue
            import subprocess

            # a process with threads is the reader, whose keys come first: --nice (not kfin-tui
            # list, which waits for the answer, where fork is not used: macOS)
            proc = _helper(["--fingerprints", *(["--nice"] if _threaded() else []),
                            *(["--names", self.names, str(len(folders))] if self.names else [])],
                           stdin=subprocess.PIPE)
            if proc is not None:
                try:
                    stdin = proc.stdin
                    if stdin is None:
                        raise OSError("no pipe to the helper")
                    # (the root with the folders, not on the command line: decoded as they are)
                    stdin.write(marshal.dumps((self.top_real, items) if self.top_real is not None else items))
                    stdin.close()
                except OSError:
                    _kill(proc)
                    proc = None
            self.procs.append((proc, group))

    def result(self) -> bool:
        """True when every folder still has its fingerprint."""
        fresh = True
        if not self.procs:
            blobs = read_names(self.names, len(self.folders)) if self.names else None
            self.names_read = blobs is not None or not self.names
            mine = iter_fingerprints([(path, i) for i, (path, _, _) in enumerate(self.folders)], blobs, self.top_real)
            return all(g == f[1] for g, f in zip(mine, self.folders))  # (stops at the first change)
        for proc, group in self.procs:
            got = _finish(proc) if fresh else None
            if not fresh:
                _kill(proc)
            if not fresh:
                continue
            if self.names and got is not None:
                if isinstance(got, tuple) and len(got) == 2:
                    got, read = got
                    self.names_read = self.names_read and read is True
                else:
                    got = None
            if got is None or len(got) != len(group):
                self.names_read = False
                got = [folder_fingerprint(self.folders[i][0], None, self.top_real) for i in group]  # the helper failed
            fresh = all(g == self.folders[i][1] for g, i in zip(got, group))
        self.procs = []
        return fresh

    def close(self) -> None:
        for proc, _ in self.procs:
            _kill(proc)
        self.procs = []


# -- the fingerprints of the last walk, in a file beside the index -----------------------------------
FOLDERS_SUFFIX = "-folders"  # the file beside the database (its name + this)
FOLDERS_LINE = "kfin-tui folders 3 {}\n"  # then the folders, marshalled and sealed (checksum.dumps)


def folders_path(db: Path | str) -> str:
    return os.fspath(db) + FOLDERS_SUFFIX


NAMES_SUFFIX = "-names"  # beside it: each folder's article names (files.NAMES_LINE, then sealed blobs)


def names_path(db: Path | str) -> str:
    return os.fspath(db) + NAMES_SUFFIX


def read_folders(db: Path | str):
    """(generation, folders) from the file beside the index, or None. No SQLite: ``kfin-tui list``
    reads it first thing, to start the freshness check before anything else is imported."""
    try:
        with open(folders_path(db), "rb") as fh:
            line = fh.readline().decode()
            head = FOLDERS_LINE.format("")
            if not line.startswith(head[:-1]):
                return None
            return line[len(head) - 1:-1], checksum.loads(fh.read())
    except Exception:  # noqa: BLE001 - missing or damaged (checksum): walk instead, which rewrites it
        return None


def folder_prefix(root: Path | str) -> str:
    """What is put before a relative path to make the path the user would type (``root`` as given)."""
    prefix = str(root)
    return "" if prefix == "." else (prefix if prefix.endswith(os.sep) else prefix + os.sep)


def abs_folder(root: Path | str, prefix: str, rel: str) -> str:
    return prefix + rel if rel else str(root)


def path_str(root: Path | str) -> str:
    """``str(Path(root))`` without pathlib on POSIX: "." and empty parts dropped, no trailing slash,
    exactly two leading slashes kept."""
    s = os.fspath(root)
    if os.sep != "/" or os.altsep:
        from pathlib import Path

        return str(Path(s))
    lead = "//" if s.startswith("//") and not s.startswith("///") else ("/" if s.startswith("/") else "")
    return (lead + "/".join(p for p in s.split("/") if p and p != ".")) or "."


_started: dict[str, tuple[str, FreshnessCheck] | None] = {}  # root -> a check start_early_check began


def start_early_check(root: Path | str) -> None:
    """Begin :func:`early_check` of a folder now (``kfin-tui list``, before its arguments are parsed);
    the next ``early_check`` of the same folder takes it over. The caller stops one not taken over
    with :func:`stop_early_checks`."""
    key = path_str(root)
    if key in _started or not os.path.isdir(key):
        return
    _started[key] = _start_check(key)


def stop_early_checks() -> None:
    """Stop the checks :func:`start_early_check` began that nobody took over (their helpers killed)."""
    for early in _started.values():
        if early is not None:
            early[1].close()
    _started.clear()


def early_check(root: Path | str) -> tuple[str, FreshnessCheck] | None:
    """Start the freshness check of ``root``'s index before anything else (``kfin-tui list``): the
    helpers stat the files while the caller imports the rest and runs its query. Returns the
    generation the fingerprints belong to (the caller compares it with the index's) and the check."""
    key = path_str(root)
    if key in _started:
        return _started.pop(key)
    return _start_check(key)


def _start_check(root: str) -> tuple[str, FreshnessCheck] | None:
    from ..paths import index_file_for

    try:
        db = index_file_for(root)
        found = read_folders(db)
    except Exception:  # noqa: BLE001 - no cache folder, …: no early check
        return None
    if not found or not found[1]:
        return None
    gen, folders = found
    prefix = folder_prefix(root)
    return gen, FreshnessCheck([(abs_folder(root, prefix, f[0]), f[1], f[2]) for f in folders],
                               names=names_path(db), root=root)
