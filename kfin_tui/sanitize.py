"""One sanitiser for every string that reaches a terminal (screen, tables, stderr).

Text from articles, file and folder names, feeds, the config and the user's typing is data: it must
never move the cursor, set a title, write the clipboard or be read as markup. JSON output stays JSON
(``json.dumps`` escapes controls itself) and does not come through here.
"""
from __future__ import annotations

import re

# C0 controls but tab/newline, DEL, C1 controls; lone surrogates (undecodable file names)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _visible(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # ␛ for ESC, ␇ for BEL …
    if c == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def clean_line(text: str) -> str:
    """``text`` on one line with every control character shown as a visible placeholder
    (newlines and tabs too: a name must not split a table row)."""
    text = _CONTROL.sub(_visible, text)
    return text.replace("\n", "\u2424").replace("\t", " ").replace("\r", "\u240d")
