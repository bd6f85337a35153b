"""Figures and companies of the library's articles: cached in the index, computed when missing."""
from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable

from .problems import Stage
from .progress import OnProgress, Phase, Progress
from .state import LibraryState


class Extractions:
    """The extractions of a library's articles: a part the library owns (``library._extractions``),
    with its own in-memory cache (for articles not in the index) and lock. It reads the rows and
    the index through its host library; the library's public methods delegate here."""

    def __init__(self, host: LibraryState) -> None:
        self._host = host
        self._lock = threading.Lock()
        self.memo: dict[int, object] = {}  # row id -> extraction, for rows not (currently) in the index
        # row id -> company names, for rows not in the index: from a full extraction or from the
        # companies-only pass (which leaves the figures to the moment an article is opened)
        self.names: dict[int, list[str]] = {}

    def forget(self, row_id: int) -> None:
        """The row changed or went: its in-memory extraction goes too."""
        with self._lock:
            self.memo.pop(row_id, None)
            self.names.pop(row_id, None)

    def __bool__(self) -> bool:
        return bool(self.memo or self.names)

    def extraction(self, row_id: int):
        """The extraction of an article: cached in the index, else computed now and stored.
        None when the extractor is not available or the file cannot be read."""
        from .extraction import extractor, from_json

        if row_id in self.memo:
            return self.memo[row_id]
        if self._host._store is not None and row_id not in self._host._mem_hay:
            data = self._read_store(self._host._store.extractions.get, row_id)
            if data is not None:
                ex = from_json(data)
                if ex is not None:
                    return ex
        if extractor() is None or row_id not in self._host._table.by_id:
            return None
        article = self._host.article(row_id)
        if article is None:
            return None
        ex, data, names = _compute(article)
        self._keep_extractions([(row_id, ex, data, names)])
        return ex

    def _read_store(self, read, *args):
        """A read from the index, or None when SQLite fails (the caller recomputes or goes without)."""
        try:
            return read(*args)
        except sqlite3.Error as exc:
            self._host.problems.add(Stage.EXTRACTION, exc)
            return None

    def _keep_extractions(self, items) -> None:
        stored = False
        if self._host._store is not None and self._host._persist:
            try:
                self._host._store.extractions.put([(i, d, n) for i, _, d, n in items if i not in self._host._mem_hay])
                stored = True
            except sqlite3.Error as exc:
                self._host.problems.add(Stage.EXTRACTION, exc)
        with self._lock:
            for i, ex, _, names in items:
                if not stored or i in self._host._mem_hay:
                    if ex is not None:
                        self.memo[i] = ex
                    self.names[i] = names

    def companies_for(self, row_id: int) -> list[str]:
        if row_id in self.names:
            return list(self.names[row_id])
        if self._host._store is not None and row_id not in self._host._mem_hay:
            names = self._read_store(self._host._store.extractions.companies_for, row_id)
            if names is not None:
                return names
        return []

    def ids_with_company(self, name: str) -> set[int]:
        """Articles whose (already extracted) companies include ``name``."""
        found = {i for i, names in list(self.names.items()) if name in names}
        if self._host._store is not None:
            try:
                found |= {i for i in self._host._store.extractions.ids_with_company(name)
                          if i in self._host._table.by_id and i not in self.names}
            except sqlite3.Error as exc:
                self._host.problems.add(Stage.EXTRACTION, exc)
        return found

    def extractions_pending(self) -> bool:
        """Whether some article has no extraction yet (a company filter may then miss it)."""
        if any(i not in self.names for i in list(self._host._mem_hay)):
            return True
        if self._host._store is None:
            return any(r.id not in self.names for r in list(self._host._table.rows))
        try:
            return self._host._store.extractions.pending()
        except sqlite3.Error as exc:
            self._host.problems.add(Stage.EXTRACTION, exc)
            return True

    def progress(self) -> tuple[int, int]:
        """(articles extracted, articles): while done < total, company results are partial."""
        ids = {r.id for r in list(self._host._table.rows)}
        if self._host._store is None:
            return sum(1 for i in ids if i in self.names), len(ids)
        try:
            pending = set(self._host._store.extractions.pending_ids()) & ids
        except sqlite3.Error as exc:
            self._host.problems.add(Stage.EXTRACTION, exc)
            return 0, len(ids)
        pending |= {i for i in list(self._host._mem_hay) if i in ids and i not in self.names}
        return len(ids) - len(pending), len(ids)

    def company_names(self) -> list[tuple[str, int]]:
        """(company, number of articles) over the articles extracted so far, most frequent first."""
        counts: Counter = Counter()
        if self._host._store is not None:
            try:
                counts.update(dict(self._host._store.extractions.company_names()))
            except sqlite3.Error as exc:
                self._host.problems.add(Stage.EXTRACTION, exc)
        for names in list(self.names.values()):
            counts.update(set(names))
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def extract_pending(self, progress: Callable[[int, int], None] | None = None,
                        stop: threading.Event | None = None, chunk: int = 32, *,
                        report: OnProgress | None = None, workers: int | None = None) -> int:
        """Extract every article that has no cached extraction yet (run it in a worker thread).
        Returns how many were extracted; stops early when ``stop`` is set. ``report`` gets
        :class:`Progress` (phase EXTRACTING).

        Many articles (:data:`POOL_MIN`) are done by worker processes (:mod:`.companies_pool`),
        as many as cores (``workers`` or ``KFIN_TUI_EXTRACT_WORKERS`` to choose; 0: none); the
        results are stored here in batches. Without processes, in this process."""
        from .extraction import extractor

        if report is not None:
            older = progress

            def progress(done: int, total: int) -> None:
                if older is not None:
                    older(done, total)
                report(Progress(Phase.EXTRACTING, done, total))

        if extractor() is None:
            return 0
        if self._host._store is not None:
            try:
                pending = [i for i in self._host._store.extractions.pending_ids() if i in self._host._table.by_id]
            except sqlite3.Error as exc:
                self._host.problems.add(Stage.EXTRACTION, exc)
                pending = []
            pending += [r.id for r in list(self._host._table.rows) if r.id in self._host._mem_hay and r.id not in self.names]
        else:
            pending = [r.id for r in list(self._host._table.rows) if r.id not in self.names]
        total = len(pending)
        n = pool_size(total, workers)
        count = 0
        if n:
            pooled = self._extract_pooled(pending, n, total, progress, stop, chunk)
            if pooled is not None:
                count, pending = pooled
                if not pending or (stop is not None and stop.is_set()):
                    if progress:
                        progress(count, total)
                    return count
        return self._extract_here(pending, total, count, progress, stop, chunk)

    def _extract_here(self, pending: list[int], total: int, count: int,
                      progress: Callable[[int, int], None] | None, stop: threading.Event | None,
                      chunk: int) -> int:
        """The pass in this process (small archives, no worker processes, or what they left)."""
        from .extraction import companies_only

        done_ids: set[int] = set()
        items = []
        for rid in pending:
            if stop is not None and stop.is_set():
                break
            if rid not in self._host._table.by_id or rid in done_ids:
                continue
            try:
                article = self._host.article(rid)
            except (KeyError, OSError):
                continue
            if article is None:
                continue
            ex, data, companies = companies_only(article)
            items.append((rid, ex, data, _names(companies)))
            done_ids.add(rid)
            count += 1
            if len(items) >= chunk:
                self._keep_extractions(items)
                items = []
                if progress:
                    progress(count, total)
        if items:
            self._keep_extractions(items)
        if progress:
            progress(count, total)
        return count

    def _extract_pooled(self, pending: list[int], n: int, total: int,
                        progress: Callable[[int, int], None] | None, stop: threading.Event | None,
                        chunk: int) -> tuple[int, list[int]] | None:
        """The pass in ``n`` worker processes: (articles extracted, ids left to do here), or None
        when no worker could be started. Results are stored in batches of ``STORE_BATCH`` (at
        least ``chunk``); a file that fails in a worker stays pending and is a problem of its own;
        the workers are killed when ``stop`` is set or on any exception (Ctrl-C)."""
        from .companies_pool import CompaniesPool

        by_id = self._host._table.by_id
        root = str(self._host.root)
        jobs = []
        for rid in dict.fromkeys(pending):
            row = by_id.get(rid)
            if row is not None:
                jobs.append((rid, str(row.path), root))
        try:
            pool = CompaniesPool(n)
        except OSError:
            return None
        count, failed = 0, []
        items: list = []
        batch = max(chunk, STORE_BATCH)
        flushed = reported = time.monotonic()
        try:
            for results in pool.run(jobs, JOB_FILES, stop):
                for rid, names, error in results:
                    if error is not None:
                        failed.append((rid, error))
                    elif names is not None:
                        items.append((rid, None, None, names))
                now = time.monotonic()
                if len(items) >= batch or (items and now - flushed >= FLUSH_SECONDS):
                    count += self._store_pooled(items)
                    items = []
                    flushed = now
                if progress and (not items or now - reported >= PROGRESS_SECONDS):
                    progress(count + len(items), total)  # extracted (stored with the next batch)
                    reported = now
                if stop is not None and stop.is_set():
                    break
            if items:
                count += self._store_pooled(items)
        finally:
            pool.close()
        for rid, error in failed[:MAX_FILE_PROBLEMS]:
            row = by_id.get(rid)
            self._host.problems.add(Stage.EXTRACTION, f"{row.path if row else rid}: {error}")
        if len(failed) > MAX_FILE_PROBLEMS:
            self._host.problems.add(Stage.EXTRACTION, f"{len(failed) - MAX_FILE_PROBLEMS} more files failed")
        return count, [i for i, _, _ in pool.leftover]

    def _store_pooled(self, items: list) -> int:
        """Store results of the workers for the rows still there (a row may go meanwhile)."""
        items = [it for it in items if it[0] in self._host._table.by_id]
        self._keep_extractions(items)
        return len(items)


POOL_MIN = 400  # fewer articles to extract than this: in this process (workers take ~2 s to start)
JOB_FILES = 64  # files per job sent to a worker
# results stored (one transaction) and reported at a time by the pooled pass … Each transaction
# rewrites most pages of the company table (its names are spread over all of it): 50,000 articles
# stored 512 at a time wrote 2.9 GB, 4,096 at a time 0.65 GB (and 25% less CPU)
STORE_BATCH = 4096
FLUSH_SECONDS = 2.0  # … or fewer, when the last were stored that long ago
PROGRESS_SECONDS = 0.5  # progress is reported this often meanwhile (and with each store)
MAX_FILE_PROBLEMS = 5  # files whose failure is reported one by one; the rest as a count
WORKERS_ENV = "KFIN_TUI_EXTRACT_WORKERS"


def pool_size(pending: int, workers: int | None = None) -> int:
    """Worker processes for ``pending`` articles: ``workers`` if given, else the environment's
    ``KFIN_TUI_EXTRACT_WORKERS``, else as many as cores (at most 4) from :data:`POOL_MIN`
    articles on two cores or more; 0 means in this process."""
    import os

    if workers is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        if env.isdigit():
            workers = int(env)
        elif pending < POOL_MIN:
            return 0
        else:
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
            workers = min(cores, 4) if cores >= 2 else 0
    return max(0, workers) if pending else 0


def _names(companies) -> list[str]:
    # media outlets (财联社, 36氪 …) are sources, not companies the article is about: as in the UI
    return sorted({c.name for c in companies if getattr(c, "name", "") and getattr(c, "kind", "") != "media"})


def _compute(article):
    from .extraction import extract, to_json

    ex = extract(article)
    return ex, to_json(ex), _names(getattr(ex, "companies", ()))
