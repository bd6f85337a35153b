"""The feeds screen (``F``): each configured feed's last fetch, new items and last error, from the
fetch state (:func:`kfin_tui.feeds.fetchstate.feed_health`); ``r`` fetches every feed, ``enter``
the one under the cursor. Names, URLs and errors come from feeds and servers: Text only, through
``clean_line``."""
from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ...config import FeedConfig
from ...feeds.fetchstate import FeedHealth, feed_health
from ...feeds.run import feed_url
from ...sanitize import clean_line
from ..bindings import FEEDS

if TYPE_CHECKING:
    from ..fetching import Fetcher

STATUS = {"new": ("新 new", "green"), "unchanged": ("未变 same", ""), "error": ("错误 error", "red"),
          "": ("—", "dim")}
# column widths in cells (the error takes the rest); each column has one cell of padding each side
NAME_W, WHEN_W, NEW_W, STATUS_W = 16, 12, 6, 11


def when(ts: float | None, now: float | None = None) -> str:
    """A fetch time, short: minutes/hours ago today, else the date."""
    if ts is None:
        return "从未 never"
    now = time.time() if now is None else now
    ago = now - ts
    if 0 <= ago < 60:
        return "刚刚 now"
    if 0 <= ago < 3600:
        return f"{int(ago // 60)} 分钟前"
    if 0 <= ago < 86400:
        return f"{int(ago // 3600)} 小时前"
    return datetime.fromtimestamp(ts).strftime("%m-%d %H:%M")


def fit(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells (… at the end when cut)."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"


class FeedsScreen(ModalScreen[None]):
    BINDINGS = FEEDS
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    FeedsScreen { align: center middle; }
    FeedsScreen > Vertical { width: 95%; height: 85%; border: round $accent; background: $surface; }
    FeedsScreen #feeds-title { text-style: bold; padding: 0 1; }
    FeedsScreen #feeds-line { padding: 0 1; color: $text-muted; }
    FeedsScreen DataTable { height: 1fr; }
    FeedsScreen #feed-detail { height: auto; max-height: 6; padding: 0 1; border-top: solid $accent; }
    """

    def __init__(self, fetcher: Fetcher) -> None:
        super().__init__()
        self.fetcher = fetcher
        self.feeds: list[FeedConfig] = list(fetcher.config.feeds)
        self.health: dict[str, FeedHealth] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"订阅 · feeds: {len(self.feeds)}"), id="feeds-title", markup=False)
            yield Static(id="feeds-line", markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=True)
            # the whole URL and error of the row under the cursor, wrapped: table cells are cut
            yield Static(id="feed-detail", markup=False)

    def on_mount(self) -> None:
        self._show_line()
        self.refresh_health()

    # data ---------------------------------------------------------------------------------------------
    def refresh_health(self) -> None:
        """Read the fetch state again (in a worker) and redraw; the Fetcher calls it as feeds finish."""
        self._show_line()
        self._read_health()

    @work(thread=True, exclusive=True, group="feeds-health")
    def _read_health(self) -> None:
        health = feed_health(self.fetcher.state_path)
        self.app.call_from_thread(self._show_health, health)

    def _show_health(self, health: dict[str, FeedHealth]) -> None:
        self.health = health
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        # the box is 95% of the screen, less its border, the table's padding and scroll bar
        width = int(self.app.size.width * 0.95) - 2 - 10 - 2
        name_w, when_w, new_w, status_w = NAME_W, WHEN_W, NEW_W, STATUS_W
        error_w = max(width - name_w - when_w - new_w - status_w, 12)
        table.add_column("订阅 feed", width=name_w)
        table.add_column("上次 last", width=when_w)
        table.add_column("新 new", width=new_w)
        table.add_column("状态 status", width=status_w)
        table.add_column("错误 last error", width=error_w)
        now = time.time()
        for feed in self.feeds:
            h = health.get(feed.name, FeedHealth(feed.name))
            label, style = STATUS.get(h.status, (clean_line(h.status), ""))
            if not feed.enabled:
                label, style = "停用 off", "dim"
            table.add_row(Text(fit(clean_line(feed.name), name_w)), Text(when(h.last_fetch, now)),
                          Text(str(h.new), justify="right"), Text(label, style=style),
                          Text(fit(clean_line(h.error), error_w), style="red" if h.error else ""))
        if self.feeds:
            table.move_cursor(row=max(0, min(row, len(self.feeds) - 1)))
            self._detail(table.cursor_row)
        else:
            self.query_one("#feed-detail", Static).update(
                Text("没有订阅 · no feeds: kfin-tui feeds add cls/telegraph (kfin-tui feeds presets lists them)"))

    def _show_line(self) -> None:
        config = self.fetcher.config
        running = self.fetcher.running
        if running is not None:
            text = f"抓取中 fetching {running.done}/{running.total} {clean_line(running.name)}"
        elif config.archive is None:
            text = "没有归档 no archive: set `archive` in the config (kfin-tui config --path)"
        else:
            text = f"归档 archive: {clean_line(str(config.archive))} · r 全部抓取 fetch all · enter 抓取此项 this one"
        self.query_one("#feeds-line", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:  # enter on the table (DataTable's own binding)
        self.action_fetch_one()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, index: int) -> None:
        if not 0 <= index < len(self.feeds):
            return
        feed = self.feeds[index]
        h = self.health.get(feed.name, FeedHealth(feed.name))
        parts: list[str | tuple[str, str]] = [(clean_line(feed.name), "bold"), "  ",
                                              clean_line(feed_url(feed, self.fetcher.config.rsshub))]
        if h.last_ok is not None:
            parts += ["\n", f"上次成功 last success: {when(h.last_ok)} · 共 {h.total_new} 篇 total new"]
        if h.error:
            parts += ["\n", ("错误 error: " + clean_line(h.error), "red")]
        self.query_one("#feed-detail", Static).update(Text.assemble(*parts))

    # actions ------------------------------------------------------------------------------------------
    def _start(self, names: list[str] | None) -> None:
        if self.fetcher.config.archive is None:
            self.app.notify("没有归档 no archive: set `archive` in the config", severity="warning", markup=False)
            return
        if not self.fetcher.fetch(names):
            self.app.notify("正在抓取 a fetch is running", markup=False)
        self._show_line()

    def action_fetch_all(self) -> None:
        if self.feeds:
            self._start(None)

    def action_fetch_one(self) -> None:
        index = self.query_one(DataTable).cursor_row
        if 0 <= index < len(self.feeds):
            self._start([self.feeds[index].name])

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_close(self) -> None:
        self.dismiss(None)
