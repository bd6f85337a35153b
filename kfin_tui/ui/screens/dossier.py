"""The company dossier screen (``d``): one company across the archive.

Canonical name, aliases, tickers, the number of articles, a sparkline of articles per week, then
every article naming it, newest first, each with the figures of the sentences naming the company
and the companies mentioned with it. ``enter`` opens the article in the reader, ``escape`` goes
back (the screen returns the chosen row id, or None).

Fast at 100k articles, in three steps. The first paint has the header with the number of
articles and the first rows (:func:`kfin_tui.dossier.dossier_head`: the index's company table, one
int per article, the newest few kept; no article read, nothing sorted: a few ms for 5,000
articles, done as the screen is composed). After that paint a worker completes it
(:func:`kfin_tui.dossier.complete_dossier`: every row in order, the timeline of mentions) and
reports it with :class:`~kfin_tui.ui.messages.DossierBuilt`; until then the timeline line says
``…``. The list is virtual (:class:`DossierList`: three lines per article, drawn for the lines on
screen only), so 5,000 articles paint as fast as 5. An article's figures need its text (and its
full extraction): they are computed in a worker for the rows on screen (and the next screenful)
only, reported with :class:`~kfin_tui.ui.messages.DossierEntries`; a row shows ``…`` until then.
When the first step cannot be done at once (the reader does not know the extraction's progress
yet, or the company dictionary is not loaded), the worker does all of it and the header says
``读取中`` meanwhile.

While the archive is not fully extracted the header says ``提取中 n/N`` and the dossier is built
again every :data:`REBUILD_EVERY` seconds; it never says "no articles" while partial. Every name
and title is data: drawn as Text, never markup.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Static

from ...articles.filetime import FileTimes
from ...dates import format_date
from ..bindings import DOSSIER
from ..messages import DossierBuilt, DossierEntries
from ..theme import KIND_COLOURS
from ..widgets.sanitize import one_line

REBUILD_EVERY = 2.0  # seconds between rebuilds while the archive is still being extracted
CHUNK = 4  # entries whose figures are reported per message after the first row's (reported alone)
MAX_FIGURES = 6  # figures shown per article
MAX_COMPANIES = 6  # co-mentioned companies shown per article
SPARK_WIDTH = 60
ENTRY_HEIGHT = 3  # lines per article: date and title; its figures; the companies named with it
AHEAD = 1  # screenfuls of entries computed beyond the one shown (scrolling finds them ready)

Progress = Callable[[], "tuple[int, int] | None"]


class DossierList(ScrollView, can_focus=True):
    """The dossier's articles, newest first: a virtual list (Line API), three lines per article.
    ``entries`` (row id → :class:`~kfin_tui.dossier.DossierEntry`) holds the figures computed so
    far; the rows drawn without one are asked for with :class:`Wanted`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", show=False), Binding("up", "cursor_up", show=False),
        Binding("pagedown,space", "page_down", show=False), Binding("pageup", "page_up", show=False),
        Binding("home", "first", show=False), Binding("end", "last", show=False),
        Binding("enter", "select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"dossier-list--cursor", "dossier-list--dim", "dossier-list--title",
                                             "dossier-list--marker"}
    DEFAULT_CSS = """
    DossierList { background: $surface; }
    DossierList > .dossier-list--cursor { background: $boost; }
    DossierList:focus > .dossier-list--cursor { background: $accent 30%; }
    DossierList > .dossier-list--dim { color: $text-muted; }
    DossierList > .dossier-list--title { color: $text; text-style: bold; }
    DossierList > .dossier-list--marker { color: $accent; }
    """

    class Wanted(Message):
        """Rows drawn without their figures (and the next screenful): compute these."""

        def __init__(self, row_ids: list[int]) -> None:
            self.row_ids = row_ids
            super().__init__()

    class Chosen(Message):
        def __init__(self, row_id: int) -> None:
            self.row_id = row_id
            super().__init__()

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows: list[Any] = []  # the dossier's rows (id, title, date), newest first
        self._file_times = FileTimes()  # which rows' dates are only their file's time
        self.total = 0  # articles in the list: more than len(rows) while only the first are known
        self.entries: dict[int, Any] = {}
        self.empty_message = ""
        self._asked: set[int] = set()
        self._want_scheduled = False

    # data ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[Any], entries: dict[int, Any], total: int | None = None) -> None:
        """New rows (a rebuild keeps the cursor on the same article when it is still there);
        ``total``: the list's length when ``rows`` are only its first ones (its height is the
        whole list's, the rows not known yet are blank)."""
        keep = self.current_id
        self.rows = rows
        self.total = max(len(rows), total or 0)
        self.entries = entries
        self._asked = {rid for rid in self._asked if rid in entries}
        self.virtual_size = Size(self.size.width, self.total * ENTRY_HEIGHT)
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0) if keep is not None else 0
        self.cursor = index
        self.refresh()

    def add_entries(self, entries: list[Any]) -> None:
        for e in entries:
            self.entries[e.row_id] = e
        self.refresh()

    @property
    def current_id(self) -> int | None:
        return self.rows[self.cursor].id if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self) -> None:
        self.refresh()
        top = self.cursor * ENTRY_HEIGHT
        height = self.scrollable_content_region.height or ENTRY_HEIGHT
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ENTRY_HEIGHT > self.scroll_y + height:
            self.scroll_to(y=top + ENTRY_HEIGHT - height, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, max(self.total, len(self.rows)) * ENTRY_HEIGHT)

    # what to compute --------------------------------------------------------------------------
    def _want(self, index: int) -> None:
        """Row ``index`` is drawn without its figures: ask for it (and the next screenful) once
        this paint is over."""
        if not self._want_scheduled:
            self._want_scheduled = True
            self.call_later(self._post_wanted)

    def _post_wanted(self) -> None:
        self._want_scheduled = False
        if not self.rows:
            return
        height = max(1, self.scrollable_content_region.height or 1)
        first = int(self.scroll_y) // ENTRY_HEIGHT
        last = (int(self.scroll_y) + height * (1 + AHEAD)) // ENTRY_HEIGHT + 1
        ids = [r.id for r in self.rows[first:last] if r.id not in self.entries]
        if any(rid not in self._asked for rid in ids):
            self._asked = set(ids)  # a new request replaces the last (rows scrolled past are not wanted)
            self.post_message(self.Wanted(ids))

    # drawing ------------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        return self._line(self.scroll_offset.y + y, self.scrollable_content_region.width)

    def _line(self, line: int, width: int) -> Strip:
        if not self.rows:
            if line == 1 and self.empty_message:
                text = Text(" " + self.empty_message, style=self.get_component_rich_style("dossier-list--dim")
                            + Style(italic=True))
                return self._strip(text, width, Style())
            return Strip.blank(width, self.rich_style)
        index, part = divmod(line, ENTRY_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        selected = index == self.cursor
        base = self.get_component_rich_style("dossier-list--cursor") if selected else Style()
        entry = self.entries.get(row.id)
        if entry is None and row.id not in self._asked:
            self._want(index)
        dim = self.get_component_rich_style("dossier-list--dim")
        text = Text()
        text.append("▌" if selected and part == 0 else " ", self.get_component_rich_style("dossier-list--marker"))
        if part == 0:
            text.append(("≈" if self._file_times.approximate(row) else "") + format_date(row.date, "无日期", with_time=False), dim)
            text.append("  " + one_line(row.title), self.get_component_rich_style("dossier-list--title"))
        elif entry is None:
            if part == 1:
                text.append("   …", dim)
        elif part == 1:
            figures = [f for f in entry.figures if f.kind != "date"]  # 前三季度, 10月17日: when, not a figure
            if figures:
                text.append("   ")
                for i, f in enumerate(figures[:MAX_FIGURES]):
                    if i:
                        text.append(" · ", dim)
                    text.append(one_line(f.label), KIND_COLOURS.get(f.kind, ""))
                if len(figures) > MAX_FIGURES:
                    text.append(f" +{len(figures) - MAX_FIGURES}", dim)
        elif entry.companies:
            text.append("   同提及 with: ", dim)
            text.append("、".join(one_line(c) for c in entry.companies[:MAX_COMPANIES]))
            if len(entry.companies) > MAX_COMPANIES:
                text.append(f" +{len(entry.companies) - MAX_COMPANIES}", dim)
        return self._strip(text, width, base)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(max(1, width), overflow="ellipsis", pad=True)
        segments = [Segment(s.text, (s.style or Style()) + base) for s in text.render(self.app.console, end="")]
        return Strip(segments).adjust_cell_length(width, base).apply_style(self.rich_style)

    def entry_lines(self, index: int) -> list[str]:
        """The text of article ``index``'s lines as drawn (for tests and the screen reader)."""
        width = self.scrollable_content_region.width or 80
        return ["".join(s.text for s in self._line(index * ENTRY_HEIGHT + part, width)).rstrip()
                for part in range(ENTRY_HEIGHT)]

    # keys ---------------------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def _page(self) -> int:
        return max(1, (self.scrollable_content_region.height or ENTRY_HEIGHT) // ENTRY_HEIGHT)

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_select(self) -> None:
        rid = self.current_id
        if rid is not None:
            self.post_message(self.Chosen(rid))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // ENTRY_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()


class DossierScreen(Screen[int | None]):
    """Returns the row id of the article chosen with ``enter``, or None (``escape``).

    ``progress``: how far the archive's extraction got, as the reader knows it from its extraction
    worker (None: not known, then the index is asked once, in the worker)."""

    BINDINGS = DOSSIER
    AUTO_FOCUS = "#dossier-list"
    AHEAD_ROWS = 2  # screenfuls of rows the first paint is given (this one and the next)
    DEFAULT_CSS = """
    DossierScreen { layout: vertical; background: $surface; }
    DossierScreen #dossier-head { height: auto; padding: 0 1; background: $panel; }
    DossierScreen #dossier-list { height: 1fr; }
    """

    def __init__(self, library: Any, name: str, progress: Progress | None = None) -> None:
        super().__init__()
        self.library = library
        self.company = name
        self.dossier: Any = None
        self.error = ""
        self._token = 0
        self._progress = progress
        self._stop = threading.Event()
        self._entries_token = 0

    def compose(self) -> ComposeResult:
        self.dossier = self._head()
        if self.dossier is None:
            head = Text(f"公司档案 · {one_line(self.company)}  读取中… loading", style="bold")
        else:
            head = self.header()
        yield Static(head, id="dossier-head", markup=False)
        lst = DossierList(id="dossier-list")
        if self.dossier is not None:
            self._fill(lst)
        yield lst
        yield Footer()

    def _head(self) -> Any:
        """The dossier's head (count and first rows) for the first paint, when it can be had at
        once; else None (the worker builds it all)."""
        from ...dossier import dossier_head, names_ready

        progress = self._progress() if self._progress is not None else None
        if progress is None or not names_ready():  # an index query / the dictionary's load: not here
            return None
        first = (max(ENTRY_HEIGHT, self.app.size.height) // ENTRY_HEIGHT + 1) * self.AHEAD_ROWS
        try:
            return dossier_head(self.library, self.company, progress=progress, first=first)
        except Exception:  # noqa: BLE001 - the worker tries again, and says it if it fails
            return None

    def on_mount(self) -> None:
        # after the first paint: the worker's CPU would delay it
        self.call_after_refresh(self.build, self._token)
        self.set_interval(REBUILD_EVERY, self._rebuild_if_partial)

    def on_unmount(self) -> None:
        self._stop.set()

    @property
    def entries_list(self) -> DossierList:
        return self.query_one(DossierList)

    # the workers --------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="dossier")
    def build(self, token: int) -> None:
        """The whole dossier: from the head shown (the first build), else from the index."""
        from ...dossier import build_dossier, complete_dossier

        head = self.dossier
        try:
            if token == 0 and head is not None and not head.complete:
                dossier = complete_dossier(head)
            else:
                progress = self._progress() if self._progress is not None else None
                dossier = build_dossier(self.library, self.company, progress=progress)
        except Exception as exc:  # noqa: BLE001 - a failed dossier is said, the reader goes on
            self.post_message(DossierBuilt(token, error=str(exc)))
            return
        self.post_message(DossierBuilt(token, dossier))

    @work(thread=True, group="dossier-entries")
    def compute_entries(self, dossier: Any, row_ids: list[int], token: int) -> None:
        """The figures of ``row_ids`` (the rows on screen, then the next screenful): the first
        row's alone, then a few at a time; stops when a newer request or screen replaces it."""
        start, size = 0, 1
        while start < len(row_ids):
            if self._stop.is_set() or token != self._entries_token:
                return
            try:
                entries = [dossier.entry(rid) for rid in row_ids[start:start + size]]
            except Exception:  # noqa: BLE001 - the rows keep their title and date
                return
            self.post_message(DossierEntries(token, start, entries))
            start, size = start + size, CHUNK

    def _rebuild_if_partial(self) -> None:
        if self.dossier is None or not self.dossier.partial:
            return
        self._token += 1
        self.build(self._token)

    # what they report ---------------------------------------------------------------------------
    def on_dossier_built(self, message: DossierBuilt) -> None:
        if message.token != self._token:
            return
        head = self.query_one("#dossier-head", Static)
        if message.error:
            self.error = message.error
            head.update(Text(f"公司档案 · {one_line(self.company)}  失败 failed: {one_line(message.error)}"))
            return
        old, self.dossier = self.dossier, message.dossier
        if old is not None and old._details is not self.dossier._details:
            self.dossier._details.update(old._details)  # figures already read stay (same articles)
        head.update(self.header())
        self._fill(self.entries_list)

    def _fill(self, lst: DossierList) -> None:
        d = self.dossier
        lst.empty_message = (f"{d.status} — 尚未提取完，稍后再看 · still extracting" if d.partial
                             else "没有文章提到这家公司 · no article names this company")
        lst.set_rows(d.rows, dict(d._details), d.count)

    def on_dossier_list_wanted(self, message: DossierList.Wanted) -> None:
        if self.dossier is None:
            return
        self._entries_token += 1  # the worker of the last request stops at its next chunk
        self.compute_entries(self.dossier, message.row_ids, self._entries_token)

    def on_dossier_entries(self, message: DossierEntries) -> None:
        if self.dossier is None:
            return
        for e in message.entries:
            self.dossier._details.setdefault(e.row_id, e)
        self.entries_list.add_entries(message.entries)

    def on_dossier_list_chosen(self, message: DossierList.Chosen) -> None:
        self.dismiss(message.row_id)

    # drawing ------------------------------------------------------------------------------------
    def header(self) -> Text:
        d = self.dossier
        head = Text()
        head.append(one_line(d.name), style="bold")
        if d.info.tickers:
            head.append("  " + " ".join(one_line(t) for t in d.info.tickers), style=KIND_COLOURS.get("company", ""))
        head.append(f"  {d.count} 篇 articles")
        if d.partial:
            head.append(f"  {d.status} 结果不完整", style="bold italic")
        if d.info.aliases:
            head.append("\n别名 aliases: " + "、".join(one_line(a) for a in d.info.aliases[:12]), style="dim")
        if not d.complete:
            if d.count:  # the timeline's line, kept for it (the list does not move when it comes)
                head.append("\n每周 per week  …", style="dim")
        elif d.weeks:
            first, last = d.weeks[0][0], d.weeks[-1][0]
            head.append(f"\n每周 per week  {first.isoformat()} ")
            head.append(d.sparkline(SPARK_WIDTH), style="bold")
            head.append(f" {last.isoformat()}")
        if d.undated:
            head.append(f"  (+{d.undated} 无日期)", style="dim")
        return head

    @property
    def selected_row(self) -> int | None:
        return self.entries_list.current_id

    # keys ---------------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.entries_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.entries_list.action_cursor_up()

    def action_first(self) -> None:
        self.entries_list.action_first()

    def action_last(self) -> None:
        self.entries_list.action_last()
