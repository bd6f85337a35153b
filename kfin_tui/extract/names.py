"""Company names as a user types them → the name the extractor reports (light: no jieba)."""
from __future__ import annotations


def canonical_company(name: str) -> str:
    """``阿里`` → ``阿里巴巴``, ``腾讯控股`` → ``腾讯``: the name the extractor reports; a name the
    dictionary does not know is taken as typed."""
    name = name.strip()
    if not name:
        return ""
    try:
        from .dictionary import get_dictionary

        entry = get_dictionary().lookup(name)
    except Exception:  # noqa: BLE001 - without the dictionary, take the name as typed
        return name
    return entry.name if entry is not None and getattr(entry, "kind", "company") != "block" else name
