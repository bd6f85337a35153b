"""Notifications never cover what is being read: a toast is one line across the bottom row, over the
footer's key hints, not a 60-cell box with blank lines above the footer (at 80×24 a warning hid four
lines of the article for its whole timeout; a new user's walk-through found it)."""
from __future__ import annotations

import pytest
from textual.geometry import Region
from ui_helpers import UI_CORPUS, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.widgets.article_list import ArticleList
from kfin_tui.ui.widgets.article_view import ArticleView
from kfin_tui.ui.widgets.status_bar import StatusBar

WARNING = "2 个文件无法读取 — 按 L 查看 (press L)"  # what the reader says of unreadable files


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))


def toasts(app) -> list:
    return list(app.screen.query("Toast"))


async def notified(pilot, message: str, severity: str = "warning") -> list:
    pilot.app.notify(message, severity=severity, timeout=60, markup=False)  # (long: the test takes its time)
    for _ in range(100):
        await pilot.pause(0.02)
        shown = [t for t in toasts(pilot.app) if t.region.height]
        if shown:
            return shown
    raise AssertionError("no toast shown")


def content(app) -> list[Region]:
    """Where the reader shows what is read: the status bar, the list, the article (and the panel)."""
    widgets = [app.query_one(StatusBar), app.query_one(ArticleList), app.query_one(ArticleView),
               app.query_one("#panel")]
    return [w.region for w in widgets if w.display and w.region.area]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_a_warning_covers_the_footer_row_only(size):
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        width, height = size
        for severity in ("warning", "error", "information"):
            app.clear_notifications()
            await pilot.pause()
            (toast,) = await notified(pilot, WARNING, severity)
            assert toast.region == Region(0, height - 1, width, 1), toast.region  # the bottom row, one line
            assert not any(toast.region.overlaps(region) for region in content(app))
            assert WARNING in str(toast.render())  # the whole text, not cut


async def test_a_message_wider_than_the_screen_wraps_upwards_from_the_bottom_row():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        long = "状态无法保存 state not saved: " + "attempt to write a readonly database " * 2
        (toast,) = await notified(pilot, long)
        assert toast.region.bottom == 24 and toast.region.width == 80
        assert toast.region.height == 2  # 1 + 2 + ~100 cells in 80: two lines, nothing blank


def test_snapshot_a_warning_at_80x24(snap_compare):
    async def run(pilot):
        await settle(pilot, 0.1)
        await notified(pilot, WARNING)
        await pilot.pause()

    assert snap_compare(KfinApp(UI_CORPUS), terminal_size=(80, 24), run_before=run)
