"""Shared helpers for the UI tests."""
from __future__ import annotations

from pathlib import Path

UI_CORPUS = Path(__file__).parent / "fixtures" / "ui_corpus"


async def settle(pilot, extra: float = 0.05) -> None:
    """Wait until loading, searching and extraction workers are done and the screen is idle."""
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause(extra)


def list_titles(app) -> list[str]:
    from kfin_tui.ui.widgets.article_list import ArticleList

    return [r.title for r in app.query_one(ArticleList).rows]
