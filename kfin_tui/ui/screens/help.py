"""Help: every key, grouped, generated from the bindings and the user's keymap (so it cannot
disagree with what the keys do)."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..bindings import HELP, help_sections
from ..theme import KIND_COLOURS

TITLE = "kfin-tui 帮助 · Help"


def help_text(keymap: dict[str, str]) -> Group:
    """The help: a heading per section, then a grid of ``keys  what they do`` (wrapped, indented)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold #61afef")
    grid.add_column(ratio=1)
    for title, rows in help_sections(keymap):
        grid.add_row("", "")
        grid.add_row(Text(title, style="bold default"), "")
        for keys, what in rows:
            grid.add_row(Text("  " + keys), Text(what))
    parts: list[Text | Table] = [Text(TITLE, style="bold underline"), grid]
    from ...extract.model import FIGURE_KINDS  # (the extractor package: not before the first paint)

    legend = Text("\nFigures are coloured by kind — ")
    for i, kind in enumerate(FIGURE_KINDS):
        legend.append(kind, style=f"bold {KIND_COLOURS[kind]}")
        legend.append(", " if i < len(FIGURE_KINDS) - 1 else " — ")
    legend.append("and companies are ")
    legend.append("underlined", style=f"bold underline {KIND_COLOURS['company']}")
    legend.append(", in the same colours in the body and in the side panel.")
    parts.append(legend)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS = HELP
    AUTO_FOCUS = "VerticalScroll"
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 100; max-width: 100%; height: 90%; border: round $accent;
                                  background: $surface; padding: 0 1; }
    """

    def __init__(self, keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.keymap = keymap or {}
        self.content = help_text(self.keymap)  # what it shows

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.content, markup=False)

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def action_scroll(self, step: int) -> None:
        self.scroller.scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        self.scroller.scroll_relative(y=step * max(1, self.scroller.scrollable_content_region.height - 1),
                                      animate=False)

    def action_edge(self, end: int) -> None:
        if end:
            self.scroller.scroll_end(animate=False)
        else:
            self.scroller.scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
