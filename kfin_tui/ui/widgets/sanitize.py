"""Text from articles, names, feeds, the config and typing is inert on screen: the core sanitiser
(:mod:`kfin_tui.sanitize`) shows control characters as visible placeholders, one for one, so
offsets into the text stay valid. Rich/Textual markup is never parsed: widgets get Text/Content.
"""
from __future__ import annotations

from ...sanitize import clean_line


def one_line(text: str) -> str:
    """A name, title or typed string on one line (newlines shown as ␤)."""
    return clean_line(text)


def inert(text: str) -> str:
    """Body text: controls shown as placeholders, line breaks kept (one character for one)."""
    if "\n" not in text:
        return clean_line(text)
    return "\n".join(clean_line(part) for part in text.split("\n"))


def safe_link(url: str | None) -> str | None:
    """A link target the terminal may be given (an OSC 8 hyperlink): http(s) only, no controls."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return url if clean_line(url) == url and " " not in url else None
