"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; binary is refused.

The common case (valid UTF-8) costs one C-level decode. Everything else is a fallback path:
a UTF-8 file with a few damaged bytes (a truncated last character, one corrupt byte) keeps its
text with the bad bytes replaced and a note — it is *not* re-read as GB18030, which would turn the
whole article into plausible-looking mojibake.
"""
from __future__ import annotations

MAX_BYTES = 4 * 1024 * 1024  # a news article is never this big; larger files are load issues

# control bytes other than \t \n \v \f \r: text has almost none, binary formats plenty
_CONTROL = bytes(b for b in range(32) if b < 9 or 13 < b < 32)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_BLANK = b" \t\r\n\x0b\x0c"
_BLANK_TEXT = " \t\n\r\x0b\x0c\ufeff\u3000\u00a0\u200b"
# damaged UTF-8 is still UTF-8 when valid non-ASCII characters outnumber the damaged sequences
# this many times (GBK bytes read as UTF-8 give almost nothing but damage)
_GOOD_PER_BAD = 20


class DecodeError(ValueError):
    """The file is not text we can read; the message is a plain-language reason."""


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # C speed: keep only the control bytes
    return controls > len(head) * 0.02 + 2


def decode(data: bytes) -> str:
    """Decode article bytes, normalising line ends to ``\\n``. Raises :class:`DecodeError`."""
    return decode_with_note(data)[0]


def decode_with_note(data: bytes) -> tuple[str, str | None]:
    """(text, note): the note, when not None, says what had to be repaired (a warning)."""
    if not data.strip(_BLANK):
        raise DecodeError("the file is empty")
    note = None
    if data.startswith(b"\xef\xbb\xbf"):
        text, note = _utf8(data[3:])
        if text is None:
            raise DecodeError("marked as UTF-8 but is not valid UTF-8 text")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"marked as UTF-16 but is not valid UTF-16 text (bad byte at offset {exc.start})") from None
    else:
        if looks_binary(data):
            raise DecodeError("binary data, not a text article")
        text, note = _utf8(data)
        if text is None:
            text = _fallback(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip(_BLANK_TEXT):
        raise DecodeError("the file is empty")
    return text, note


def _utf8(data: bytes) -> tuple[str | None, str | None]:
    """Strict UTF-8; or UTF-8 with a handful of damaged bytes replaced (and a note); or None."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if bad > 0 and non_ascii - bad >= _GOOD_PER_BAD * bad:
        what = "sequence was" if bad == 1 else "sequences were"
        return text, f"{bad} damaged UTF-8 byte {what} replaced by �"
    return None, None


def _fallback(data: bytes) -> str:
    """Not UTF-8: GB18030 (a superset of GBK/GB2312) is what Chinese archives use; else detect."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return text
    try:
        text = data.decode("big5")  # Hong Kong / Taiwan archives
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding not in ("ascii", "utf_8"):
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _plausible_chinese(text):
            return text
    raise DecodeError("not valid UTF-8 and not GB18030/GBK text either (unknown encoding)")


def _plausible_chinese(text: str) -> bool:
    """Reject a decoding that produced mostly rare symbols (a wrong guess)."""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·")
    return good / len(sample) > 0.9
