"""The article list: a virtual list (Line API) — no widget per article, smooth at 100k rows."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...articles.filetime import FileTimes
from ...dates import CHINA_TZ
from ...index import Row
from ...typeset import cells, fold_cells, line_ranges
from ..bindings import LIST
from .article_view import set_virtual_size
from .sanitize import one_line

ROW_HEIGHT = 2  # lines per article in the default (two-line) mode; 1 in the dense mode
_UNSET = object()  # nothing posted yet: the next cursor change always posts Highlighted
APPROX = "≈"  # before a date that is the file's modification time (an undated Eastmoney post)
DENSE_DATE = 5  # cells of the dense mode's date column (after the ≈ cell)


def now() -> datetime:
    """The time "today" and "yesterday" are counted from (tests pin it)."""
    return datetime.now(CHINA_TZ)


def _local(dt: datetime) -> datetime:
    try:
        return dt.astimezone(CHINA_TZ) if dt.tzinfo else dt
    except (OverflowError, ValueError, OSError):
        return dt  # within hours of year 1 or 9999: its own zone


def list_date(dt: datetime | None, today: date, dense: bool = False) -> str:
    """A row's date, shorter the more recent (China time): today ``09:35``, yesterday ``昨天 09:35``,
    this year ``12-01 09:35``, before ``2024-12-01``; dense (5 cells): ``09:35``, ``12-01``, ``2024``.
    Undated: ``无日期`` (dense: ``-``)."""
    if dt is None:
        return "-" if dense else "无日期"
    local = _local(dt)
    day = local.date()
    hm = f"{local.hour:02d}:{local.minute:02d}"
    md = f"{local.month:02d}-{local.day:02d}"
    if dense:
        return hm if day == today else (md if local.year == today.year else f"{local.year:04d}")
    if day == today:
        return f"今天 {hm}"
    if day == today - timedelta(days=1):
        return f"昨天 {hm}"
    return f"{md} {hm}" if local.year == today.year else f"{local.year:04d}-{md}"


class ArticleList(ScrollView, can_focus=True):
    """Two lines per article: the title, then ``date · source``; in the dense mode (:attr:`dense`)
    one line: ``date title``. A date that is only the file's time is marked ``≈``. Posts
    Highlighted and Opened."""

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

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)  # (watch_cursor draws what changed)

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
        self.dense = False  # one line per article (set_dense)
        self._file_times = FileTimes()  # which rows' dates are only their file's time

    @property
    def row_height(self) -> int:
        return 1 if self.dense else ROW_HEIGHT

    def set_dense(self, dense: bool) -> None:
        """One line per article (date, title) or two (title; date · source); the cursor's article
        stays in view."""
        if dense == self.dense:
            return
        self.dense = dense
        set_virtual_size(self, Size(self.size.width, len(self.rows) * self.row_height))
        self.refresh()
        self.call_after_refresh(self._scroll_cursor_visible)

    def approximate(self, row: Row) -> bool:
        """Whether the row's date is only its file's modification time (shown ``≈``): asked for the
        rows drawn, one stat each, remembered."""
        return self._file_times.approximate(row)

    # data -------------------------------------------------------------
    def set_rows(self, rows: list[Row], keep: Row | None = None) -> None:
        """Replace the rows; keep the cursor on ``keep`` (or the current row) when it is still there."""
        current = keep or self.current_row
        self.rows = rows
        set_virtual_size(self, Size(self.size.width, len(rows) * self.row_height))
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
        if self._scroll_cursor_visible():
            self.refresh()  # the list scrolls: every line
        else:  # only the two rows the cursor left and reached are drawn again
            h = self.row_height
            self.refresh_lines(old * h, h)
            self.refresh_lines(new * h, h)
        row = self.current_row
        key = row.id if row else None
        if key != self._last_posted:
            self._last_posted = key
            self.post_message(self.Highlighted(row))

    def _scroll_cursor_visible(self) -> bool:
        """Scroll so that the cursor's article is in view; whether the list scrolls."""
        h = self.row_height
        top = self.cursor * h
        height = self.scrollable_content_region.height or 1
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
            return True
        if top + h > self.scroll_y + height:
            y = top + h - height
            self.scroll_to(y=y + y % h, animate=False)  # whole articles at the top edge
            return True
        return False

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
        index, part = divmod(line, self.row_height)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        selected = index == self.cursor
        base = self.get_component_rich_style("article-list--cursor") if selected else Style()
        marker_style = self.get_component_rich_style("article-list--marker") + base
        marker = Segment("▌" if selected else " ", marker_style)
        today = now().date()
        if self.dense:
            day = list_date(row.date, today, dense=True)
            day = (APPROX if self.approximate(row) else " ") + day + " " * (DENSE_DATE - cells(day))
            meta_style = self.get_component_rich_style("article-list--meta") + base
            return self._title_line(row, base, marker, width, Segment(day + " ", meta_style))
        if part == 0:
            return self._title_line(row, base, marker, width)
        style = self.get_component_rich_style("article-list--meta") + base
        day = (APPROX if self.approximate(row) else "") + list_date(row.date, today)
        meta = " · ".join(p for p in (day, one_line(row.source)) if p)
        text = fold_cells(meta, max(1, width - 1))
        pad = max(0, width - 1 - cells(text))
        return Strip([marker, Segment(text + " " * pad, style)], width).apply_style(self.rich_style)

    def _title_line(self, row: Row, base: Style, marker: Segment, width: int,
                    lead: Segment | None = None) -> Strip:
        """The title, bold when unread, dim when read, after ``lead`` (the dense mode's date),
        ★ (starred) and ◆ (watched)."""
        style = self.get_component_rich_style("article-list--title")
        if self.read_ids is not None:
            state = "article-list--read" if row.id in self.read_ids else "article-list--unread"
            style = style + self.get_component_rich_style(state)
        segments = [marker]
        used = 1
        if lead is not None and width > 24:  # a sidebar too narrow for a date keeps the title
            segments.append(lead)
            used += cells(lead.text)
        flags = 0
        for flag, ids, component in ((self.STAR, self.starred_ids, "article-list--star"),
                                     (self.WATCH, self.watched_ids, "article-list--watch")):
            if row.id in ids:
                segments.append(Segment(flag, self.get_component_rich_style(component) + base))
                flags += cells(flag)
        if flags:
            segments.append(Segment(" ", base))
            used += flags + 1
        text = fold_cells(one_line(row.title), max(1, width - used))
        pad = max(0, width - used - cells(text))
        segments.append(Segment(text + " " * pad, style + base))
        return Strip(segments, width).apply_style(self.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows) * self.row_height)

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
        h = self.row_height
        return max(1, (self.scrollable_content_region.height or h) // h)

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_open(self) -> None:
        if self.current_row is not None:
            self.post_message(self.Opened(self.current_row))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // self.row_height
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()
