"""Text from articles is inert on screen: control characters (escape sequences) are made visible
one-for-one, so offsets into the text stay valid; Rich markup is never parsed (we build Text)."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """Replace C0/C1 control characters (ESC included) by a visible symbol of the same length."""
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text
