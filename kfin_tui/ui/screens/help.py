"""Help: every key, grouped, written in Markdown (help.md beside this file)."""
from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from ..bindings import HELP


class HelpScreen(ModalScreen[None]):
    BINDINGS = HELP
    AUTO_FOCUS = "VerticalScroll"
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: 90%; border: round $accent;
                                  background: $surface; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        text = files("kfin_tui.ui.screens").joinpath("help.md").read_text(encoding="utf-8")
        with VerticalScroll():
            yield Markdown(text)

    def action_dismiss(self) -> None:
        self.dismiss(None)
