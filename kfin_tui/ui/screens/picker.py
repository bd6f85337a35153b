"""A small modal picker: type to narrow, enter to choose, escape to cancel."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...index.search import normalise
from ..bindings import PICKER
from ..widgets.sanitize import one_line


class PickerScreen(ModalScreen[str | None]):
    """Returns the chosen value, or None when cancelled."""

    BINDINGS = PICKER
    AUTO_FOCUS = "#picker-input"
    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical { width: 60; max-width: 100%; height: 80%; border: round $accent;
                              background: $surface; padding: 0 1; }
    PickerScreen #picker-title { text-style: bold; }
    PickerScreen OptionList { height: 1fr; border: none; }
    """

    def __init__(self, title: str, items: list[tuple[str, int]], current: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.items = items
        self.current = current
        self.options = OptionList(id="picker-options")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), id="picker-title", markup=False)
            yield Input(placeholder="输入以筛选 · type to narrow", id="picker-input")
            yield self.options

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        options = self.options
        options.clear_options()
        q = normalise(query.strip())
        shown = [(name, n) for name, n in self.items if not q or q in normalise(name)]
        for name, count in shown:
            label = Text(one_line(name))
            label.append(f"  {count}", style="dim")
            if name == self.current:
                label.append("  ✓", style="bold")
            options.add_option(Option(label, id=name))
        if shown:
            options.highlighted = 0

    @on(Input.Changed)
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submit(self) -> None:
        options = self.options
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.options
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def action_cancel(self) -> None:
        self.dismiss(None)
