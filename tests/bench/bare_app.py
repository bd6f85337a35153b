"""The floor of a Textual app's first paint: one Static, nothing else (run by tmux_bench.py)."""
from textual.app import App, ComposeResult
from textual.widgets import Static

MARK = "bare textual app: first paint"


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(MARK)


if __name__ == "__main__":
    Bare().run()
