"""The article list: a virtual list (Line API) — no widget per article, smooth at 100k rows."""
from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...dates import format_date
from ...index import Row
from ...typeset import cells, fold_cells, line_ranges
from ..bindings import LIST
from .sanitize import one_line

ROW_HEIGHT = 2
_UNSET = object()  # nothing posted yet: the next cursor change always posts Highlighted


class ArticleList(ScrollView, can_focus=True):
    """Two lines per article: the title, then ``date · source``. Posts Highlighted and Opened."""

    BINDINGS = LIST
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--title", "article-list--meta", "article-list--cursor",
                         "article-list--marker", "article-list--empty", "article-list--unread",
                         "article-list--read", "article-list--star", "article-list--watch"}
    DEFAULT_CSS = """
    ArticleList { background: $surface; }
    ArticleList > .article-list--title { color: $text; }
    ArticleList > .article-list--meta { color: $text-muted; }
    ArticleList > .article-list--cursor { background: $boost; }
    ArticleList:focus > .article-list--cursor { background: $accent 30%; }
    ArticleList > .article-list--marker { color: $accent; }
    ArticleList > .article-list--empty { color: $text-muted; text-style: italic; }
    ArticleList > .article-list--unread { color: $text; text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--star { color: $warning; }
    ArticleList > .article-list--watch { color: $success; }
    """
    STAR = "★"
    WATCH = "◆"

    class Highlighted(Message):
        def __init__(self, row: Row | None) -> None:
            self.row = row
            super().__init__()

    class Opened(Message):
        def __init__(self, row: Row) -> None:
            self.row = row
            super().__init__()

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows: list[Row] = []
        self.empty_message = "没有文章 · no articles"
        self._last_posted: object = _UNSET
        # the reading state (set by the reader): None until it is known, then rows not in
        # read_ids are drawn bold, read ones dim; starred and watched rows carry ★ / ◆
        self.read_ids: set[int] | None = None
        self.starred_ids: set[int] = set()
        self.watched_ids: frozenset[int] = frozenset()

    # data -------------------------------------------------------------
    def set_rows(self, rows: list[Row], keep: Row | None = None) -> None:
        """Replace the rows; keep the cursor on ``keep`` (or the current row) when it is still there."""
        current = keep or self.current_row
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows) * ROW_HEIGHT)
        index = 0
        if current is not None:
            index = next((i for i, r in enumerate(rows) if r.id == current.id), 0)
        self._last_posted = _UNSET
        self.cursor = index
        self.refresh()
        self.call_after_refresh(self._scroll_cursor_visible)  # once the new virtual size is laid out

    @property
    def current_row(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_cursor_visible()
        row = self.current_row
        key = row.id if row else None
        if key != self._last_posted:
            self._last_posted = key
            self.post_message(self.Highlighted(row))

    def _scroll_cursor_visible(self) -> None:
        top = self.cursor * ROW_HEIGHT
        height = self.scrollable_content_region.height or 1
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > self.scroll_y + height:
            y = top + ROW_HEIGHT - height
            self.scroll_to(y=y + y % ROW_HEIGHT, animate=False)  # whole articles at the top edge

    # rendering --------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_y = self.scroll_offset.y
        line = scroll_y + y
        if not self.rows:
            lines = [self.empty_message[a:b] for a, b, _ in line_ranges(self.empty_message, max(1, width - 2))]
            if 1 <= line <= len(lines):
                style = self.get_component_rich_style("article-list--empty")
                return Strip([Segment(" " + lines[line - 1], style)]).adjust_cell_length(width).apply_style(
                    self.rich_style)
            return Strip.blank(width, self.rich_style)
        index, part = divmod(line, ROW_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        selected = index == self.cursor
        base = self.get_component_rich_style("article-list--cursor") if selected else Style()
        marker_style = self.get_component_rich_style("article-list--marker") + base
        marker = Segment("▌" if selected else " ", marker_style)
        if part == 0:
            return self._title_line(row, base, marker, width)
        style = self.get_component_rich_style("article-list--meta") + base
        meta = " · ".join(p for p in (format_date(row.date, "无日期", with_time=False), one_line(row.source)) if p)
        text = fold_cells(meta, max(1, width - 1))
        pad = max(0, width - 1 - cells(text))
        return Strip([marker, Segment(text + " " * pad, style)], width).apply_style(self.rich_style)

    def _title_line(self, row: Row, base: Style, marker: Segment, width: int) -> Strip:
        """The title, bold when unread, dim when read, after ★ (starred) and ◆ (watched)."""
        style = self.get_component_rich_style("article-list--title")
        if self.read_ids is not None:
            state = "article-list--read" if row.id in self.read_ids else "article-list--unread"
            style = style + self.get_component_rich_style(state)
        segments = [marker]
        used = 1
        for flag, ids, component in ((self.STAR, self.starred_ids, "article-list--star"),
                                     (self.WATCH, self.watched_ids, "article-list--watch")):
            if row.id in ids:
                segments.append(Segment(flag, self.get_component_rich_style(component) + base))
                used += cells(flag)
        if used > 1:
            segments.append(Segment(" ", base))
            used += 1
        text = fold_cells(one_line(row.title), max(1, width - used))
        pad = max(0, width - used - cells(text))
        segments.append(Segment(text + " " * pad, style + base))
        return Strip(segments, width).apply_style(self.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows) * ROW_HEIGHT)

    # actions ----------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def _page(self) -> int:
        return max(1, (self.scrollable_content_region.height or ROW_HEIGHT) // ROW_HEIGHT)

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_open(self) -> None:
        if self.current_row is not None:
            self.post_message(self.Opened(self.current_row))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()
