"""The side panel: figures grouped by kind, companies with ticker and mention count, media apart."""
from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...typeset import cells, fold_cells
from ..bindings import PANEL
from ..mentions import Mention, company_kind
from ..theme import KIND_COLOURS, KIND_LABELS
from .sanitize import one_line


class FactsPanel(OptionList):
    """Posts :class:`MentionSelected` when a figure or company is chosen (enter / click)."""

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

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self._laid_out_width and self._shown[0] is not None:
            highlighted = self.highlighted
            self.show_extraction(*self._shown)
            if highlighted is not None and highlighted < self.option_count:
                self.highlighted = highlighted

    def show_extraction(self, extraction: Any, pending: bool = False) -> None:
        self._shown = (extraction, pending)
        self._laid_out_width = self.scrollable_content_region.width
        self.clear_options()
        self._targets.clear()
        self.companies.clear()
        if extraction is None:
            self.add_option(Option(Text("正在提取… extracting" if pending else "—", style="dim italic"), disabled=True))
            return
        width = max(16, (self.scrollable_content_region.width or 30) - 2)
        # the figure column is as wide as the figures need (currencies like 亿元新台币 stay visible)
        texts = [f.text for f in extraction.figures] + [c.name for c in extraction.companies]
        widths = sorted(cells(t) for t in texts) or [8]
        main_width = max(8, min(widths[int(len(widths) * 0.9)], width * 3 // 5))  # a long outlier is folded
        from ...extract.model import FIGURE_KINDS  # (loaded by now: this is an extraction)

        groups: dict[str, list] = {k: [] for k in FIGURE_KINDS}
        for f in extraction.figures:
            groups.setdefault(f.kind, []).append(f)
        options: list[Option] = []
        any_figure = False
        for kind, figures in groups.items():
            if not figures:
                continue
            any_figure = True
            options.append(self._header(kind, len(figures)))
            seen = set()
            for f in figures:
                key = (f.text, f.context)
                if key in seen:
                    continue
                seen.add(key)
                oid = f"fig-{len(self._targets)}"
                # a figure of the title: nothing to scroll to
                self._targets[oid] = Mention(-1, -1, kind, f.text) if f.in_title else Mention(f.start, f.end, kind, f.text)
                options.append(Option(self._item(f.text, f.context or "", kind, width, main_width), id=oid))
        if not any_figure:
            options.append(Option(Text("没有数字 · no figures", style="dim"), disabled=True))
        companies = [c for c in extraction.companies if c.kind != "media"]
        media = [c for c in extraction.companies if c.kind == "media"]
        options.append(self._header("company", len(companies)))
        for c in sorted(companies, key=lambda c: (not c.mentions, -len(c.mentions))):
            oid = f"co-{len(self._targets)}"
            self._targets[oid] = self._first(c)
            self.companies[oid] = c.name
            ticker = c.ticker or (c.tickers[0] if c.tickers else "")
            count = f"×{len(c.mentions)}" if c.mentions else "相关"  # tagged by a cashtag only
            options.append(Option(self._item(c.name, f"{count} {ticker}".strip(), "company", width,
                                             main_width), id=oid))
        if not companies:
            options.append(Option(Text("  —", style="dim"), disabled=True))
        if media:
            options.append(self._header("media", len(media)))
            for c in media:
                oid = f"me-{len(self._targets)}"
                self._targets[oid] = self._first(c)
                options.append(Option(self._item(c.name, f"×{len(c.mentions)}", "media", width, main_width), id=oid))
        self.add_options(options)

    @staticmethod
    def _first(company: Any) -> Mention:
        kind = company_kind(company.kind)
        first = company.mentions[0] if company.mentions else None
        return Mention(first.start, first.end, kind, company.name) if first else Mention(-1, -1, kind, company.name)

    @staticmethod
    def _header(kind: str, count: int) -> Option:
        text = Text(f"{KIND_LABELS.get(kind, kind)}  {count}", style=Style(bold=True, color=KIND_COLOURS.get(kind)))
        return Option(text, disabled=True)

    @staticmethod
    def _item(main: str, note: str, kind: str, width: int, main_width: int) -> Text:
        main = fold_cells(one_line(main), max(4, main_width))
        gap = max(1, main_width + 2 - cells(main))
        note = fold_cells(one_line(note), max(1, width - cells(main) - gap - 1))
        text = Text(" ")
        text.append(main, Style(color=KIND_COLOURS.get(kind), bold=True))
        text.append(" " * gap)
        text.append(note, Style(dim=True))
        return text

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
        target = self._targets.get(event.option.id or "")
        if target is not None and target.in_body:
            self.post_message(self.MentionSelected(target))

    def on_focus(self) -> None:
        if self.highlighted is None:  # show where the cursor is as soon as the panel has focus
            first = next((i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None)
            if first is not None:
                self.highlighted = first
