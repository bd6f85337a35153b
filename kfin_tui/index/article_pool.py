"""Heavy articles are read, parsed and extracted in a child process (issue 10).

A big or hostile file keeps C code busy for a long time while holding the interpreter lock —
selectolax over 1 MB of nested HTML, the extractor's regexes over 800 KB of figures — and no other
thread of the process runs meanwhile: in the reader, no key is answered. Here such a file is
prepared in one child process instead (``python -m kfin_tui.index.article_pool``: a plain subprocess, as
:mod:`kfin_tui.index.parse`'s workers, not multiprocessing — nothing of the caller is re-imported,
and a dead child is never respawned in a loop).

- :meth:`ArticlePool.prepare` sends ``(path, root, extract)``; the child loads the file
  (:func:`kfin_tui.articles.load_file`) and extracts its figures and companies, and answers with
  the result in small pickled pieces, which are put together here one piece at a time (no single
  C call holds the lock for long, however big the article).
- A job is superseded when ``cancelled()`` turns true (the reader's cursor moved on) or when another
  thread asks for another article: the child is killed and a new one started (warm by the next
  request). A child that dies or runs past ``timeout`` raises :class:`ChildFailed` for that file;
  the next request starts a new child.
- The child runs at a lower priority (nice) and exits when its stdin closes: when the pool is
  closed or the parent process ends, however it ends.

UI-free: nothing here imports Textual.
"""
from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..articles.model import Article, LoadIssue
from .frames import serve

HEAVY_BYTES = 16 * 1024  # files larger than this are prepared in the child (the others take milliseconds)
TIMEOUT = 60.0  # seconds a child may spend on one file
CHUNK = 256  # blocks / figures / company mentions per pickled piece (~1 ms to unpickle each)
NICE = 5
KEEP = 6  # prepared articles kept (path, size, mtime): going back to one costs nothing


class ChildFailed(Exception):
    """The child process died or took too long on this file (a per-file error: the message says which)."""


class Superseded(Exception):
    """The job was cancelled or replaced by a newer one before it finished."""


@dataclass
class Prepared:
    """A file read, parsed and extracted in the child."""

    article: Article | None
    issue: LoadIssue | None
    extraction: Any = None  # kfin_tui.extract.model.Extraction, None when not asked or it failed
    error: str = ""  # why the extraction failed


def is_heavy(path: str | os.PathLike[str], size: int | None = None) -> bool:
    """Whether ``path`` should be prepared in the child (by its size: parsing and extracting cost
    grows with it; small files take milliseconds in-process)."""
    if size is None:
        try:
            size = os.stat(path).st_size
        except OSError:
            return False
    return size > HEAVY_BYTES


# -- the child -----------------------------------------------------------------------------------

def _pieces(article: Article | None, issue: LoadIssue | None, extraction: Any, error: str) -> list[bytes]:
    """The result as small pickles: a head, then blocks, figures and companies by CHUNK."""
    dump = pickle.dumps
    blocks = article.blocks if article is not None else ()
    figures = list(getattr(extraction, "figures", ()) or ())
    companies = list(getattr(extraction, "companies", ()) or ())
    head_article = replace(article, blocks=()) if article is not None else None
    head_extraction = replace(extraction, figures=[], companies=[]) if extraction is not None else None
    out = [dump(("head", head_article, issue, head_extraction, error))]
    out += [dump(("blocks", blocks[i:i + CHUNK])) for i in range(0, len(blocks), CHUNK)]
    out += [dump(("figures", figures[i:i + CHUNK])) for i in range(0, len(figures), CHUNK)]
    group: list[Any] = []
    weight = 0
    for company in companies:
        group.append(company)
        weight += 1 + len(getattr(company, "mentions", ()))
        if weight >= CHUNK:
            out.append(dump(("companies", group)))
            group, weight = [], 0
    if group:
        out.append(dump(("companies", group)))
    return out


def prepare_here(path: str, root: str, extract: bool = True) -> list[bytes]:
    """What the child does for one job (also callable in-process, e.g. by tests)."""
    from ..articles.loader import load_file

    article, issue = load_file(path, root)
    extraction, error = None, ""
    if article is not None and extract:
        try:
            from ..extract import extract_article

            extraction = extract_article(article)
        except Exception as exc:  # noqa: BLE001 - the article still shows, without figures
            error = f"{type(exc).__name__}: {exc}"
    return _pieces(article, issue, extraction, error)


def _child_main() -> None:
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not break the protocol
    try:
        os.nice(NICE)
    except OSError:
        pass
    from ..articles import loader  # noqa: F401 - warm: imported before the first job
    try:
        from ..extract import warm_up

        warm_up()
    except Exception:  # noqa: BLE001, S110 - the extractor fails per job then, with its message
        pass
    def answer(job: tuple[str, str, bool]) -> list[bytes]:
        path, root, extract = job
        try:
            return prepare_here(path, root, extract)
        except MemoryError:
            return [pickle.dumps(("fail", "out of memory"))]
        except Exception as exc:  # noqa: BLE001 - reported for this file; the child goes on
            return [pickle.dumps(("fail", f"{type(exc).__name__}: {exc}"))]

    serve(answer, inp, out)


# -- the parent ----------------------------------------------------------------------------------

def _assemble(pieces: list[bytes], check: Callable[[], None]) -> Prepared:
    """The pieces put together, one small unpickle at a time (the lock is let go in between)."""
    first = pickle.loads(pieces[0])
    if first[0] == "fail":
        raise ChildFailed(first[1])
    _, article, issue, extraction, error = first
    blocks: list[Any] = []
    figures: list[Any] = []
    companies: list[Any] = []
    lists = {"blocks": blocks, "figures": figures, "companies": companies}
    for n, piece in enumerate(pieces[1:]):
        kind, items = pickle.loads(piece)
        lists[kind].extend(items)
        if n % 4 == 3:
            check()
            time.sleep(0)  # let the UI thread have the interpreter
    if article is not None:
        article = replace(article, blocks=tuple(blocks))
    if extraction is not None:
        extraction = replace(extraction, figures=figures, companies=companies)
    return Prepared(article, issue, extraction, error)


class _Child:
    def __init__(self) -> None:
        from .children import child_command

        argv, env = child_command("kfin_tui.index.article_pool")
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env=env, close_fds=True)
        self.pid = self.proc.pid
        self.busy = False  # a thread is waiting for its answer (that thread closes the pipes)

    def send(self, job: tuple[str, str, bool]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(pickle.dumps(job))
        self.proc.stdin.flush()

    def kill(self, close_pipes: bool) -> None:
        """Kill the process and reap it. The pipes are closed only by the one thread that may be
        reading them (closed under a reader, their numbers could be reused by a new child's)."""
        try:
            self.proc.kill()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if close_pipes:
            for fh in (self.proc.stdin, self.proc.stdout):
                try:
                    if fh is not None:
                        fh.close()
                except OSError:
                    pass

    def alive(self) -> bool:
        return self.proc.poll() is None


def _read_exactly(fd: int, n: int, until: Callable[[], None]) -> bytes:
    """``n`` bytes from ``fd``, waiting in short steps (``until`` raises to give up)."""
    buf = bytearray()
    # poll(), not select(): select() refuses a descriptor past 1024 (a process with many files open)
    poller = select.poll() if hasattr(select, "poll") else None
    if poller is not None:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    while len(buf) < n:
        ready = poller.poll(50) if poller is not None else select.select([fd], [], [], 0.05)[0]
        if not ready:
            until()
            continue
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


class ArticlePool:
    """One child process, one job at a time; safe to call from several threads (a newer job
    supersedes the one running). :meth:`close` ends the child."""

    def __init__(self, timeout: float = TIMEOUT) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._child: _Child | None = None
        self._job = 0  # the job that owns the child
        self._closed = False
        self._kept: OrderedDict[tuple[str, int, int, bool], Prepared] = OrderedDict()

    @property
    def pid(self) -> int | None:
        """The child's process id, when one is running."""
        child = self._child
        return child.pid if child is not None and child.alive() else None

    def warm(self) -> None:
        """Start the child now (its imports take a while: done before the first heavy file)."""
        with self._lock:
            if not self._closed and (self._child is None or not self._child.alive()):
                self._start()

    def _start(self) -> _Child:
        old = self._child
        if old is not None:  # a busy child's pipes are closed by the thread reading them
            old.kill(close_pipes=not old.busy)
        self._child = _Child()
        return self._child

    def prepare(self, path: str, root: str, *, extract: bool = True,
                cancelled: Callable[[], bool] = lambda: False) -> Prepared:
        """Read, parse and (``extract``) extract ``path`` in the child. Raises :class:`ChildFailed`
        when the child dies or runs past the timeout, :class:`Superseded` when ``cancelled()``
        turns true or another call takes the child, ``OSError`` when no child can be started."""
        try:
            st = os.stat(path)
            key = (path, st.st_size, st.st_mtime_ns, extract)
        except OSError:
            key = None
        with self._lock:
            if key is not None and key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
            if self._closed:
                raise Superseded("the pool is closed")
            self._job += 1
            job = self._job
            child = self._child
            if child is None or not child.alive() or child.busy:
                child = self._start()  # a busy child works for a superseded job: it goes
            child.busy = True
            try:
                child.send((path, root, extract))
            except OSError:
                child.busy = False  # no one reads it: its pipes go with it
                child = self._start()  # died since (killed, crashed while idle): once more
                child.busy = True
                child.send((path, root, extract))
        deadline = time.monotonic() + self.timeout

        def check() -> None:
            if self._job != job or self._closed:
                raise Superseded
            if cancelled():
                raise Superseded
            if time.monotonic() > deadline:
                raise TimeoutError

        try:
            assert child.proc.stdout is not None
            fd = child.proc.stdout.fileno()
            size = int.from_bytes(_read_exactly(fd, 8, check), "little")
            data = _read_exactly(fd, size, check)
        except Superseded:
            self._drop(child)
            raise
        except TimeoutError:
            self._drop(child)
            raise ChildFailed(f"解析超时 parsing took over {self.timeout:.0f} s (the child process was stopped)") from None
        except (EOFError, OSError, ValueError):
            self._drop(child)
            if self._job != job or self._closed:
                raise Superseded from None  # killed for a newer job
            code = child.proc.poll()
            why = f"exit code {code}" if code is not None and code >= 0 else (
                f"killed by signal {-code}" if code is not None else "its output was cut")
            raise ChildFailed(f"解析进程失败 the parsing process ended ({why})") from None
        with self._lock:
            child.busy = False  # the child is free for the next job
        try:
            prepared = _assemble(pickle.loads(data), check)
        except TimeoutError:
            raise ChildFailed(f"解析超时 parsing took over {self.timeout:.0f} s") from None
        except (EOFError, ValueError, pickle.UnpicklingError, KeyError, TypeError) as exc:
            raise ChildFailed(f"解析进程的结果无法读取 the parsing process's answer was damaged ({exc})") from None
        if key is not None:
            with self._lock:
                self._kept[key] = prepared
                while len(self._kept) > KEEP:
                    self._kept.popitem(last=False)
        return prepared

    def _drop(self, child: _Child) -> None:
        """Called by the thread reading ``child`` when it gives its job up: the child is killed
        (its pipes closed: no one else reads them); if it was the pool's child a new one is started
        at once, warm for the next heavy file."""
        child.kill(close_pipes=True)
        with self._lock:
            if self._child is child:
                self._child = None
                if not self._closed:
                    self._start()

    def close(self) -> None:
        """End the child (idempotent); later calls to :meth:`prepare` raise :class:`Superseded`."""
        with self._lock:
            self._closed = True
            self._job += 1
            child, self._child = self._child, None
            self._kept.clear()
        if child is not None:
            child.kill(close_pipes=not child.busy)

    def __enter__(self) -> ArticlePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    _child_main()
