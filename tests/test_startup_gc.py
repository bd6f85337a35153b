"""The reader raises the collector's first threshold while it runs (a warm start of a big archive
otherwise spends a quarter of its CPU walking the heap, issue 14) and gives the old one back."""
from __future__ import annotations

import gc

from kfin_tui.ui.app import GC_THRESHOLD, KfinApp


async def test_gc_threshold_raised_while_running_and_restored(tmp_path, cache):
    (tmp_path / "a.md").write_text("---\ntitle: 一\ndate: 2024-01-02\n---\n正文\n", encoding="utf-8")
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        app = KfinApp(tmp_path)
        async with app.run_test() as pilot:
            await pilot.pause()
            # the first threshold is the app's; the reader may already have taken over the full
            # pass (its third threshold, after the warm-up: tests/test_keys_held.py)
            assert gc.get_threshold()[:2] == (GC_THRESHOLD, 10)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
