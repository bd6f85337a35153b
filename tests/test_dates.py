"""dates.format_date: the listing's date column, field by field, for any datetime (naive or aware,
any offset, years 1–9999)."""
from __future__ import annotations

from datetime import timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from kfin_tui.dates import CHINA_TZ, format_date

OFFSETS = st.one_of(st.none(), st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-1439, 1439)))


@settings(max_examples=300, deadline=None)
@given(st.datetimes(timezones=OFFSETS), st.booleans())
def test_format_date_is_beijing_time_field_by_field(dt, with_time):
    try:
        local = dt.astimezone(CHINA_TZ) if dt.tzinfo else dt
    except OverflowError:  # within hours of year 1 or 9999: its own zone
        local = dt
    want = f"{local.year:04d}-{local.month:02d}-{local.day:02d}"
    if with_time:
        want += f" {local.hour:02d}:{local.minute:02d}"
    assert format_date(dt, with_time=with_time) == want


def test_missing_date():
    assert format_date(None, missing="—") == "—"
