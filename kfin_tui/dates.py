"""Dates as a Chinese reader expects them: China time, ``2022-08-05 20:46``; never an error, even
for a date at the edge of what ``datetime`` holds."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8), "CST")


def format_date(dt: datetime | None, missing: str = "", with_time: bool = True) -> str:
    if dt is None:
        return missing
    try:
        local = dt.astimezone(CHINA_TZ) if dt.tzinfo else dt
    except (OverflowError, ValueError, OSError):
        local = dt  # within hours of year 1 or 9999: shown in its own zone rather than not at all
    # (isoformat pads the year to four digits as the f-string did; one C call per row of a listing)
    return local.isoformat(" ", "minutes")[:16] if with_time else local.isoformat(" ", "minutes")[:10]
