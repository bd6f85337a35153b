"""The one progress line of the sidebar: what the background work is doing, numbers first (the
sidebar is narrow). Hidden when nothing runs. It shows the library's own progress values
(:class:`kfin_tui.index.progress.Progress`), and "updating" while the search over every text runs."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...index.progress import Phase, Progress

FORMATS = {
    Phase.LISTING: "读取中 loading… {done}",
    Phase.TEXTS: "索引 {done}/{total}",
    Phase.EXTRACTING: "提取 {done}/{total}",
    Phase.SEARCH_INDEX: "搜索索引 indexing…",
}
UPDATING = "更新结果 updating…"


class ProgressLine(Static):
    DEFAULT_CSS = """
    ProgressLine { height: 1; color: $text-muted; padding: 0 1; display: none; }
    ProgressLine.busy { display: block; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.stage: Phase | str | None = None  # what the line says: a phase, or UPDATING

    def show(self, progress: Progress) -> None:
        """Show ``progress``. A finished extraction hides the line; the texts' count stays until the
        search over all of them runs (:meth:`updating`)."""
        total = "?" if progress.total is None else progress.total
        self.stage = progress.phase
        self.update(Text(FORMATS[progress.phase].format(done=progress.done, total=total)))
        self.set_class(not progress.finished or progress.phase == Phase.TEXTS, "busy")

    def updating(self) -> None:
        self.stage = UPDATING
        self.update(Text(UPDATING))
        self.set_class(True, "busy")

    def hide(self, stage: Phase | str | None = None) -> None:
        """Hide the line (only when it shows ``stage``, if given)."""
        if stage is None or stage == self.stage:
            self.set_class(False, "busy")

    @property
    def busy(self) -> bool:
        return self.has_class("busy")

    @property
    def text(self) -> str:
        return str(self.render()) if self.busy else ""
