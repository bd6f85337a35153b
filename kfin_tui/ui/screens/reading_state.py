"""The reader's reading state, watchlist and dossier (issue 12): the base class of
:class:`~kfin_tui.ui.screens.reader.ReaderScreen`, kept apart from the layout and the filters.

* Read marks: an article shown for ``reader.read_after`` seconds (the config) is marked read;
  ``u`` toggles it, ``s`` stars it. Unread titles are bold, read ones dim, starred ones carry ★.
  The status bar says how many are unread. ``space`` at the end of an article goes to the next
  unread one (newsboat's habit).
* List filters on the reading state: ``H`` hides read articles, ``S`` keeps the starred ones, ``V``
  the ones naming a watched company. They are :class:`StateFilter` predicates in the filters'
  ``where`` (a snapshot of the ids, taken when the filter is set: an article read meanwhile stays
  in the list until the filters change, as in newsboat).
* Watchlist: ``w`` on a company in the side panel adds or removes it (the config file, through
  :mod:`kfin_tui.state.watchlist`); ``W`` lists the watched companies with their unread articles;
  articles naming one carry ◆.
* Dossier: ``d`` (side panel, company filter, picker, palette) opens :class:`DossierScreen`;
  ``enter`` there opens the article here.
* Where the reader was left (per folder: the filters, the selected article, the side panel) is
  saved on quit and, cheaply, a moment after each change; restored on start unless a filter was
  given on the command line.
* The company features tell the truth: while the archive is being extracted the company filter,
  the pickers, the watchlist and the dossier say ``提取中 n/N`` and refresh as results come in.

The state core (:mod:`kfin_tui.state`) never raises on a database problem: its one-line
``store.error`` is said once in a notification and the reader goes on.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from ...config import ConfigError, load_config
from ...filters import Filters
from ...index.progress import Phase
from ...state import archive
from ...state.reading import ArchiveState
from ...state.store import ReaderSession, StateStore
from ..bindings import READING_STATE
from ..messages import CompaniesIndexed, Loaded, Progress, StateRefreshed, WatchRefreshed
from ..widgets.article_view import ArticleView

if TYPE_CHECKING:
    from ...index import Library, Row
    from ..widgets.article_list import ArticleList
    from ..widgets.facts_panel import FactsPanel
    from ..widgets.keyword_input import KeywordInput
    from .picker import CountCompanies, PickerScreen

SAVE_AFTER = 1.0  # seconds after a change before the session is saved (one small transaction)
REFRESH_WHILE_EXTRACTING = 2.0  # seconds between refreshes of company results while extracting

UNREAD, STARRED, WATCHED = "unread", "starred", "watched"
STATE_LABELS = {UNREAD: "仅未读", STARRED: "仅星标", WATCHED: "仅关注"}


@dataclass(frozen=True)
class StateFilter:
    """A ``Filters.where`` predicate on the reading state: ``unread`` keeps the rows not in
    ``ids`` (the read ones when it was set), ``starred``/``watched`` keep the rows in ``ids``.
    Immutable and hashable; safe in the select worker (a snapshot, never the live sets)."""

    kind: str
    ids: frozenset[int]

    def __call__(self, row: Any) -> bool:
        return (row.id not in self.ids) if self.kind == UNREAD else (row.id in self.ids)


def state_filters(filters: Filters) -> dict[str, StateFilter]:
    return {p.kind: p for p in filters.where if isinstance(p, StateFilter)}


class ReadingStateScreen(Screen[None]):
    """What the reader screen adds for the reading state. The reader sets ``library``, ``filters``,
    the widgets, ``current`` and ``panel_wanted``, and implements the methods stubbed here."""

    BINDINGS = READING_STATE

    if TYPE_CHECKING:  # provided by ReaderScreen
        library: Library
        filters: Filters
        current: Row | None
        panel_wanted: bool | None
        loaded: bool
        article_list: ArticleList
        article_view: ArticleView
        facts_panel: FactsPanel
        keyword_input: KeywordInput

        def set_filters(self, filters: Filters) -> None: ...
        def set_company(self, company: str | None) -> None: ...
        def company_names(self) -> list[tuple[str, int]]: ...
        def company_scope(self) -> CountCompanies | None: ...
        def _reselect(self) -> None: ...
        def _show(self, row: Row | None) -> None: ...
        def _update_status(self) -> None: ...
        def _update_panel_visibility(self, width: int | None = None, update: bool = True) -> None: ...
        def _typing(self) -> bool: ...

        _stop: threading.Event

    def __init__(self) -> None:
        super().__init__()
        self.store: StateStore | None = None
        self.reading: ArchiveState | None = None
        self.state_ready = False  # the marks are joined to the rows (after the first refresh)
        self.read_after = 1.5
        self.watch_names: list[str] = []
        self.watched: frozenset[int] = frozenset()
        self.extracted: tuple[int, int] | None = None  # (articles extracted, articles); None: not known
        self._extract_base: int | None = None
        self._session: ReaderSession | None = None
        self._restore_key: tuple[str, str] | None = None
        self._restored = False
        self._reopened: int | None = None  # the row the session reopened, until it is shown
        self._dwell: Timer | None = None
        self._save_timer: Timer | None = None
        self._said_errors: set[str] = set()
        self._last_extract_refresh = 0.0
        self._reveal: int | None = None
        self._reveal_focus = True  # an article asked for by hand takes the focus; a restored one does not

    # start and stop -------------------------------------------------------------------------
    def start_reading_state(self, store: StateStore | None, read_after: float, restore: bool) -> None:
        """Called by the reader's ``on_mount`` before the first rows: open the archive's state,
        restore the session (``restore``: the filters too — False when the command line gave a
        filter) and say a state problem once."""
        self.read_after = max(0.0, read_after)
        if store is None:
            return
        self.store = store
        self.reading = ArchiveState(self.library, store)
        self._check_state_error()
        session = store.load_session(self.library.root)
        self._session = session
        if session is None:
            return
        if session.panel is not None:
            self.panel_wanted = session.panel
            self._update_panel_visibility()
        if session.selected:
            self._restore_key = (session.selected, session.selected_hash)
        if restore:
            f = session.filters
            self.filters = replace(self.filters, keyword=str(f.get("keyword") or "").strip(),
                                   category=str(f.get("category") or ""), company=str(f.get("company") or ""))
            with self.prevent(Input.Changed):
                self.keyword_input.value = self.filters.keyword
            # the state filters need the marks: set once the state is joined (on_state_refreshed)

    def save_session(self) -> None:
        """Where the reader is: the filters, the selected article, the side panel (on quit, and
        a moment after a change)."""
        if self.store is None or self.reading is None:
            return
        kinds = state_filters(self.filters)
        session = ReaderSession(filters={"keyword": self.filters.keyword, "category": self.filters.category,
                                         "company": self.filters.company},
                                panel=self._panel_choice(), hide_read=UNREAD in kinds, starred_only=STARRED in kinds,
                                watch_only=WATCHED in kinds)
        if not self.state_ready and self._session is not None:
            # the state is not joined yet: keep what was saved rather than forget it
            session.hide_read = self._session.hide_read
            session.starred_only = self._session.starred_only
            session.watch_only = self._session.watch_only
        row = self.current
        ident = self.reading.identity(row.id) if row is not None else None
        if ident is not None:
            session.selected, session.selected_hash = ident.key, ident.hash
        elif self._restore_key is not None and not self._restored:
            session.selected, session.selected_hash = self._restore_key
        self.store.save_session(self.library.root, session)
        self._check_state_error()

    def _panel_choice(self) -> bool | None:
        """The side panel's visibility when chosen against the terminal's default (wide: shown,
        narrow: hidden), else None — the next start follows its own terminal's width."""
        wanted = self.panel_wanted
        if wanted is None:
            return None
        default_shown = not self.facts_panel.has_class("overlay")
        return None if wanted == default_shown else wanted

    def session_changed(self) -> None:
        """Save the session a moment after the last change (the filters, the article, the panel)."""
        if self.store is None:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_AFTER, self.save_session)

    def _check_state_error(self) -> None:
        error = self.store.error if self.store is not None else None
        if error and error not in self._said_errors:
            self._said_errors.add(error)
            self.app.notify(error, severity="warning", timeout=8, markup=False)

    # workers ----------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="reading-state")
    def refresh_state(self) -> None:
        """Join the marks to every row (identities cached in the cache folder), then the watchlist.
        Not while a keyword is typed or searched: the join holds the interpreter for ~0.3 s at
        100,000 rows (a Python loop, and one long ``marshal.loads`` of the stats), and the list
        arriving (Loaded) often falls in the first keyword typed after opening."""
        reading = self.reading
        if reading is None:
            return
        while self._typing() and not self._stop.is_set():
            time.sleep(0.02)
        if self._stop.is_set():
            return
        try:
            reading.refresh(pause=self._wait_while_typing)
        except Exception as exc:  # noqa: BLE001 - without marks the reader still reads
            self.app.call_from_thread(self.app.notify, f"阅读状态 reading state: {exc}", severity="warning",
                                      markup=False)
            return
        restore = None
        if self._restore_key is not None and not self._restored:
            restore = reading.row_of(*self._restore_key)
        self.post_message(StateRefreshed(restore))
        self._watch_worker_body()

    def _wait_while_typing(self) -> None:
        """(A background worker, between two steps.) Wait while a keyword is typed or searched:
        its search gets the interpreter to itself."""
        while self._typing() and not self._stop.is_set():
            time.sleep(0.02)

    @work(thread=True, exclusive=True, group="watch")
    def refresh_watch(self) -> None:
        self._watch_worker_body()

    def _watch_worker_body(self) -> None:
        from ...state import watchlist as watch

        try:
            names = watch.watched(load_config())
        except ConfigError:
            names = list(self.watch_names)
        except Exception:  # noqa: BLE001 - the dictionary failed to load: names as written
            names = list(self.watch_names)
        try:
            ids = frozenset(watch.watched_ids(self.library, names=names)) if names else frozenset()
            done, total = archive.extraction_progress(self.library)
        except Exception:  # noqa: BLE001 - an index problem: the library reports it itself
            return
        self.post_message(WatchRefreshed(names, ids, done, total))

    # what the workers report ------------------------------------------------------------------
    # (handlers under their own names, with @on: the reader has on_loaded, on_progress … of its own,
    # and Textual calls both)
    @on(Loaded)
    def _state_on_loaded(self) -> None:
        """Every row is listed: join the reading state to them (a worker)."""
        self.refresh_state()

    def on_state_refreshed(self, message: StateRefreshed) -> None:
        self.state_ready = True
        self._check_state_error()
        session = self._session
        if session is not None and not self._restored and self._restore_filters_too():
            where = list(self.filters.where)
            if session.hide_read:
                where.append(self._snapshot(UNREAD))
            if session.starred_only:
                where.append(self._snapshot(STARRED))
            if session.watch_only:
                where.append(StateFilter(WATCHED, self.watched))  # refreshed when the watch ids come
            if where:
                self.set_filters(replace(self.filters, where=tuple(where)))
        if message.restore is not None and not self._restored:
            self._reopened = message.restore
            current, reading = self.current, self.reading
            if current is not None and current.id == message.restore and reading is not None:
                self._reopened = None  # shown already, its dwell begun before the marks were known
                mark = reading.mark(current.id)
                if mark is not None and not mark.read and self._dwell is not None:
                    self._dwell.stop()
                    self._dwell = None
            self.reveal(message.restore, focus=False)
        self._restored = True
        self.sync_marks()

    def _restore_filters_too(self) -> bool:
        return not getattr(self.app, "start_filters", Filters()).active

    def on_watch_refreshed(self, message: WatchRefreshed) -> None:
        self.watch_names = message.names
        changed = message.ids != self.watched
        self.watched = message.ids
        self.extracted = (message.extracted, message.total)
        self.article_list.watched_ids = self.watched
        self.article_list.refresh()
        kinds = state_filters(self.filters)
        if WATCHED in kinds and changed:
            self._replace_state_filter(StateFilter(WATCHED, self.watched))
        self._update_status()

    @on(Progress)
    def _state_on_progress(self, message: Progress) -> None:
        """The background extraction advanced: company results may grow (throttled refresh)."""
        progress = message.progress
        if progress.phase != Phase.EXTRACTING or progress.total is None:
            return
        rows = len(self.library.rows)
        if self._extract_base is None:
            self._extract_base = max(0, rows - progress.total)
        self.extracted = (min(rows, self._extract_base + progress.done), rows)
        now = time.monotonic()
        if now - self._last_extract_refresh > REFRESH_WHILE_EXTRACTING or progress.finished:
            self._last_extract_refresh = now
            if self.watch_names:
                self.refresh_watch()
            if self.filters.company and not progress.finished:
                self._reselect()
        self._update_status()

    @on(CompaniesIndexed)
    def _state_on_companies_indexed(self, message: CompaniesIndexed) -> None:
        self._extract_base = None  # a later extraction (new articles) counts from its own start
        if not message.error:
            rows = len(self.library.rows)
            self.extracted = (rows, rows)
        if self.watch_names:
            self.refresh_watch()
        self._update_status()

    # painting ---------------------------------------------------------------------------------
    def sync_marks(self) -> None:
        """The list's marks and the unread count from the state (after a change or a refresh)."""
        reading = self.reading
        if reading is None or not self.state_ready:
            return
        lst = self.article_list
        lst.read_ids = reading.read_ids()
        lst.starred_ids = reading.starred_ids()
        lst.watched_ids = self.watched
        lst.refresh()
        self._update_status()

    @property
    def unread_count(self) -> int | None:
        if self.reading is None or not self.state_ready:
            return None
        read = self.article_list.read_ids or set()
        return max(0, len(self.library.rows) - len(read))

    def extraction_note(self) -> str:
        """``提取中 n/N`` while the archive is not fully extracted (company results are partial)."""
        if self.extracted is None:
            return ""
        done, total = self.extracted
        total = max(total, len(self.library.rows))  # rows listed since it was known: not extracted yet
        return f"提取中 {done}/{total}" if done < total else ""

    def state_labels(self) -> list[tuple[str, str]]:
        """The reading-state filters for the status bar (labels alone)."""
        kinds = state_filters(self.filters)
        return [(STATE_LABELS[k], "") for k in (UNREAD, STARRED, WATCHED) if k in kinds]

    def status_note(self) -> str:
        """What the status bar says about partial company results (the company or watched filter)."""
        if self.filters.company or WATCHED in state_filters(self.filters):
            note = self.extraction_note()
            return f"{note} 结果不完整" if note else ""
        return ""

    def empty_message(self) -> str:
        """The empty list's words while company results are partial: never "no matches" then."""
        note = self.status_note()
        return f"{note} — 稍后再看 · still extracting, more may match" if note else ""

    # the article shown ------------------------------------------------------------------------
    def article_shown(self, row: Row | None) -> None:
        """The reader shows ``row``: after the dwell it counts as read."""
        if self._dwell is not None:
            self._dwell.stop()
            self._dwell = None
        self.session_changed()
        if row is None or self.reading is None:
            return
        read = self.article_list.read_ids
        if read is not None and row.id in read:
            return
        rid = row.id
        reopened, self._reopened = self._reopened, None
        if rid == reopened or self._is_restore_target(rid):
            mark = self.reading.mark(rid)  # (before the state is joined too: read from the store)
            if mark is not None and not mark.read:
                return  # marked unread by hand, then the reader left on it: reopening is no reading
        self._dwell = self.set_timer(self.read_after, lambda: self._dwell_over(rid))

    def _is_restore_target(self, row_id: int) -> bool:
        """Whether ``row_id`` is the article the saved session reopens on, while the state is
        not joined yet (the first row may be shown before then)."""
        if self._restored or self._restore_key is None or self.reading is None:
            return False
        ident = self.reading.identity(row_id)
        return ident is not None and ident.key == self._restore_key[0]

    def _dwell_over(self, row_id: int) -> None:
        self._dwell = None
        if self.current is not None and self.current.id == row_id and self.reading is not None:
            self.reading.set_read(row_id, True)
            self._after_change()

    def _after_change(self) -> None:
        self._check_state_error()
        if self.state_ready:
            self.sync_marks()
        else:  # the marks of the rows not joined yet are unknown: show what is known
            reading = self.reading
            if reading is not None:
                self.article_list.starred_ids = reading.starred_ids()
                self.article_list.refresh()

    # keys -------------------------------------------------------------------------------------
    def action_toggle_read(self) -> None:
        row, reading = self.current, self.reading
        if row is None or reading is None:
            return
        if self._dwell is not None:  # a choice made by hand: the dwell does not undo it
            self._dwell.stop()
            self._dwell = None
        reading.toggle_read(row.id)  # the list shows it: bold (unread) or dim (read)
        self._after_change()

    def action_toggle_star(self) -> None:
        row, reading = self.current, self.reading
        if row is None or reading is None:
            return
        reading.toggle_starred(row.id)  # the list shows it: ★
        self._after_change()

    def _snapshot(self, kind: str) -> StateFilter:
        reading = self.reading
        if kind == UNREAD:
            return StateFilter(UNREAD, frozenset(reading.read_ids() if reading else ()))
        if kind == STARRED:
            return StateFilter(STARRED, frozenset(reading.starred_ids() if reading else ()))
        return StateFilter(WATCHED, self.watched)

    def _toggle_state_filter(self, kind: str) -> None:
        kinds = state_filters(self.filters)
        where = tuple(p for p in self.filters.where if not (isinstance(p, StateFilter) and p.kind == kind))
        if kind not in kinds:
            where += (self._snapshot(kind),)
        self.set_filters(replace(self.filters, where=where))
        self.session_changed()

    def _replace_state_filter(self, new: StateFilter) -> None:
        where = tuple(new if isinstance(p, StateFilter) and p.kind == new.kind else p for p in self.filters.where)
        self.set_filters(replace(self.filters, where=where))

    def action_hide_read(self) -> None:
        if self.reading is None:
            return
        self._toggle_state_filter(UNREAD)

    def action_starred_only(self) -> None:
        if self.reading is None:
            return
        self._toggle_state_filter(STARRED)

    def action_watched_only(self) -> None:
        if not self.watch_names and WATCHED not in state_filters(self.filters):
            self.app.notify("关注列表为空：在侧栏公司上按 w · the watchlist is empty: w on a company in the side panel",
                            severity="warning", timeout=4)
            return
        self._toggle_state_filter(WATCHED)

    def panel_company(self) -> str | None:
        """The company under the cursor in the side panel, when the panel has focus."""
        if self.facts_panel.has_focus:
            return self.facts_panel.company_under_cursor()
        return None

    def action_toggle_watch(self) -> None:
        from ...state import watchlist as watch  # (the first screen does without it)

        name = self.panel_company()
        if not name:
            self.app.notify("在侧栏的公司上按 w · w works on a company in the side panel (tab to it)", timeout=3)
            return
        try:
            now = watch.toggle(name)
        except ConfigError as exc:
            self.app.notify(f"关注列表未改 watchlist unchanged: {exc}", severity="error", timeout=8, markup=False)
            return
        except (OSError, ValueError) as exc:
            self.app.notify(f"关注列表未改 watchlist unchanged: {exc}", severity="error", timeout=8, markup=False)
            return
        shown = watch.resolve(name).name
        self.app.notify(f"◆ 已关注 watching {shown}" if now else f"已取消关注 no longer watching {shown}",
                        timeout=2, markup=False)
        if now and shown not in self.watch_names:
            self.watch_names = [*self.watch_names, shown]
        elif not now:
            self.watch_names = [n for n in self.watch_names if n != shown]
        self.refresh_watch()

    def watch_items(self) -> tuple[list[tuple[str, int]], str]:
        """(watched company, unread articles naming it) and the partial note."""
        reading = self.reading
        read = self.article_list.read_ids or set()
        items: list[tuple[str, int]] = []
        for name in self.watch_names:
            ids = archive.ids_with_company(self.library, name)
            items.append((name, len(ids - read) if reading is not None else len(ids)))
        return items, self.extraction_status()

    def extraction_status(self) -> str:
        """``提取中 n/N`` or "": from the extraction's progress messages when known (no query on
        the UI thread), else asked of the index once."""
        if self.extracted is None:
            self.extracted = archive.extraction_progress(self.library)
        return self.extraction_note()

    def action_watchlist(self) -> None:
        from .picker import PickerScreen

        items, status = self.watch_items()
        picker = PickerScreen("关注列表 · watchlist（未读 unread）", items, self.filters.company, status=status,
                              refresh=self.watch_items, on_dossier=self.open_dossier, note="未读 ",
                              empty="关注列表为空：在侧栏公司上按 w · empty: w on a company in the side panel")
        self.app.push_screen(picker, self._company_picked)

    def _company_picked(self, value: str | None) -> None:
        if value is not None:
            self.set_company(value)

    def company_items(self) -> tuple[list[tuple[str, int]], str]:
        """(company, articles) over the articles extracted so far, and the partial note."""
        return self.company_names(), self.extraction_status()

    def company_picker(self, title: str = "公司 · company", *, scoped: bool = False) -> PickerScreen:
        """The company picker: partial (and refreshing) while the archive is extracted; ctrl+d
        opens the highlighted company's dossier. ``scoped`` (the company filter's picker): while
        other filters narrow the list, the companies of the articles they leave first, counted over
        them, and the whole archive's a tab away (:class:`~kfin_tui.ui.screens.picker.CompanyPicker`)."""
        from .picker import CompanyPicker  # (imported by the first picker opened, not by the first screen)

        items, status = self.company_items()
        return CompanyPicker(title, items, self.filters.company, status=status, refresh=self.company_items,
                             on_dossier=self.open_dossier, scope=self.company_scope() if scoped else None,
                             total=len(self.library.rows))

    def action_dossier(self) -> None:
        name = self.panel_company() or self.filters.company
        if name:
            self.open_dossier(name)
            return
        picker = self.company_picker("公司档案 · dossier")
        self.app.push_screen(picker, lambda value: self.open_dossier(value) if value else None)
        self.call_after_refresh(self._load_company_names)  # while a name is typed

    @work(thread=True, group="dossier-names")
    def _load_company_names(self) -> None:
        """The company dictionary, if not loaded yet: the dossier's first paint needs it (else its
        worker loads it, ~0.3 s, before the header can show)."""
        from ...dossier import load_names, names_ready

        if not names_ready():
            load_names()

    def open_dossier(self, name: str) -> None:
        from .dossier import DossierScreen

        self.app.push_screen(DossierScreen(self.library, name, progress=lambda: self.extracted), self._dossier_closed)

    def _dossier_closed(self, row_id: int | None) -> None:
        if row_id is not None:
            self.reveal(row_id, focus=True)

    # showing one article ------------------------------------------------------------------------
    def reveal(self, row_id: int, focus: bool) -> None:
        """Put the list's cursor on ``row_id`` (clearing the filters when they hide it)."""
        lst = self.article_list
        index = next((i for i, r in enumerate(lst.rows) if r.id == row_id), None)
        if index is not None:
            lst.cursor = index
            self._show(lst.rows[index])  # now: a list refill before the Highlighted message keeps it
            if focus:
                self.article_view.focus()
            return
        if focus:  # asked for by hand (the dossier): show it, whatever the filters
            self._reveal = row_id
            self._reveal_focus = True
            with self.prevent(Input.Changed):
                self.keyword_input.value = ""
            self.set_filters(Filters())
        else:  # where the reader was left: the list may not hold it yet (its filters still running)
            self._reveal = row_id
            self._reveal_focus = False

    def rows_shown(self) -> None:
        """The reader filled the list: put the cursor on an article asked for meanwhile."""
        rid, self._reveal = self._reveal, None
        if rid is not None:
            lst = self.article_list
            index = next((i for i, r in enumerate(lst.rows) if r.id == rid), None)
            if index is not None:
                lst.cursor = index
                self._show(lst.rows[index])
                if self._reveal_focus:
                    self.article_view.focus()
            elif not self._reveal_focus and not self.loaded:
                self._reveal = rid  # still loading: try again with the next rows

    @on(ArticleView.EndReached)
    def _next_unread(self) -> None:
        """``space`` at the end of the article: the next unread one in the list (this one is read)."""
        row, reading = self.current, self.reading
        if reading is None:
            return
        if row is not None:
            if self._dwell is not None:
                self._dwell.stop()
                self._dwell = None
            if not reading.is_read(row.id):
                reading.set_read(row.id, True)
                self._after_change()
        order = [r.id for r in self.article_list.rows]
        nxt = reading.next_unread(order, row.id if row is not None else None)
        if nxt is None:
            self.app.notify("没有未读文章了 · no unread articles left", timeout=2)
            return
        self.article_list.cursor = order.index(nxt)

    def reading_state_closed(self) -> None:
        """The reader goes: save where it was (the app calls this before it closes the store)."""
        for timer in (self._dwell, self._save_timer):
            if timer is not None:
                timer.stop()
        self.save_session()
        if self.reading is not None:
            self.reading.close()  # writes the identity cache

