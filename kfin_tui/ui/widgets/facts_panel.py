"""The side panel: figures grouped by kind (a figure written several times once, ×N; dates last
and folded), companies with every ticker and their mention count, media apart.

The panel is as wide as its text needs — whole values with their units, every ticker, the context
— up to a share of the screen (the CSS's ``max-width``); what still does not fit wraps, never cut.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...typeset import cells, line_ranges
from ..bindings import PANEL
from ..mentions import Mention, company_kind
from ..theme import KIND_COLOURS, KIND_LABELS
from .sanitize import one_line

FOLD_ID = "fold-date"
CHROME = 3  # cells around the text: the border, the scrollbar, a margin
SHARE = 0.4  # the panel takes at most this share of the screen ...
BODY_MIN = 50  # ... and leaves the article at least this many cells (25 Chinese characters)
PANEL_MIN = 24
KEEP_WIDER = 6  # cells the panel may stay wider than an article needs (moving from article to article)
MAIN_MAX = 16  # a longer figure or name puts its note on the next line


@dataclass
class PanelRow:
    """One entry of the panel: a header, a note, or a figure / company pointing at its first mention."""

    main: str
    note: str = ""
    kind: str = ""
    header: bool = False
    oid: str = ""
    target: Mention | None = None
    company: str = ""


def shown_context(figure: Any, names: AbstractSet[str]) -> str:
    """The context the panel shows: one that says what the figure measures, or none. A date
    measures nothing (its context is whatever precedes it: ``财联社``, ``晚间公布``), and a context
    that is only the name of a company or medium of the article (``三次 比亚迪``, ``3月22日 格隆汇``)
    says who, not what."""
    context = one_line(figure.context or "")
    if figure.kind == "date" or context in names:
        return ""
    return context


def _figure_rows(kind: str, figures: list[Any], prefix: str, names: AbstractSet[str] = frozenset()) -> list[PanelRow]:
    """A figure written several times is one row, ``×N``, pointing at its first mention; its note
    is the context it has most often (none when it has none)."""
    groups: dict[str, list[Any]] = {}
    for f in figures:
        groups.setdefault(one_line(f.text), []).append(f)
    rows: list[PanelRow] = []
    for text, group in groups.items():
        contexts = Counter(c for c in (shown_context(f, names) for f in group) if c)
        context = contexts.most_common(1)[0][0] if contexts else ""
        count = f"×{len(group)}" if len(group) > 1 else ""
        first = next((f for f in group if not f.in_title), group[0])
        target = (Mention(-1, -1, kind, first.text) if first.in_title  # a figure of the title: no place to go
                  else Mention(first.start, first.end, kind, first.text))
        rows.append(PanelRow(text, " ".join(p for p in (count, context) if p), kind,
                             oid=f"{prefix}-{len(rows)}", target=target))
    return rows


def _first(company: Any) -> Mention:
    kind = company_kind(company.kind)
    first = company.mentions[0] if company.mentions else None
    return Mention(first.start, first.end, kind, company.name) if first else Mention(-1, -1, kind, company.name)


def panel_rows(extraction: Any, dates_open: bool = True) -> list[PanelRow]:
    """What the panel lists, in order: figures by kind, companies with every ticker, media, and
    the dates last (folded to their header unless ``dates_open``)."""
    from ...extract.model import FIGURE_KINDS  # (loaded by now: this is an extraction)

    groups: dict[str, list[Any]] = {k: [] for k in FIGURE_KINDS}
    for f in extraction.figures:
        groups.setdefault(f.kind, []).append(f)
    names = {c.name for c in extraction.companies}
    rows: list[PanelRow] = []
    for kind, figures in groups.items():
        if not figures or kind == "date":
            continue
        rows.append(PanelRow(KIND_LABELS.get(kind, kind), str(len(figures)), kind, header=True))
        rows.extend(_figure_rows(kind, figures, f"fig-{kind}", names))
    if not extraction.figures:
        rows.append(PanelRow("没有数字 · no figures"))
    companies = [c for c in extraction.companies if c.kind != "media"]
    media = [c for c in extraction.companies if c.kind == "media"]
    rows.append(PanelRow(KIND_LABELS["company"], str(len(companies)), "company", header=True))
    for c in sorted(companies, key=lambda c: (not c.mentions, -len(c.mentions))):
        tickers = list(dict.fromkeys(([c.ticker] if c.ticker else []) + list(c.tickers)))
        count = f"×{len(c.mentions)}" if c.mentions else "相关"  # tagged by a cashtag only
        # a firm the article names otherwise than the archive does (保利协鑫, later 协鑫科技) is listed as
        # written; the filter, the watchlist and the dossier act on the archive's name (company=)
        rows.append(PanelRow(one_line(getattr(c, "shown", c.name)), " ".join([count, *tickers]), "company",
                             oid=f"co-{len(rows)}", target=_first(c), company=c.name))
    if not companies:
        rows.append(PanelRow("  —"))
    if media:
        rows.append(PanelRow(KIND_LABELS["media"], str(len(media)), "media", header=True))
        for c in media:
            rows.append(PanelRow(one_line(getattr(c, "shown", c.name)), f"×{len(c.mentions)}", "media", oid=f"me-{len(rows)}",
                                 target=_first(c)))
    dates = groups.get("date") or []
    if dates:
        items = _figure_rows("date", dates, "fig-date", names)
        fold = "▾ 收起 enter" if dates_open else "▸ 展开 enter"
        rows.append(PanelRow(KIND_LABELS["date"], f"{len(dates)}  {fold}", "date", header=True, oid=FOLD_ID))
        if dates_open:
            rows.extend(items)
    return rows


def main_column(rows: list[PanelRow]) -> int:
    """The width of the figure / name column: wide enough for most entries (a few long ones — a
    range, a long name — put their note on the next line instead of pushing every note right)."""
    widths = sorted(min(cells(r.main), MAIN_MAX) for r in rows if r.target is not None)
    if not widths:
        return 8
    return max(6, widths[min(len(widths) - 1, len(widths) * 4 // 5)])


def wanted_width(rows: list[PanelRow]) -> int:
    """Cells the panel's text needs to show every row whole: values with their units, every
    ticker, the context."""
    main = main_column(rows)
    need = 0
    for r in rows:
        if r.header or r.target is None:
            need = max(need, cells(r.main) + (2 + cells(r.note) if r.note else 0))
        elif cells(r.main) > MAIN_MAX:  # a long one wraps, its note on the next line
            need = max(need, 1 + main + 2 + cells(r.note))
        else:
            need = max(need, 1 + max(main, cells(r.main)) + 2 + cells(r.note))
    return need + 1


def _wrapped(text: str, width: int) -> list[str]:
    if "\n" not in text and cells(text) <= width:  # (most entries: no line breaking to do)
        return [text]
    return [text[a:b] for a, b, _ in line_ranges(text, max(1, width))] or [""]


def item_text(row: PanelRow, width: int, main_width: int) -> Text:
    """`` main  note`` in two columns; what does not fit wraps (never cut with …): the note under
    the note column, a long figure on lines of its own."""
    colour = Style(color=KIND_COLOURS.get(row.kind), bold=True)
    dim = Style(dim=True)
    text = Text()
    main_lines = _wrapped(row.main, width - 1)
    note_col = 1 + main_width + 2
    note_width = width - note_col
    if note_width < 8:  # too narrow for two columns: the note on lines of its own, indented
        note_col, note_width = 3, max(1, width - 3)
    for i, line in enumerate(main_lines):
        if i:
            text.append("\n")
        text.append(" ")
        text.append(line, colour)
    if not row.note:
        return text
    used = 1 + cells(main_lines[-1])
    if len(main_lines) == 1 and used + 2 <= note_col:
        text.append(" " * (note_col - used))
    elif len(main_lines) == 1 and used + 2 + cells(row.note) <= width:  # a little long: the note still fits
        text.append("  " + row.note, dim)
        return text
    else:
        text.append("\n" + " " * note_col)
    for i, line in enumerate(_wrapped(row.note, note_width)):
        if i:
            text.append("\n" + " " * note_col)
        text.append(line, dim)
    return text


class FactsPanel(OptionList):
    """Posts :class:`MentionSelected` when a figure or company is chosen (enter / click); enter on
    the dates' header folds / unfolds them."""

    BINDINGS = PANEL

    class MentionSelected(Message):
        def __init__(self, mention: Mention) -> None:
            self.mention = mention
            super().__init__()

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._targets: dict[str, Mention] = {}  # option id -> what it points at
        self.companies: dict[str, str] = {}  # option id -> company name
        self._shown: tuple[Any, bool] = (None, False)
        self._laid_out_width = 0
        self._fitted: int | None = None  # the width fit_width gave
        self._rows: list[PanelRow] = []
        self.dates_open = False  # the dates (last, often many and repeated) start folded

    # the panel is as tall as the screen, whatever its rows: new rows draw it again without a
    # layout of the whole screen (OptionList's height is its rows', and every new article laid
    # the screen out twice: once for the rows, once for the scrollable size)
    DEFAULT_CSS = """
    FactsPanel { height: 1fr; }
    """
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self._laid_out_width and self._shown[0] is not None:
            highlighted = self.highlighted
            self._lay_rows(self._rows)
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted

    def show_extraction(self, extraction: Any, pending: bool = False) -> None:
        if extraction is None and self._shown == (None, pending) and self.option_count:
            return  # (the placeholder is shown already)
        self._shown = (extraction, pending)
        if extraction is None:  # (the width stays: no jump while the next article is extracted)
            self._rows = []
            self._targets.clear()
            self.companies.clear()
            self.set_options([Option(Text("正在提取… extracting" if pending else "—", style="dim italic"),
                                     disabled=True)])
            return
        self._rows = panel_rows(extraction, self.dates_open)
        self.fit_width()
        self._lay_rows(self._rows)

    def fit_width(self, screen_width: int | None = None, beside: int | None = None) -> None:
        """As wide as the rows want, up to :data:`SHARE` of the screen and leaving the article
        :data:`BODY_MIN` cells beside ``beside`` cells of other panes (the sidebar)."""
        if not self._rows:
            return
        screen = screen_width or self.app.size.width
        if beside is None:
            beside = sum(w.outer_size.width for w in self.screen.query("#sidebar") if w.display)
        cap = max(PANEL_MIN, min(int(screen * SHARE), screen - beside - 1 - BODY_MIN))
        width = max(PANEL_MIN, min(wanted_width(self._rows) + CHROME, cap))
        shown = self._fitted
        if shown is not None and width <= shown <= min(cap, width + KEEP_WIDER):
            return  # a little wider than this article needs: it stays (a new width lays the screen out)
        self._fitted = width
        self.styles.width = width

    def toggle_dates(self) -> None:
        """Fold / unfold the dates (the last group); the choice holds for the next articles."""
        self.dates_open = not self.dates_open
        extraction = self._shown[0]
        if extraction is None:
            return
        highlighted = self.highlighted
        self._rows = panel_rows(extraction, self.dates_open)
        self._lay_rows(self._rows)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _lay_rows(self, rows: list[PanelRow]) -> None:
        self._laid_out_width = self.scrollable_content_region.width
        width = max(12, self._laid_out_width or 30)
        self._targets.clear()
        self.companies.clear()
        main_width = main_column(rows)
        options: list[Option] = []
        for row in rows:
            if row.header:
                text = Text(row.main, style=Style(bold=True, color=KIND_COLOURS.get(row.kind)))
                if row.note:
                    text.append("  " + row.note, Style(dim=not row.oid, bold=False))
                options.append(Option(text, id=row.oid or None, disabled=not row.oid))
            elif row.target is None:
                options.append(Option(Text(row.main, style="dim"), disabled=True))
            else:
                self._targets[row.oid] = row.target
                if row.company:
                    self.companies[row.oid] = row.company
                options.append(Option(item_text(row, width, main_width), id=row.oid))
        self.set_options(options)  # (one update: clear_options then add_options drew it twice)

    def mention_at(self, index: int | None) -> Mention | None:
        """What the option at ``index`` points at (None for headers and notes)."""
        if index is None or not 0 <= index < self.option_count:
            return None
        return self._targets.get(self.get_option_at_index(index).id or "")

    @property
    def mention_count(self) -> int:
        """How many figures and companies are listed."""
        return len(self._targets)

    def company_under_cursor(self) -> str | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.companies.get(option.id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == FOLD_ID:
            self.toggle_dates()
            return
        target = self._targets.get(event.option.id or "")
        if target is not None and target.in_body:
            self.post_message(self.MentionSelected(target))

    def on_focus(self) -> None:
        if self.highlighted is None:  # show where the cursor is as soon as the panel has focus
            first = next((i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None)
            if first is not None:
                self.highlighted = first
