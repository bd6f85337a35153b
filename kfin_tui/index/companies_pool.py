"""The whole-archive companies pass in worker processes (UI-free).

Workers are plain ``python -m kfin_tui.index.companies_pool`` subprocesses, as the body pass's
(:mod:`kfin_tui.index.parse`), not multiprocessing: spawn would re-import the caller's __main__,
fork is unsafe in a process running UI threads. Each worker loads the extractor once (jieba and the
company dictionary: ~2 s of CPU, ~160 MB), then answers jobs.

Protocol: stdin gets pickled jobs, each a list of ``(id, path, root)``, then None; stdout gets one
framed pickled list of :data:`Result` ``(id, names | None, error | None)`` per job, in order.
``names`` None with no error: the file cannot be read any more (it stays pending, as in-process).

Failures stay with their file: an exception on one file is that file's ``error``; a worker that dies
(killed, out of memory) has the job it was on redone one file per job by the others (and by a
replacement worker), so that only the file that kills a worker fails; what no worker can take is
left to the caller (:attr:`CompaniesPool.leftover`), which runs it in its own process.
Workers ignore SIGINT and run in their own session: a Ctrl-C reaches the parent, which kills them
(:meth:`CompaniesPool.close`); a parent that dies leaves them an EOF on stdin, and they exit.
"""
from __future__ import annotations

import os
import pickle
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from queue import SimpleQueue
from typing import IO, Any

from .frames import read_frame, serve

Item = tuple[int, str, str]  # (row id, absolute path, archive root)
Result = tuple[int, "list[str] | None", "str | None"]  # (row id, company names, error)

IN_FLIGHT = 2  # jobs queued per worker: it starts the next while the parent reads the last
MAX_RESTARTS = 4  # workers started to replace dead ones, per pool
FAULT_ENV = "KFIN_TUI_POOL_FAULT"  # tests: "raise:NAME" / "exit:NAME" on files whose path holds NAME


def companies_of(items: list[Item]) -> list[Result]:
    """The company names of each file (what the in-process pass stores), one result per item;
    an exception on one file (MemoryError on a hostile file, a bug) is that file's error."""
    from ..articles import load_file
    from .extracted import _names
    from .extraction import companies_only

    faults = _faults()
    out: list[Result] = []
    for rid, path, root in items:
        try:
            for kind, name in faults:
                if name in path:
                    if kind == "exit":
                        os._exit(3)
                    raise MemoryError(f"test fault on {name}")
            article, _issue = load_file(Path(path), Path(root))
            if article is None:
                out.append((rid, None, None))
                continue
            out.append((rid, _names(companies_only(article)[2]), None))
        except Exception as exc:  # noqa: BLE001 - one file's failure, never the job's
            out.append((rid, None, f"{type(exc).__name__}: {exc}"[:300]))
    return out


def _faults() -> list[tuple[str, str]]:
    spec = os.environ.get(FAULT_ENV, "")
    return [tuple(p.split(":", 1)) for p in spec.split(",") if ":" in p]  # type: ignore[misc]


def _worker_main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    import contextlib

    with contextlib.suppress(Exception):  # the extractor's failure shows per file
        from ..extract import warm_up

        warm_up()
    serve(companies_of)


class _Dead(Exception):
    """The worker's pipe closed: it died, or the pool was closed."""


class CompaniesPool:
    """N worker processes running :func:`companies_of`; :meth:`run` yields results as they come
    (any order). Raises OSError when no worker can be started."""

    def __init__(self, n: int) -> None:
        self._lock = threading.Lock()
        self._closed = False
        self._restarts = 0
        self.procs: list[Any] = []
        self.leftover: list[Item] = []  # items no worker could take: the caller runs them
        try:
            for _ in range(max(1, n)):
                self.procs.append(self._start())
        except OSError:
            self.close()
            raise

    @staticmethod
    def _start():
        import subprocess

        from .children import child_command

        argv, env = child_command("kfin_tui.index.companies_pool")
        return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=env, start_new_session=True)

    def run(self, items: list[Item], job_size: int = 64,
            stop: threading.Event | None = None) -> Iterator[list[Result]]:
        """Results of every item, a job's worth at a time. Stops early when ``stop`` is set or
        the pool is closed; items no worker could take are left in :attr:`leftover`."""
        todo: deque[list[Item]] = deque(items[i:i + job_size] for i in range(0, len(items), job_size))
        results: SimpleQueue = SimpleQueue()
        done = object()

        def halted() -> bool:
            return self._closed or (stop is not None and stop.is_set())

        def drive(k: int) -> None:
            try:
                while not halted():
                    proc = self.procs[k]
                    inflight: deque[list[Item]] = deque()
                    try:
                        while True:
                            while len(inflight) < IN_FLIGHT and not halted():
                                with self._lock:
                                    job = todo.popleft() if todo else None
                                if job is None:
                                    break
                                inflight.append(job)
                                _send(proc.stdin, job)
                            if not inflight:
                                return
                            results.put(pickle.loads(_receive(proc.stdout)))
                            inflight.popleft()
                    except (_Dead, OSError, ValueError, EOFError, pickle.UnpicklingError):
                        pass
                    # the worker died (or the pool closed): the job it was on is redone a file at
                    # a time, so that only a file that kills a worker again is lost; the jobs
                    # behind it are redone whole
                    with self._lock:
                        if inflight:
                            first = inflight.popleft()
                            todo.extendleft(reversed(inflight))
                            if len(first) > 1:
                                todo.extendleft([item] for item in reversed(first))
                            elif not halted():
                                results.put([(first[0][0], None, "the worker process died on this file")])
                    if halted() or not self._replace(k):
                        return
            finally:
                results.put(done)

        threads = [threading.Thread(target=drive, args=(k,), name=f"kfin-companies-{k}", daemon=True)
                   for k in range(len(self.procs))]
        for t in threads:
            t.start()
        running = len(threads)
        while running:
            got = results.get()
            if got is done:
                running -= 1
                continue
            yield got
            if halted():
                break
        if not halted():
            with self._lock:
                self.leftover = [item for job in todo for item in job]
                todo.clear()

    def _replace(self, k: int) -> bool:
        """Start a worker in place of the dead one ``k`` (a few per pool); False when none is."""
        with self._lock:
            if self._closed or self._restarts >= MAX_RESTARTS:
                return False
            self._restarts += 1
        _reap(self.procs[k])
        try:
            proc = self._start()
        except OSError:
            return False
        with self._lock:
            if self._closed:
                _reap(proc)
                return False
            self.procs[k] = proc
        return True

    def close(self) -> None:
        """Kill the workers and wait for them (no process is left behind)."""
        with self._lock:
            self._closed = True
            procs = list(self.procs)
        for p in procs:
            _reap(p)


def _send(fh: IO[bytes] | None, job: list[Item]) -> None:
    if fh is None:
        raise _Dead
    pickle.dump(job, fh, protocol=pickle.HIGHEST_PROTOCOL)
    fh.flush()


def _receive(fh: IO[bytes] | None) -> bytes:
    if fh is None:
        raise _Dead
    data = read_frame(fh)
    if data is None:
        raise _Dead
    return data


def _reap(proc) -> None:
    import contextlib
    import subprocess

    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=5)
    for fh in (proc.stdin, proc.stdout):
        with contextlib.suppress(OSError, ValueError):
            if fh:
                fh.close()


if __name__ == "__main__":
    _worker_main()
