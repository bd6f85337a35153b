"""Files that could not be read (or loaded with a warning), with the reason."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ...articles.model import LoadIssue
from ..bindings import ISSUES
from ..widgets.sanitize import one_line


class LoadIssuesScreen(ModalScreen[None]):
    BINDINGS = ISSUES
    AUTO_FOCUS = "DataTable"
    DEFAULT_CSS = """
    LoadIssuesScreen { align: center middle; }
    LoadIssuesScreen > Vertical { width: 95%; height: 80%; border: round $warning; background: $surface; }
    LoadIssuesScreen #issues-title { text-style: bold; padding: 0 1; }
    LoadIssuesScreen DataTable { height: 1fr; }
    LoadIssuesScreen #issue-detail { height: auto; max-height: 6; padding: 0 1; border-top: solid $warning; }
    """

    def __init__(self, issues: list[LoadIssue], root: Path | None = None) -> None:
        super().__init__()
        self.issues = issues
        self.root = root
        self.table: DataTable[object] = DataTable(cursor_type="row", zebra_stripes=True)
        # the whole path and reason of the row under the cursor, wrapped: table cells are cut
        self.detail = Static(id="issue-detail", markup=False)

    def compose(self) -> ComposeResult:
        errors = sum(1 for i in self.issues if not i.warning)
        with Vertical():
            yield Static(Text(f"读取问题 · load issues: {errors} not loaded, {len(self.issues) - errors} with warnings"),
                         id="issues-title", markup=False)
            yield self.table
            yield self.detail

    def _relative(self, path: str) -> str:
        if self.root is not None:
            try:
                return str(Path(path).relative_to(self.root))
            except ValueError:
                pass
        return path

    def on_mount(self) -> None:
        table = self.table
        table.add_columns("", "文件 file", "原因 reason")
        for issue in self.issues:
            # long paths are cut in the middle (the detail line below has them whole): the reason
            # column stays on screen
            table.add_row(Text("⚠" if issue.warning else "✗"), Text(_middle(one_line(self._relative(issue.path)), 48)),
                          Text(one_line(issue.reason)))
        self._detail(0)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, index: int) -> None:
        if 0 <= index < len(self.issues):
            issue = self.issues[index]
            self.detail.update(
                Text.assemble((one_line(self._relative(issue.path)), "bold"), "\n", one_line(issue.reason)))

    def action_move(self, step: int) -> None:
        table = self.table
        table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_close(self) -> None:
        self.dismiss(None)


def _middle(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut in the middle with … (the file name stays)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    tail = text[-max(1, len(text) // 2):]
    while cell_len(tail) > width // 2:
        tail = tail[1:]
    return set_cell_size(text, width - cell_len(tail) - 1).rstrip() + "…" + tail
