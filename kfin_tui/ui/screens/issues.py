"""Files that could not be read (or loaded with a warning), with the reason."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from ..bindings import ISSUES
from ..widgets.sanitize import inert


class LoadIssuesScreen(ModalScreen[None]):
    BINDINGS = ISSUES
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    LoadIssuesScreen { align: center middle; }
    LoadIssuesScreen > Vertical { width: 95%; height: 80%; border: round $warning; background: $surface; }
    LoadIssuesScreen Label { text-style: bold; padding: 0 1; }
    LoadIssuesScreen DataTable { height: 1fr; }
    """

    def __init__(self, issues, root=None) -> None:
        super().__init__()
        self.issues = issues
        self.root = root

    def compose(self) -> ComposeResult:
        errors = sum(1 for i in self.issues if not i.warning)
        with Vertical():
            yield Label(f"读取问题 · load issues: {errors} not loaded, {len(self.issues) - errors} with warnings")
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "原因 reason", "文件 file")
        for issue in self.issues:
            path = issue.path
            if self.root is not None:
                try:
                    path = str(Path(issue.path).relative_to(self.root))
                except ValueError:
                    pass
            table.add_row("⚠" if issue.warning else "✗", Text(inert(issue.reason)), Text(inert(path)))

    def action_close(self) -> None:
        self.dismiss(None)
