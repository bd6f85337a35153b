"""The reader screen: the layout (status bar; sidebar of articles; reading pane; side panel) and the
reading session — the filters, the article shown, the background work.

Widgets report with Messages (ArticleList.Highlighted, FactsPanel.MentionSelected …); thread
workers post typed Messages (:mod:`kfin_tui.ui.messages`) and never touch a widget. The filters are
one :class:`kfin_tui.filters.Filters` value answered by ``Library.select`` in a worker.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey
from textual.worker import get_current_worker

from ...filters import Filters
from ...index import Library, Row
from ...index.problems import summary
from ...index.progress import Phase
from ...index.progress import Progress as JobProgress
from ..bindings import READER_SCREEN
from ..fetching import LiveNewsScreen  # live news: r, F, the automatic fetch, the folder watch
from ..mentions import body_mentions
from ..messages import (
    ArticleLoaded,
    ArticlePending,
    BodiesRead,
    CompaniesIndexed,
    Extracted,
    Loaded,
    Progress,
    RowsArrived,
    Selected,
)
from ..widgets.article_list import ArticleList
from ..widgets.article_view import SYNC_LAYOUT_CHARS, ArticleView, layout_cost
from ..widgets.facts_panel import FactsPanel
from ..widgets.filter_bar import FilterBar
from ..widgets.keyword_input import KeywordInput
from ..widgets.progress import UPDATING, ProgressLine
from ..widgets.sanitize import one_line
from ..widgets.status_bar import StatusBar
from .reading_state import ReadingStateScreen

if TYPE_CHECKING:
    from ...index.article_pool import ArticlePool
    from ..app import KfinApp
    from .picker import CountCompanies

NARROW = 100  # below this many columns the side panel hides (and floats over the body when shown)
WIDE = 130  # from this many columns the sidebar and the panel get their full width
# the keys of one burst (several characters in one terminal read, an IME commit, a fast typist)
# make one search; the search itself is coalesced (one in flight, the latest filters next), so a
# long debounce is not needed to spare the library (it counted fully against the keyword latency)
DEBOUNCE = 0.005
# … but one character (a keyword being typed, not yet a word) waits longer for the next key: at
# 100,000 articles it holds nine in ten of them (~50 ms to search), the whole term ~8 ms
DEBOUNCE_ONE_CHAR = 0.05
QUIET_WHILE_TYPING = 0.5  # seconds after a key in the keyword box the background extraction pauses
BACKGROUND_PAUSE = 0.01  # seconds the background extraction sleeps after every few articles
RESELECT_WHILE_LOADING = 0.5  # seconds between re-filterings while rows arrive
HEAVY_EXTRACT_DELAY = 0.3  # seconds the cursor must rest on a big article before it is extracted
PARTIAL_RESEARCH = 2.0  # seconds between keyword searches while a cold build's texts are read
SIDEBAR = 34, 28  # the sidebar's cells (app.tcss): wide screens, below WIDE columns
SIDEBAR_MIN, SIDEBAR_SHARE = 16, 0.6  # what < and > keep the sidebar within (cells; share of the screen)
HEAVY_OPEN_DELAY = 0.12  # seconds the cursor must rest on a big article before the child prepares it
PANEL_FIGURES = 500  # figures the side panel lists (an article may hold tens of thousands)
CHECK_AFTER = 0.5  # seconds a big folder's freshness check waits after its list is up (_hold_check)
CHECK_HOLD_FILES = 20_000  # … from this many files (a small folder's check takes a few ms, in-process)
ARTICLE_WAIT = 3.0  # seconds the first article waits for the list to be complete at most (a cold
# folder is listed for long; a warm one is complete once the freshness check is back: 0.3–1.5 s)
EXTRACT_AFTER_LOAD_MAX = 3.0  # seconds the first article's extraction waits for the list at most
BACKGROUND_AFTER = 1.0  # seconds after the list is complete before the extractor warms up and the
# background extraction starts: the first keyword typed after opening gets the interpreter first


class KeyFooter(Footer):
    """Textual's footer, rebuilt only when the keys it shows change. The stock one recomposes (a
    dozen widgets mounted, styled and laid out: 30–60 ms) on every focus change, though the list,
    the reading pane and the filter box mostly show the same keys: when the new keys are some of
    the keys built, in the same order (the reading pane's are the list's without ⏎ 打开; the filter
    box's are / and the palette's), the others are hidden and shown in place, in the next frame."""

    _shown_keys: tuple[object, ...] | None = None

    def _keys(self, screen: Any) -> tuple[tuple[Any, ...], ...]:
        app = self.app
        return tuple((key, binding.action, binding.description, app.get_key_display(binding), enabled, tooltip,
                      binding.group) for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
                     if binding.show or key == app.COMMAND_PALETTE_BINDING)

    _later: Timer | None = None

    def on_mount(self) -> None:  # (before Footer.on_mount: Textual calls both)
        # mounted after the reader's first frame: no focus change will say which keys to show
        self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Any) -> None:
        keys = self._keys(screen)
        if keys == self._shown_keys:
            return
        shown = screen.app.app_focus and self.is_attached and screen is self.screen
        if not shown or not self.children:
            if shown:
                self._shown_keys = keys
            super().bindings_changed(screen)  # (the first keys: at once)
            return
        self._shown_keys = keys
        self._bindings_ready = True
        if self._later is not None:
            self._later.stop()
            self._later = None
        if self._show_only(keys):
            return
        # other keys: the key's own change is drawn first, the footer rebuilt a moment later
        # (20–30 ms), once for several keys in a row
        self._later = self.set_timer(FOOTER_AFTER, self.recompose)

    def _show_only(self, keys: tuple[tuple[Any, ...], ...]) -> bool:
        """Show the built keys that are ``keys``, hide the others; False when ``keys`` are not
        some of them in the same order (or grouped: then the footer is rebuilt)."""
        if any(k[6] is not None for k in keys):
            return False
        palette = self.app.COMMAND_PALETTE_BINDING
        wanted: list[tuple[Any, ...]] = []  # what Footer.compose makes of them, in its order:
        last: list[tuple[Any, ...]] = []  # the first key of each action, then the palette's
        actions: set[str] = set()
        for key, action, description, display, enabled, _tooltip, _group in keys:
            if key == palette:
                if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
                    last.append((key, action, description, display, enabled))
            elif action not in actions:
                actions.add(action)
                wanted.append((key, action, description, display, enabled))
        wanted += last
        children = [c for c in self.children if isinstance(c, FooterKey)]
        if len(children) != len(self.children):
            return False
        show: list[bool] = []
        i = 0
        for child in children:
            signature = (child.key, child.action, child.description, child.key_display,
                         not child.has_class("-disabled"))
            hit = i < len(wanted) and signature == wanted[i]
            show.append(hit)
            i += hit
        if i < len(wanted):
            return False
        changed = False
        for child, visible in zip(children, show):
            if child.display != visible:
                child.display = visible
                changed = True
        if changed:  # laid out in the frame that draws the focus tint (the keys' own request for a
            # layout reaches the screen through their idle handlers: a frame or two later)
            self.screen.refresh(repaint=False, layout=True)
        return True


FOOTER_AFTER = 0.03  # s after a focus change before the footer shows its keys
PANE_HOLD = 0.09  # s: a cursor move within this of the one before moves the list alone (a held key);
# the reading pane and the side panel follow once the keys pause this long (newsboat, Toolong)
EXTRACTION_WAIT = 0.05  # s an article read waits for its extraction before it is shown alone
GC_QUIET = 0.05  # s without a key (a held key repeats faster) before the collector's full pass runs
GC_AFTER = 1  # a young collection since the last full pass: due at the next pause (10, the collector's
# own default, let 100 MB of cyclic garbage build up between pauses at 100k: peak RSS 542 vs 443 MB)
GC_MANUAL = 1_000_000  # the full pass's threshold while the reader runs it itself


class _Incoming:
    """An article read by the worker, waiting for the messages already queued (its extraction)."""

    def __init__(self, row_id: int, article: Any, error: str = "") -> None:
        self.row_id, self.article, self.error = row_id, article, error
        self.extracted: Extracted | None = None


def canonical_company(name: str) -> str:
    """:func:`kfin_tui.extract.names.canonical_company`, imported on first use (it loads the
    extractor package: ~0.1 s that the first paint should not wait for)."""
    if not name.strip():
        return ""
    from ...extract.names import canonical_company as canonical

    return canonical(name)


class ReaderScreen(LiveNewsScreen, ReadingStateScreen):
    AUTO_FOCUS = "ArticleList"  # keys pressed before the first paint go to the list, not the filter box
    BINDINGS = READER_SCREEN
    # a focus change repaints the widgets whose look it changes (each repaints itself on focus and
    # blur: the tint), not the whole screen, which Textual's Screen.focused does (every cell of
    # the screen composed and written again for tab, enter and escape)
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, library: Library, filters: Filters, stop: threading.Event | None = None) -> None:
        super().__init__()
        self.library = library
        self.filters = replace(filters, keyword=filters.keyword.strip(), company=canonical_company(filters.company))
        self.shown: Filters | None = None  # the filters whose results the list shows
        self.partial = False  # the list's results may still grow (texts or extractions being read)
        self.loaded = False
        self.current: Row | None = None
        self.extraction: Any = None  # of the current article, once extracted
        self.panel_wanted: bool | None = None  # None: follow the terminal width
        self._remember: Row | None = None  # the last article shown, kept across an empty result
        self._debounce: Timer | None = None
        self._follow_timer: Timer | None = None  # the pane follows the cursor when it fires
        self._pane_row: int | None = None  # the row the pane shows or prepares
        self._article_may_open = False  # the list is complete, or ARTICLE_WAIT passed since the first rows
        self._rows_gen = 0  # batches of rows that arrived (RowsArrived) …
        self._selected_gen = -1  # … as of the last selection
        self._refilled = False  # the list was refilled: the pane follows its cursor after the next frame
        self._pane_due: int | None = None  # the row the pane opens after that frame
        self._article_timer: Timer | None = None
        self._article_read = False  # an article was read (the parsers are imported)
        self._incoming: _Incoming | None = None  # an article read, to show with its extraction if it comes
        self._incoming_timer: Timer | None = None  # … or alone when it fires
        self._gc_saved: tuple[int, int, int] | None = None  # the collector's thresholds, once tuned
        self._last_input = 0.0  # when the last key came
        self._key_gap = float("inf")  # seconds between it and the one before
        self._selecting = False  # a select worker is running: the next waits for it (coalesced)
        self._pick_when_shown: Callable[[], None] | None = None  # a picker asked for before the filters' articles were selected
        self._select_again = False  # the filters or the rows changed meanwhile: select once more
        self._quiet_until = 0.0  # the background extraction pauses until then (a keyword being typed)
        self._last_select = 0.0
        self._last_partial_search = 0.0
        self._stop = stop or threading.Event()  # set when the reader goes: workers stop at their next check
        self._article_pool: ArticlePool | None = None  # made by the first big article (article_pool)
        # the widgets, typed (made in compose: an Input wants an active app)
        self.status_bar = StatusBar(id="status")
        self.progress = ProgressLine(id="progress")
        self.article_list = ArticleList(id="list")
        self.article_view = ArticleView(id="body")
        self.facts_panel = FactsPanel(id="panel")
        self.filter_bar = FilterBar(id="filters")
        self.sidebar_delta = 0  # cells the user added (>) or took (<) from the sidebar's width
        self.keyword_input: KeywordInput
        self.sidebar: Vertical

    @property
    def article_pool(self) -> ArticlePool:
        """The child process where big articles are read, parsed and extracted (started on demand:
        its module is not imported before the first paint)."""
        if self._article_pool is None:
            from ...index.article_pool import ArticlePool

            self._article_pool = ArticlePool()
        return self._article_pool

    @property
    def kfin_app(self) -> KfinApp:
        from ..app import KfinApp

        assert isinstance(self.app, KfinApp)
        return self.app

    # layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.keyword_input = KeywordInput(value=self.filters.keyword, placeholder="/ 关键词 keyword", id="keyword")
        self.sidebar = Vertical(self.keyword_input, self.filter_bar, self.progress, self.article_list, id="sidebar")
        self._update_panel_visibility(update=False)
        yield self.status_bar
        with Horizontal(id="main"):
            yield self.sidebar
            yield self.article_view
            yield self.facts_panel
        # (the footer is mounted after the first frame: _after_first_paint)

    def on_mount(self) -> None:
        self.article_list.focus()
        app = self.kfin_app
        # the reading state (issue 12: reading_state.py): where the reader was left, before the first rows
        self.start_reading_state(app.state, app.config.reader.read_after, restore=not app.start_filters.active)
        self._update_panel_visibility()
        # a warm start's first rows (the index's head snapshot: ~1 ms) are in the first frame; the
        # rest is loaded once it is out (the full snapshot is one long call holding the interpreter)
        if not self.filters.active and self.library.load_head():
            self._show_rows(list(self.library.rows))
        self._update_status()
        self.call_after_refresh(self._after_first_paint)
        # the extractor's warm-up (jieba, the company names: ~0.5 s of a busy interpreter) starts
        # once the list is up (on_loaded): started here it held the first paint back

    def _after_first_paint(self) -> None:
        self.load_library()
        # the footer's keys: a dozen widgets styled and laid out (~10 ms) the first frame can do without
        self.mount(KeyFooter())

    def on_unmount(self) -> None:
        self._stop.set()
        if self._article_pool is not None:
            self._article_pool.close()
        if self._gc_saved is not None:  # the collector as it was (the process may go on: tests)
            import gc

            gc.set_threshold(*self._gc_saved)
            gc.unfreeze()
            self._gc_saved = None

    def on_resize(self, event: events.Resize) -> None:
        self._update_panel_visibility(event.size.width)

    def _update_panel_visibility(self, width: int | None = None, update: bool = True) -> None:
        """The side panel and the sidebar for the screen's width. ``update=False``: the classes only,
        before the widgets are mounted (compose: styled once, not restyled by on_mount)."""
        width = self.app.size.width if width is None else width
        wide = width >= NARROW
        show = wide if self.panel_wanted is None else self.panel_wanted
        panel = self.facts_panel
        panel.set_class(not show, "hidden", update=update)
        panel.set_class(not wide, "overlay", update=update)
        panel.set_class(width < WIDE, "compact", update=update)
        self.sidebar.set_class(width < WIDE, "narrow", update=update)
        self.sidebar.set_class(show and not wide, "yielded", update=update)  # narrow: the panel takes the list's place
        if not update:
            return
        if self.sidebar_delta:
            self.sidebar.styles.width = self.sidebar_width(width)
        else:
            self.sidebar.styles.width = None  # app.tcss's width
        self.call_after_refresh(panel.fit_width)  # (the panel's share, once the sidebar has its width)
        if show and not wide and self.article_list.has_focus:
            self.call_after_refresh(panel.focus)  # (once shown; keys must not go to a list not on screen)

    def sidebar_width(self, width: int | None = None) -> int:
        """The sidebar's cells: app.tcss's for this screen width plus what < and > changed, kept
        between :data:`SIDEBAR_MIN` and :data:`SIDEBAR_SHARE` of the screen."""
        width = self.app.size.width if width is None else width
        base = SIDEBAR[1] if width < WIDE else SIDEBAR[0]
        top = max(SIDEBAR_MIN, int(width * SIDEBAR_SHARE))
        return max(SIDEBAR_MIN, min(top, base + self.sidebar_delta))

    def action_sidebar_width(self, step: int) -> None:
        """< / >: the sidebar narrower or wider by ``step`` cells (within its bounds)."""
        width = self.app.size.width
        base = SIDEBAR[1] if width < WIDE else SIDEBAR[0]
        self.sidebar_delta = self.sidebar_width(width) + step - base  # from the width shown (clamped)
        self.sidebar_delta = self.sidebar_width(width) - base  # and clamped again
        self._update_panel_visibility(width)

    def action_toggle_dense(self) -> None:
        """D: one line per article (time, title) or two (title; date · source)."""
        self.article_list.set_dense(not self.article_list.dense)

    # workers ----------------------------------------------------------------
    def _report(self, progress: JobProgress) -> None:
        self.post_message(Progress(progress))  # thread-safe; coalesced per phase

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        first = True
        for _batch in self.library.load(report=self._report, before_check=self._hold_check, places=True):
            if self._stop.is_set():
                return
            self.post_message(RowsArrived(first))
            first = False
        self.post_message(Loaded())
        from ...query import expand_terms  # noqa: F401 - (the first keyword's hits in the pane import it)

        if not self.library.bodies_pending:
            return
        # a cold archive was listed from its metadata: now read the texts (worker processes), so
        # that keyword search sees every article; results refresh as they come
        for _rows in self.library.complete(report=self._report, stop=self._stop):
            if self._stop.is_set():
                return
        if not self._stop.is_set():
            self.post_message(BodiesRead())

    def _hold_check(self, files: int) -> None:
        """(The loading worker, every cached row out.) The freshness check of a big folder (two
        helper processes: both cores for ~0.3 s at 100,000 files) and the first article (the
        parsers' imports) start once the list has been up :data:`CHECK_AFTER` and no keyword is
        being typed: a keyword typed as soon as the list shows gets the cores first."""
        if files < CHECK_HOLD_FILES:
            return
        deadline = time.monotonic() + CHECK_AFTER
        while (time.monotonic() < deadline or self._typing()) and not self._stop.is_set():
            time.sleep(0.02)
        if not self._stop.is_set():
            try:
                self.app.call_from_thread(self._article_may_open_now)
            except RuntimeError:  # the app is closing
                pass

    def request_select(self, filters: Filters) -> None:
        """Select in a worker; while one runs, the request waits and only the latest filters are
        searched when it is back (typing never queues a search per key)."""
        if self._selecting:
            self._select_again = True
            return
        self._selecting = True
        self.select(filters)

    @work(thread=True, exclusive=True, group="select", description="select")  # (not the repr of the
    # filters: a state filter holds the ids of every article read)
    def select(self, filters: Filters) -> None:
        self.post_message(Selected(filters, self.library.select(filters)))

    @work(thread=True, exclusive=True, group="extract-all")
    def extract_all(self) -> None:
        """Figures and companies of every article, cached in the index, for the company filter."""
        def report(progress: JobProgress) -> None:
            self._report(progress)
            time.sleep(BACKGROUND_PAUSE)  # leave the interpreter to the UI between small chunks
            # and all of it while a keyword is being typed and searched
            while self._typing() and not self._stop.is_set():
                time.sleep(0.02)

        try:
            done = self.library.extract_pending(report=report, stop=self._stop, chunk=4)
        except Exception as exc:  # noqa: BLE001 - the reader works without the company index
            if not self._stop.is_set():
                self.post_message(CompaniesIndexed(error=str(exc)))
            return
        if done and not self._stop.is_set():
            self.post_message(CompaniesIndexed())

    @work(thread=True, exclusive=True, group="article", description="open article")
    def open_article(self, row: Row) -> None:
        """Read and parse the article (a big file takes a while: never on the UI thread), then its
        figures and companies. Superseded when the cursor moves on. A big file is read, parsed and
        extracted in the child process (:mod:`kfin_tui.index.article_pool`): C code busy on it would
        hold the interpreter, and no key would be answered meanwhile."""
        worker = get_current_worker()
        if not self._article_read:
            # the first article brings the parsers in (~0.1–0.3 s of the interpreter): not while a
            # keyword is typed and searched
            while self._typing() and not (worker.is_cancelled or self._stop.is_set()):
                time.sleep(0.02)
            if worker.is_cancelled or self._stop.is_set():
                return
            self._article_read = True
        from ...index.article_pool import is_heavy

        if is_heavy(row.path) and self._open_heavy(row, lambda: worker.is_cancelled or self._stop.is_set()):
            return
        article = self.library.article(row.id)
        if worker.is_cancelled:
            return
        self.post_message(ArticleLoaded(row.id, article))
        if article is None:
            return
        # the extractor (~0.25 s of imports, even for a cached extraction) waits until the list is
        # complete: at start it held the interpreter while the rows were being built
        deadline = time.monotonic() + EXTRACT_AFTER_LOAD_MAX
        while (not self.loaded or self._typing()) and time.monotonic() < deadline:
            time.sleep(0.02)
            if worker.is_cancelled or self._stop.is_set():
                return
        if layout_cost(article) > SYNC_LAYOUT_CHARS:
            # a big article's extraction takes the interpreter for a while: only when the cursor
            # rests on it, not while it passes by
            time.sleep(HEAVY_EXTRACT_DELAY)
            if worker.is_cancelled:
                return
        try:
            extraction = self.library.extraction(row.id)
            if worker.is_cancelled:
                return
            if extraction is None:
                from ...extract import extract_article

                extraction = extract_article(article)
        except Exception as exc:  # noqa: BLE001 - one article's extraction must not take the reader down
            self.post_message(Extracted(row.id, error=str(exc)))
            return
        if extraction is not None and not worker.is_cancelled:
            mentions = body_mentions(extraction)  # here: not on the UI thread
            self.post_message(Extracted(row.id, extraction, mentions=mentions))
            return
        self.post_message(Extracted(row.id, extraction))

    def _open_heavy(self, row: Row, cancelled: Callable[[], bool]) -> bool:
        """A big article, through the child process (started by the first one). False: no child
        process could be started (the caller reads the file here, as before)."""
        self.post_message(ArticlePending(row.id))
        time.sleep(HEAVY_OPEN_DELAY)  # passing by a big article costs nothing
        if cancelled():
            return True
        from ...index.article_pool import ChildFailed, Superseded

        try:
            prepared = self.article_pool.prepare(row.path, str(self.library.root), cancelled=cancelled)
        except Superseded:
            return True
        except ChildFailed as exc:  # this file's error; the next article opens as usual
            self.post_message(ArticleLoaded(row.id, None, error=str(exc)))
            return True
        except OSError:
            return False
        self.post_message(ArticleLoaded(row.id, prepared.article))
        if prepared.article is None or cancelled():
            return True
        if prepared.extraction is None:
            self.post_message(Extracted(row.id, error=prepared.error or "extractor unavailable"))
            return True
        mentions = body_mentions(prepared.extraction)  # here, not on the UI thread: tens of thousands
        if not cancelled():
            self.post_message(Extracted(row.id, prepared.extraction, mentions=mentions))
        return True

    @work(thread=True, group="warmup")
    def warm_up_extractor(self) -> None:
        from ...extract import warm_up

        warm_up(pause=self._wait_while_typing)  # (its steps wait while a keyword is typed)
        if not self._stop.is_set():
            self.call_later(self._tune_collector)  # (post_message: thread-safe, never waits)

    # the garbage collector ---------------------------------------------------------
    def _tune_collector(self) -> None:
        """What is loaded by now (the rows, the dictionaries, the widgets) lives as long as the
        reader: frozen, the collector no longer goes through it. Its full pass (which also goes
        through every line laid out: Textual's strips are cyclic garbage) held a key for 60–300 ms
        every few keys, in the middle of one: it now runs, when due, in the first pause of the keys
        (:data:`GC_QUIET`: after the last key's work, before a held key's next repeat), never while
        a keyword is typed; the young generations are collected as before."""
        import gc

        if self._gc_saved is not None or self._stop.is_set():
            return
        if self._typing():  # the full pass (~0.1–0.15 s at 100k, on this thread) after the keys
            self.set_timer(QUIET_WHILE_TYPING, self._tune_collector)
            return
        gc.collect()
        gc.freeze()
        self._gc_saved = gc.get_threshold()
        gc.set_threshold(self._gc_saved[0], self._gc_saved[1], GC_MANUAL)
        self.set_interval(GC_QUIET, self._collect_when_idle)

    def _collect_when_idle(self) -> None:
        import gc

        if gc.get_count()[2] < GC_AFTER or self._typing():  # (due as the collector itself would be)
            return
        if time.monotonic() - self._last_input >= GC_QUIET:  # the last key's work is done
            gc.collect()

    def on_key(self, event: events.Key) -> None:
        """(Every key but those typed into the filter box: before the key's action runs.)"""
        now = time.monotonic()
        self._key_gap = now - self._last_input
        self._last_input = now

    # what the workers report -----------------------------------------------------
    def on_progress(self, message: Progress) -> None:
        progress = message.progress
        if progress.phase == Phase.LISTING and self.loaded:
            return  # a late count: the line has moved on
        self.progress.show(progress)
        if progress.phase == Phase.TEXTS:
            if progress.done == 0 or progress.finished:
                self._update_status()
            now = time.monotonic()
            if self.filters.keyword and now - self._last_partial_search > PARTIAL_RESEARCH:
                self._last_partial_search = now
                self._reselect()  # more texts are searchable now

    def on_rows_arrived(self, message: RowsArrived) -> None:
        self._rows_gen += 1
        now = time.monotonic()
        if message.first or not self.filters.active or now - self._last_select > RESELECT_WHILE_LOADING:
            self._last_select = now
            self._reselect()

    def on_loaded(self, message: Loaded) -> None:
        self.loaded = True
        self.progress.hide(Phase.LISTING)
        if self._selected_gen != self._rows_gen or self.library.bodies_pending:
            self._reselect()
        else:  # no row came since the last selection (a warm folder found unchanged): only what
            # "complete" changes — often in the middle of the first keyword typed after opening
            if not self.article_list.rows:
                self.article_list.empty_message = self._empty_message()
                self.article_list.refresh()
            self._update_status()
        self._article_may_open_now()
        if BACKGROUND_AFTER > 0:
            self.set_timer(BACKGROUND_AFTER, self._start_background)
        else:
            self.call_later(self._start_background)
        self._report_issues()

    def _typing(self) -> bool:
        """A keyword is being typed or searched: background work waits (it would slow the search)."""
        return self._selecting or time.monotonic() < self._quiet_until

    def _start_background(self) -> None:
        if self._stop.is_set():
            return
        if self._typing() and BACKGROUND_AFTER > 0:
            self.set_timer(QUIET_WHILE_TYPING, self._start_background)  # (not in the middle of the keys)
            return
        self.warm_up_extractor()
        if not self.library.bodies_pending:
            self.extract_all()  # else once the texts are read: one background job at a time

    def on_bodies_read(self, message: BodiesRead) -> None:
        # the line stays until the search that includes every text is back (on_selected)
        self.progress.updating()
        self._reselect()
        self.extract_all()

    def on_companies_indexed(self, message: CompaniesIndexed) -> None:
        self.progress.hide(Phase.EXTRACTING)
        if message.error:
            self.app.notify(f"公司索引失败 company index failed: {message.error}", severity="warning", markup=False)
        elif self.filters.company:
            self._reselect()  # more articles may name the company now

    def on_selected(self, message: Selected) -> None:
        self._selecting = False
        if self._select_again:
            self._select_again = False
            self._reselect()
        if message.filters != self.filters:
            return  # a newer query is on its way
        self.shown = message.filters
        self.partial = message.selection.partial
        if self.progress.stage == UPDATING and not self.library.bodies_pending:
            self.progress.hide(UPDATING)
        self._show_rows(message.selection.rows)
        pick, self._pick_when_shown = self._pick_when_shown, None
        if pick is not None and self.app.screen is self:  # (c or f was pressed while these were selected;
            pick()  # not over another screen opened since: the key is dropped)

    def on_extracted(self, message: Extracted) -> None:
        if self.current is None or message.row_id != self.current.id:
            return
        incoming = self._incoming
        if incoming is not None and incoming.row_id == message.row_id:
            incoming.extracted = message
            self._show_incoming()  # the article and its extraction together
            return
        self._apply_extraction(message)

    def _apply_extraction(self, message: Extracted, mentions: list[Any] | None = None) -> None:
        """The article's figures and companies: highlighted in the pane (unless ``mentions`` were
        given with the article already) and listed in the side panel."""
        if message.error:
            self.app.notify(f"提取失败 extraction failed: {message.error}", severity="error", markup=False)
            self.facts_panel.show_extraction(None)
            return
        self.extraction = message.extraction
        if mentions is None:
            mentions = message.mentions if message.mentions is not None else body_mentions(message.extraction)
            self.article_view.set_mentions(mentions)
        figures = message.extraction.figures
        if len(figures) > PANEL_FIGURES:  # the panel lists the first ones; the body highlights all
            self.app.notify(f"侧栏列出前 {PANEL_FIGURES} 个数字（共 {len(figures):,} 个）· the side panel lists "
                            f"the first {PANEL_FIGURES} of {len(figures):,} figures", timeout=4, markup=False)
            self.facts_panel.show_extraction(replace(message.extraction, figures=figures[:PANEL_FIGURES]))
            return
        self.facts_panel.show_extraction(message.extraction)

    def _report_issues(self) -> None:
        problem = summary(self.library.problems)
        if problem:  # the index is a cache: the reader works on, and says so once
            self.app.notify(f"索引问题 index: {problem}", severity="warning", timeout=6, markup=False)
        issues = self.library.issues
        errors = sum(1 for i in issues if not i.warning)
        if issues:
            msg = (f"{errors} 个文件无法读取" if errors else f"{len(issues)} 个文件有警告")
            self.app.notify(f"{msg} — 按 L 查看 (press L)", severity="warning" if errors else "information",
                            timeout=4, markup=False)

    # filters -----------------------------------------------------------------
    def _reselect(self) -> None:
        self._selected_gen = self._rows_gen
        if self.filters.active:
            self.request_select(self.filters)
        else:  # everything: no worker needed
            self.shown = self.filters
            self.partial = False
            if self.progress.stage == UPDATING and not self.library.bodies_pending:
                self.progress.hide(UPDATING)
            self._show_rows(list(self.library.rows))

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self._reselect()
        self._update_status()
        self.session_changed()

    def results_partial(self) -> bool:
        """Whether the list's results may still grow: the folder still being listed, texts of a cold
        build not all read (a keyword), extractions not all done (a company, the watchlist)."""
        f = self.filters
        return (not self.loaded or self.partial or bool(self.library.bodies_pending and f.keyword)
                or bool(self.status_note()))

    def _empty_message(self) -> str:
        """What the empty list says: never "no matches" while the results are partial; a category
        or company that names nothing in the folder is said, with the nearest names."""
        if not self.filters.active:
            return "读取中… loading" if not self.loaded else "没有文章 · no articles"
        partial = self.empty_message()  # partial company results: 提取中 n/N …
        if partial:
            return partial
        if self.results_partial():
            return "结果不完整 — 仍在读取，稍后再看 · results still coming"
        unknown = self.unknown_filter()
        if unknown:
            return unknown + " — 按 x 去除 · x removes it"
        return "没有匹配的文章 — 按 x 去除一个筛选，esc 全部清除 · no matches, esc clears"

    def unknown_filter(self) -> str:
        """A message when the category or the company names nothing in the folder (with the nearest
        names), else "" (they are known: nothing matches them with the other filters)."""
        from ...filters import category_matches
        from ...query import nearest

        rows = self.library.rows
        category = self.filters.category
        if category and not any(category_matches(r.categories, category) for r in rows):
            names = {c for r in rows for c in r.categories} | {"/".join(r.categories) for r in rows if r.categories}
            near = nearest(category, names)
            return f"没有分类「{category}」 no such category" + (f" · 最接近 nearest: {'、'.join(near)}" if near else "")
        company = self.filters.company
        if company:
            known = dict(self.company_names())
            if known and company not in known:
                near = nearest(company, known)
                return f"此文件夹没有提到「{company}」的文章" + (f" · 最接近 nearest: {'、'.join(near)}" if near else "")
        return ""

    def _show_rows(self, rows: list[Row]) -> None:
        view = self.article_list
        self._refilled = True  # (read by the Highlighted that set_rows posts)
        if not rows:
            view.empty_message = self._empty_message()
        keep = self.current or self._remember
        if not self.loaded and view.cursor == 0 and rows:
            keep = rows[0]  # while the list fills, the cursor stays on the newest article
        view.set_rows(rows, keep=keep)
        self.article_view.set_search(self.filters.keyword)  # the keyword's hits highlighted in the article
        if not rows:
            self._show(None)
        self.rows_shown()
        self._update_status()

    def _update_status(self) -> None:
        f = self.filters
        name = self.library.root.name or str(self.library.root)
        labels = [("关键词", f.keyword), ("分类", f.category), ("公司", f.company)]
        note = ""
        if f.keyword and (self.shown is None or self.shown.keyword != f.keyword):
            note = "搜索中…"  # the list below still shows the previous results
        elif self.status_note():
            note = self.status_note()  # 提取中 n/N: the company results are partial
        elif f.active and (self.partial or (self.library.bodies_pending and f.keyword)):
            note = "索引中 结果不完整"  # partial: texts still being read (short: 80 columns)
        note = " · ".join(p for p in (note, self.article_view.hit_status) if p)  # 命中 i/N
        self.filter_bar.show(self.active_filters())
        self.status_bar.show("corpus" if name == "_corpus" else name,  # the bundled corpus
                             [(label, value) for label, value in labels if value] + self.state_labels(), note,
                             len(self.article_list.rows), len(self.library.rows), self.unread_count)

    @on(Input.Changed, "#keyword")
    def _keyword_changed(self, event: Input.Changed) -> None:
        self.filters = replace(self.filters, keyword=event.value.strip())
        self._quiet_until = time.monotonic() + QUIET_WHILE_TYPING
        if self._debounce is not None:
            self._debounce.stop()
        wait = DEBOUNCE if len(self.filters.keyword) != 1 else max(DEBOUNCE, DEBOUNCE_ONE_CHAR)
        self._debounce = self.set_timer(wait, self._reselect)
        self._update_status()
        self.session_changed()

    @on(Input.Submitted, "#keyword")
    def _keyword_submitted(self) -> None:
        self.set_focus(self.article_list)  # (now: .focus() waits for the next message)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted (or typed faster than the terminal reports keys) outside an input searches."""
        text = " ".join(event.text.split())
        if not text:
            return
        if text.startswith("/"):
            text = text[1:]
        keyword = self.keyword_input
        self.set_focus(keyword)
        keyword.value = (keyword.value + text) if keyword.value else text
        keyword.cursor_position = len(keyword.value)

    def set_keyword(self, keyword: str) -> None:
        self.keyword_input.value = keyword  # fires Changed → search

    def set_category(self, category: str | None) -> None:
        self.set_filters(replace(self.filters, category=category or ""))

    def toggle_category(self, category: str) -> None:
        """A category picked: the filter, or off when it is the one already set (ticked)."""
        self.set_category("" if category == self.filters.category else category)

    def toggle_company(self, company: str) -> None:
        """A company picked: the filter, or off when it is the one already set (ticked)."""
        self.set_company("" if canonical_company(company) == self.filters.company else company)

    # the filter bar ------------------------------------------------------------------
    def active_filters(self) -> list[tuple[str, str]]:
        """(kind, value) of each filter set, as the filter bar shows them."""
        from .reading_state import state_filters

        f = self.filters
        chips = [(kind, value) for kind, value in (("keyword", f.keyword), ("category", f.category),
                                                    ("company", f.company)) if value]
        kinds = state_filters(f)
        return chips + [(kind, "") for kind in ("unread", "starred", "watched") if kind in kinds]

    def remove_filter(self, kind: str) -> None:
        """Remove one filter, the others stay."""
        if kind == "keyword":
            self.keyword_input.value = ""  # fires Changed → search
        elif kind in ("category", "company"):
            self.set_filters(self.filters.without(kind))
        elif kind in ("unread", "starred", "watched"):
            self._toggle_state_filter(kind)

    @on(FilterBar.Remove)
    def _chip_removed(self, event: FilterBar.Remove) -> None:
        self.remove_filter(event.kind)

    def action_remove_filter(self) -> None:
        """x: the only filter goes at once; with several, a picker says which."""
        chips = self.active_filters()
        if not chips:
            self.app.notify("没有筛选 · no filter set", timeout=2)
            return
        if len(chips) == 1:
            self.remove_filter(chips[0][0])
            return
        from ..widgets.filter_bar import LABELS
        from .picker import ChoicePicker

        labels = {f"{LABELS[k]}: {v}" if v else LABELS[k]: k for k, v in chips}
        picker = ChoicePicker("去除筛选 · remove a filter", list(labels))
        self.app.push_screen(picker, lambda value: self.remove_filter(labels[value]) if value in labels else None)

    def set_company(self, company: str | None) -> None:
        self.set_filters(replace(self.filters, company=canonical_company(company or "")))

    def company_names(self) -> list[tuple[str, int]]:
        return self.library.company_names()

    def category_counts(self) -> tuple[list[tuple[str, int]], bool]:
        """(category, articles) among the articles the keyword and company filters leave, most
        first, and whether those filters narrowed them (the current category stays listed)."""
        others = Filters(keyword=self.filters.keyword, company=self.filters.company, category=self.filters.category)
        counts = self.library.category_counts(others)
        return list(counts.items()), bool(others.without("category").active)

    # article display -----------------------------------------------------------
    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        now = self.article_list.current_row
        if event.row is not None and now is not None and now.id != event.row.id:
            return  # a stale message: the cursor was moved again (restored, revealed) since it was posted
        # a key that came within PANE_HOLD of the one before (a held key) moves the list alone: the
        # pane follows when the keys pause (a list refilled by a search or the loading follows at once)
        held = self._key_gap < PANE_HOLD and time.monotonic() - self._last_input < PANE_HOLD
        refilled, self._refilled = self._refilled, False
        self._show(event.row, follow_later=held, after_frame=refilled)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self._follow()  # (a pane still to follow the cursor: now)
        self.set_focus(self.article_view)

    def _show(self, row: Row | None, follow_later: bool = False, after_frame: bool = False) -> None:
        """The article under the cursor: the session's current article at once; the reading pane and
        the side panel now, or (``follow_later``: the cursor moving on, one key after another) once
        the keys pause for :data:`PANE_HOLD`, or (``after_frame``: the list refilled by a search)
        once the list and its count are drawn — the article's worker would take the interpreter
        from that frame."""
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        self._pane_due = None
        if row is None or self.current is None or row.id != self.current.id:
            self.current = row
            self.article_shown(row)  # the read-after dwell (reading_state.py)
            if row is not None:
                self._remember = row
            self.extraction = None
        if row is not None and self._pane_row == row.id:
            return  # the pane shows it already (or is preparing it)
        if follow_later:
            self._follow_timer = self.set_timer(PANE_HOLD, self._follow)
            return
        if after_frame and row is not None:
            self._pane_due = row.id
            self.call_after_refresh(self._open_due)
            return
        self._open(row)

    def _open_due(self) -> None:
        due, self._pane_due = self._pane_due, None
        if due is not None and self.current is not None and self.current.id == due and self._pane_row != due:
            self._open(self.current)

    def _follow(self) -> None:
        """The pane catches up with the cursor (the keys paused)."""
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
            self._open(self.current)

    def _open(self, row: Row | None) -> None:
        self._pane_row = row.id if row is not None else None
        self._incoming = None
        if self._incoming_timer is not None:
            self._incoming_timer.stop()
            self._incoming_timer = None
        if row is None:
            self.article_view.show(None, placeholder="没有可显示的文章 · nothing to show" if self.filters.active
                                   else "这个文件夹没有文章 · no articles in this folder"
                                   if self.loaded and not self.library.rows else "选择一篇文章 · select an article")
            self.facts_panel.show_extraction(None)
            return
        if not self.loaded and not self._article_may_open:
            # the first article is read once the list is complete (or ARTICLE_WAIT has passed: a cold
            # folder is listed for long): reading and parsing it (the parsers' imports) would hold
            # the interpreter while the list is loaded and painted
            self._pane_row = None
            if self._article_timer is None:
                self._article_timer = self.set_timer(ARTICLE_WAIT, self._article_may_open_now)
            return
        self.open_article(row)  # the pane changes when the article is read (on_article_loaded)

    def _article_may_open_now(self) -> None:
        if self._article_timer is not None:
            self._article_timer.stop()
            self._article_timer = None
        if self._typing() and not self._article_may_open:
            # a keyword is being typed (the list arrived in the middle of it): the first article
            # (its parsers' imports: ~0.1 s of the interpreter) waits for the keys to pause
            self._article_timer = self.set_timer(QUIET_WHILE_TYPING, self._article_may_open_now)
            return
        self._article_may_open = True
        if self.current is not None and self._pane_row != self.current.id and self._follow_timer is None:
            self._open(self.current)

    def on_article_pending(self, message: ArticlePending) -> None:
        if self.current is not None and message.row_id == self.current.id:
            self.article_view.show(None, placeholder="读取中… loading (a big file)")
            self.facts_panel.show_extraction(None, pending=True)

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if self.current is None or message.row_id != self.current.id:
            return
        # shown with its extraction when that comes within EXTRACTION_WAIT (cached: a few ms): the
        # pane and the panel change in one frame and the article is laid out once, not twice
        if self._incoming_timer is not None:
            self._incoming_timer.stop()
        self._incoming = _Incoming(message.row_id, message.article, message.error)
        if message.article is None:
            self._show_incoming()
            return
        self._incoming_timer = self.set_timer(EXTRACTION_WAIT, self._show_incoming)

    def _show_incoming(self) -> None:
        if self._incoming_timer is not None:
            self._incoming_timer.stop()
            self._incoming_timer = None
        incoming, self._incoming = self._incoming, None
        if incoming is None or self.current is None or incoming.row_id != self.current.id:
            return
        placeholder = "" if incoming.article is not None else (
            f"无法读取 · could not be read: {one_line(incoming.error)}" if incoming.error
            else "无法读取 · could not be read (L)")
        extracted = incoming.extracted
        mentions = None
        if extracted is not None and not extracted.error:
            mentions = extracted.mentions if extracted.mentions is not None else body_mentions(extracted.extraction)
        self.article_view.show(incoming.article, mentions=mentions, placeholder=placeholder)
        if incoming.article is None:
            self.facts_panel.show_extraction(None)
        elif extracted is not None:
            self._apply_extraction(extracted, mentions)
        else:
            self.facts_panel.show_extraction(None, pending=True)

    @on(FactsPanel.MentionSelected)
    def _mention_selected(self, event: FactsPanel.MentionSelected) -> None:
        self.article_view.jump_to(event.mention)  # (the body is beside the panel at every width)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.article_list and self.sidebar.has_class("yielded"):
            self.panel_wanted = False  # narrow: back to the list, the panel gives its place back
            self._update_panel_visibility()

    def on_article_view_hits_changed(self, message: ArticleView.HitsChanged) -> None:
        self._update_status()  # 命中 i/N

    # actions ----------------------------------------------------------------------
    def action_focus_keyword(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.insert_text_at_cursor("/")  # "/" is a priority key: still type it in inputs
            return
        # set_focus (not .focus(), which is deferred): keys typed right after "/" must land in the input
        self.set_focus(self.keyword_input)

    def category_tree(self) -> tuple[list[tuple[tuple[str, ...], int]], bool]:
        """Every category path and its leading parts with the articles under it, among the articles
        the other filters leave, and whether those filters narrowed them."""
        from ...filters import count_category_paths

        others = self.filters.without("category")
        rows = self.library.select(others).rows if others.active else self.library.rows
        return count_category_paths(rows), others.active

    def _until_shown(self, facet: str, pick: Callable[[], None]) -> bool:
        """True (and ``pick`` kept for :meth:`on_selected`) while the articles the filters other than
        ``facet`` leave are still being selected (a filter restored at start, before the search index
        is open): a picker scoped to them opens with them, not with none."""
        waiting = self.filters.without(facet).active and self.shown != self.filters
        self._pick_when_shown = pick if waiting else None
        return waiting

    def action_pick_category(self) -> None:
        from .picker import CategoryTreePicker

        if self._until_shown("category", self.action_pick_category):
            return
        tree, narrowed = self.category_tree()
        title = "分类 · category" + ("（当前筛选内）" if narrowed else "")
        self.app.push_screen(CategoryTreePicker(title, tree, self.filters.category),
                             self._picked(self.toggle_category))

    def company_scope(self) -> CountCompanies | None:
        """For the company picker: counting the companies of the articles the other filters leave
        (the list, but for the company filter itself), in the picker's worker; None when no other
        filter narrows the list. The list's own rows when it shows just those filters' results,
        else they are selected there (a search just typed, a company filter set)."""
        from ...filters import count_companies

        others = self.filters.without("company")
        if not others.active:
            return None
        library = self.library
        listed = list(self.article_list.rows) if self.shown == others and self.filters == others else None

        def count(stopped: Callable[[], bool]) -> tuple[list[tuple[str, int]], int] | None:
            rows = listed if listed is not None else library.select(others).rows
            counts = count_companies((r.id for r in rows), library.companies_for, stopped)
            return None if counts is None else (counts, len(rows))

        return count

    def action_company_filter(self) -> None:
        if self.facts_panel.has_focus:
            name = self.facts_panel.company_under_cursor()
            if name:
                self.set_company(name)
                return
        if self._until_shown("company", self._open_company_picker):
            return
        self._open_company_picker()

    def _open_company_picker(self) -> None:
        # partial-aware, ctrl+d; within the other filters while they are set (replayed by on_selected as the
        # picker alone: f asked for it, whatever has focus by then)
        self.app.push_screen(self.company_picker(scoped=True), self._picked(self.toggle_company))

    @staticmethod
    def _picked(apply: Callable[[str], None]) -> Callable[[str | None], None]:
        def done(value: str | None) -> None:
            if value is not None:  # None: cancelled, the filter stays as it was
                apply(value)

        return done

    def action_toggle_panel(self) -> None:
        panel = self.facts_panel
        self.panel_wanted = panel.has_class("hidden")
        self._update_panel_visibility()
        self.session_changed()
        if not self.panel_wanted and panel.has_focus:
            self.article_list.focus()

    def action_next_mention(self) -> None:
        """n: the next keyword hit while a keyword is set and the article has some, else the next
        highlighted figure or company."""
        view = self.article_view
        if view.hits.body:
            view.next_hit(1)
        else:
            view.next_mention(1)

    def action_previous_mention(self) -> None:
        view = self.article_view
        if view.hits.body:
            view.next_hit(-1)
        else:
            view.next_mention(-1)

    def action_clear_filters(self) -> None:
        """escape: in the keyword box, clear it and go back to the list; in the reading pane or the
        side panel, go back to the list; in the list, clear every filter."""
        focused, article_list = self.focused, self.article_list
        if focused is self.keyword_input:
            self.keyword_input.value = ""
            self.set_focus(article_list)
            return
        if focused is not article_list and focused is not None:
            if focused is self.facts_panel and self.facts_panel.has_class("overlay"):
                self.panel_wanted = False
                self._update_panel_visibility()
            self.set_focus(article_list)
            return
        self.action_clear_all()
        self.set_focus(article_list)

    def action_clear_all(self) -> None:
        with self.prevent(Input.Changed):
            self.keyword_input.value = ""
        self.set_filters(Filters())

    def action_load_issues(self) -> None:
        from .issues import LoadIssuesScreen  # (its DataTable: not needed before the first paint)

        self.app.clear_notifications()
        self.app.push_screen(LoadIssuesScreen(self.library.issues, root=Path(self.library.root)))

    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.article_list, self.article_view]
        if not self.facts_panel.has_class("hidden"):
            panes.append(self.facts_panel)
        return panes

    def _cycle(self, step: int) -> None:
        panes = self._panes()
        focused = self.focused
        index = panes.index(focused) if focused in panes else -1
        panes[(index + step) % len(panes)].focus()

    def action_focus_next_pane(self) -> None:
        self._cycle(1)

    def action_focus_previous_pane(self) -> None:
        self._cycle(-1)
