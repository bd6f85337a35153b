"""Background work right after opening (the reading state's join, the extractor's warm-up, the
collector's full pass) waits while a keyword is typed: the first search after opening gets the
interpreter to itself (issue 14: the first keyword result ≤ 100 ms p95)."""
from __future__ import annotations

from types import SimpleNamespace

from kfin_tui.state import identity as identity_module


def test_warm_up_pauses_between_its_steps():
    from kfin_tui.extract import warm_up

    calls: list[int] = []
    warm_up(pause=lambda: calls.append(1))
    assert len(calls) >= 4


def test_the_whole_archive_identity_check_pauses_every_few_thousand_rows(tmp_path, monkeypatch):
    root = tmp_path / "archive"
    root.mkdir()
    rows = []
    for i in range(7):
        p = root / f"{i}.md"
        p.write_text(f"---\ntitle: 第{i}篇\n---\n正文{i}\n", encoding="utf-8")
        rows.append(SimpleNamespace(id=i, path=str(p)))
    monkeypatch.setattr(identity_module, "PAUSE_EVERY", 2)
    calls: list[int] = []
    cache = identity_module.IdentityCache(root, tmp_path / "cache")
    assert len(cache.check(rows, None, lambda: calls.append(1))) == 7
    assert len(calls) == 4  # rows 0, 2, 4, 6


async def test_the_collectors_full_pass_waits_for_the_keys(tmp_path, cache, monkeypatch):
    from kfin_tui.ui.app import KfinApp
    from kfin_tui.ui.screens import reader as reader_module

    (tmp_path / "a.md").write_text("---\ntitle: 一\ndate: 2024-01-02\n---\n正文\n", encoding="utf-8")
    monkeypatch.setattr(reader_module, "BACKGROUND_AFTER", 3600)  # the test calls it itself
    app = KfinApp(tmp_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.reader
        typing = True
        monkeypatch.setattr(screen, "_typing", lambda: typing)
        screen._tune_collector()
        assert screen._gc_saved is None  # not now: a keyword is being typed
        typing = False
        screen._tune_collector()
        assert screen._gc_saved is not None
