"""Looks of the reading state, the watchlist markers and the dossier (issue 12) at 80×24 and
120×40 (pytest-textual-snapshot; update deliberately with ``--snapshot-update`` and review)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from ui_helpers import UI_CORPUS, settle

from kfin_tui.ui.app import KfinApp

SIZES = [(120, 40), (80, 24)]
IDS = ["120x40", "80x24"]


@pytest.fixture(autouse=True)
def _setup(tmp_path, monkeypatch):
    """An empty index; a config that watches 宁德时代 and never marks read by dwell (marks come
    from keys, so the pictures do not depend on timing)."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    Path(os.environ["KFIN_TUI_CONFIG"]).write_text('watch = ["宁德时代"]\n[reader]\nread_after = 3600\n',
                                                   encoding="utf-8")


async def _marked(pilot) -> None:
    """英伟达 read, 小米 starred, back at the top: unread (bold), read (dim), ★ and ◆ rows."""
    await settle(pilot, 0.1)
    lst = pilot.app.reader.article_list
    for part, key in (("英伟达", "u"), ("小米", "s")):
        lst.cursor = next(i for i, r in enumerate(lst.rows) if part in r.title)
        await settle(pilot)
        await pilot.press(key)
    await pilot.press("g")
    await settle(pilot, 0.1)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_list_with_unread_read_starred_and_watched_rows(snap_compare, size):
    app = KfinApp(UI_CORPUS)
    assert snap_compare(app, terminal_size=size, run_before=_marked)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_dossier(snap_compare, size):
    async def run(pilot):
        await settle(pilot, 0.1)
        pilot.app.reader.open_dossier("宁德时代")
        await settle(pilot, 0.2)

    assert snap_compare(KfinApp(UI_CORPUS), terminal_size=size, run_before=run)


def test_watchlist_picker(snap_compare):
    async def run(pilot):
        await _marked(pilot)
        await pilot.press("W")
        await settle(pilot, 0.1)
        pilot.app.screen.input.cursor_blink = False  # the blink would make the picture depend on timing
        await pilot.pause()

    assert snap_compare(KfinApp(UI_CORPUS), terminal_size=(80, 24), run_before=run)
