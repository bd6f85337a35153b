"""The reader's key path (issue 10, "answers each key within 100 ms"), driven with Pilot: a held
key moves the list alone and the reading pane follows once the keys pause, ending on the article
under the cursor with its side panel; the footer is rebuilt only when its keys change; the
garbage collector's tuning is undone when the reader goes. (No timings here: tests/bench/ measures.)"""
from __future__ import annotations

import gc

import pytest
from ui_helpers import no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.screens import reader as reader_module
from kfin_tui.ui.screens.reader import KeyFooter

COMPANIES = ["海岳新材", "江河能源", "远航科技", "青石银行", "北辰医药", "东岭电气", "南湖证券", "西山矿业"]


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))


def make_folder(root, n: int = 8):
    """``n`` small generated articles, newest first by their number (title 文章0 is the newest)."""
    root.mkdir()
    for i in range(n):
        company = COMPANIES[i % len(COMPANIES)]
        (root / f"a{i}.md").write_text(
            f"---\ntitle: 文章{i} {company}公告\ndate: 2024-06-{28 - i:02d}\n---\n\n"
            f"{company}营业收入{10 + i}.5亿元，同比增长{i + 1}.2%。\n", encoding="utf-8")
    return root


def counting_reads(app) -> list[int]:
    """The row ids the reader reads an article for, in order (once each: the extraction of an
    article not yet extracted reads it again)."""
    reads: list[int] = []
    read = app.library.article

    def article(row_id):
        if not reads or reads[-1] != row_id:
            reads.append(row_id)
        return read(row_id)

    app.library.article = article
    return reads


def body(app) -> str:
    return "".join(app.reader.article_view.lines_text)


async def test_a_held_key_moves_the_list_alone_and_enter_brings_the_pane(tmp_path, monkeypatch):
    # a pause the test never waits out: every key after the first comes "while the key is held"
    monkeypatch.setattr(reader_module, "PANE_HOLD", 60.0)
    app = KfinApp(make_folder(tmp_path / "f"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader, lst = app.reader, app.reader.article_list
        assert "文章0" in body(app)
        reads = counting_reads(app)
        await pilot.press("j")  # after a pause: the pane follows at once
        await settle(pilot)
        first = lst.current_row
        assert reads == [first.id] and first.title in body(app)
        await pilot.press("j", "j", "j", "j")  # held: the cursor moves, nothing is read
        await settle(pilot)
        assert lst.cursor == 5
        assert reader.current is lst.current_row  # (what u, s, the dwell act on: the cursor's)
        assert reads == [first.id]
        assert first.title in body(app) and lst.current_row.title not in body(app)
        await pilot.press("enter")  # opening it: the pane catches up now
        await settle(pilot)
        last = lst.current_row
        assert reads == [first.id, last.id]
        assert last.title in body(app)
        assert reader.extraction is not None and reader.facts_panel.mention_count > 0
        assert app.focused is reader.article_view


async def test_after_the_keys_pause_the_pane_shows_the_article_under_the_cursor(tmp_path):
    app = KfinApp(make_folder(tmp_path / "f"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader, lst = app.reader, app.reader.article_list
        reads = counting_reads(app)
        await pilot.press(*"jjjjjj")
        await pilot.press("k")
        await pilot.pause(reader_module.PANE_HOLD * 3)
        await settle(pilot)
        row = lst.current_row
        assert lst.cursor == 5 and reader.current is row
        assert row.title in body(app)
        assert reads[-1] == row.id and len(reads) <= 7  # (at most one read per key; fewer when held)
        # the side panel is the article's: its figures are the ones this article states
        panel = "".join(str(reader.facts_panel.get_option_at_index(i).prompt)
                        for i in range(reader.facts_panel.option_count))
        assert f"{10 + 5}.5亿元" in panel


def count_rebuilds(footer, monkeypatch) -> list[int]:
    """A list that gets one item each time ``footer`` recomposes (it still recomposes)."""
    rebuilt: list[int] = []
    recompose = footer.recompose

    async def counting():
        rebuilt.append(1)
        await recompose()

    monkeypatch.setattr(footer, "recompose", counting)
    return rebuilt


async def test_the_footer_is_rebuilt_only_when_its_keys_change(tmp_path, monkeypatch):
    app = KfinApp(make_folder(tmp_path / "f"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.reader.query_one(KeyFooter)
        rebuilt = count_rebuilds(footer, monkeypatch)
        assert "e" in {k.key for k in footer.query("FooterKey")}
        for _ in range(2):
            app.reader.refresh_bindings()  # the same keys published again: nothing to rebuild
            await settle(pilot)
        assert rebuilt == []
        app.set_keymap({"reader.panel": "p"})  # the panel's key changes: the footer shows it
        await settle(pilot)
        keys = {k.key for k in footer.query("FooterKey")}
        assert rebuilt and "p" in keys and "e" not in keys


async def test_a_focus_change_shows_and_hides_the_footer_keys_in_place(tmp_path, monkeypatch):
    """Moving between the list, the reading pane, the side panel and the filter box changes which
    keys the footer shows without rebuilding it; what it shows is what Textual's own footer
    (mounted beside it, rebuilt on every change) shows."""
    from textual.widgets import Footer

    app = KfinApp(make_folder(tmp_path / "f"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.reader.query_one(KeyFooter)
        oracle = Footer(id="oracle")
        await app.reader.mount(oracle)
        rebuilt = count_rebuilds(footer, monkeypatch)

        def shown(f) -> list[tuple[str, str]]:
            return [(k.key, k.description) for k in f.query("FooterKey") if k.display]

        seen = []
        for key in ("tab", "tab", "tab", "slash", "enter", "enter", "escape", "shift+tab"):
            await pilot.press(key)
            await settle(pilot)
            assert shown(footer) == shown(oracle), key
            seen.append({k for k, _ in shown(footer)})
        assert rebuilt == []
        assert "enter" in seen[2] and "enter" not in seen[0]  # the list's ⏎ 打开, not the pane's
        assert seen[3] < seen[2] and "slash" in seen[3]  # the filter box: fewer keys


async def test_the_collector_is_given_back_as_it_was(tmp_path):
    before = gc.get_threshold()
    app = KfinApp(make_folder(tmp_path / "f", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.reader._tune_collector()  # (what the extractor's warm-up ends with)
        assert gc.get_freeze_count() > 0 and gc.get_threshold()[2] == reader_module.GC_MANUAL
        await pilot.press("j")
        await settle(pilot)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
