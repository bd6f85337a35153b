"""Looks of the reader at fixed terminal sizes (pytest-textual-snapshot, SVG baselines in
tests/__snapshots__). Update deliberately with ``pytest --snapshot-update`` and review the diff."""
from __future__ import annotations

import pytest
from ui_helpers import UI_CORPUS, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    """Every snapshot starts from an empty index: nothing cached by earlier tests can show."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))


def make_app(**kwargs) -> KfinApp:
    return KfinApp(UI_CORPUS, **kwargs)


async def _ready(pilot) -> None:
    await settle(pilot, 0.1)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_reader_with_chinese_article(snap_compare, size):
    """List, CJK body with highlights and (at 120 columns) the side panel."""
    assert snap_compare(make_app(), terminal_size=size, run_before=_ready)


def test_side_panel_over_body_at_80x24(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_help_screen(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run)


def test_empty_filter_state(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        pilot.app.reader.set_keyword("没有这个词")
        await pilot.pause(0.3)
        await settle(pilot)
        pilot.app.query_one("ArticleList").focus()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_markdown_article_and_category_filter(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        pilot.app.reader.set_category("快讯")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run)
