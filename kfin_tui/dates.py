"""Dates as a Chinese reader expects them: China time, ``2022-08-05 20:46``."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8), "CST")


def format_date(dt: datetime | None, missing: str = "", with_time: bool = True) -> str:
    if dt is None:
        return missing
    local = dt.astimezone(CHINA_TZ) if dt.tzinfo else dt
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")
