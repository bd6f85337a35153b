"""The reading pane: a Rich-rendered article laid out line by line (Line API).

Blocks are typeset with kfin_tui.typeset (Chinese line breaking), figures and companies are
highlighted in the colours of the side panel, and every line remembers which body offsets it
shows, so the pane can scroll to a mention and flash it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...articles.model import CODE, HEADING, IMAGE, LIST_ITEM, QUOTE, RULE, TABLE, Article, Block
from ...dates import format_date
from ...typeset import fold_cells, line_ranges
from ..bindings import READER
from ..theme import flash_style, highlight_style
from .sanitize import inert

MARGIN = 1
SPAN_STYLES = {"bold": Style(bold=True), "italic": Style(italic=True), "code": Style(dim=True, bold=True),
               "underline": Style(underline=True), "strike": Style(strike=True)}


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into article.body_text
    end: int
    kind: str  # figure kind, "company" or "media"
    label: str


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = READER
    DEFAULT_CSS = """
    ArticleView { background: $surface; }
    """

    class MentionShown(Message):
        def __init__(self, index: int, total: int) -> None:
            self.index, self.total = index, total
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.placeholder = "选择一篇文章 · select an article"
        self._strips: list[Strip] = []
        self._line_starts: list[int] = []  # body offset of each line's first char (-1: not body)
        self._line_keys: list[int] = []  # sorted body offsets for bisect, with their line numbers
        self._line_index: list[int] = []
        self._width = 0
        self._flash: Mention | None = None
        self._flash_timer = None
        self.mention_cursor = -1

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
        self._relayout()
        if not same:
            self.scroll_to(y=0, animate=False)

    def set_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._relayout()

    def jump_to(self, start: int, end: int, kind: str = "company") -> None:
        """Scroll so the mention at body offsets [start, end) is visible, and flash it."""
        line = self.line_of(start)
        if line is None:
            return
        height = self.scrollable_content_region.height or 1
        self.scroll_to(y=max(0, line - height // 3), animate=False)
        self._flash = Mention(start, end, kind, "")
        self._relayout()
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(1.2, self._end_flash)

    def next_mention(self, step: int = 1) -> Mention | None:
        if not self.mentions:
            return None
        self.mention_cursor = (self.mention_cursor + step) % len(self.mentions)
        m = self.mentions[self.mention_cursor]
        self.jump_to(m.start, m.end, m.kind)
        self.post_message(self.MentionShown(self.mention_cursor, len(self.mentions)))
        return m

    def line_of(self, offset: int) -> int | None:
        """The line that shows body offset ``offset``."""
        if not self._line_keys:
            return None
        i = bisect_right(self._line_keys, offset) - 1
        return self._line_index[max(i, 0)]

    @property
    def lines_text(self) -> list[str]:
        """Plain text of every laid-out line (tests and the e2e check read this)."""
        return [s.text for s in self._strips]

    # layout -------------------------------------------------------------
    def _end_flash(self) -> None:
        self._flash = None
        self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._relayout()

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        self._width = width
        console = self.app.console
        lay = _Layout(console, width - 2 * MARGIN)
        if self.article is None:
            lay.add_text(Text(self.placeholder, style="dim italic"))
        else:
            lay.article(self.article, self.mentions, self._flash)
        pad = Segment(" " * MARGIN)
        self._strips = [Strip([pad, *s, pad]).adjust_cell_length(width) for s in lay.lines]
        self._line_starts = lay.starts
        pairs = [(off, i) for i, off in enumerate(lay.starts) if off >= 0]
        self._line_keys = [p[0] for p in pairs]
        self._line_index = [p[1] for p in pairs]
        self.virtual_size = Size(width, len(self._strips))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if 0 <= line < len(self._strips):
            return self._strips[line].crop_extend(0, width, None).apply_style(self.rich_style)
        return Strip.blank(width, self.rich_style)


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


class _Layout:
    """Turns an article into lines of segments, recording each line's body offset."""

    def __init__(self, console: Console, width: int) -> None:
        self.console = console
        self.width = max(4, width)
        self.lines: list[list[Segment]] = []
        self.starts: list[int] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append([])
            self.starts.append(-1)

    def add_text(self, text: Text, body_start: int = -1, first: str = "", rest: str = "",
                 prefix_style: Style | None = None, keep: list[tuple[int, int]] = ()) -> None:
        indent = max(len(first), len(rest))
        plain = text.plain
        ranges = keep_whole(plain, self.width - indent, keep) if plain else [(0, 0)]
        for n, (a, b) in enumerate(ranges):
            segs = list(text[a:b].render(self.console))
            prefix = first if n == 0 else rest
            line = ([Segment(prefix, prefix_style)] if prefix else []) + [s for s in segs if s.text != "\n"]
            self.lines.append(line)
            self.starts.append(body_start + a if body_start >= 0 else -1)

    def article(self, article: Article, mentions: list[Mention], flash: Mention | None) -> None:
        self.add_text(Text(inert(article.title), style="bold"))
        meta = " · ".join(p for p in (inert(article.source), format_date(article.date),
                                      " / ".join(article.categories), inert(article.author)
                                      if article.author and article.author != article.source else "") if p)
        if meta:  # one line: never broken inside a category name
            self.add_text(Text(fold_cells(meta, self.width), style="dim"))
        self.lines.append([Segment("─" * self.width, Style(dim=True))])
        self.starts.append(-1)
        self.blank()
        offsets = article.block_offsets()
        m_index = 0
        for block, start in zip(article.blocks, offsets):
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

    def _styled(self, block: Block, start: int, mentions: list[Mention], flash: Mention | None,
                base: Style | None = None) -> Text:
        text = Text(inert(block.text), style=base or "")
        for span in block.spans:
            style = SPAN_STYLES.get(span.style)
            if span.style == "link":
                style = Style(underline=True, link=span.url or None, color="bright_blue")
            if style is not None:
                text.stylize(style, span.start, span.end)
        for m in mentions:
            text.stylize(highlight_style(m.kind), m.start - start, m.end - start)
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
            for i, line in enumerate(inert(block.text).split("\n")):
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
        ncols = max(len(r) for r in rows)
        for i in range(ncols):
            table.add_column(Text(rows[0][i]) if i < len(rows[0]) else Text(""), overflow="fold")
        for r in rows[1:]:
            table.add_row(*[Text(c) for c in r] + [Text("")] * (ncols - len(r)))
        options = self.console.options.update_width(self.width)
        for line in self.console.render_lines(table, options, pad=False):
            self.lines.append(list(line))
            self.starts.append(-1)
