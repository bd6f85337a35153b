"""Looks of the feeds screen (``F``) at 80×24 (pytest-textual-snapshot, SVG baseline in
tests/__snapshots__): a feed with new items, one whose last fetch failed (its name written like
markup, shown as text), one never fetched, one switched off. Update deliberately with
``pytest --snapshot-update`` and review the diff."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from ui_helpers import UI_CORPUS, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.config import Config, FeedConfig, ReaderConfig
from kfin_tui.feeds.fetchstate import FetchState
from kfin_tui.ui.app import KfinApp

FEEDS = (
    FeedConfig(name="财联社电报", url="/cls/telegraph", section="金融", site="财联社", feed="电报"),
    FeedConfig(name="[bold red]华尔街见闻[/]", url="https://127.0.0.1:9/wallstreetcn/live",
               section="金融", site="华尔街见闻", feed="实时快讯"),
    FeedConfig(name="新浪财经直播", url="/sina/zhibo", section="金融", site="新浪财经", feed="7x24直播"),
    FeedConfig(name="金十数据", url="/jin10", section="金融", site="金十", feed="快讯", enabled=False),
)


@pytest.fixture(autouse=True)
def _state(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    state = FetchState(tmp_path / "state" / "feeds.sqlite3")
    now = time.time()
    state.record(FEEDS[0].name, "http://rsshub.local/cls/telegraph", "new", 12, now=now - 330)  # 5 min ago
    state.record(FEEDS[1].name, FEEDS[1].url, "error", error="connection refused (127.0.0.1:9) after 3 tries",
                 now=now - 2 * 3600 - 60)  # 2 h ago
    state.close()


def test_feeds_screen_at_80x24(snap_compare):
    async def run(pilot):
        await settle(pilot, 0.1)
        await pilot.press("F")
        await settle(pilot, 0.1)
        await pilot.press("j")  # the failed feed: its whole error in the detail line
        await settle(pilot, 0.1)

    # no read-after dwell during the test: what is unread must not depend on the machine's speed
    config = Config(archive=Path("/srv/news"), rsshub="http://rsshub.local", feeds=FEEDS,
                    reader=ReaderConfig(read_after=3600))
    assert snap_compare(KfinApp(UI_CORPUS, config=config), terminal_size=(80, 24), run_before=run)
