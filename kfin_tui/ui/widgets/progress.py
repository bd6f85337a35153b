"""The one progress line of the sidebar: what the background work is doing, numbers first (the
sidebar is narrow). Hidden when nothing runs."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..messages import BODIES, EXTRACT, LOAD, UPDATING, Progress

FORMATS = {
    LOAD: "读取中 loading… {done}",
    BODIES: "索引 {done}/{total}",
    EXTRACT: "提取 {done}/{total}",
    UPDATING: "更新结果 updating…",
}


class ProgressLine(Static):
    DEFAULT_CSS = """
    ProgressLine { height: 1; color: $text-muted; padding: 0 1; display: none; }
    ProgressLine.busy { display: block; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.stage: str | None = None

    def show(self, progress: Progress) -> None:
        """Show ``progress``; an extraction whose total is reached hides the line (the texts' count stays
        until the search over all of them is running: :data:`UPDATING` follows it)."""
        total = progress.total
        self.stage = progress.stage
        self.update(Text(FORMATS[progress.stage].format(done=progress.done, total=total if total is not None else "?")))
        self.set_class(total is None or progress.done < total or progress.stage in (BODIES, UPDATING), "busy")

    def hide(self, stage: str | None = None) -> None:
        """Hide the line (only when it shows ``stage``, if given)."""
        if stage is None or stage == self.stage:
            self.set_class(False, "busy")

    @property
    def busy(self) -> bool:
        return self.has_class("busy")

    @property
    def text(self) -> str:
        return str(self.render()) if self.busy else ""
