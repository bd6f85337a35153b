"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; binary is refused."""
from __future__ import annotations

MAX_BYTES = 4 * 1024 * 1024  # a news article is never this big; larger files are load issues


class DecodeError(ValueError):
    """The file is not text we can read; the message is a plain-language reason."""


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.02 + 2


def decode(data: bytes) -> str:
    """Decode article bytes, normalising line ends to ``\\n``."""
    if not data.strip():
        raise DecodeError("the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16")
    else:
        if looks_binary(data):
            raise DecodeError("binary data, not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _fallback(data)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding.upper()} text (bad byte at offset {exc.start})") from None


def _fallback(data: bytes) -> str:
    """Not UTF-8: GB18030 (a superset of GBK/GB2312) is what Chinese archives use; else detect."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("ascii",) and _plausible_chinese(str(best)):
        return str(best)
    raise DecodeError("not valid UTF-8 and not GB18030/GBK text either (unknown encoding)")


def _plausible_chinese(text: str) -> bool:
    """Reject a decoding that produced mostly rare symbols (a wrong guess)."""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·")
    return good / len(sample) > 0.9
