"""Looks of the reading pane and side panel (issue 15): the panel as wide as its text, keyword
hits, the narrow layout, the capped measure. Fixtures written for the tests (reading_corpus).
Update deliberately with ``pytest --snapshot-update`` and review the SVG diff."""
from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp

READING = Path(__file__).parent / "fixtures" / "reading_corpus"


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))


async def _search(pilot) -> None:
    await settle(pilot, 0.1)
    await pilot.press("slash", *"比亚迪", "enter")
    await pilot.pause(0.3)
    await settle(pilot)
    await pilot.press("n", "n")
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_keyword_hits_and_whole_panel(snap_compare, size):
    """比亚迪 highlighted, the second hit current (命中 2/7); at 120 columns the panel shows whole
    values and both tickers."""
    assert snap_compare(KfinApp(READING), terminal_size=size, run_before=_search)


def test_narrow_panel_in_the_sidebars_place_at_80x24(snap_compare):
    async def run(pilot):
        await settle(pilot, 0.1)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(KfinApp(READING), terminal_size=(80, 24), run_before=run)


def test_dates_unfolded_and_capped_measure_at_200x50(snap_compare):
    async def run(pilot):
        await settle(pilot, 0.1)
        await pilot.press("tab", "tab", "G", "enter")
        await settle(pilot)

    assert snap_compare(KfinApp(READING), terminal_size=(200, 50), run_before=run)
