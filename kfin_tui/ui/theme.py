"""Colours shared by the inline highlights and the side panel (one place, so they always match)."""
from __future__ import annotations

from rich.style import Style

KIND_COLOURS = {
    "money": "#e5c07b",
    "percent": "#61afef",
    "multiple": "#c678dd",
    "count": "#56b6c2",
    "date": "#98c379",
    "range": "#d19a66",
    "company": "#ef596f",
    "media": "#abb2bf",
}

KIND_LABELS = {
    "money": "金额 money",
    "percent": "比例 percent",
    "multiple": "倍数 multiple",
    "count": "数量 count",
    "date": "日期 date",
    "range": "区间 range",
    "company": "公司 companies",
    "media": "媒体 media",
}

def highlight_style(kind: str) -> Style:
    colour = KIND_COLOURS.get(kind, "#e5c07b")
    if kind in ("company", "media"):
        return Style(color=colour, bold=True, underline=kind == "company")
    return Style(color=colour, bold=True)


def flash_style(kind: str) -> Style:
    return Style(color="black", bgcolor=KIND_COLOURS.get(kind, "yellow"), bold=True)
