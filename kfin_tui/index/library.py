"""The library: the articles of one folder as the reader and ``kfin-tui list`` see them.

This is the seam between the UI and the core. The UI holds light :class:`Row` s (no bodies) and
asks the library for full articles, searches and extraction results by row id.

Behind it sits a persistent SQLite index per folder (:mod:`kfin_tui.index.store`): a warm start
reads the index only, yields every cached row, then checks the folder fingerprints (helper
processes, :mod:`kfin_tui.index.walk`); only if one differs is the folder walked and new or
changed files re-read (deleted ones dropped). A cold folder is listed from its metadata first and
its bodies are read by :meth:`Library.complete`. When the index cannot be used (no FTS5,
read-only or damaged cache, a write lock held too long by another instance) the library keeps
working in memory.

Loading rules the UI can rely on: :attr:`rows` is always sorted newest first; a batch may hold a
row whose id was seen before (the file changed: the new row replaced the old one in :attr:`rows`);
ids of rows dropped because their file was deleted are added to :attr:`removed`.

Keep this module's import light (``kfin-tui list`` goes through it): the article parser is only
imported when a file has to be read.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..filters import Filters, Selection, count_categories
from ..filters import apply as apply_filters
from .extracted import Extractions
from .lifetime import InFlight, guarded, guarded_iter
from .problems import Problems, Stage
from .progress import OnProgress, Phase, Progress
from .quicklist import Listing, quick_listing
from .records import Row, SortKey, meta_record, posix, row_from_record, rows_from_metas, sort_key
from .rows import RowTable
from .search import matches_terms, terms
from .state import LibraryState
from .store import Store, StoreError, db_path_for, unpack
from .walk import abs_folder, folder_prefix

__all__ = ["Library", "Listing", "Row", "sort_key"]

if TYPE_CHECKING:
    from ..articles import Article, LoadIssue
    from .store.snapshots import Snapshot

POOL_MIN_FILES = 1500  # fewer files to read than this: parse in this process
POOL_CHUNK = 48
META_CHUNK = 400  # files per metadata job (~30 µs each)
META_MIN_FILES = 1500  # this many new or changed files: metadata first, bodies by complete()
STORE_BATCH = 5000  # records per write transaction while the workers read (nobody watching: kfin-tui list)
LIVE_STORE_BATCH = 2000  # … while a reader watches the list fill (rows placed at least every 0.5 s)
COLD_META_MIN = 200  # a cold folder with fewer files is read in full at once (a fraction of a second)


def _issue(path: str, reason: str, warning: bool) -> LoadIssue:
    from ..articles.model import LoadIssue

    return LoadIssue(path, reason, bool(warning))


class Library(LibraryState):
    """Articles of a folder, loaded in batches so a caller can show the first ones early."""

    def __init__(self, root: Path | str, *, use_index: bool = True, cache_dir: Path | str | None = None) -> None:
        self.root = Path(root)
        self._prefix = folder_prefix(self.root)
        self.issues: list[LoadIssue] = []
        self._problems = Problems()  # what went wrong with the index (see problems.py)
        self._mem_hay: dict[int, str] = {}  # rows not (currently) in the index: their search text
        self._extractions = Extractions(self)  # figures and companies: a part with its own cache
        self._table = RowTable(self._prefix, self._forget)  # the rows: a part with its own lock
        self._issue_paths: dict[str, LoadIssue] = {}
        self._calls = InFlight()  # public calls running now (close() waits for them)
        self._store: Store | None = None
        self._fts_thread: threading.Thread | None = None
        self._persist = False
        self._walked_folders: list | None = None  # (relative folder, mtime_ns, readable) of the last walk
        # rows listed from their metadata only (a cold build): until complete() has read them,
        # search does not see their text (the reader says its results are partial)
        self.bodies_pending = False
        self._cached_gen: str | None = None  # the index generation the cached rows were read at
        self._cached_stats: dict | None = None  # their stats, when read with them
        self._titles_cache: tuple[int, list] | None = None  # for search while bodies are read
        self._head: Snapshot | None = None  # the head snapshot load_head() put in the table, for load()
        self._places: tuple[list[Row], dict[int, int]] | None = None  # rows as last placed, id → place (_pick)
        self._meta_gen: str | None = None  # the index's generation after a cold pass's last batch (_store_metas)
        if use_index and os.environ.get("KFIN_TUI_NO_INDEX") != "1" and self.root.is_dir():
            try:
                self._store = Store(self.root, db_path_for(self.root, Path(cache_dir) if cache_dir else None))
                self._persist = True
            except (StoreError, sqlite3.Error, OSError) as exc:
                self.problems.add(Stage.OPEN, exc, degraded=True)
                self._store = None

    def _forget(self, row_id: int) -> None:
        """A row went: what is kept about it outside the table goes too."""
        self._mem_hay.pop(row_id, None)
        self._extractions.forget(row_id)

    @property
    def rows(self) -> list[Row]:
        """Every row, newest first (undated last). The list is updated in place while loading:
        copy it (``list(library.rows)``) to keep one state."""
        return self._table.rows

    @property
    def removed(self) -> set[int]:
        """Ids of rows dropped because their file was deleted (or stopped being an article)."""
        return self._table.removed

    @property
    def _db(self) -> Store:
        """The index, where the caller knows there is one (else StoreError, a bug)."""
        store = self._store
        if store is None:
            raise StoreError("no index")
        return store

    @property
    def index_path(self) -> Path | None:
        """The database file of this folder's index (None in memory mode)."""
        return self._store.path if self._store is not None else None

    @property
    def indexed(self) -> bool:
        """True while results come from (and new files go to) the persistent index."""
        return self._store is not None and self._persist

    # loading -----------------------------------------------------------
    @guarded
    def load_head(self) -> list[Row]:
        """The first rows of a warm start, at once (the head snapshot: the first
        :data:`~kfin_tui.index.store.snapshots.HEAD` rows of the list, ~1 ms), for a first paint
        before :meth:`load` runs; ``load`` then goes on after them. [] when there is no index, no
        valid snapshot, or rows were loaded already (``load`` reads and reports what is wrong)."""
        store = self._store
        if store is None or self._table.by_id or self._head is not None:
            return []
        try:
            head = store.snapshots.rows(head=True)
        except (sqlite3.Error, StoreError):
            return []
        if head is None or not head.columns.ids:
            return []
        self._head = head
        for path, reason, warning in head.issues:
            self._note_issue(self._prefix + path, reason, warning)
        return self._table.append_sorted(self._table.rows_from_columns(head.columns))

    @guarded_iter
    def load(self, batch: int = 200, progress: Callable[[int], None] | None = None, *,
             report: OnProgress | None = None,
             before_check: Callable[[int], object] | None = None, live: bool = True,
             places: bool = False) -> Iterator[list[Row]]:
        """Load the folder; yields each new batch of rows as it is read. ``report`` gets
        :class:`Progress` (phase LISTING, rows so far); ``progress(rows)`` is the older form.
        ``before_check(files)`` is called once every cached row is out, before the freshness check
        of that many files starts (the reader holds the check's helpers back while a keyword is
        typed: they take both cores for a moment). ``live`` False: nobody shows the rows before the
        load ends (``kfin-tui list``), so the rows of a cold pass are put in order once, at the end,
        instead of merged into the list every 0.5 s as they come. ``places``: a warm start makes the
        id → place map keyword answers are picked by (:meth:`_pick`) once the cached rows are out,
        before the freshness check (the reader: its first keyword then finds it made).

        Warm start: the cached rows are yielded while helper processes check the fingerprints of
        the folders the index last saw (see :mod:`kfin_tui.index.walk`); when all match, that is
        all. Otherwise (and on a cold start) the folder is walked and new or changed files are read."""
        progress = _listing_ticker(progress, report)
        known: dict[str, tuple[int, int]] | None = {}
        background = check = None
        fresh = False
        try:
            if self._store is not None:
                try:
                    start: Callable[[], tuple[Any, Any]] | None = None
                    check_after = False  # start the freshness check once every cached row is out
                    first = not self._table.by_id or self._head is not None  # (load_head's rows only)
                    if self._store.files.has_files():
                        folders = self._store.snapshots.folders() if first else None
                        if folders:
                            from .walk import FreshnessCheck

                            names = self._store.snapshots.names_path

                            def start():
                                return FreshnessCheck([(self._abs_dir(f.folder), f.fingerprint, f.files) for f in folders],
                                                      names=names, root=self.root), None
                            check_after = True
                        elif os.environ.get("KFIN_TUI_WALK_HERE") != "1":
                            from .walk import BackgroundWalk

                            def start():  # stats every file on the other core meanwhile
                                return None, BackgroundWalk(self.root, self._prefix if os.sep == "/" else None)
                    if not first:  # loaded before: only pick up what changed since
                        known = None
                        self._cached_gen = self._cached_stats = None
                    else:
                        for rows in self._load_cached(progress):
                            yield rows
                            if start is not None and not check_after:
                                # the walk starts once the first rows are out: it would only slow
                                # the first paint down (an interpreter starting)
                                check, background = start()
                                start = None
                        # the freshness check once all are out: its two helpers (~0.45 s of CPU at
                        # 100,000 files) would take the cores the list is being made and painted on
                        known = None
                        if places:
                            self._place_rows()
                    if start is not None:
                        if check_after and before_check is not None:
                            before_check(sum(f.files for f in folders or ()))
                        check, background = start()
                except (sqlite3.Error, StoreError) as exc:
                    self._drop_store(exc)
                    known = {}
            fresh = check is not None and check.result()
            walked = background.result() if background is not None else None
        finally:
            for helper in (background, check):
                if helper is not None:
                    helper.close()  # the caller may stop early: never leave a helper behind
        if not fresh:
            if known is None:
                try:
                    known = self._known_for_cached()
                    if known is None:
                        # another instance changed the index since our rows were read: the rows
                        # and the stats to compare the folder with must be of one generation
                        yield self._resync()
                        known = self._cached_stats
                except (sqlite3.Error, AttributeError) as exc:
                    self._drop_store(exc)
                    known = {}
            yield from self._reconcile(known or {}, batch, progress, walked, live)
        if self._store is not None and self._persist:
            try:
                self.bodies_pending = self._store.files.bodies_pending()
                if not self.bodies_pending and self._table.meta_ids:
                    yield self._refresh_meta_rows()
                if not self.bodies_pending:
                    # (after a metadata pass, complete() writes them once the bodies are read)
                    self._store.snapshots.write(None if fresh else self._walked_folders)
                    if fresh and check is not None and not check.names_read:
                        self._store.snapshots.write_names()  # an index of before it, or a damaged one
            except sqlite3.Error as exc:
                self.problems.add(Stage.SNAPSHOT, exc)
            if not self.bodies_pending:
                self._start_fts()

    def _refresh_meta_rows(self) -> list[Row]:
        """Rows held from a metadata pass whose bodies another instance has read meanwhile (they
        are not pending any more, so this instance will not read them): take the index's rows."""
        rows = self._resync()
        self.bodies_pending = bool(self._table.meta_ids)
        return rows

    def _start_fts(self) -> None:
        try:
            pending = self._db.fts.pending()
        except sqlite3.Error as exc:
            # another instance holds the write lock, or the disk is full: search scans instead
            self.problems.add(Stage.FTS, exc)
            pending = False
        if pending:
            # texts not yet in FTS (a cold build): index them in the background, so that the
            # list is complete now; meanwhile search scans those texts (exact, slower)
            self._fts_thread = threading.Thread(target=self._build_fts, name="kfin-fts", daemon=True)
            self._fts_thread.start()

    @guarded_iter
    def complete(self, batch: int = 200, progress: Callable[[int, int], None] | None = None,
                 stop: threading.Event | None = None, *, report: OnProgress | None = None) -> Iterator[list[Row]]:
        """The body pass after a cold :meth:`load`: read in full every file the metadata pass only
        listed (in the order of their ids: see :meth:`FileTable.pending_bodies`), so that search finds
        it and its tickers are known; yields the rows read (the same ids: each replaces its row). ``progress(done, total)``. Stops early when
        ``stop`` is set (the next start goes on where it stopped). Then the search index is built
        in the background. ``report`` gets :class:`Progress` (phase TEXTS)."""
        progress = _counter(progress, report, Phase.TEXTS)
        store = self._store
        if store is None or not self._persist or not self.bodies_pending:
            return
        try:
            rels = store.files.pending_bodies()
        except sqlite3.Error as exc:
            self.problems.add(Stage.READ, exc)
            return
        total, done = len(rels), 0
        if progress:
            progress(0, total)
        parsed = self._parse_many([self._prefix + r for r in rels], batch, "full")
        extractions = self._db.extractions
        extractions.left_in_pass(total)
        try:
            for records in parsed:
                if stop is not None and stop.is_set():
                    return
                rows = self._store_records(records)
                done += len(records)
                extractions.left_in_pass(total - done)
                if progress:
                    progress(done, total)
                yield rows
        finally:
            parsed.close()  # the workers go with it
            extractions.left_in_pass(None)
        if not self._persist:
            return
        try:
            if self._table.meta_ids:  # another instance read some of them meanwhile
                yield self._refresh_meta_rows()
            self._db.snapshots.write(self._walked_folders or self._db.snapshots.folder_walk())
            self.bodies_pending = self._db.files.bodies_pending()
        except sqlite3.Error as exc:
            self.problems.add(Stage.SNAPSHOT, exc)
            return
        if not self.bodies_pending:
            self._start_fts()

    def _known_for_cached(self) -> dict | None:
        """The stats of the rows held, if the index is still at their generation; ``{}``… for a
        reload (rows held from an earlier load: compare with what the index holds now)."""
        if self._cached_stats is not None:
            return self._cached_stats
        if self._cached_gen is None:
            return self._db.snapshots.known_stats()
        return self._db.snapshots.stats_at(self._cached_gen)

    def _resync(self) -> list[Row]:
        """Replace the rows held by the index's current rows (read with their stats at once)."""
        table = self._db.files.table_rows()
        self._cached_gen, tuples, issues, self._cached_stats = table.gen, table.rows, table.issues, table.stats
        with self._table.lock:
            self._table.meta_ids = set(table.meta_only)
            old_ids = self._table.clear()
            self._issue_paths.clear()
            self.issues = []
            for path, reason, warning in issues:
                self._note_issue(self._prefix + path, reason, warning)
            rows = self._table.append_sorted(self._table.rows_of(tuples))
            self._table.removed |= old_ids - self._table.by_id.keys()
        return rows

    def _abs_dir(self, rel: str) -> str:
        return abs_folder(self.root, self._prefix, rel)

    def _rel_dir(self, folder: str) -> str | None:
        if folder == str(self.root) or (self._prefix == "" and folder == "."):
            return ""
        if self._prefix and folder.startswith(self._prefix):
            rel = folder[len(self._prefix):]
        else:
            rel = os.path.relpath(folder, self.root)
            if rel.startswith(".."):
                return None
        return posix(rel)

    def _build_fts(self) -> None:
        try:
            self._db.fts.build()
        except (sqlite3.Error, AttributeError) as exc:  # AttributeError: closed meanwhile
            self.problems.add(Stage.FTS, exc)

    def wait_index(self, timeout: float | None = None, *, report: OnProgress | None = None) -> bool:
        """Wait for the background FTS build started by :meth:`load` (``kfin-tui index`` does).
        True when no build is running any more. ``report``: Progress(SEARCH_INDEX, 0, None) when
        the wait starts on a running build, (…, 1, 1) when it is over."""
        thread = self._fts_thread
        if thread is not None:
            if report is not None and thread.is_alive():
                report(Progress(Phase.SEARCH_INDEX, 0))
            thread.join(timeout)
            if thread.is_alive():
                return False
            if report is not None:
                report(Progress(Phase.SEARCH_INDEX, 1, 1))
        return True

    def load_all(self) -> Library:
        return self.load_all_with(None)

    def load_all_with(self, progress: Callable[[int], None] | None,
                      body_progress: Callable[[int, int], None] | None = None) -> Library:
        """Load every row and read every body (a cold build's two passes)."""
        for _ in self.load(progress=progress):
            pass
        for _ in self.complete(progress=body_progress):
            pass
        return self

    def rescan(self, paths: Iterable[Path | str] | None = None) -> list[Row]:
        """Take in files that appeared, changed or went away while the library is open (a fetch,
        an external fetcher, a ``git pull``); returns the rows added or replaced. ``paths``: the
        files concerned (each is read in full if it is there, dropped if not; files outside the
        folder are ignored); None: walk the folder (the warm reconcile of :meth:`load`). Call it
        from a worker, never while :meth:`load` or :meth:`complete` is being iterated."""
        if paths is None:
            return [row for batch in self.load() for row in batch]
        return self._rescan_paths(paths)

    @guarded
    def _rescan_paths(self, paths: Iterable[Path | str]) -> list[Row]:
        from ..files import is_article_name
        from .parse import rel_path

        present: list[str] = []
        gone: list[str] = []
        for p in dict.fromkeys(str(p) for p in paths):
            rel = rel_path(Path(p), self.root)
            name = os.path.basename(p)
            if rel.startswith("../") or rel == ".." or name.startswith(".") or not is_article_name(name):
                continue
            (present if os.path.isfile(p) else gone).append(p)
        rows = self._store_records([self._parse(p) for p in present]) if present else []
        rels = [rel_path(Path(p), self.root) for p in gone]
        rels = [r for r in rels if r in self._table.by_path or self._prefix + r in self._issue_paths]
        if rels:
            if self._persist:
                try:
                    with self._db.write() as conn:
                        self._db.files.delete_paths(conn, rels)
                except sqlite3.Error as exc:
                    self.problems.add(Stage.WRITE, exc)
            with self._table.lock:
                for rel in rels:
                    rid = self._table.by_path.pop(rel, None)
                    if rid is not None:
                        self._table.remove(rid)  # (added to removed)
                    self._note_issue(self._prefix + rel, None, False)
        return rows

    @property
    def problems(self) -> Problems:
        """What went wrong with the index this session, damage found and repaired included."""
        store = self._store
        if store is not None:
            for what in store.damage:
                self._problems.add(Stage.DAMAGE, what)
        return self._problems

    @property
    def store_error(self) -> str | None:
        """The last problem's message (deprecated: read :attr:`problems`)."""
        last = self.problems.last
        return last.detail if last is not None else None

    def _drop_store(self, exc: Exception) -> None:
        self.problems.add(Stage.READ, exc, degraded=True)  # (the store's damage notes too)
        if self._store is not None:
            self._store.close()
        self._store = None
        self._persist = False
        # rows that came from the index have no search text in memory: the reconcile reads them
        # again (nothing is "known" now) and replaces them under the same ids

    def _load_cached(self, progress) -> Iterator[list[Row]]:
        """Yield the rows the index holds."""
        store = self._db
        head, self._head = self._head, None
        shown = 0
        if head is not None:  # in the table already (load_head)
            shown = len(head.columns.ids)
        else:
            head = store.snapshots.rows(head=True)
            if head is not None and head.columns.ids:
                for path, reason, warning in head.issues:
                    self._note_issue(self._prefix + path, reason, warning)
                yield self._table.append_sorted(self._table.rows_from_columns(head.columns))
                shown = len(head.columns.ids)
        snap = store.snapshots.rows()
        if shown and (snap is None or head is None or snap.gen != head.gen):
            # another instance changed the index between the two reads: start the list again
            with self._table.lock:
                self._table.clear()
                self._issue_paths.clear()
                self.issues = []
            shown = 0
        if snap is not None:
            self._cached_gen, columns, issues = snap.gen, snap.columns, snap.issues
            self._cached_stats = None  # read when needed (stats_at checks it is the same generation)
            total = len(columns.ids)

            def make(start: int, stop: int | None) -> list[Row]:
                return self._table.rows_from_columns(columns, start, stop)
        else:
            table = store.files.table_rows()
            self._cached_gen, tuples, issues, self._cached_stats = table.gen, table.rows, table.issues, table.stats
            with self._table.lock:
                self._table.meta_ids |= table.meta_only
            total = len(tuples)

            def make(start: int, stop: int | None) -> list[Row]:
                return self._table.rows_of(tuples[start:stop])
        if not shown:
            for path, reason, warning in issues:
                self._note_issue(self._prefix + path, reason, warning)
        step = 500 if not shown else 0
        if step and total:
            yield self._table.append_sorted(make(0, step))
        if total > shown + step:
            yield self._table.append_sorted(make(shown + step, None))
        if progress:
            progress(len(self._table.by_id))


    def _note_issue(self, path: str, reason: str | None, warning) -> None:
        if reason is None:
            if self._issue_paths.pop(path, None) is not None:
                self.issues = list(self._issue_paths.values())
        else:
            self._issue_paths[path] = _issue(path, reason, warning)
            self.issues = list(self._issue_paths.values())

    def _reconcile(self, known: dict, batch: int, progress, walked: list | None = None,
                   live: bool = True) -> Iterator[list[Row]]:
        """Walk the folder (or take ``walked``); read new/changed files; drop deleted ones."""
        from .walk import walk

        root = self.root
        plen = len(self._prefix)
        self._meta_gen = None  # the index's generation after this pass's last batch of metadata
        seen: set[str] = set()
        folders: list = []
        if walked is not None:
            walked, folders = walked

        def todo_paths():
            # a cold build stats each file as it reads it: the walk only lists names
            walk_problems: list = []
            for path, size, mtime in (walk(root, folders, stat=bool(known), problems=walk_problems)
                                      if walked is None else walked):
                rel = path[plen:] if path.startswith(self._prefix) else os.path.relpath(path, root)
                rel = posix(rel)
                seen.add(rel)
                if known.get(rel) == (size, mtime) and (self._persist or self._table.by_path.get(rel) in self._mem_hay):
                    continue
                if rel not in known and self._table.by_path.get(rel) in self._mem_hay:
                    continue  # read in memory already this session
                yield path
            for path, reason in walk_problems:  # links that leave the folder, unreadable folders
                self._note_issue(str(path), reason, False)

        if isinstance(walked, dict):  # {relative path: (size, mtime_ns)} from the helper
            if self._persist and not self._mem_hay:
                # warm start: set operations instead of a Python loop over 100,000 files
                changed = walked.items() - known.items()
                rels = {r for r, _ in changed}
                todo_list = [self._prefix + r for r in walked if r in rels] if rels else []
                seen = set(walked)

                def todo_paths():
                    return iter(todo_list)
            else:
                walked = [(self._prefix + r, size, mtime) for r, (size, mtime) in walked.items()]

        todo = todo_paths()
        # a cold build reads metadata only (front matter, first lines): every row is listed within
        # seconds, and complete() reads the bodies afterwards; a few changed files are read in full
        peek = list(islice(todo, max(batch, COLD_META_MIN)))
        # new: every file is new to the index (stored by insert, not looked up); cold: and listed
        # from its metadata first (unless nobody looks at rows before the texts: list_first)
        new = self._persist and not known and len(peek) >= COLD_META_MIN
        cold = new and self.list_first
        # the first rows read here, at once (a first paint), unless nobody looks at them: then the
        # workers read every file, with its companies
        head = peek[:batch] if cold or not new else []
        todo = chain(peek[len(head):], todo)
        for chunk in _chunks(head, batch):
            yield self._store_records([self._meta(p) if cold else self._parse(p) for p in chunk], new)
            if progress:
                progress(len(self._table.by_id))
        if len(peek) > len(head) or len(head) == batch:
            # new: the walk goes on while the workers read (a generator); else the list decides
            rest: Iterable[str] = todo if new else list(todo)
            if new or rest:
                meta = self._persist and self.list_first and (cold or len(rest) >= META_MIN_FILES)  # type: ignore[arg-type]
                pending: list[dict] = []
                stored = 0
                last = time.monotonic()
                for records in self._parse_many(rest, batch, "meta" if meta else "full"):
                    pending.extend(records)
                    # stored as they come (a transaction per ~5,000 files: the writer keeps up with
                    # the workers), merged into the sorted list in batches that grow with it (a
                    # merge costs the whole list) and at least every 0.5 s (a reader sees it fill)
                    if len(pending) >= (STORE_BATCH if not live else LIVE_STORE_BATCH):
                        stored += len(self._store_records(pending, new, place=False))
                        pending = []
                    if live and (stored >= max(batch, len(self.rows) // 2) or (stored and time.monotonic() - last > 0.5)):
                        yield self._table.place()
                        stored, last = 0, time.monotonic()
                        if progress:
                            progress(len(self._table.by_id))
                if pending:
                    self._store_records(pending, new, place=False)
                    if self._persist:
                        try:
                            self._db.extractions.flush_found()  # the companies of the last batch's texts
                        except sqlite3.Error as exc:
                            self.problems.add(Stage.EXTRACTION, exc)
                yield self._table.place()
                if progress:
                    progress(len(self._table.by_id))
        rels = [(self._rel_dir(f), mtime, ok) for f, mtime, ok in folders]
        self._walked_folders = rels if all(r is not None for r, _, _ in rels) else None
        # deleted files
        gone = list((known.keys() | self._table.by_path.keys()) - seen)
        if gone:
            if self._persist:
                try:
                    with self._db.write() as conn:
                        self._db.files.delete_paths(conn, gone)
                except sqlite3.Error as exc:
                    self.problems.add(Stage.WRITE, exc)
            with self._table.lock:
                for rel in gone:
                    rid = self._table.by_path.pop(rel, None)
                    if rid is not None:
                        self._table.remove(rid)
                    self._note_issue(self._prefix + rel, None, False)
            yield []
        if progress:
            progress(len(self._table.by_id))

    def _parse(self, path: str) -> dict:
        from .parse import parse_one

        return parse_one(Path(path), self.root, spread_text=self._persist)

    def _meta(self, path: str) -> tuple | dict:
        from .parse import meta_one

        return meta_one(path, str(self.root), self.root)

    # the body pass's workers find each article's companies while they read it (stored with its
    # row: no companies pass over those files); False: texts only (a caller that needs no companies)
    companies_with_texts = True
    # a cold build lists every row from its metadata first (rows on screen within seconds), then
    # complete() reads the texts; False: nobody looks at rows before the texts are in (kfin-tui
    # index, list --company/--keyword/--json): each file is read once, in full, with its companies
    # (a cold 100,000-file build without its metadata pass: ~6–10 CPU-s and a second read less)
    list_first = True

    def _parse_many(self, paths: Iterable[str], batch: int, mode: str = "full") -> Generator[list, None, None]:
        """Records in discovery order, grouped in batches; a process pool when there are many.
        ``mode`` "meta": the metadata pass (:func:`kfin_tui.index.parse.meta_one`)."""
        one: Callable[[str], tuple | dict] = self._meta if mode == "meta" else self._parse
        if not isinstance(paths, list):  # a walk in progress: enough files for the pool?
            peek = list(islice(paths, POOL_MIN_FILES))
            paths = chain(peek, paths) if len(peek) == POOL_MIN_FILES else peek
        if (isinstance(paths, list) and len(paths) < POOL_MIN_FILES) or (os.cpu_count() or 1) < 2:
            for chunk in _chunks(list(paths), batch):
                yield [one(p) for p in chunk]
            return
        from .parse import Workers

        try:
            workers = Workers(min(os.cpu_count() or 2, 4))
        except OSError:  # no interpreter to start: parse here
            for chunk in _chunks(list(paths), batch):
                yield [one(p) for p in chunk]
            return
        try:
            size = META_CHUNK if mode == "meta" else POOL_CHUNK
            if mode == "full" and self.companies_with_texts:
                mode = "companies"  # the workers hold each article: its companies are found there too
            jobs = ((str(self.root), chunk, self._persist, mode) for chunk in _ichunks(paths, size))
            pending: list = []
            for records in workers.run(jobs):
                pending.extend(records)
                if len(pending) >= batch:
                    yield pending
                    pending = []
            if pending:
                yield pending
        finally:
            workers.close()
            if self._persist:
                try:
                    self._db.extractions.flush_found()  # the companies found with the last texts
                except sqlite3.Error as exc:
                    self.problems.add(Stage.EXTRACTION, exc)

    # called with the rows of each batch stored (in the loading thread): ``kfin-tui list`` makes
    # their table lines while the workers are still reading, instead of all of them at the end
    on_stored: Callable[[list[Row]], object] | None = None

    def _store_records(self, records: list, new_files: bool = False, place: bool = True) -> list[Row]:
        """Store records (``new_files``: of files the index does not hold, a cold build) and put
        their rows in place (``place`` False: later, by :meth:`_place`). Records are dicts, or
        metadata tuples from the cold pass (:data:`~kfin_tui.index.records.META_COLUMNS`)."""
        metas = [r for r in records if type(r) is tuple]
        if metas:
            records = [r for r in records if type(r) is not tuple]
            if new_files and self._persist:
                rows = self._store_metas(metas, place)
            else:
                records += [self._meta_dict(t) for t in metas]
                rows = []
            rows = rows + (self._store_dicts(records, new_files, place) if records else [])
        else:
            rows = self._store_dicts(records, new_files, place)
        if self.on_stored is not None and rows:
            self.on_stored(rows)
        return rows

    def _abs_of(self, rel: str) -> str:
        return self._prefix + (rel if os.sep == "/" else rel.replace("/", os.sep))

    def _meta_dict(self, t: tuple) -> dict:
        return meta_record(t, self._abs_of(t[0]))

    def _store_metas(self, metas: list[tuple], place: bool) -> list[Row]:
        """The cold pass's rows: stored as they came, rows built straight from the tuples."""
        try:
            with self._db.write() as conn:
                # the paths of a pass are new (the walk gives each once): when the index held no
                # file before the pass's first batch, a batch looks them up only if another
                # instance wrote since this pass's previous one (the generation moved)
                if self._meta_gen is None:
                    empty = conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None
                    mine = False
                else:
                    empty = mine = self._db.generation(conn) == self._meta_gen
                ids = self._db.files.insert_meta(conn, metas, absent=mine)
                self._db.bump_gen(conn)
                self._meta_gen = self._db.generation(conn) if empty else None
        except sqlite3.Error as exc:
            # locked for too long by another instance, disk full, …: memory mode needs the texts
            self.problems.add(Stage.WRITE, exc, degraded=True)
            self._persist = False
            return self._store_dicts([self._parse(self._abs_of(t[0])) for t in metas], False, place)
        rows, keys = rows_from_metas(ids, metas, self._prefix)
        with self._table.lock:
            self._table.by_path.update(zip([t[0] for t in metas], ids))
            self._table.meta_ids.update(ids)
            self._table.next_id = max(self._table.next_id, max(ids, default=-1) + 1)
            if place:
                self._table.insert_many(rows, keys)
            else:
                self._table.unplaced.append((rows, keys))
        return rows

    def _store_dicts(self, records: list[dict], new_files: bool, place: bool) -> list[Row]:
        ids: list[int] = []
        if self._persist:
            try:
                with self._db.write() as conn:
                    live = self._db.fts.ready()  # cold build: FTS in bulk after the rows (list first)
                    if new_files:
                        done = self._db.files.insert_new(conn, records)
                    else:
                        done = self._db.files.update_bodies(conn, records, live)
                    if any(r.changed for r in done):
                        self._db.bump_gen(conn)
                        self._db.extractions.put_found(conn, [(r.id, rec["size"], rec["mtime_ns"], rec["co"])
                                                              for r, rec in zip(done, records) if r.changed and "co" in rec])
                ids = [r.id for r in done]
            except sqlite3.Error as exc:
                # locked for too long by another instance, disk full, …: keep going in memory
                self.problems.add(Stage.WRITE, exc, degraded=True)
                self._persist = False
                ids = []
        if not ids and any(rec.get("body") == 0 for rec in records):
            # no index (it failed during a metadata pass): memory mode needs every text now
            records = [self._parse(rec["abs"]) if rec.get("body") == 0 else rec for rec in records]
        rows: list[Row] = []
        keys: list[SortKey] = []
        mem = bool(self._mem_hay or self._extractions)
        with self._table.lock:
            for n, rec in enumerate(records):
                rel = rec["path"]
                if rec["issue"] is not None or self._issue_paths:
                    self._note_issue(rec["abs"], rec["issue"], rec["warning"])
                if ids:
                    rid = ids[n]
                else:
                    known_id = self._table.by_path.get(rel)
                    if known_id is None:
                        rid = self._table.next_id
                        self._table.next_id += 1
                    else:
                        rid = known_id
                if not rec["ok"]:
                    old = self._table.by_path.pop(rel, None)
                    if old is not None:
                        self._table.remove(old)
                    continue
                if not ids:
                    self._mem_hay[rid] = unpack(rec["tp"])
                    mem = True
                elif mem:
                    self._mem_hay.pop(rid, None)
                if rid >= self._table.next_id:
                    self._table.next_id = rid + 1
                row, row_key = row_from_record(rid, rec)
                if mem:
                    self._extractions.forget(rid)
                if not ids and "co" in rec:
                    self._extractions.names[rid] = rec["co"][1]
                self._table.by_path[rel] = rid
                if rec.get("body", 1):
                    self._table.meta_ids.discard(rid)
                else:
                    self._table.meta_ids.add(rid)
                rows.append(row)
                keys.append(row_key)
            if place:
                self._table.insert_many(rows, keys)
            else:
                self._table.unplaced.append((rows, keys))
        return rows



    # queries -----------------------------------------------------------
    def count(self) -> int:
        return len(self.rows)

    def row(self, row_id: int) -> Row:
        return self._table.by_id[row_id]

    @guarded
    def article(self, row_id: int) -> Article | None:
        """The article of a row, read from its file (the last few are kept while the file stays
        the same size and mtime: a file edited meanwhile is read again, and its extraction with it)."""
        path = self._table.by_id[row_id].path
        try:
            st = os.stat(path)
            stamp = (st.st_size, st.st_mtime_ns)
        except OSError:
            stamp = None
        return _load_article(path, str(self.root), stamp)

    @guarded
    def search(self, keyword: str) -> set[int] | None:
        """Ids of articles whose title or body holds every term; None when there is no keyword.
        While the bodies of a cold build are being read (:attr:`bodies_pending`) the titles of
        every row are searched too, so that what the list shows can be found at once. A term that
        is a stock code, an English name or pinyin initials of a company
        (:func:`kfin_tui.query.expand_term`) also matches the articles whose tickers include the
        company's codes or whose text names it."""
        query = terms(keyword)
        if not query:
            return None
        if not any(t.isascii() for t in query):  # Chinese terms are never expanded
            return self._search_terms(query)
        from ..query import expand_term

        expanded = [expand_term(t) for t in query]
        plain = [t.text for t in expanded if t.plain]
        found = self._search_terms(plain) if plain else None
        for term in expanded:
            if term.plain:
                continue
            ids: set[int] = set()
            for alt in term.alternatives:
                ids |= self._search_terms([alt])
            if term.codes:
                codes = set(term.codes)
                with self._table.lock:
                    rows = list(self.rows)
                ids |= {r.id for r in rows if not codes.isdisjoint(r.tickers)}
            found = ids if found is None else found & ids
        return found

    def _search_terms(self, query: list[str]) -> set[int]:
        """Ids of the articles holding every one of the (normalised) terms, as written."""
        if self.bodies_pending:
            titles = self._normalised_titles()
            early = {i for i, t in titles if all(q in t for q in query)}
        else:
            early = set()
        with self._table.lock:
            mem = list(self._mem_hay.items())
            by_id = self._table.by_id
        found = {i for i, text in mem if matches_terms(text, query)}
        if self._store is not None:
            try:
                hits = self._store.fts.search(query)
            except sqlite3.Error as exc:
                self.problems.add(Stage.SEARCH, exc)
                if not isinstance(exc, sqlite3.OperationalError) or "no such" in str(exc):
                    self._store.mark_broken()  # damaged inside: the next start builds it anew
                try:  # meanwhile the texts are scanned (exact, slower): never a silent 0
                    hits = self._store.fts.scan(query)
                except sqlite3.Error as again:
                    self.problems.add(Stage.SEARCH, again)
                    hits = set()
            hits = hits & by_id.keys()  # set arithmetic in C: 100,000 hits cost ~5 ms, not 30
            if self._mem_hay:
                hits -= self._mem_hay.keys()
            found |= hits
        return found | early

    def _normalised_titles(self) -> list[tuple[int, str]]:
        """(id, normalised title) of every row, kept while the rows stay the same."""
        from .search import normalise

        with self._table.lock:
            rows = list(self.rows)
        cached = self._titles_cache
        if cached is None or cached[0] != len(rows):
            cached = self._titles_cache = (len(rows), [(r.id, normalise(r.title)) for r in rows])
        return cached[1]

    def categories(self) -> list[tuple[str, int]]:
        """(category, articles) over every row, most first. Deprecated: ``category_counts(Filters())``."""
        return list(self.category_counts(Filters()).items())

    # extractions (kept by the Extractions part) --------------------------
    @guarded
    def extraction(self, row_id: int):
        """The extraction of an article: cached in the index, else computed now and stored. None
        when the extractor is not available or the file cannot be read."""
        return self._extractions.extraction(row_id)

    @guarded
    def companies_for(self, row_id: int) -> list[str]:
        return self._extractions.companies_for(row_id)

    @guarded
    def ids_with_company(self, name: str) -> set[int]:
        """Articles whose (already extracted) companies include ``name`` (canonical)."""
        return self._extractions.ids_with_company(name)

    @guarded
    def extractions_pending(self) -> bool:
        """Whether some article has no extraction yet (a company filter may then miss it)."""
        return self._extractions.extractions_pending()

    def extraction_progress(self) -> tuple[int, int]:
        """(articles extracted, articles): company results are partial while the first is smaller."""
        return self._extractions.progress()

    def known_stats(self) -> dict[str, tuple[int, int]] | None:
        """Relative path → (size, mtime_ns) of the indexed files as the index last checked them
        (saves a stat per file); None without an index."""
        if self._store is None:
            return None
        try:
            return self._store.snapshots.known_stats()
        except sqlite3.Error as exc:
            self.problems.add(Stage.READ, exc)
            return None

    @guarded
    def company_names(self) -> list[tuple[str, int]]:
        """(company, number of articles) over the articles extracted so far, most frequent first."""
        return self._extractions.company_names()

    @guarded
    def extract_pending(self, progress: Callable[[int, int], None] | None = None,
                        stop: threading.Event | None = None, chunk: int = 32, *,
                        report: OnProgress | None = None, workers: int | None = None) -> int:
        """Extract every article that has no cached extraction yet (run it in a worker thread).
        Returns how many were extracted; stops early when ``stop`` is set. ``report`` gets
        :class:`Progress` (phase EXTRACTING); ``progress(done, total)`` is the older form. Many
        articles are done in ``workers`` processes (default: one per core; 0: in this process)."""
        return self._extractions.extract_pending(progress, stop, chunk, report=report, workers=workers)

    # filters -----------------------------------------------------------
    @guarded
    def company_ids(self, company: str) -> set[int]:
        """Articles whose (already extracted) companies include ``company`` (canonical, an alias, a
        stock code, an English name or pinyin initials: :func:`kfin_tui.query.resolve_company`)."""
        from ..extract.names import canonical_company
        from ..query import resolve_company

        return self.ids_with_company(resolve_company(company) or canonical_company(company))

    def _filter_ids(self, filters: Filters) -> tuple[set[int] | None, set[int] | None]:
        kw = self.search(filters.keyword) if filters.keyword else None
        co = self.company_ids(filters.company) if filters.company.strip() else None
        return kw, co

    @guarded
    def select(self, filters: Filters) -> Selection:
        """The rows ``filters`` keep, newest first. ``partial`` when the answer may still grow: the
        keyword is searched while a cold build's texts are being read, or the company filter while
        articles are not extracted yet (:meth:`extract_pending`). Safe from any thread."""
        with self._table.lock:
            rows = list(self.rows)
        kw, co = self._filter_ids(filters)
        partial = (kw is not None and self.bodies_pending) or (co is not None and self.extractions_pending())
        picked = self._pick(rows, filters, kw, co)
        if picked is None:
            picked = apply_filters(rows, filters, kw, co)
        return Selection(picked, len(rows), bool(partial))

    def _place_rows(self) -> None:
        """Make :meth:`_pick`'s id → place map of the rows as they are now: ~10-14 ms at 100,000 rows
        that the first keyword of a session paid (``load(places=True)`` makes it once its cached rows
        are out; a change to the rows makes it again when asked)."""
        with self._table.lock:
            rows = list(self.rows)
        self._places = _places_of(rows)

    def _pick(self, rows: list[Row], filters: Filters, kw: set[int] | None, co: set[int] | None) -> list[Row] | None:
        """The rows of a keyword or company answer that keeps few of them, taken by their places in
        the list instead of a pass over every row (the same rows in the same order as
        :func:`kfin_tui.filters.apply`: ~1 ms instead of ~5 at 100,000 rows, for every keyword
        typed); None when it does not apply (a category, a state filter, many hits)."""
        if filters.category or filters.where:
            return None
        if kw is None:
            if co is None:
                return None
            allowed = co
        else:
            allowed = kw if co is None else kw & co
        if filters.ids is not None:
            allowed = allowed & filters.ids
        if len(allowed) * 4 > len(rows):
            return None
        places = self._places
        if places is None or len(places[0]) != len(rows) or places[0] != rows:  # (identity first: ~0.3 ms)
            places = self._places = _places_of(rows)
        at = places[1]
        return [rows[i] for i in sorted(i for i in map(at.get, allowed) if i is not None)]

    @guarded
    def quick_listing(self, filters: Filters, early=None,
                      prepare: Callable[[Listing], object] | None = None) -> Listing | None:
        """What ``kfin-tui list`` prints, straight from a warm index whose folder has not changed
        (:func:`kfin_tui.index.quicklist.quick_listing`); None when that cannot be done: then
        :meth:`load` and :meth:`select`. ``early``: a check started by
        :func:`kfin_tui.index.walk.early_check`; ``prepare(listing)`` runs before the check is
        waited for (its result is ``listing.prepared``)."""
        return quick_listing(self, filters, early, prepare)

    def listing(self, selection: Selection) -> Listing:
        """What ``kfin-tui list`` prints for rows :meth:`select` picked (the quick listing's slow twin)."""
        return Listing.of_selection(selection, self._prefix)

    @guarded
    def category_counts(self, filters: Filters | None = None) -> dict[str, int]:
        """category → articles among those the other filters keep (``filters.category`` is ignored
        but stays listed, with 0 if need be), most first, then by name."""
        filters = filters or Filters()
        with self._table.lock:
            rows = list(self.rows)
        kw, co = self._filter_ids(filters)
        return count_categories(rows, filters, kw, co)


    @guarded
    def compact(self) -> bool:
        """Rewrite the index without the slack a build leaves (:meth:`Store.compact`): for the end
        of ``kfin-tui index`` (a reader open meanwhile keeps its snapshot: WAL). False when there is
        no index or SQLite refused (a writer held it past the busy timeout: it stays as it was)."""
        store = self._store
        if store is None:
            return False
        try:
            store.compact()
        except sqlite3.Error:
            return False
        return True

    def close(self, wait: bool = False, timeout: float = 10.0) -> bool:
        """Close the index, safely from any thread: calls in flight in other threads (a search, an
        extraction, a load or body pass being iterated — stop those with their ``stop`` event)
        are waited for, up to ``timeout`` seconds; the background FTS build is stopped after its
        current chunk (the next load goes on from there) unless ``wait``, which lets it finish.
        Calls made after ``close`` answer from memory (the index is not reopened). Returns True when
        everything was closed; False when a call was still running at the timeout (its connection
        is then left to process exit, as SQLite requires). ``with Library(root) as lib:`` closes
        at the end of the block."""
        store = self._store
        if store is None:
            return True
        if wait:
            self.wait_index()
        store.fts.stop.set()
        deadline = time.monotonic() + timeout
        thread = self._fts_thread
        if thread is not None:
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                return False
        if not self._calls.wait_idle(max(0.0, deadline - time.monotonic())):
            return False
        self._persist = False
        store.close_for_good()
        return True

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _listing_ticker(progress: Callable[[int], None] | None,
                    report: OnProgress | None) -> Callable[[int], None] | None:
    if report is None:
        return progress

    def tick(n: int) -> None:
        if progress is not None:
            progress(n)
        report(Progress(Phase.LISTING, n))

    return tick


def _counter(progress: Callable[[int, int], None] | None, report: OnProgress | None,
             phase: Phase) -> Callable[[int, int], None] | None:
    if report is None:
        return progress

    def count(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)
        report(Progress(phase, done, total))

    return count


def _ichunks(items, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


@lru_cache(maxsize=64)
def _load_article(path: str, root: str, stamp: tuple[int, int] | None = None) -> Article | None:
    from ..articles import load_file

    article, _ = load_file(path, root)
    return article


def _places_of(rows: list[Row]) -> tuple[list[Row], dict[int, int]]:
    """(rows, id → place) for :meth:`Library._pick`."""
    return rows, dict(zip([r.id for r in rows], range(len(rows))))
