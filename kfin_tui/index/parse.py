"""Read one file into an index record (runs in the main process or in a pool worker).

A record is a plain dict (cheap to pickle): the row metadata, the load issue if any, and the
search text, either packed (zstd-compressed, :func:`~kfin_tui.index.store.pack`, for the SQLite index) or
plain (in-memory mode).
"""
from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from ..listing import record_json_tail
from .frames import read_frame
from .records import FIELD_SEP, posix
from .search import article_haystack
from .store import pack, phash


def rel_path(path: Path, root: Path) -> str:
    if isinstance(path, PurePosixPath) and isinstance(root, PurePosixPath):
        # without pathlib's parsing (~3 µs a file): the str() of a POSIX path is normalised (no
        # "//", "." or trailing "/"; a root "/" or "//" is left to pathlib), so a path that starts
        # with the root's string and a "/" is under the root, and the rest of the string is
        # relative_to's answer, "/"-joined
        p, r = str(path), str(root)
        if len(p) > len(r) + 1 and p[len(r)] == "/" and p.startswith(r) and r[-1] != "/":
            return p[len(r) + 1:]
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(path, root))
    return rel.as_posix()


def shown(text: str | None) -> str | None:
    """Text for display and search: a lone surrogate (from a file or folder name that was not
    UTF-8) becomes U+FFFD, so that SQLite, JSON and the terminal can take it."""
    if not text:
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def parse_one(path: Path, root: Path, spread_text: bool = True, companies: bool = False) -> dict:
    """The record of one file. ``companies``: also its company names (the companies-only pass,
    what :meth:`~kfin_tui.index.library.Library.extract_pending` stores), as ``rec["co"]``: the body
    pass's workers find them while they hold the article, so that no second pass reads the file
    again. Left out when the extractor is missing or fails on the file (the companies pass then
    takes the row, and reports the failure)."""
    rec, article = _read_one(path, root, spread_text)
    if companies and article is not None:
        _add_companies(rec, article)
    return rec


def _add_companies(rec: dict, article) -> None:
    found = companies_of(article)
    if found is not None:
        rec["co"] = found


def _read_one(path: Path, root: Path, spread_text: bool = True) -> tuple[dict, object]:
    """:func:`parse_one` without the companies: (record, the article or None)."""
    from ..articles import load_file

    try:
        st = os.stat(path)  # before reading: a change during the read shows up next time
        size, mtime_ns = st.st_size, st.st_mtime_ns
    except OSError:
        size, mtime_ns = -1, -1
    article, issue = load_file(path, root)
    rec = {
        "path": rel_path(path, root), "abs": str(path), "size": size, "mtime_ns": mtime_ns,
        "ok": 0, "title": None, "date": None, "undated": 1, "sort_ts": 0.0, "source": None, "author": None,
        "categories": None, "tickers": None, "format": None,
        "issue": shown(issue.reason) if issue else None, "warning": int(bool(issue and issue.warning)), "tp": None,
        "body": 1,
    }
    if article is not None:
        hay = shown(article_haystack(article)) or ""
        rec.update(
            ok=1, abs=article.path, title=shown(article.title), date=article.date.isoformat() if article.date else None,
            undated=0 if article.date else 1, sort_ts=article.date.timestamp() if article.date else 0.0,
            source=shown(article.source), author=shown(article.author),
            categories=shown(FIELD_SEP.join(article.categories)),
            tickers=FIELD_SEP.join(article.ticker_codes), format=article.format,
            tp=pack(hay) if spread_text else hay,
        )
    return rec, article


def companies_of(article) -> tuple[dict | None, list[str]] | None:
    """(extraction JSON or None, company names) of a loaded article, as the companies pass stores
    them; None when the extractor is missing or fails on it."""
    from .extracted import _names
    from .extraction import companies_only, extractor

    if extractor() is None:
        return None
    try:
        _ex, data, found = companies_only(article)
    except Exception:  # noqa: BLE001 - that file's companies are left to the companies pass
        return None
    return data, _names(found)


HEAD_BYTES = 16384  # what the metadata pass reads of a file: all of most articles


_quick = None


def meta_one(path: str, root: str, root_p: Path) -> tuple | dict:
    """The metadata pass (a cold index): the head of the file and :func:`quick_meta`, ~30 µs
    instead of ~300 µs. The record is a tuple in :data:`META_COLUMNS` order, without search text
    (``body`` 0) or tickers, which the body pass adds. Whatever ``quick_meta`` cannot answer
    exactly is parsed in full here (a record dict, as :func:`parse_one` gives)."""
    global _quick
    if _quick is None:
        from ..articles.decoding import MAX_BYTES
        from ..articles.quickmeta import quick_meta

        _quick = quick_meta, MAX_BYTES
    quick_meta, MAX_BYTES = _quick
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return _with_js(parse_one(Path(path), root_p))
    try:
        st = os.fstat(fd)
        data = os.read(fd, HEAD_BYTES) if st.st_size <= MAX_BYTES else b""
    except OSError:
        data = b""
    finally:
        os.close(fd)
    meta = quick_meta(data, path, root, len(data) == st.st_size, st.st_mtime) if data else None
    if meta is None:
        return _with_js(parse_one(Path(path), root_p))
    date = meta["date"]
    prefix = root if root.endswith(os.sep) else root + os.sep
    rel = path[len(prefix):] if path.startswith(prefix) else rel_path(Path(path), root_p)
    rel = posix(rel)
    title, source, author, cats = meta["title"], meta["source"], meta["author"], FIELD_SEP.join(meta["categories"])
    try:
        "".join((title, source, author, cats)).encode("utf-8")  # (the common case: one check for the four)
    except UnicodeEncodeError:
        title, source, author, cats = shown(title) or "", shown(source) or "", shown(author) or "", shown(cats) or ""
    return (rel, phash(rel), st.st_size, st.st_mtime_ns, 1, title,
            date.isoformat() if date else None, 0 if date else 1, date.timestamp() if date else 0.0,
            source, author, cats, "", meta["format"],
            None, 0, None, 0)  # no --json line and no text yet: both come with the body


def _with_js(rec: dict) -> dict:
    """The record with its ``list --json`` line (made here, in the worker, not in the writer)."""
    if rec["ok"]:
        rec["js"] = record_json_tail(rec)
    return rec


def parse_chunk(args: tuple) -> list[tuple | dict]:
    """Pool entry point: (root, paths, spread) parses in full; a fourth item "meta" runs the
    metadata pass, "companies" parses in full and finds each article's companies too."""
    root, paths, spread_text = args[:3]
    root_p = Path(root)
    mode = args[3] if len(args) > 3 else "full"
    if mode == "meta":
        return [meta_one(p, root, root_p) for p in paths]
    if mode != "companies":
        return [_with_js(parse_one(Path(p), root_p, spread_text)) for p in paths]
    # the job's files read first, then their companies found one after the other: each step keeps
    # its own working set (parsers; the dictionary, jieba's words and the memos) hot in the caches
    read = [_read_one(Path(p), root_p, spread_text) for p in paths]
    for rec, article in read:
        if article is not None:
            _add_companies(rec, article)
    return [_with_js(rec) for rec, _article in read]


# -- worker processes ----------------------------------------------------------------------------
# Workers are plain ``python -m kfin_tui.index.parse`` subprocesses, not multiprocessing: spawn
# would re-import the caller's __main__ (fails for ``python -`` and friends, and a pool whose
# workers die respawns them forever), and fork is unsafe in a process running UI threads.
# Protocol: stdin gets pickled jobs ``(root, [paths], spread, mode)`` then None; stdout gets one
# pickled list of records per job, in order.


def _worker_main() -> None:
    from .frames import serve

    serve(parse_chunk)  # framed answers: the reader moves bytes only


def _grow_pipe(fh) -> None:
    """A 1 MiB pipe (Linux; 64 KiB elsewhere): a worker writes a whole job's records at once."""
    try:
        import fcntl

        fcntl.fcntl(fh.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass


class Workers:
    """N worker processes; :meth:`run` yields each job's records in job order. If a worker fails
    the remaining jobs are parsed in this process, so the caller always gets every record."""

    def __init__(self, n: int) -> None:
        import subprocess

        from .children import child_command

        argv, env = child_command("kfin_tui.index.parse")
        self.procs = []
        try:
            for _ in range(n):
                proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=env)
                _grow_pipe(proc.stdout)
                _grow_pipe(proc.stdin)  # jobs queue up: the feeder never blocks on one worker
                self.procs.append(proc)
        except OSError:
            self.close()
            raise

    def run(self, jobs):
        """Yield each job's records in job order. ``jobs`` may be a generator (a walk in progress):
        it is consumed by a feeder thread, so workers start on the first jobs at once."""
        import pickle
        import queue
        import threading

        n = len(self.procs)
        dispatched: queue.SimpleQueue = queue.SimpleQueue()  # jobs in the order sent, then None
        results: list[queue.SimpleQueue] = [queue.SimpleQueue() for _ in range(n)]
        failed = object()

        def feed() -> None:
            k = 0
            try:
                for job in jobs:
                    dispatched.put(job)
                    stdin = self.procs[k % n].stdin
                    try:
                        if stdin is None:
                            raise OSError("no pipe")
                        pickle.dump(job, stdin, protocol=pickle.HIGHEST_PROTOCOL)
                        stdin.flush()
                    except (OSError, ValueError):
                        pass  # a dead worker: its reader reports it, the job is parsed here
                    k += 1
            finally:
                dispatched.put(None)
                for p in self.procs:
                    try:
                        if p.stdin is not None:
                            pickle.dump(None, p.stdin)
                            p.stdin.close()
                    except (OSError, ValueError):
                        pass

        def read(k: int) -> None:
            # drains the worker as it writes, as raw frames (a read releases the GIL; unpickling
            # here would wait for it while this process stores a batch, and the worker would wait
            # on a full pipe): records are unpickled by the consumer
            out = self.procs[k].stdout
            while out is not None:
                data = read_frame(out)
                if data is None:  # EOF after the last job, or a dead worker
                    results[k].put(failed)
                    return
                results[k].put(data)

        threads = [threading.Thread(target=feed, daemon=True)]
        threads += [threading.Thread(target=read, args=(k,), daemon=True) for k in range(n)]
        for t in threads:
            t.start()
        broken = False
        i = 0
        while (job := dispatched.get()) is not None:
            if not broken:
                got = results[i % n].get()
                if got is not failed:
                    try:
                        records = pickle.loads(got)
                    except Exception:  # noqa: BLE001 - a frame cut by a dying worker
                        records = None
                    if records is not None:
                        yield records
                        i += 1
                        continue
                broken = True  # finish here, without the companies (the companies pass has workers of its own)
            yield parse_chunk((*job[:3], "full") if len(job) > 3 and job[3] == "companies" else job)
            i += 1

    def close(self) -> None:
        import contextlib
        import subprocess

        for p in self.procs:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                if p.poll() is None:
                    p.kill()
                p.wait(timeout=5)
            for fh in (p.stdin, p.stdout):
                with contextlib.suppress(OSError, ValueError):  # a broken pipe on the flush
                    if fh:
                        fh.close()


if __name__ == "__main__":
    _worker_main()
