"""Live news in the reader: fetch now (``r``), the automatic fetch, and the folder watch.

:class:`Fetcher` is a non-visual widget that owns the work: the fetch worker
(:func:`kfin_tui.feeds.run_fetch` in a thread), the automatic-fetch timer (``reader.fetch_every``
minutes, or a feed's own ``interval``, via :func:`kfin_tui.feeds.fetchstate.due_feeds`) and the
folder watch (:class:`kfin_tui.feeds.FolderWatch`, a cheap stat re-check every ~2 s: files that an
external fetcher or a ``git pull`` writes into the open folder show up without a restart). New and
changed files are taken into the library (:meth:`kfin_tui.index.Library.rescan`) in the worker,
then a typed Message goes up — :class:`FetchProgress` (coalesced), :class:`FetchFinished`,
:class:`FilesAppeared` — and the reader re-lists its rows (the cursor stays on its article).

:class:`LiveNewsScreen` is the reader screen's base that mounts the Fetcher, binds ``r`` and ``F``
and answers those Messages (the progress line, the "N new" notification, the feeds screen).

Feed names and errors are data: everything shown goes through :func:`kfin_tui.sanitize.clean_line`
as Text, never markup.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import WorkerState

from ..config import Config
from ..index import Library, Row
from ..sanitize import clean_line
from .bindings import READER_FEEDS

if TYPE_CHECKING:
    # the fetch machinery (httpx …) is imported by the first fetch, not before the first paint
    from ..feeds import FeedResult, FetchOptions
    from ..feeds import FetchProgress as CoreProgress
    from ..feeds.watch import FolderWatch
    from ..filters import Filters
    from .widgets.progress import ProgressLine

log = logging.getLogger(__name__)

WATCH_EVERY = 2.0  # seconds between two re-checks of the open folder
DUE_EVERY = 30.0  # seconds between two looks at which feeds are due (automatic fetch)
FETCH_STAGE = "fetch"  # the progress line's stage while a fetch runs
LIBRARY_BUSY_GROUPS = ("load",)  # the reader's workers that must end before files are taken in


# -- messages -----------------------------------------------------------------------------------------
class FetchProgress(Message):
    """A feed is done (``done`` of ``total``). A pending one is replaced by the newer one."""

    def __init__(self, done: int, total: int, name: str, status: str) -> None:
        self.done, self.total, self.name, self.status = done, total, name, status
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FetchProgress)


class FetchFinished(Message):
    """A fetch is over: one result per feed (empty with ``error``: it could not start), the new
    files it wrote, the rows the library took in (``rows``: new files under the open folder), and
    ``auto``: the automatic fetch, not ``r``."""

    def __init__(self, results: list[FeedResult], new_paths: tuple[Path, ...], rows: list[Row], *,
                 error: str = "", auto: bool = False) -> None:
        self.results, self.new_paths, self.rows = results, new_paths, rows
        self.error, self.auto = error, auto
        super().__init__()

    @property
    def failed(self) -> list[FeedResult]:
        return [r for r in self.results if r.status == "error"]


class FilesAppeared(Message):
    """Files appeared in (or went from) the open folder by other means; the library has them."""

    def __init__(self, added: tuple[Path, ...], removed: tuple[Path, ...], rows: list[Row]) -> None:
        self.added, self.removed, self.rows = added, removed, rows
        super().__init__()


# -- the controller -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FetchState:
    """What the feeds screen shows of the fetch running now (or None)."""

    done: int
    total: int
    name: str


class Fetcher(Widget):
    """Non-visual: the fetch worker, the automatic-fetch timer and the folder-watch timer."""

    DEFAULT_CSS = "Fetcher { display: none; }"
    options: FetchOptions | None = None  # None: the fetch defaults (tests shorten the timeouts)
    state_path: Path | None = None  # None: the fetch state in the XDG state folder
    watch_every = WATCH_EVERY
    due_every = DUE_EVERY

    def __init__(self, library: Library, config: Config, stop: threading.Event) -> None:
        super().__init__()
        self.library = library
        self.config = config
        self._stop = stop
        self.running: FetchState | None = None  # a fetch runs (set on the UI thread)
        self._fetch_lock = threading.Lock()  # one fetch worker at a time
        self._intake = threading.Lock()  # the watch and the library's rescan: one thread at a time
        self._watch: FolderWatch | None = None
        self._pending: dict[Path, None] = {}  # paths seen while the library was loading (ordered set)
        self._announced: set[Path] = set()  # a fetch's new files, maybe taken in later by the watch
        self._loading = True  # the reader's load runs (updated by the watch timer on the UI thread)
        self._watching = False  # a watch tick is running
        self._checking_due = False

    @property
    def archive(self) -> Path | None:
        return Path(self.config.archive).expanduser() if self.config.archive else None

    @property
    def auto(self) -> bool:
        """The automatic fetch is on: ``reader.fetch_every`` or some feed's own ``interval``."""
        if self.archive is None:
            return False
        return any(f.enabled and (f.interval if f.interval is not None else self.config.reader.fetch_every) > 0
                   for f in self.config.feeds)

    def on_mount(self) -> None:
        self.set_interval(self.watch_every, self._watch_tick)
        if self.auto:
            self.set_interval(self.due_every, self._due_tick)
            self.call_later(self._due_tick)

    # fetch ------------------------------------------------------------------------------------------
    def fetch(self, names: list[str] | None = None, *, auto: bool = False) -> bool:
        """Start a fetch (of ``names``, else every enabled feed); False when one is running."""
        if self.running is not None:
            return False
        self._loading = self._library_busy()
        self.running = FetchState(0, len(names) if names else sum(f.enabled for f in self.config.feeds), "")
        self.run_worker(lambda: self._fetch(names, auto), thread=True, group="fetch", name="fetch",
                        exit_on_error=False)
        return True

    def _fetch(self, names: list[str] | None, auto: bool) -> None:
        from ..feeds.run import FetchSetupError, run_fetch

        def report(progress: CoreProgress) -> None:
            if not self._stop.is_set():
                self.post_message(FetchProgress(progress.done, progress.total, progress.result.name,
                                                progress.result.status))

        results: list[FeedResult] = []
        new_paths: tuple[Path, ...] = ()
        rows: list[Row] = []
        error = ""
        with self._fetch_lock:
            try:
                results = run_fetch(self.config, names, progress=report, state_path=self.state_path,
                                    options=self.options)
                new_paths = tuple(p for r in results for p in r.new_paths)
                rows = self._take_in(new_paths)
            except FetchSetupError as exc:  # no archive, another fetch running
                error = str(exc)
            except Exception as exc:
                log.warning("fetch in the reader failed", exc_info=True)
                error = f"{type(exc).__name__}: {exc}"
            finally:  # always: the Fetcher is free again
                self.post_message(FetchFinished(results, new_paths, rows, error=error, auto=auto))

    def on_fetch_progress(self, message: FetchProgress) -> None:
        self.running = FetchState(message.done, message.total, message.name)  # bubbles on to the screen

    def on_fetch_finished(self, message: FetchFinished) -> None:
        self.running = None

    # taking files in ------------------------------------------------------------------------------------
    def _library_busy(self) -> bool:
        """(UI thread) the reader's load or body pass is running: no rescan now."""
        try:
            return any(w.group in LIBRARY_BUSY_GROUPS and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
                       for w in self.app.workers)
        except RuntimeError:  # the worker set changed meanwhile: ask again next tick
            return True

    def _take_in(self, paths: Iterable[Path]) -> list[Row]:
        """Give the library the files under its folder (later, if it is loading); then the
        watch's own changes since, so that the next tick does not report the same files again."""
        with self._intake:
            for p in paths:
                self._pending[p] = None
                self._announced.add(p)  # the fetch says "N new": the watch must not say it again
            if self._watch is not None:
                changes = self._watch.check()
                for p in (*changes.added, *changes.removed):
                    self._pending[p] = None
            rows = self._drain()
            if not self._pending:
                self._announced.clear()
            return rows

    def _drain(self) -> list[Row]:
        """(with ``_intake`` held) the pending paths into the library, unless it is loading."""
        if not self._pending or self._loading or self._stop.is_set():
            return []
        paths, self._pending = list(self._pending), {}
        try:
            return self.library.rescan(paths)
        except BaseException:
            self._pending = dict.fromkeys(paths) | self._pending  # tried again next time
            raise

    def _watch_tick(self) -> None:
        self._loading = self._library_busy()
        if self._watching or self.running is not None or self._stop.is_set():
            return  # (a fetch takes its files in itself, and the watch's with them)
        self._watching = True
        self.run_worker(self._watch_once, thread=True, group="folder-watch", name="folder-watch",
                        exit_on_error=False)

    def _watch_once(self) -> None:
        try:
            with self._intake:
                if self._watch is None:
                    # listing the folders once: ~0.4 s for 100,000 articles, in this worker
                    from ..feeds.watch import FolderWatch  # (not before the first paint)

                    self._watch = FolderWatch(self.library.root)
                    return
                changes = self._watch.check()
                for p in (*changes.added, *changes.removed):
                    self._pending[p] = None
                pending = list(self._pending)
                announced = set(self._announced)
                rows = self._drain()
                drained = bool(pending) and not self._pending
                if drained:
                    self._announced.clear()
            if drained and not self._stop.is_set():
                added = tuple(p for p in pending if p.exists() and p not in announced)
                removed = tuple(p for p in pending if not p.exists())
                self.post_message(FilesAppeared(added, removed, rows))
        except Exception:
            log.warning("folder watch failed", exc_info=True)
        finally:
            self._watching = False

    # the automatic fetch -----------------------------------------------------------------------------
    def _due_tick(self) -> None:
        if self.running is not None or self._checking_due or self._stop.is_set():
            return
        self._checking_due = True
        self.run_worker(self._check_due, thread=True, group="fetch-due", name="fetch-due", exit_on_error=False)

    def _check_due(self) -> None:
        from ..feeds.fetchstate import due_feeds

        try:
            due = due_feeds(self.config.feeds, self.config.reader.fetch_every, self.state_path)
        finally:
            self._checking_due = False
        if due and not self._stop.is_set():
            self.app.call_from_thread(self.fetch, due, auto=True)


# -- what the reader shows ------------------------------------------------------------------------------
def progress_text(message: FetchProgress) -> Text:
    return Text(f"抓取 fetch {message.done}/{message.total} {clean_line(message.name)}", no_wrap=True,
                overflow="ellipsis")


def finished_note(message: FetchFinished, open_root: Path) -> tuple[str, str] | None:
    """(text, severity) of the notification for a finished fetch, or None (an automatic fetch
    that found nothing and failed nowhere says nothing)."""
    if message.error:
        return f"抓取失败 fetch failed: {clean_line(message.error)}", "error"
    new = len(message.new_paths)
    failed = message.failed
    parts = []
    if new:
        parts.append(f"{new} 篇新文章 · {new} new")
        shown = len(message.rows)
        if shown < new and not any(_under(p, open_root) for p in message.new_paths):
            parts.append("(写入归档 in the archive, not this folder)")
    elif not message.auto:
        parts.append("没有新文章 · nothing new")
    if failed:
        names = ", ".join(clean_line(r.name) for r in failed[:3]) + (" …" if len(failed) > 3 else "")
        parts.append(f"{len(failed)} 个订阅失败 failed: {names} — 按 F 查看 (press F)")
    if not parts:
        return None
    return " · ".join(parts), "warning" if failed else "information"


def _under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


class LiveNewsScreen(Screen[None]):
    """The reader screen's base for live news: mounts the :class:`Fetcher`, binds ``r`` (fetch now)
    and ``F`` (the feeds screen), and answers the Fetcher's Messages. The reader provides
    ``library``, ``progress``, ``filters`` and ``set_filters``."""

    BINDINGS = READER_FEEDS

    if TYPE_CHECKING:
        library: Library
        progress: ProgressLine
        filters: Filters
        _stop: threading.Event

        def set_filters(self, filters: Filters) -> None: ...

    fetcher: Fetcher | None = None

    def _config(self) -> Config:
        config = getattr(self.app, "config", None)
        return config if isinstance(config, Config) else Config()

    def on_mount(self) -> None:
        self.fetcher = Fetcher(self.library, self._config(), self._stop)
        self.mount(self.fetcher)

    def action_fetch(self) -> None:
        """r: fetch every enabled feed now."""
        fetcher = self.fetcher
        if fetcher is None:
            return
        config = fetcher.config
        if config.archive is None or not config.feeds:
            self.app.notify("没有订阅 no feeds: set `archive` and add feeds (kfin-tui feeds add cls/telegraph)"
                            if config.archive is None else
                            "没有订阅 no feeds: kfin-tui feeds add cls/telegraph", severity="warning", markup=False)
            return
        if not fetcher.fetch():
            self.app.notify("正在抓取 a fetch is running", markup=False)
            return
        self._show_fetch_line(Text("抓取 fetch…"))

    def action_feeds(self) -> None:
        """F: the feeds screen."""
        from .screens.feeds import FeedsScreen

        if self.fetcher is not None:
            self.app.push_screen(FeedsScreen(self.fetcher))

    def _show_fetch_line(self, text: Text) -> None:
        line = self.progress
        line.stage = FETCH_STAGE
        line.update(text)
        line.set_class(True, "busy")

    def on_fetch_progress(self, message: FetchProgress) -> None:
        self._show_fetch_line(progress_text(message))  # (asked for: it takes the line while it runs)
        self._feeds_screen_refresh()

    def on_fetch_finished(self, message: FetchFinished) -> None:
        self.progress.hide(FETCH_STAGE)
        if message.rows:
            self.set_filters(self.filters)  # re-list: the rows are in; the cursor keeps its article
        note = finished_note(message, Path(self.library.root))
        if note is not None:
            text, severity = note
            self.app.notify(text, severity=severity, timeout=6, markup=False)  # type: ignore[arg-type]
        self._feeds_screen_refresh()

    def on_files_appeared(self, message: FilesAppeared) -> None:
        self.set_filters(self.filters)
        added = len(message.added)
        if added:
            self.app.notify(f"{added} 篇新文章出现 · {added} new in the folder", timeout=4, markup=False)

    def _feeds_screen_refresh(self) -> None:
        from .screens.feeds import FeedsScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.refresh_health()
