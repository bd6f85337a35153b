"""Shared helpers for the UI tests."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.app import App

from kfin_tui.ui.screens.dossier import DossierScreen

UI_CORPUS = Path(__file__).parent / "fixtures" / "ui_corpus"
# the Eastmoney post of the UI corpus gives no date: the reader dates it by its file's modification
# time (approximate, ≈), which a checkout sets to "now". Pinned here, before any UI test opens the
# corpus (copies made with shutil.copytree keep it), so that it sorts last among the dated articles
# on every machine and the snapshots never depend on when the repository was cloned.
UNDATED_POST = UI_CORPUS / "东方财富" / "小米财报.txt"
UNDATED_POST_TIME = datetime(2023, 1, 2, 9, 30, tzinfo=timezone(timedelta(hours=8)))
os.utime(UNDATED_POST, (UNDATED_POST_TIME.timestamp(), UNDATED_POST_TIME.timestamp()))


async def settle(pilot, extra: float = 0.05) -> None:
    """Wait until loading, searching and extraction workers are done and the screen is idle."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        for _attempt in range(20):
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:  # an exclusive worker was replaced by a newer one: wait for that
                await pilot.pause()
    await pilot.pause(extra)


def list_titles(app) -> list[str]:
    from kfin_tui.ui.widgets.article_list import ArticleList

    return [r.title for r in app.query_one(ArticleList).rows]


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    """The reader reads the user's config file (keys): tests never see the developer's own. Its
    one setting: an article shown is never marked read by the dwell (``reader.read_after``), so
    that what a test sees never depends on how long it ran (tests of the dwell set their own)."""
    config = tmp_path / "no-config.toml"
    config.write_text("[reader]\nread_after = 3600\n", encoding="utf-8")
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(config))


async def until(pilot, cond, rounds: int = 400) -> None:
    """Pilot pauses until ``cond()`` holds (a bound, not a timing: fails only if it never does)."""
    for _ in range(rounds):
        if cond():
            return
        await pilot.pause(0.02)
    assert cond()


class DossierApp(App):
    """An app showing only the dossier of ``name`` (the dossier tests)."""

    def __init__(self, library, name: str, progress=None) -> None:
        super().__init__()
        self.library, self.company, self.progress = library, name, progress

    def on_mount(self) -> None:
        self.push_screen(DossierScreen(self.library, self.company, progress=self.progress))
