"""Rich renderables that wrap with CJK line-breaking rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rich.measure import Measurement
from rich.text import Text

from .linebreak import hard_breaks, segments
from .wrap import cells, wrap

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = ["CJKText"]

JustifyMethod = Literal["default", "left", "center", "right", "full"]


class CJKText:
    """A :class:`rich.text.Text` rendered with CJK-aware wrapping.

    Args:
        text: The text (a plain ``str`` is converted with ``style``).
        style: Base style when ``text`` is a ``str``.
        justify: ``"left"`` (default), ``"center"`` or ``"right"``;
            ``"full"`` is treated as ``"left"`` (CJK lines have no spaces to
            stretch).  ``None`` uses the console option / ``"left"``.
        end: String written after the last line (default ``"\\n"``).
        indent: First-line indent of each paragraph, in cells.
    """

    def __init__(
        self,
        text: Text | str,
        *,
        style: str = "",
        justify: JustifyMethod | None = None,
        end: str = "\n",
        indent: int = 0,
    ) -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.justify = justify
        self.end = end
        self.indent = indent

    def __repr__(self) -> str:
        return f"CJKText({self.text.plain!r})"

    def __rich_console__(self, console: Console, options: ConsoleOptions
                         ) -> RenderResult:
        width = options.max_width
        lines = wrap(self.text, width, indent=self.indent)
        justify = self.justify or self.text.justify or options.justify or "left"
        if justify in ("center", "right"):
            lines.justify(console, width, justify=justify)
        all_lines = Text("\n").join(lines)
        yield from all_lines.render(console, end=self.end)

    def __rich_measure__(self, console: Console, options: ConsoleOptions
                         ) -> Measurement:
        plain = self.text.plain
        if "\t" in plain:
            plain = plain.expandtabs(console.tab_size)
        max_width = 0
        min_width = 0
        for p_start, p_end in hard_breaks(plain):
            max_width = max(max_width, cells(plain[p_start:p_end]) + self.indent)
            for seg in segments(plain, p_start, p_end):
                if seg.content_end - seg.start:
                    min_width = max(min_width, cells(plain[seg.start:seg.content_end]))
        return Measurement(min_width, max_width)
