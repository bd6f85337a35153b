"""The keyword box: an Input that also takes the ideographic space (U+3000) Chinese IMEs type."""
from __future__ import annotations

from textual import events
from textual.widgets import Input


class KeywordInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if event.character == "\u3000" or event.key == "ideographic_space":  # not printable: Input drops it
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(" ")
            return
        await super()._on_key(event)
