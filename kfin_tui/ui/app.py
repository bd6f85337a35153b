"""The kfin-tui reader: a sidebar of articles, a reading pane and a side panel of figures and companies.

The app owns the state (filters, the library) and the workers; widgets report upward with
Messages. Loading, searching and extraction run in thread workers: a keystroke never waits.
"""
from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Static

from ..index import Library, Row
from .bindings import APP
from .commands import FilterCommands
from .screens.help import HelpScreen
from .screens.issues import LoadIssuesScreen
from .screens.picker import PickerScreen
from .widgets.article_list import ArticleList
from .widgets.article_view import ArticleView, Mention
from .widgets.facts_panel import FactsPanel
from .widgets.keyword_input import KeywordInput
from .widgets.sanitize import inert

def canonical_company(name: str) -> str:
    """:func:`kfin_tui.extract.names.canonical_company`, imported on first use (it loads the
    extractor package: ~0.1 s that the first paint should not wait for)."""
    if not name.strip():
        return ""
    from ..extract.names import canonical_company as canonical

    return canonical(name)


NARROW = 100  # below this many columns the side panel hides (and floats over the body when shown)
WIDE = 130  # from this many columns the sidebar and the panel get their full width
DEBOUNCE = 0.15
BACKGROUND_PAUSE = 0.01  # seconds the background extraction sleeps after every few articles


class KfinApp(App[int]):
    TITLE = "kfin-tui"
    CSS_PATH = "app.tcss"
    AUTO_FOCUS = "#list"  # keys pressed before the first paint go to the list, not the filter box
    BINDINGS = APP
    COMMANDS = App.COMMANDS | {FilterCommands}

    def __init__(self, root: Path | str, *, keyword: str = "", category: str = "", company: str = "",
                 library: Library | None = None) -> None:
        super().__init__()
        self.root = Path(root)
        self.library = library or Library(self.root)
        self.keyword = keyword
        self.category = category
        self.company = canonical_company(company)
        self.keyword_ids: set[int] | None = None
        self.company_ids: set[int] | None = None
        self.loaded = False
        self.panel_wanted: bool | None = None  # None: follow the terminal width
        self.current: Row | None = None
        self._remember: Row | None = None  # the last article shown, kept across an empty result
        self.extraction = None
        self._debounce = None
        self._stop = threading.Event()
        self._users = 0  # worker threads inside the library (its index connections) right now
        self._last_partial_search = 0.0  # keyword results refreshed while bodies are being read
        self._final_search = False  # the bodies are read: the progress line waits for this search
        self._ids_keyword: str | None = None  # the keyword keyword_ids are the results of
        self._users_lock = threading.Lock()

    # layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield Static(id="status-left")
            yield Static(id="status-right")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield KeywordInput(value=self.keyword, placeholder="/ 关键词 keyword", id="keyword")
                yield Static(id="progress")
                yield ArticleList(id="list")
            yield ArticleView(id="body")
            yield FactsPanel(id="panel")
        yield Footer()

    def on_mount(self) -> None:
        # background threads (loading, extraction) hand the interpreter back to the UI sooner
        sys.setswitchinterval(0.001)
        self.query_one(ArticleList).focus()
        self._update_panel_visibility()
        self._update_status()
        self.load_library()
        self.warm_up_extractor()

    def on_resize(self, event: events.Resize) -> None:
        self._update_panel_visibility(event.size.width)

    def _update_panel_visibility(self, width: int | None = None) -> None:
        width = self.size.width if width is None else width
        wide = width >= NARROW
        show = wide if self.panel_wanted is None else self.panel_wanted
        panel = self.query_one(FactsPanel)
        panel.set_class(not show, "hidden")
        panel.set_class(not wide, "overlay")
        panel.set_class(width < WIDE, "compact")
        self.query_one("#sidebar").set_class(width < WIDE, "narrow")

    # loading ----------------------------------------------------------------
    @contextmanager
    def _using_library(self):
        """Worker threads that touch the library say so: it is closed only when none does."""
        with self._users_lock:
            self._users += 1
        try:
            yield
        finally:
            with self._users_lock:
                self._users -= 1

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        with self._using_library():
            self._load_library()

    def _load_library(self) -> None:
        first = True
        for _batch in self.library.load(progress=lambda n: self.call_from_thread(self._progress, n)):
            if self._stop.is_set():
                return
            self.call_from_thread(self._rows_arrived, first)
            first = False
        self.call_from_thread(self._loaded)
        if not getattr(self.library, "bodies_pending", False):
            return
        # a cold archive was listed from its metadata: now read the bodies (worker processes), so
        # that keyword search sees every article; results refresh as they come
        for _rows in self.library.complete(progress=lambda done, total: self.call_from_thread(
                self._bodies_progress, done, total), stop=self._stop):
            if self._stop.is_set():
                return
        if not self._stop.is_set():
            self.call_from_thread(self._bodies_read)

    def _progress(self, count: int) -> None:
        bar = self.query_one("#progress", Static)
        bar.update(f"读取中 loading… {count}")
        bar.set_class(not self.loaded, "busy")

    def _rows_arrived(self, first: bool) -> None:
        if first and (self.keyword or self.company):
            self._refresh_searches()
        self._apply_filters()

    def _loaded(self) -> None:
        self.loaded = True
        self.query_one("#progress", Static).set_class(False, "busy")
        self._refresh_searches()
        if not getattr(self.library, "bodies_pending", False):
            self.extract_all()  # else once the bodies are read: one background job at a time
        self._report_issues()

    def _bodies_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#progress", Static)
        bar.update(f"索引 {done}/{total}")  # the sidebar is narrow: numbers first
        bar.set_class(True, "busy")
        if done == 0 or done >= total:
            self._update_status()  # says that keyword results are partial meanwhile
        now = time.monotonic()
        if self.keyword and now - self._last_partial_search > 2.0:
            self._last_partial_search = now
            self._refresh_searches()  # more texts are searchable now

    def _bodies_read(self) -> None:
        # the line stays until the search that includes every text is back (_search_done)
        self._final_search = True
        self.query_one("#progress", Static).update("更新结果 updating…")
        self._refresh_searches()
        self._update_status()
        self.extract_all()

    def _report_issues(self) -> None:
        issues = self.library.issues
        errors = sum(1 for i in issues if not i.warning)
        if issues:
            msg = (f"{errors} 个文件无法读取" if errors else f"{len(issues)} 个文件有警告")
            self.notify(f"{msg} — 按 L 查看 (press L)", severity="warning" if errors else "information",
                        timeout=4)

    @work(thread=True, exclusive=True, group="extract-all")
    def extract_all(self) -> None:
        """Figures and companies of every article, cached in the index, for the company filter."""
        pending = getattr(self.library, "extract_pending", None)
        if pending is None:
            return
        def progress(n: int, total: int) -> None:
            self.call_from_thread(self._extract_progress, n, total)
            time.sleep(BACKGROUND_PAUSE)  # leave the interpreter to the UI between small chunks

        try:
            with self._using_library():
                done = pending(progress=progress, stop=self._stop, chunk=4)
        except Exception as exc:  # noqa: BLE001 - the reader works without the company index
            if not self._stop.is_set():
                self.call_from_thread(self.notify, f"公司索引失败 company index failed: {exc}", severity="warning")
            return
        if done and not self._stop.is_set():
            self.call_from_thread(self._extract_finished)

    def _extract_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#progress", Static)
        bar.update(f"提取 {done}/{total}")  # the sidebar is narrow: numbers first
        bar.set_class(done < total, "busy")

    def _extract_finished(self) -> None:
        self.query_one("#progress", Static).set_class(False, "busy")
        if self.company:
            self._refresh_searches()  # more articles may name the company now

    @work(thread=True, group="warmup")
    def warm_up_extractor(self) -> None:
        try:
            from ..extract import warm_up
        except ImportError:
            return
        warm_up()

    # filters -----------------------------------------------------------------
    def _refresh_searches(self) -> None:
        self.run_search(self.keyword, self.company)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, keyword: str, company: str) -> None:
        with self._using_library():
            ids = self.library.search(keyword)
            company_ids = self._company_ids(company) if company else None
        self.call_from_thread(self._search_done, keyword, company, ids, company_ids)

    def _company_ids(self, name: str) -> set[int]:
        finder = getattr(self.library, "ids_with_company", None)
        if finder is not None:
            return finder(name)
        from ..extract import extract_article

        found = set()
        for row in list(self.library.rows):
            article = self.library.article(row.id)
            if article and any(c.name == name for c in extract_article(article).companies):
                found.add(row.id)
        return found

    def _search_done(self, keyword: str, company: str, ids, company_ids) -> None:
        if keyword != self.keyword or company != self.company:
            return  # a newer query is on its way
        self.keyword_ids = ids
        self._ids_keyword = keyword  # (_apply_filters updates the status: "搜索中…" goes)
        self.company_ids = company_ids
        if self._final_search and not self.library.bodies_pending:
            self._final_search = False
            self.query_one("#progress", Static).set_class(False, "busy")
            self._update_status()  # the partial hint goes with it
        self._apply_filters()

    def _apply_filters(self) -> None:
        rows = self.library.rows
        kw, co, cat = self.keyword_ids, self.company_ids, self.category
        if self.keyword and kw is None:
            kw = set()  # search not finished yet for a typed keyword: show nothing stale
        if kw is not None or co is not None or cat:
            rows = [r for r in rows if (kw is None or r.id in kw) and (co is None or r.id in co)
                    and (not cat or cat in r.categories)]
        view = self.query_one(ArticleList)
        view.empty_message = ("没有匹配的文章 — 按 esc 清除筛选 · no matches, esc clears"
                              if self.has_filters else
                              ("读取中… loading" if not self.loaded else "没有文章 · no articles"))
        keep = self.current or self._remember
        if not self.loaded and view.cursor == 0 and rows:
            keep = rows[0]  # while the list fills, the cursor stays on the newest article
        view.set_rows(list(rows), keep=keep)
        if not rows:
            self._show(None)
        self._update_status()

    @property
    def has_filters(self) -> bool:
        return bool(self.keyword or self.category or self.company)

    def _update_status(self) -> None:
        name = self.root.name or str(self.root)
        parts = ["kfin-tui", "corpus" if name == "_corpus" else inert(name)]  # the bundled corpus
        if self.keyword:
            parts.append(f"关键词: {inert(self.keyword)}")
        if self.category:
            parts.append(f"分类: {inert(self.category)}")
        if self.company:
            parts.append(f"公司: {inert(self.company)}")
        if self.keyword and self._ids_keyword != self.keyword:
            parts.append("搜索中…")  # the list below still shows the previous results
        elif self.keyword and (getattr(self.library, "bodies_pending", False) or self._final_search):
            parts.append("索引中 结果不完整")  # partial: texts still being read (short: 80 columns)
        self.query_one("#status-left", Static).update(" · ".join(parts))
        shown = len(self.query_one(ArticleList).rows)
        self.query_one("#status-right", Static).update(f"{shown}/{len(self.library.rows)}")

    @on(Input.Changed, "#keyword")
    def _keyword_changed(self, event: Input.Changed) -> None:
        self.keyword = event.value.strip()
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE, self._refresh_searches)
        self._update_status()

    @on(Input.Submitted, "#keyword")
    def _keyword_submitted(self) -> None:
        self.query_one(ArticleList).focus()

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted (or typed faster than the terminal reports keys) outside an input searches."""
        text = " ".join(event.text.split())
        if not text:
            return
        keyword = self.query_one("#keyword", Input)
        if text.startswith("/"):
            text = text[1:]
        self.screen.set_focus(keyword)
        keyword.value = (keyword.value + text) if keyword.value else text
        keyword.cursor_position = len(keyword.value)

    def set_keyword(self, keyword: str) -> None:
        self.query_one("#keyword", Input).value = keyword  # fires Changed → search

    def set_category(self, category: str | None) -> None:
        self.category = category or ""
        self._apply_filters()

    def set_company(self, company: str | None) -> None:
        self.company = canonical_company(company or "")
        self.company_ids = None
        if self.company:
            self._refresh_searches()
        else:
            self._apply_filters()

    def company_names(self) -> list[tuple[str, int]]:
        names = getattr(self.library, "company_names", None)
        if names is not None:
            return names()
        if self.extraction is None:
            return []
        return [(c.name, len(c.mentions)) for c in self.extraction.companies if c.kind != "media"]

    # article display -----------------------------------------------------------
    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self._show(event.row)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.query_one(ArticleView).focus()

    def _show(self, row: Row | None) -> None:
        if row is not None and self.current is not None and row.id == self.current.id:
            return
        self.current = row
        if row is not None:
            self._remember = row
        self.extraction = None
        view = self.query_one(ArticleView)
        panel = self.query_one(FactsPanel)
        if row is None:
            view.show(None, placeholder="没有可显示的文章 · nothing to show" if self.has_filters
                      else "选择一篇文章 · select an article")
            panel.show_extraction(None)
            return
        article = self.library.article(row.id)
        view.show(article)
        panel.show_extraction(None, pending=article is not None)
        if article is not None:
            self.extract_current(row, article)

    @work(thread=True, exclusive=True, group="extract")
    def extract_current(self, row: Row, article) -> None:
        try:
            with self._using_library():
                cached = getattr(self.library, "extraction", None)
                extraction = cached(row.id) if cached is not None else None
            if extraction is None:
                from ..extract import extract_article

                extraction = extract_article(article)
        except Exception as exc:  # noqa: BLE001 - one article's extraction must not take the reader down
            self.call_from_thread(self.notify, f"提取失败 extraction failed: {exc}", severity="error")
            return
        self.call_from_thread(self._extracted, row, extraction)

    def _extracted(self, row: Row, extraction) -> None:
        if self.current is None or row.id != self.current.id:
            return
        self.extraction = extraction
        mentions = [Mention(f.start, f.end, f.kind, f.text) for f in extraction.figures
                    if not getattr(f, "in_title", False)]  # title figures index the title, not the body
        for c in extraction.companies:
            mentions.extend(Mention(m.start, m.end, "media" if c.kind == "media" else "company", c.name)
                            for m in c.mentions)
        self.query_one(ArticleView).set_mentions(mentions)
        self.query_one(FactsPanel).show_extraction(extraction)

    @on(FactsPanel.MentionSelected)
    def _mention_selected(self, event: FactsPanel.MentionSelected) -> None:
        panel, body = self.query_one(FactsPanel), self.query_one(ArticleView)
        if panel.has_class("overlay"):  # the floating panel would hide the flash: step aside
            self.panel_wanted = False
            self._update_panel_visibility()
            body.focus()
        body.jump_to(event.start, event.end, event.kind)

    # actions ----------------------------------------------------------------------
    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_focus_keyword(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.insert_text_at_cursor("/")  # "/" is a priority key: still type it in inputs
            return
        if self.screen is not self.screen_stack[0]:
            return
        # set_focus (not .focus(), which is deferred): keys typed right after "/" must land in the input
        self.screen.set_focus(self.query_one("#keyword", Input))

    def category_counts(self) -> tuple[list[tuple[str, int]], bool]:
        """(category, articles) among the articles the keyword and company filters leave, most
        first, and whether those filters narrowed them (the current category stays listed)."""
        kw, co = self.keyword_ids, self.company_ids
        if self.keyword and self._ids_keyword != self.keyword:
            kw = self.library.search(self.keyword)  # typed, not searched yet: search now (ms)
        if not self.keyword:
            kw = None
        if kw is None and co is None:
            return self.library.categories(), False
        counts = Counter(c for r in self.library.rows
                         if (kw is None or r.id in kw) and (co is None or r.id in co) for c in r.categories)
        if self.category and self.category not in counts:
            counts[self.category] = 0
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), True

    def action_pick_category(self) -> None:
        items, narrowed = self.category_counts()
        title = "分类 · category" + ("（当前筛选内）" if narrowed else "")
        self.push_screen(PickerScreen(title, items, self.category), self._picked_category)

    def _picked_category(self, category: str | None) -> None:
        if category is not None:  # None: cancelled, the filter stays as it was
            self.set_category(category)

    def _picked_company(self, company: str | None) -> None:
        if company is not None:
            self.set_company(company)

    def action_company_filter(self) -> None:
        panel = self.query_one(FactsPanel)
        if panel.has_focus:
            name = panel.company_under_cursor()
            if name:
                self.set_company(name)
                return
        self.push_screen(PickerScreen("公司 · company", self.company_names(), self.company), self._picked_company)

    def action_toggle_panel(self) -> None:
        panel = self.query_one(FactsPanel)
        self.panel_wanted = panel.has_class("hidden")
        self._update_panel_visibility()
        if not self.panel_wanted and panel.has_focus:
            self.query_one(ArticleList).focus()

    def action_next_mention(self) -> None:
        self.query_one(ArticleView).next_mention(1)

    def action_previous_mention(self) -> None:
        self.query_one(ArticleView).next_mention(-1)

    def action_clear_filters(self) -> None:
        """escape: in the keyword box, clear it and go back to the list; in the reading pane or the
        side panel, go back to the list; in the list, clear every filter."""
        keyword, article_list = self.query_one("#keyword", Input), self.query_one(ArticleList)
        focused = self.focused
        if focused is keyword:
            keyword.value = ""
            self.screen.set_focus(article_list)
            return
        if focused is not article_list and focused is not None:
            panel = self.query_one(FactsPanel)
            if focused is panel and panel.has_class("overlay"):
                self.panel_wanted = False
                self._update_panel_visibility()
            self.screen.set_focus(article_list)
            return
        self.action_clear_all()
        self.screen.set_focus(article_list)

    def action_clear_all(self) -> None:
        self.keyword = self.category = self.company = ""
        self.keyword_ids = self.company_ids = None
        with self.prevent(Input.Changed):
            self.query_one("#keyword", Input).value = ""
        self._apply_filters()

    def action_load_issues(self) -> None:
        self.clear_notifications()
        self.push_screen(LoadIssuesScreen(self.library.issues, root=self.root))

    def _panes(self) -> list:
        panes = [self.query_one(ArticleList), self.query_one(ArticleView)]
        panel = self.query_one(FactsPanel)
        if not panel.has_class("hidden"):
            panes.append(panel)
        return panes

    def _cycle(self, step: int) -> None:
        if self.screen is not self.screen_stack[0]:
            self.screen.focus_next() if step > 0 else self.screen.focus_previous()
            return
        panes = self._panes()
        focused = self.focused
        index = panes.index(focused) if focused in panes else -1
        panes[(index + step) % len(panes)].focus()

    def action_focus_next_pane(self) -> None:
        self._cycle(1)

    def action_focus_previous_pane(self) -> None:
        self._cycle(-1)

    def on_unmount(self) -> None:
        self._stop.set()
        close = getattr(self.library, "close", None)
        if close is None:
            return
        # workers stop at their next check of _stop; never close connections one of them is using
        deadline = time.monotonic() + 2.0
        while self._users and time.monotonic() < deadline:
            time.sleep(0.01)
        with self._users_lock:
            if self._users == 0:
                close()
