"""One sanitiser for every string that reaches a terminal (screen, tables, stderr).

Text from articles, file and folder names, feeds, the config and the user's typing is data: it must
never move the cursor, set a title, write the clipboard, reorder the line or be read as markup. JSON
output stays JSON (``json.dumps`` escapes controls itself) and does not come through here.

What is done to a display string:

* C0 controls, DEL and C1 controls (``\\x9b`` is a one-byte CSI, ``\\x9d`` a one-byte OSC) and lone
  surrogates (undecodable file names) become visible placeholders: ``␛`` for ESC, ``␇`` for BEL,
  ``�`` for C1 and surrogates — one character for one, so offsets do not move;
* invisible format characters are dropped: BiDi embeddings, overrides and isolates (they would
  reorder the rest of the line), zero-width spaces and joiners, the soft hyphen (some terminals
  draw it, some do not), variation selectors and tag characters (terminals disagree on the width
  of an emoji sequence; without them every character has the width Rich gives it);
* combining marks are kept on the character they follow (at most :data:`MAX_MARKS` of them); a mark
  with nothing to sit on (at the start, after a space or a dropped character) is dropped, so that it
  cannot combine with a column separator drawn before it.

After this, ``rich.cells.cell_len`` of the string is the sum of its characters' widths, which is what
a terminal draws. Markup is never parsed from these strings (callers build ``Text`` objects, never
``Text.from_markup``); see the tests.

Standard library only: :mod:`kfin_tui.files` and the index import the cleaner without the parsers.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

__all__ = ["MAX_MARKS", "OffsetMap", "clean_line", "clean_text", "clean_text_map", "is_clean", "json_line", "safe_url"]

MAX_MARKS = 3  # combining marks kept on one character (Zalgo text stacks hundreds)

# C0 controls but tab/newline, DEL, C1 controls; lone surrogates (undecodable file names)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# strings made only of these need no work (the common case: Chinese and ASCII text)
_PLAIN = re.compile("[\t\n\x20-\x7e\xa0-\xac\xae-\u02ff\u3001-\u3029\u3030-\u3098\u309b-\u9fff"
                    "\uff01-\uff9d\uffa0-\uffef]*")
# format characters by range (the common ones; :func:`_bad` adds every Cf from unicodedata)
_FORMAT_RANGES = ("\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
                  "\U000e0000-\U000e0fff")


def _placeholder(c: str) -> str:
    o = ord(c)
    if o < 0x20:
        return chr(0x2400 + o)  # ␛ for ESC, ␇ for BEL …
    if o == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


# Unicode 14.0.0 (generated from unicodedata): format characters (Cf) and combining
# marks (Mn, Me) of planes 0, 1 and 14. Building them at run time took 0.3-0.7 s.
_CF = (
    "\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_MARKS = (  # variation selectors are format characters here
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed\u0711\u0730-\u074a"
    "\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b"
    "\u0898-\u089f\u08ca-\u08e1\u08e3-\u0902\u093a\u093c\u0941-\u0948\u094d\u0951-\u0957\u0962-\u0963"
    "\u0981\u09bc\u09c1-\u09c4\u09cd\u09e2-\u09e3\u09fe\u0a01-\u0a02\u0a3c\u0a41-\u0a42\u0a47-\u0a48"
    "\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a82\u0abc\u0ac1-\u0ac5\u0ac7-\u0ac8\u0acd"
    "\u0ae2-\u0ae3\u0afa-\u0aff\u0b01\u0b3c\u0b3f\u0b41-\u0b44\u0b4d\u0b55-\u0b56\u0b62-\u0b63\u0b82"
    "\u0bc0\u0bcd\u0c00\u0c04\u0c3c\u0c3e-\u0c40\u0c46-\u0c48\u0c4a-\u0c4d\u0c55-\u0c56\u0c62-\u0c63"
    "\u0c81\u0cbc\u0cbf\u0cc6\u0ccc-\u0ccd\u0ce2-\u0ce3\u0d00-\u0d01\u0d3b-\u0d3c\u0d41-\u0d44\u0d4d"
    "\u0d62-\u0d63\u0d81\u0dca\u0dd2-\u0dd4\u0dd6\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc"
    "\u0ec8-\u0ecd\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f71-\u0f7e\u0f80-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102d-\u1030\u1032-\u1037\u1039-\u103a\u103d-\u103e\u1058-\u1059\u105e-\u1060"
    "\u1071-\u1074\u1082\u1085-\u1086\u108d\u109d\u135d-\u135f\u1712-\u1714\u1732-\u1733\u1752-\u1753"
    "\u1772-\u1773\u17b4-\u17b5\u17b7-\u17bd\u17c6\u17c9-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886"
    "\u18a9\u1920-\u1922\u1927-\u1928\u1932\u1939-\u193b\u1a17-\u1a18\u1a1b\u1a56\u1a58-\u1a5e\u1a60"
    "\u1a62\u1a65-\u1a6c\u1a73-\u1a7c\u1a7f\u1ab0-\u1ace\u1b00-\u1b03\u1b34\u1b36-\u1b3a\u1b3c\u1b42"
    "\u1b6b-\u1b73\u1b80-\u1b81\u1ba2-\u1ba5\u1ba8-\u1ba9\u1bab-\u1bad\u1be6\u1be8-\u1be9\u1bed"
    "\u1bef-\u1bf1\u1c2c-\u1c33\u1c36-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce0\u1ce2-\u1ce8\u1ced\u1cf4"
    "\u1cf8-\u1cf9\u1dc0-\u1dff\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302d\u3099-\u309a"
    "\ua66f-\ua672\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua825-\ua826\ua82c"
    "\ua8c4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua951\ua980-\ua982\ua9b3\ua9b6-\ua9b9"
    "\ua9bc-\ua9bd\ua9e5\uaa29-\uaa2e\uaa31-\uaa32\uaa35-\uaa36\uaa43\uaa4c\uaa7c\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaec-\uaaed\uaaf6\uabe5\uabe8\uabed\ufb1e\ufe20-\ufe2f\U000101fd"
    "\U000102e0\U00010376-\U0001037a\U00010a01-\U00010a03\U00010a05-\U00010a06\U00010a0c-\U00010a0f"
    "\U00010a38-\U00010a3a\U00010a3f\U00010ae5-\U00010ae6\U00010d24-\U00010d27\U00010eab-\U00010eac"
    "\U00010f46-\U00010f50\U00010f82-\U00010f85\U00011001\U00011038-\U00011046\U00011070"
    "\U00011073-\U00011074\U0001107f-\U00011081\U000110b3-\U000110b6\U000110b9-\U000110ba\U000110c2"
    "\U00011100-\U00011102\U00011127-\U0001112b\U0001112d-\U00011134\U00011173\U00011180-\U00011181"
    "\U000111b6-\U000111be\U000111c9-\U000111cc\U000111cf\U0001122f-\U00011231\U00011234"
    "\U00011236-\U00011237\U0001123e\U000112df\U000112e3-\U000112ea\U00011300-\U00011301"
    "\U0001133b-\U0001133c\U00011340\U00011366-\U0001136c\U00011370-\U00011374\U00011438-\U0001143f"
    "\U00011442-\U00011444\U00011446\U0001145e\U000114b3-\U000114b8\U000114ba\U000114bf-\U000114c0"
    "\U000114c2-\U000114c3\U000115b2-\U000115b5\U000115bc-\U000115bd\U000115bf-\U000115c0"
    "\U000115dc-\U000115dd\U00011633-\U0001163a\U0001163d\U0001163f-\U00011640\U000116ab\U000116ad"
    "\U000116b0-\U000116b5\U000116b7\U0001171d-\U0001171f\U00011722-\U00011725\U00011727-\U0001172b"
    "\U0001182f-\U00011837\U00011839-\U0001183a\U0001193b-\U0001193c\U0001193e\U00011943"
    "\U000119d4-\U000119d7\U000119da-\U000119db\U000119e0\U00011a01-\U00011a0a\U00011a33-\U00011a38"
    "\U00011a3b-\U00011a3e\U00011a47\U00011a51-\U00011a56\U00011a59-\U00011a5b\U00011a8a-\U00011a96"
    "\U00011a98-\U00011a99\U00011c30-\U00011c36\U00011c38-\U00011c3d\U00011c3f\U00011c92-\U00011ca7"
    "\U00011caa-\U00011cb0\U00011cb2-\U00011cb3\U00011cb5-\U00011cb6\U00011d31-\U00011d36\U00011d3a"
    "\U00011d3c-\U00011d3d\U00011d3f-\U00011d45\U00011d47\U00011d90-\U00011d91\U00011d95\U00011d97"
    "\U00011ef3-\U00011ef4\U00016af0-\U00016af4\U00016b30-\U00016b36\U00016f4f\U00016f8f-\U00016f92"
    "\U00016fe4\U0001bc9d-\U0001bc9e\U0001cf00-\U0001cf2d\U0001cf30-\U0001cf46\U0001d167-\U0001d169"
    "\U0001d17b-\U0001d182\U0001d185-\U0001d18b\U0001d1aa-\U0001d1ad\U0001d242-\U0001d244"
    "\U0001da00-\U0001da36\U0001da3b-\U0001da6c\U0001da75\U0001da84\U0001da9b-\U0001da9f"
    "\U0001daa1-\U0001daaf\U0001e000-\U0001e006\U0001e008-\U0001e018\U0001e01b-\U0001e021"
    "\U0001e023-\U0001e024\U0001e026-\U0001e02a\U0001e130-\U0001e136\U0001e2ae\U0001e2ec-\U0001e2ef"
    "\U0001e8d0-\U0001e8d6\U0001e944-\U0001e94a"
)


@lru_cache(maxsize=1)
def _bad() -> re.Pattern[str]:
    """controls | format characters | a run of combining marks (compiled on first use)."""
    return re.compile(f"(?P<ctl>[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff])"
                      f"|(?P<fmt>[{_CF}{_FORMAT_RANGES}])|(?P<mark>[{_MARKS}]+)")


def _neutralise(text: str, keep: str, removed: list[tuple[int, int]] | None = None) -> str:
    """The slow path of :func:`clean_line` / :func:`clean_text`: ``keep`` holds the controls kept
    as they are (``"\\n\\t"`` in a body). ``removed`` receives (position, count) of dropped characters."""
    bad = _bad()
    parts: list[str] = []
    pos = 0
    for m in bad.finditer(text):
        start, end = m.span()
        if start > pos:
            parts.append(text[pos:start])
        pos = end
        kind = m.lastgroup
        if kind == "ctl":
            c = m.group()
            parts.append(c if c in keep else _placeholder(c))
            continue
        if kind == "fmt":
            kept = ""
        else:
            prev = text[start - 1] if start else ""
            base = prev and not prev.isspace() and not bad.match(prev)
            kept = m.group()[:MAX_MARKS] if base else ""
        if kept:
            parts.append(kept)
        if removed is not None and end - start > len(kept):
            removed.append((start + len(kept), end - start - len(kept)))
    if pos == 0:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def clean_line(text: str) -> str:
    """``text`` on one line, safe to print: every control character a visible placeholder (newlines
    and tabs too: a name must not split a table row), format characters dropped, combining marks
    only on a base character."""
    if _PLAIN.fullmatch(text):
        return text.replace("\n", "\u2424").replace("\t", " ") if ("\n" in text or "\t" in text) else text
    text = _neutralise(text, "\n\t")
    return text.replace("\n", "\u2424").replace("\t", " ")


def clean_text(text: str) -> str:
    """Like :func:`clean_line` for a body of text: newlines and tabs are kept."""
    if _PLAIN.fullmatch(text):
        return text
    return _neutralise(text, "\n\t")


def clean_text_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """:func:`clean_text` and where characters were dropped: ``(position, count)`` in ``text``, in
    order (use :class:`OffsetMap` to move an offset of ``text`` to the cleaned string)."""
    if _PLAIN.fullmatch(text):
        return text, []
    removed: list[tuple[int, int]] = []
    return _neutralise(text, "\n\t", removed), removed


class OffsetMap:
    """Moves an offset of the original text to the cleaned text (``removed`` from
    :func:`clean_text_map`); O(log n) per offset."""

    def __init__(self, removed: list[tuple[int, int]]) -> None:
        self.removed = removed
        self.starts = [p for p, _ in removed]
        self.before = [0]  # characters dropped before each removal
        for _, n in removed:
            self.before.append(self.before[-1] + n)

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset)
        if i == 0:
            return offset
        p, n = self.removed[i - 1]
        return offset - self.before[i - 1] - min(n, offset - p)


def is_clean(text: str) -> bool:
    """True when :func:`clean_text` would leave ``text`` as it is."""
    return clean_text(text) == text


_URL_BAD = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
                      r"\ud800-\udfff]")
MAX_URL = 2048


def safe_url(url: str) -> str:
    """``url`` when it is an ``http(s)://`` address without controls, spaces or invisible characters
    (and not absurdly long); else "". The only link targets that reach the block model and the
    terminal's hyperlink sequence."""
    url = url.strip(" \t\n\r\f")
    if not url or len(url) > MAX_URL or _URL_BAD.search(url):
        return ""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or rest[0] == "/":
        return ""
    return url


# JSON escapes C0 itself; these it would write raw with ensure_ascii=False: C1 controls (a UTF-8
# terminal may read U+009B as CSI), BiDi, zero-width and line/paragraph separators
JSON_RAW = _JSON_RAW = re.compile("[\x7f-\x9f\xad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def json_line(obj: object) -> str:
    """``obj`` as one line of JSON (non-ASCII kept readable) in which every character a terminal
    could act on is ``\\u``-escaped: JSON stays JSON, and is inert when printed."""
    import json

    text = json.dumps(obj, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
