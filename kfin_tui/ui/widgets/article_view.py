"""The reading pane: a Rich-rendered article laid out line by line (Line API).

Blocks are typeset with kfin_tui.typeset (Chinese line breaking), figures and companies are
highlighted in the colours of the side panel, and every line remembers which body offsets it
shows, so the pane can scroll to a mention and flash it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer
from textual.worker import get_current_worker

from ...articles.model import CODE, HEADING, IMAGE, LIST_ITEM, QUOTE, RULE, TABLE, Article, Block
from ...dates import format_date
from ...typeset import CJKText, balanced_ranges, fold_cells, line_ranges
from ..bindings import READER
from ..hits import find_hits, query_needles
from ..mentions import Mention
from ..theme import flash_style, highlight_style
from .sanitize import inert, one_line, safe_link

MARGIN = 1
SPAN_STYLES = {"bold": Style(bold=True), "italic": Style(italic=True), "code": Style(dim=True, bold=True),
               "underline": Style(underline=True), "strike": Style(strike=True)}
# articles with more text than this are laid out in a thread worker: the keys stay answered
SYNC_LAYOUT_CHARS = 8_000
TABLE_COST, CELL_COST = 200, 20  # characters a table / a cell counts for in layout_cost
KEEP_WHOLE_MAX = 5_000  # longer paragraphs are broken without the keep-whole pass (it re-breaks)
MEASURE = 80  # the longest line of text, in cells (40 Chinese characters): wider panes centre it
HIT_STYLE = Style(color="#1e1e1e", bgcolor="#d0c060")  # a keyword hit
CURRENT_HIT_STYLE = Style(color="black", bgcolor="#ffd75f", bold=True, underline=True)  # the one n/N is on


class Cancelled(Exception):
    """The layout was superseded (another article, width or flash) before it finished."""


@dataclass
class Laid:
    """An article laid out at one width: its lines, and the body offset each line starts at.

    A line is kept as its segments; its :class:`Strip` is made when it is drawn (:meth:`strip`).
    A strip carries seven caches and ends as cyclic garbage: made for every line of an article
    (thousands for a long one), they were most of what the collector's full passes went through."""

    lines: list[list[Segment]] = field(default_factory=list)
    keys: list[int] = field(default_factory=list)  # sorted body offsets, for bisect ...
    index: list[int] = field(default_factory=list)  # ... and the line each one starts
    width: int = 0  # cells of every line (margins included)

    def strip(self, line: int) -> Strip:
        pad = Segment(" " * MARGIN)
        return Strip([pad, *self.lines[line], pad]).adjust_cell_length(self.width)


def set_virtual_size(widget: ScrollView, size: Size) -> None:
    """Give ``widget`` a new scrollable size without a layout of the whole screen (Textual's
    ``virtual_size`` is a layout reactive: every new article, list or panel content laid out and
    drew every widget again). Only its scrollbars follow; one shown or hidden still lays out.
    (``_scroll_update`` is Textual's own step for this, pinned to 8.2 by pyproject.toml.)"""
    if size == widget.virtual_size:
        return
    widget.set_reactive(ScrollView.virtual_size, size)
    widget._scroll_update(size)
    widget.refresh()


def layout_cost(article: Article | None) -> int:
    """What laying ``article`` out costs, in characters: its text, and tables by their cells (a
    table of little text still takes Rich a while: 200 small nested tables, 3,700 characters, take
    ~0.3 s)."""
    if article is None:
        return 0
    cost = 0
    for b in article.blocks:
        cost += len(b.text)
        if b.kind == TABLE:
            cost += TABLE_COST + sum(CELL_COST + len(c) for r in b.rows for c in r)
    return cost


@dataclass(frozen=True)
class Hits:
    """Where the keyword occurs: in the body (offsets into ``body_text``) and in the title."""

    body: tuple[tuple[int, int], ...] = ()
    title: tuple[tuple[int, int], ...] = ()
    current: int = -1  # the body hit n/N moved to (-1: none yet)


def lay_out(console: Console, width: int, article: Article | None, mentions: Sequence[Mention],
            flash: Mention | None, placeholder: str, check: Callable[[], None] = lambda: None,
            hits: Hits = Hits()) -> Laid:
    lay = _Layout(console, width - 2 * MARGIN, check)
    if article is None:
        lay.add_text(Text(placeholder, style="dim italic"))
    else:
        lay.article(article, list(mentions), flash, hits)
    pairs = [(off, i) for i, off in enumerate(lay.starts) if off >= 0]
    return Laid(lay.lines, [p[0] for p in pairs], [p[1] for p in pairs], width)


class ArticleView(ScrollView, can_focus=True):
    """Shows an article; long ones are laid out off the UI thread (:class:`LaidOut`)."""

    BINDINGS = READER
    DEFAULT_CSS = """
    ArticleView { background: $surface; }
    """

    class EndReached(Message):
        """``space`` (page down) at the end of the article: the reader goes to the next unread one."""

    class HitsChanged(Message):
        """The keyword hits (or the one n/N is on) changed: the status bar says ``命中 i/N``."""

    class LaidOut(Message):
        def __init__(self, token: int, laid: Laid) -> None:
            self.token, self.laid = token, laid
            super().__init__()

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.placeholder = "选择一篇文章 · select an article"
        self._laid = Laid()
        self._width = 0
        self._token = 0  # the layout asked for last; older results are dropped
        self._flash: Mention | None = None
        self._flash_timer: Timer | None = None
        self.mention_cursor = -1
        self.laying_out = False
        self.search_query = ""  # the keyword whose hits are highlighted
        self._needles: list[str] = []
        self.hits = Hits()
        self._search_relayout_due = False  # set_search's layout waits for the next frame
        self._pass: tuple[Style, int] | None = None  # (style, width) while render_lines draws

    def action_page_down(self) -> None:
        if self.article is not None and not self.laying_out and self.scroll_y >= self.max_scroll_y:
            self.post_message(self.EndReached())
            return
        super().action_page_down()

    # public API ---------------------------------------------------------
    def show(self, article: Article | None, mentions: list[Mention] | None = None, placeholder: str = "") -> None:
        same = self.article is not None and article is not None and self.article.path == article.path
        self.article = article
        self.mentions = sorted(mentions or [], key=lambda m: (m.start, m.end))
        if placeholder:
            self.placeholder = placeholder
        if not same:
            self.mention_cursor = -1
            self._flash = None
            self._find_hits()
        self._relayout(fresh=not same)
        if not same:
            self.scroll_to(y=0, animate=False)

    # keyword hits ---------------------------------------------------------
    def set_search(self, query: str) -> None:
        """Highlight where ``query`` (the keyword filter) occurs; blank: no hits."""
        query = query.strip()
        if query == self.search_query:
            return
        self.search_query = query
        self._needles = query_needles(query)
        old = self.hits
        self._find_hits()  # (now: the status bar's 命中 i/N and n/N read them)
        if self.hits != old and not self._search_relayout_due:
            # the marks follow one frame later: the list and the status the key changed are drawn
            # first (escape clearing a keyword: the whole article laid out again, ~50 ms)
            self._search_relayout_due = True
            self.call_after_refresh(self._relayout_for_search)

    def _relayout_for_search(self) -> None:
        if self._search_relayout_due:  # (not done meanwhile by another layout)
            self._relayout()

    def _find_hits(self) -> None:
        article, needles = self.article, self._needles
        old = self.hits
        if article is None or not needles:
            self.hits = Hits()
        else:
            self.hits = Hits(tuple(find_hits(article.body_text, needles)), tuple(find_hits(article.title, needles)))
        if old != self.hits:
            self.post_message(self.HitsChanged())

    @property
    def hit_status(self) -> str:
        """``命中 i/N`` (``命中 N`` before n/N): for the status bar; empty without hits."""
        n = len(self.hits.body)
        if not n:
            return ""
        return f"命中 {self.hits.current + 1}/{n}" if self.hits.current >= 0 else f"命中 {n}"

    def next_hit(self, step: int = 1) -> tuple[int, int] | None:
        """Move to the next (``step`` 1) or previous (-1) keyword hit, scroll to it and mark it."""
        body = self.hits.body
        if not body:
            return None
        current = self.hits.current
        if current < 0:  # the first n: the first hit below the top of the screen (N: the last above)
            top = self._offset_at_line(int(self.scroll_y))
            after = [i for i, (a, _) in enumerate(body) if a >= top]
            current = (after[0] if after else 0) if step > 0 else ((after[0] if after else len(body)) - 1)
        else:
            current = (current + step) % len(body)
        self.hits = replace(self.hits, current=current)
        start, end = body[current]
        line = self.line_of(start)
        if line is not None:
            height = self.scrollable_content_region.height or 1
            if not self.scroll_y <= line < self.scroll_y + height - 1:
                self.scroll_to(y=max(0, line - height // 3), animate=False)
        self._relayout()
        self.post_message(self.HitsChanged())
        return start, end

    def _offset_at_line(self, line: int) -> int:
        index = self._laid.index
        i = bisect_right(index, line) - 1
        return self._laid.keys[i] if 0 <= i < len(self._laid.keys) else 0

    def set_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._relayout()

    @property
    def flashed(self) -> Mention | None:
        """The mention flashed right now (after :meth:`jump_to`), if any."""
        return self._flash

    def jump_to(self, mention: Mention) -> None:
        """Scroll so ``mention`` is visible, and flash it."""
        line = self.line_of(mention.start) if mention.in_body else None
        if line is None:
            return
        height = self.scrollable_content_region.height or 1
        self.scroll_to(y=max(0, line - height // 3), animate=False)
        self._flash = mention
        self._relayout()
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(1.2, self._end_flash)

    def next_mention(self, step: int = 1) -> Mention | None:
        if not self.mentions:
            return None
        self.mention_cursor = (self.mention_cursor + step) % len(self.mentions)
        m = self.mentions[self.mention_cursor]
        self.jump_to(m)
        return m

    def line_of(self, offset: int) -> int | None:
        """The line that shows body offset ``offset``."""
        keys = self._laid.keys
        if not keys:
            return None
        i = bisect_right(keys, offset) - 1
        return self._laid.index[max(i, 0)]

    @property
    def lines_text(self) -> list[str]:
        """Plain text of every laid-out line (tests and the e2e check read this)."""
        laid = self._laid
        return [laid.strip(i).text for i in range(len(laid.lines))]

    # layout -------------------------------------------------------------
    def _end_flash(self) -> None:
        self._flash = None
        self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._relayout()

    def _relayout(self, fresh: bool = False) -> None:
        self._search_relayout_due = False  # this layout has the hits as they are now
        region = max(10, self.scrollable_content_region.width or self.size.width or 80)
        self._width = region
        width = self.text_width
        self._token += 1
        job = partial(lay_out, self.app.console, width, self.article, tuple(self.mentions), self._flash,
                      self.placeholder, hits=self.hits)
        if layout_cost(self.article) <= SYNC_LAYOUT_CHARS:
            self.laying_out = False
            self._apply(job())
            return
        self.laying_out = True
        if fresh:  # another article: say so at once rather than keep the previous one on screen
            self._apply(lay_out(self.app.console, width, None, (), None, "排版中… laying out"))
        # (a worker named here: @work names one after the repr of its arguments — the article and
        # its mentions: 0.25 s on the UI thread for an article of 30,000 figures)
        self.run_worker(partial(self._lay_out_in_thread, self._token, job), thread=True, exclusive=True,
                        group="layout", description="layout")

    def _lay_out_in_thread(self, token: int, job: Callable[..., Laid]) -> None:
        worker = get_current_worker()

        def check() -> None:
            if worker.is_cancelled or token != self._token:
                raise Cancelled

        try:
            laid = job(check=check)
        except Cancelled:
            return
        self.post_message(self.LaidOut(token, laid))

    def on_article_view_laid_out(self, message: LaidOut) -> None:
        message.stop()
        if message.token == self._token:
            self.laying_out = False
            self._apply(message.laid)

    def _apply(self, laid: Laid) -> None:
        self._laid = laid
        set_virtual_size(self, Size(self._width, len(laid.lines)))
        self.refresh()

    @property
    def text_width(self) -> int:
        """The width the article is laid out at: the pane's, capped at :data:`MEASURE` (+ margins)."""
        return min(self._width, MEASURE + 2 * MARGIN)

    def render_lines(self, crop: Region) -> list[Strip]:
        # the pane's style and width once per pass, not once per line (each walks up the DOM): a
        # focus change (the tint) or a new article draws every line of the pane
        self._pass = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_offset.y) + y
        style, width = self._pass or (self.rich_style, self.scrollable_content_region.width)
        laid = self._laid
        if 0 <= line < len(laid.lines):
            left = max(0, (width - self.text_width) // 2)  # a capped measure is centred in the pane
            segments = laid.lines[line]
            used = left + MARGIN + Segment.get_line_length(segments)
            if used + MARGIN <= width and left + laid.width <= width:  # (it fits: one strip, not five)
                padded = [Segment(" " * (left + MARGIN)), *segments, Segment(" " * (width - used))]
                return Strip(Segment.apply_style(padded, style), width)
            strip = laid.strip(line)
            if left:
                strip = Strip([Segment(" " * left), *strip])
            return strip.crop_extend(0, width, None).apply_style(style)
        return Strip.blank(width, style)


OPENING = "（「『“‘《〈【〔([{"
KEEP_MAX = 12  # longer highlighted spans may still be broken


def _local(mentions: list[Mention], start: int) -> list[tuple[int, int]]:
    return [(m.start - start, m.end - start) for m in mentions if m.end - m.start <= KEEP_MAX]


def keep_whole(plain: str, width: int, keep) -> list[tuple[int, int]]:
    """Line ranges of ``plain`` at ``width`` cells that never break inside a ``keep`` span
    (a highlighted figure or company name: ``约230天``, ``宁德时代``): such a line ends before
    the span — and before any opening punctuation that leads into it — instead."""
    ranges = [(a, b) for a, b, _ in line_ranges(plain, width)]
    keep = [(s, e) for s, e in keep if 0 <= s < e <= len(plain) and cell_len(plain[s:e]) * 3 <= width]
    if not keep or len(ranges) < 2:
        return ranges
    out: list[tuple[int, int]] = []
    offset = 0
    while True:
        fixed = None
        for i, (a, b) in enumerate(ranges[:-1]):
            nxt = ranges[i + 1][0]
            for s, e in keep:
                s, e = s - offset, e - offset
                if a < s < nxt < e or (a < s < b < e):
                    cut = s
                    while cut > a + 1 and plain[offset + cut - 1] in OPENING:
                        cut -= 1
                    if cut > a:
                        fixed = (i, cut)
                    break
            if fixed:
                break
        if fixed is None:
            out.extend((a + offset, b + offset) for a, b in ranges)
            return out
        i, cut = fixed
        out.extend((a + offset, b + offset) for a, b in ranges[:i])
        out.append((ranges[i][0] + offset, cut + offset))
        offset += cut
        rest = plain[offset:]
        ranges = [(a, b) for a, b, _ in line_ranges(rest, width)] if rest else []
        if not ranges:
            return out


COLUMN_MIN = 8  # cells a table column gets when there is room (4 Chinese characters)


def column_widths(console: Console, rows: list[list[CJKText]], room: int) -> list[int] | None:
    """Widths of a table's columns in ``room`` cells, as a browser lays out a table: each column
    gets at least its widest unbreakable piece (``+0.1个百分点``), the rest of the room goes to
    the columns in proportion to what more they would take. None: the pieces alone do not fit (Rich
    shares the room out then)."""
    options = console.options.update_width(max(1, room))
    ncols = len(rows[0]) if rows else 0
    low, high = [0] * ncols, [0] * ncols
    for r in rows:
        for i, cell in enumerate(r):
            m = cell.__rich_measure__(console, options)
            low[i], high[i] = max(low[i], m.minimum), max(high[i], m.maximum)
    low = [max(1, w) for w in low]
    high = [max(a, b) for a, b in zip(low, high)]
    comfortable = [max(lo, min(h, COLUMN_MIN)) for lo, h in zip(low, high)]  # not a character a line
    if sum(comfortable) <= room:
        low = comfortable
    elif sum(low) > room:
        return None
    if sum(high) <= room:
        return high
    spare, want = room - sum(low), sum(h - lo for lo, h in zip(low, high))
    widths = [lo + (h - lo) * spare // want for lo, h in zip(low, high)]
    for i in sorted(range(ncols), key=lambda i: widths[i] - high[i])[: room - sum(widths)]:
        widths[i] += 1  # what rounding left
    return widths


class _Layout:
    """Turns an article into lines of segments, recording each line's body offset."""

    def __init__(self, console: Console, width: int, check: Callable[[], None] = lambda: None) -> None:
        self.console = console
        self.width = max(4, width)
        self.check = check  # raises Cancelled when the result is no longer wanted
        self.lines: list[list[Segment]] = []
        self.starts: list[int] = []
        self.hits = Hits()

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append([])
            self.starts.append(-1)

    def add_text(self, text: Text, body_start: int = -1, first: str = "", rest: str = "",
                 prefix_style: Style | None = None, keep: Sequence[tuple[int, int]] = (),
                 balance: bool = False) -> None:
        indent = max(len(first), len(rest))
        plain = text.plain
        if not plain:
            ranges = [(0, 0)]
        elif balance:
            ranges = [(a, b) for a, b, _ in balanced_ranges(plain, self.width - indent)]
        elif keep and len(plain) <= KEEP_WHOLE_MAX:
            ranges = keep_whole(plain, self.width - indent, keep)
        else:
            ranges = [(a, b) for a, b, _ in line_ranges(plain, self.width - indent)]
        self.check()
        # one pass over the text for every line (slicing a Text per line copies it: quadratic)
        cuts = sorted({o for a, b in ranges for o in (a, b)} - {0})
        pieces = text.divide(cuts)
        piece_at: dict[int, Text] = {}
        offset = 0
        for part in pieces:
            piece_at[offset] = part
            offset += len(part.plain)
        for n, (a, b) in enumerate(ranges):
            if n % 200 == 199:
                self.check()
            piece = piece_at.get(a) if b > a else None
            segs = list(piece.render(self.console)) if piece is not None else []
            prefix = first if n == 0 else rest
            line = ([Segment(prefix, prefix_style)] if prefix else []) + [s for s in segs if s.text != "\n"]
            self.lines.append(line)
            self.starts.append(body_start + a if body_start >= 0 else -1)

    def article(self, article: Article, mentions: list[Mention], flash: Mention | None, hits: Hits = Hits()) -> None:
        self.hits = hits
        title = Text(one_line(article.title), style="bold")
        for a, b in hits.title:
            title.stylize(HIT_STYLE, a, b)
        self.add_text(title, balance=True)  # no lone character on the title's last line
        author = article.author if article.author and article.author != article.source else ""
        shown = format_date(article.date)
        if shown and article.date_approx:  # the file's modification time, not a stated date
            shown = "≈" + shown + " (文件时间 file time)"
        meta = one_line(" · ".join(p for p in (article.source, shown,
                                               " / ".join(article.categories), author) if p))
        if meta:  # one line: never broken inside a category name
            self.add_text(Text(fold_cells(meta, self.width), style="dim"))
        self.lines.append([Segment("─" * self.width, Style(dim=True))])
        self.starts.append(-1)
        self.blank()
        offsets = article.block_offsets()
        m_index = 0
        for block, start in zip(article.blocks, offsets):
            self.check()
            end = start + len(block.text)
            while m_index < len(mentions) and mentions[m_index].end <= start:
                m_index += 1
            local = []
            j = m_index
            while j < len(mentions) and mentions[j].start < end:
                local.append(mentions[j])
                j += 1
            self.block(block, start, local, flash)
            self.blank()

    def _hits_in(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        body = self.hits.body
        i = max(0, bisect_right(body, (start, -1)) - 1)
        out = []
        while i < len(body) and body[i][0] < end:
            a, b = body[i]
            if b > start:
                out.append((max(a, start) - start, min(b, end) - start, i == self.hits.current))
            i += 1
        return out

    def _styled(self, block: Block, start: int, mentions: list[Mention], flash: Mention | None,
                base: Style | None = None) -> Text:
        text = Text(inert(block.text), style=base or "")
        for span in block.spans:
            style = SPAN_STYLES.get(span.style)
            if span.style == "link":
                style = Style(underline=True, link=safe_link(span.url), color="bright_blue")
            if style is not None:
                text.stylize(style, span.start, span.end)
        for m in mentions:
            text.stylize(highlight_style(m.kind), m.start - start, m.end - start)
        for a, b, current in self._hits_in(start, start + len(block.text)):
            text.stylize(CURRENT_HIT_STYLE if current else HIT_STYLE, a, b)
        if flash is not None and start <= flash.start < start + len(block.text):
            text.stylize(flash_style(flash.kind), flash.start - start, flash.end - start)
        return text

    def block(self, block: Block, start: int, mentions: list[Mention], flash: Mention | None) -> None:
        kind = block.kind
        if kind == TABLE:
            self.table(block)
        elif kind == RULE:
            self.lines.append([Segment("─" * self.width, Style(dim=True))])
            self.starts.append(start)
        elif kind == IMAGE:
            self.add_text(Text(inert(block.text), style="dim italic"), start)
        elif kind == CODE:
            for line in inert(block.text).split("\n"):
                self.add_text(Text(line, style="dim"), start, "  ", "  ")
        elif kind == HEADING:
            base = Style(bold=True, color="bright_white" if block.level <= 2 else None,
                         underline=block.level <= 1)
            self.add_text(self._styled(block, start, mentions, flash, base), start,
                          "■ " if block.level <= 2 else "", "  " if block.level <= 2 else "",
                          Style(color="bright_blue"), keep=_local(mentions, start))
        elif kind == QUOTE:
            bar = "▌ " * max(1, block.level)
            self.add_text(self._styled(block, start, mentions, flash, Style(italic=True)), start, bar, bar,
                          Style(color="bright_black"), keep=_local(mentions, start))
        elif kind == LIST_ITEM:
            depth = "  " * max(0, block.level - 1)
            bullet = f"{block.ordinal}. " if block.ordinal else "• "
            self.add_text(self._styled(block, start, mentions, flash), start, depth + bullet,
                          depth + " " * len(bullet), Style(color="bright_blue"), keep=_local(mentions, start))
        else:
            self.add_text(self._styled(block, start, mentions, flash), start, keep=_local(mentions, start))

    def table(self, block: Block) -> None:
        table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
        rows = [tuple(inert(c) for c in r) for r in block.rows] or [(inert(block.text),)]
        self.check()
        ncols = max(len(r) for r in rows)
        # cells wrap with the Chinese line breaking too: never inside a number and its unit (+0.1个百分点)
        cells = [[CJKText(r[i] if i < len(r) else "") for i in range(ncols)] for r in rows]
        widths = column_widths(self.console, cells, self.width - 3 * ncols - 1)  # borders and padding
        for i in range(ncols):
            cells[0][i].text.stylize("bold")
            table.add_column(cells[0][i], overflow="fold", width=widths[i] if widths else None)
        for r in cells[1:]:
            table.add_row(*r)
        options = self.console.options.update_width(self.width)
        for line in self.console.render_lines(table, options, pad=False):
            self.lines.append(list(line))
            self.starts.append(-1)
