"""The status bar: the folder, the filters in force and ``shown/total``. Every part is data (a
folder name, a typed keyword, a category): it is drawn as Text, never parsed as markup."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from .sanitize import one_line


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; color: $text; padding: 0 1; }
    StatusBar > #status-left { width: 1fr; }
    StatusBar > #status-right { width: auto; color: $text-muted; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.left = Static(id="status-left", markup=False)
        self.right = Static(id="status-right", markup=False)

    def compose(self) -> ComposeResult:
        yield self.left
        yield self.right

    def show(self, folder: str, filters: list[tuple[str, str]], note: str, shown: int, total: int,
             unread: int | None = None) -> None:
        """``filters``: (label, value) pairs such as ("关键词", typed keyword), or a label alone
        (value ""); ``note``: a hint; ``unread``: articles not read yet (None: not known yet)."""
        parts: list[str] = ["kfin-tui", one_line(folder)]
        parts += [f"{label}: {one_line(value)}" if value else label for label, value in filters]
        if note:
            parts.append(note)
        self.left.update(Text(" · ".join(parts), no_wrap=True, overflow="ellipsis"))
        right = f"{shown}/{total}" if unread is None else f"未读 {unread} · {shown}/{total}"
        self.right.update(Text(right))

    @property
    def text(self) -> str:
        """What the bar says, as plain text (tests and the e2e check read it)."""
        return f"{self.left.render()} | {self.right.render()}"
