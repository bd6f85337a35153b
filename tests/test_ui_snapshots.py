"""Looks of the reader at fixed terminal sizes (pytest-textual-snapshot, SVG baselines in
tests/__snapshots__). Update deliberately with ``pytest --snapshot-update`` and review the diff."""
from __future__ import annotations

import shutil

import pytest
from ui_helpers import UI_CORPUS, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    """Every snapshot starts from an empty index: nothing cached by earlier tests can show."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))


def make_app(**kwargs) -> KfinApp:
    return KfinApp(UI_CORPUS, **kwargs)


async def steady_cursor(pilot) -> None:
    """The picker's input cursor blinks: hold it visible so the picture does not depend on timing."""
    from textual.widgets import Input

    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.pause()


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


def test_category_picker(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("c")
        await settle(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run)


def test_company_picker_narrowed_at_80x24(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("f")
        await pilot.press(*"宁德")
        await settle(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_command_palette_with_category_filters(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"分类")
        from textual.command import CommandList

        hits = pilot.app.screen.query_one(CommandList)
        for _ in range(50):  # the palette searches asynchronously: wait for every category
            await pilot.pause(0.1)
            if hits.option_count == 8:
                break
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run)


def test_load_issues_screen(snap_compare, tmp_path):
    corpus = tmp_path / "issues_corpus"
    shutil.copytree(UI_CORPUS, corpus)
    (corpus / "bad.md").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / ("很长的文件名" * 12 + ".md")).write_bytes(b"\x00\x01binary")

    async def run(pilot):
        await _ready(pilot)
        await pilot.press("L")
        await settle(pilot)

    assert snap_compare(KfinApp(corpus), terminal_size=(120, 40), run_before=run)


def test_cold_build_progress_line_at_80x24(snap_compare):
    """The sidebar's one progress line as the body pass of a cold build shows it (the count is
    posted the way the library reports it; the real pass is too quick to catch on this corpus)."""
    from kfin_tui.index.progress import Phase, Progress
    from kfin_tui.ui.messages import Progress as ProgressMessage

    async def run(pilot):
        await _ready(pilot)
        pilot.app.reader.post_message(ProgressMessage(Progress(Phase.TEXTS, 1234, 48210)))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_help_screen_scrolled_at_80x24(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("question_mark", "space")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_markup_names_are_shown_as_text_at_80x24(snap_compare, tmp_path):
    """Folder, category and title made of Textual markup: drawn literally, never styled or linked."""
    root = tmp_path / "[@click=app.quit]CLICKME"
    (root / "[bold]粗体").mkdir(parents=True)
    (root / "[bold]粗体" / "a.md").write_text(
        "---\ntitle: '[red]红色[/red] [/] 宁德时代发布公告'\ndate: 2024-05-01\n---\n\n"
        "宁德时代（300750.SZ）公告，营收增长12.5%。\n", encoding="utf-8")

    async def run(pilot):
        await _ready(pilot)

    assert snap_compare(KfinApp(root), terminal_size=(80, 24), run_before=run)


# the sidebar and the filters (issue 15 items 5, 6, 7, 11) -----------------------------------------
@pytest.fixture
def pinned_now(monkeypatch):
    """"Today" is the evening of the newest fixture article (2024-10-17), so that the list shows
    times of day the same way on every day the tests run."""
    from datetime import datetime, timedelta, timezone

    from kfin_tui.ui.widgets import article_list

    when = datetime(2024, 10, 17, 21, 0, tzinfo=timezone(timedelta(hours=8)))
    monkeypatch.setattr(article_list, "now", lambda: when)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_dense_list_with_times_and_approximate_date(snap_compare, pinned_now, size):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("D")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


def test_two_line_list_with_time_of_day_wider_sidebar_at_120x40(snap_compare, pinned_now):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("greater_than_sign", "greater_than_sign", "greater_than_sign")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_filter_bar_chips(snap_compare, size):
    async def run(pilot):
        await _ready(pilot)
        reader = pilot.app.reader
        reader.set_category("金融/财联社")
        reader.set_keyword("亿元")
        reader.action_hide_read()
        await pilot.pause(0.3)
        await settle(pilot)
        pilot.app.query_one("ArticleList").focus()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


def test_remove_one_filter_picker_at_80x24(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        reader = pilot.app.reader
        reader.set_category("深度")
        reader.set_company("宁德时代")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_category_tree_picker_narrowed_at_80x24(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        await pilot.press("c")
        await pilot.press(*"快讯")
        await settle(pilot)
        await steady_cursor(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run)


def test_unknown_category_names_the_nearest_at_80x24(snap_compare):
    async def run(pilot):
        await _ready(pilot)
        pilot.app.query_one("ArticleList").focus()
        await pilot.pause()

    assert snap_compare(make_app(category="金融/财联社/深渡"), terminal_size=(80, 24), run_before=run)
