"""Read one file into an index record (runs in the main process or in a pool worker).

A record is a plain dict (cheap to pickle): the row metadata, the load issue if any, and the
search text, either spread (``\\x01``-separated, for the SQLite index) or plain (in-memory mode).
"""
from __future__ import annotations

import os
from pathlib import Path

from .search import article_haystack
from .store import FIELD_SEP, spread


def rel_path(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(os.path.relpath(path, root))
    return rel.as_posix()


def parse_one(path: Path, root: Path, spread_text: bool = True) -> dict:
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
        "issue": issue.reason if issue else None, "warning": int(bool(issue and issue.warning)), "tp": None,
    }
    if article is not None:
        hay = article_haystack(article)
        rec.update(
            ok=1, abs=article.path, title=article.title, date=article.date.isoformat() if article.date else None,
            undated=0 if article.date else 1, sort_ts=article.date.timestamp() if article.date else 0.0,
            source=article.source, author=article.author, categories=FIELD_SEP.join(article.categories),
            tickers=FIELD_SEP.join(article.ticker_codes), format=article.format,
            tp=spread(hay) if spread_text else hay,
        )
    return rec


def parse_chunk(args: tuple[str, list[str], bool]) -> list[dict]:
    """Pool entry point."""
    root, paths, spread_text = args
    root_p = Path(root)
    return [parse_one(Path(p), root_p, spread_text) for p in paths]


# -- worker processes ----------------------------------------------------------------------------
# Workers are plain ``python -m kfin_tui.index.parse`` subprocesses, not multiprocessing: spawn
# would re-import the caller's __main__ (fails for ``python -`` and friends, and a pool whose
# workers die respawns them forever), and fork is unsafe in a process running UI threads.
# Protocol: stdin gets pickled jobs ``(root, [paths], spread)`` then None; stdout gets one pickled
# list of records per job, in order.


def _worker_main() -> None:
    import pickle
    import sys

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            job = pickle.load(inp)
        except EOFError:
            break
        if job is None:
            break
        pickle.dump(parse_chunk(job), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()


class Workers:
    """N worker processes; :meth:`run` yields each job's records in job order. If a worker fails
    the remaining jobs are parsed in this process, so the caller always gets every record."""

    def __init__(self, n: int) -> None:
        import subprocess
        import sys

        pkg_parent = str(Path(__file__).resolve().parents[2])
        pythonpath = os.pathsep.join(p for p in (pkg_parent, os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "PYTHONPATH": pythonpath}
        self.procs = []
        try:
            for _ in range(n):
                self.procs.append(subprocess.Popen(
                    [sys.executable, "-m", "kfin_tui.index.parse"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL, env=env))
        except OSError:
            self.close()
            raise

    def run(self, jobs: list[tuple[str, list[str], bool]]):
        import pickle
        import threading

        n = len(self.procs)

        def feed(k: int) -> None:
            p = self.procs[k]
            try:
                for job in jobs[k::n]:
                    pickle.dump(job, p.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(None, p.stdin)
                p.stdin.close()
            except (OSError, ValueError):
                pass

        feeders = [threading.Thread(target=feed, args=(k,), daemon=True) for k in range(n)]
        for t in feeders:
            t.start()
        broken = False
        for i, job in enumerate(jobs):
            if not broken:
                try:
                    yield pickle.load(self.procs[i % n].stdout)
                    continue
                except Exception:  # noqa: BLE001 - a dead worker: finish here
                    broken = True
            yield parse_chunk(job)

    def close(self) -> None:
        for p in self.procs:
            try:
                if p.poll() is None:
                    p.kill()
                p.wait(timeout=5)
            except Exception:  # noqa: BLE001
                pass
            for fh in (p.stdin, p.stdout):
                try:
                    if fh:
                        fh.close()
                except Exception:  # noqa: BLE001
                    pass


if __name__ == "__main__":
    _worker_main()
