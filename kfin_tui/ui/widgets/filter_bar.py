"""The filter bar: each active filter as a chip (关键词, 分类, 公司, 仅未读, 仅星标, 仅关注) above the
list, each removable by itself — a click on its ✕, or ``x`` (one filter: removed; several: pick
which). Hidden when nothing is filtered. Values are data (a typed keyword, a folder's category):
drawn as Text, never parsed as markup."""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from .sanitize import one_line

# the filters a chip can stand for, in the order they are shown
KINDS = ("keyword", "category", "company", "unread", "starred", "watched")
LABELS = {"keyword": "关键词", "category": "分类", "company": "公司", "unread": "仅未读", "starred": "仅星标",
          "watched": "仅关注"}
MAX_VALUE = 16  # cells of a value shown in a chip (the whole value is in the status bar)


class FilterBar(Widget):
    """Chips for ``[(kind, value)]`` (value "" for the reading-state filters), laid out in as many
    lines as they need, a chip never split; posts :class:`Remove` when a chip's ✕ is clicked."""

    DEFAULT_CSS = """
    FilterBar { height: auto; padding: 0 0 0 1; background: $boost; color: $text; }
    FilterBar.empty { display: none; }
    """

    class Remove(Message):
        def __init__(self, kind: str) -> None:
            self.kind = kind
            super().__init__()

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.chips: list[tuple[str, str]] = []
        self.add_class("empty")

    def show(self, chips: list[tuple[str, str]]) -> None:
        chips = [(k, v) for k, v in chips if k in LABELS]
        if chips == self.chips:
            return
        self.chips = chips
        self.set_class(not chips, "empty")
        self.refresh(layout=True)

    def _chip(self, kind: str, value: str) -> Text:
        from ...typeset import fold_cells

        label = LABELS[kind] + (f":{fold_cells(one_line(value), MAX_VALUE)}" if value else "")
        chip = Text(f"{label} ", style="bold")
        # a meta key of ours, read in on_click: an ``@click`` action would also be drawn in the
        # widget's link style, applied or not depending on when the bar was last rendered
        chip.append("✕", style=Style(color="red", bold=True) + Style.from_meta({"remove_filter": kind}))
        return chip

    def lines(self, width: int) -> list[Text]:
        """The chips in lines of ``width`` cells: two spaces between chips, a new line rather than a
        chip cut in two (a chip wider than the line is cut at its end)."""
        from ...typeset import cells

        out: list[Text] = []
        line = Text()
        for kind, value in self.chips:
            chip = self._chip(kind, value)
            need = cells(chip.plain)
            used = cells(line.plain)
            if used and used + 2 + need > width:
                out.append(line)
                line, used = Text(), 0
            if used:
                line.append("  ")
            line.append_text(chip)
        if line.plain:
            out.append(line)
        for text in out:
            text.truncate(max(1, width), overflow="ellipsis")
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)) if self.chips else 0

    def render(self) -> Text:
        return Text("\n").join(self.lines(self.content_size.width or 1))

    @property
    def plain(self) -> str:
        """What the bar says on one line (tests read it)."""
        return "  ".join(self._chip(k, v).plain for k, v in self.chips)

    def on_click(self, event: events.Click) -> None:
        kind = event.style.meta.get("remove_filter")
        if isinstance(kind, str) and kind in LABELS:
            event.stop()
            self.post_message(self.Remove(kind))
