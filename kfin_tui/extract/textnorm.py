"""Length-preserving NFKC: full-width digits, letters and punctuation become ASCII, offsets stay valid.

Also ``丨`` (a CJK stroke that scraped headlines use as a bar: ``格隆汇3月22日丨某某证券指出``) becomes
``|``, so that it separates words instead of gluing them to a name.
"""
from __future__ import annotations

import re
import threading
import unicodedata

BAR_LIKE = {"丨": "|"}


class _Table(dict):
    """str.translate table filled on first sight of each character (C speed after that)."""

    def __missing__(self, cp: int) -> str:
        c = chr(cp)
        if c in BAR_LIKE:
            r = BAR_LIKE[c]
        elif "\u4e00" <= c <= "\u9fff":
            r = c
        else:
            n = unicodedata.normalize("NFKC", c)
            r = n if len(n) == 1 else c
        self[cp] = r
        return r


_TABLE = _Table()
_UNSAFE: re.Pattern[str] | None = None
_LOCK = threading.Lock()


def _unsafe() -> re.Pattern[str]:
    """Characters for which NFKC of the whole text differs from NFKC char by char: those whose NFKC is
    not one character, those that compose with what precedes them (combining marks, Hangul vowels and
    finals), and everything outside the BMP (built once, ~65k look-ups)."""
    global _UNSAFE
    if _UNSAFE is None:
        with _LOCK:
            if _UNSAFE is None:
                bad = []
                for cp in range(0x80, 0x10000):
                    c = chr(cp)
                    if 0xD800 <= cp <= 0xDFFF or 0x4E00 <= cp <= 0x9FFF:
                        continue
                    n = unicodedata.normalize("NFKC", c)
                    d = unicodedata.normalize("NFKD", c)
                    jamo = bool(d) and (0x1100 <= ord(d[0]) <= 0x11FF or 0x1100 <= ord(d[-1]) <= 0x11FF)
                    if len(n) != 1 or (d and unicodedata.combining(d[0])) or jamo:
                        bad.append(cp)
                ranges, start, prev = [], None, None
                for cp in bad:
                    if start is None:
                        start = prev = cp
                    elif cp == prev + 1:
                        prev = cp
                    else:
                        ranges.append((start, prev))
                        start = prev = cp
                if start is not None:
                    ranges.append((start, prev))
                cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
                _UNSAFE = re.compile(f"[{cls}\U00010000-\U0010ffff]")
    return _UNSAFE


def nfkc_same_length(text: str) -> str:
    """NFKC applied char by char; a char whose NFKC form is not one char is kept as is."""
    if text.isascii():
        return text
    if not _unsafe().search(text):  # the usual case: one C call for the whole text
        out = unicodedata.normalize("NFKC", text)
        if len(out) == len(text):
            return out.replace("丨", "|") if "丨" in out else out
    return text.translate(_TABLE)
