"""The sidebar and the filters (issue 15 items 3, 5, 6, 7, 11), driven with Pilot: the dense mode,
the time of day, the sidebar's width, the filter bar and removing one filter, the picker's toggle
and tree, the message for an unknown category or company, never "no matches" while partial, the
approximate date of an undated post."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from ui_helpers import UI_CORPUS, UNDATED_POST_TIME, list_titles, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.filters import Filters, Selection
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.messages import Selected
from kfin_tui.ui.screens.picker import CategoryTreePicker, ChoicePicker, PickerScreen
from kfin_tui.ui.widgets import article_list
from kfin_tui.ui.widgets.article_list import ArticleList, list_date
from kfin_tui.ui.widgets.filter_bar import FilterBar

CST = timezone(timedelta(hours=8))
CATL = "宁德时代三季度净利润同比增长25% 储能电池出货量创新高"  # 2024-10-17 18:30 Beijing time


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))


def lines(lst: ArticleList, n: int) -> list[str]:
    return [lst.render_line(y).text.rstrip() for y in range(n)]


def test_list_date_by_age():
    today = date(2024, 10, 17)
    at = datetime(2024, 10, 17, 9, 35, tzinfo=CST)
    assert list_date(at, today) == "今天 09:35" and list_date(at, today, dense=True) == "09:35"
    assert list_date(at, today + timedelta(days=1)) == "昨天 09:35"
    assert list_date(at, today + timedelta(days=1), dense=True) == "10-17"
    assert list_date(at, date(2024, 12, 1)) == "10-17 09:35" and list_date(at, date(2024, 12, 1), dense=True) == "10-17"
    assert list_date(at, date(2025, 1, 2)) == "2024-10-17" and list_date(at, date(2025, 1, 2), dense=True) == "2024"
    # in China time, whatever zone the date was written in (01:35 UTC is 09:35 in Beijing)
    assert list_date(datetime(2024, 10, 17, 1, 35, tzinfo=timezone.utc), today) == "今天 09:35"
    assert list_date(None, today) == "无日期" and list_date(None, today, dense=True) == "-"


async def test_recent_articles_show_the_time_of_day_and_the_undated_post_is_approximate(monkeypatch):
    monkeypatch.setattr(article_list, "now", lambda: datetime(2024, 10, 17, 21, 0, tzinfo=CST))
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        shown = lines(lst, 2 * len(lst.rows))
        assert shown[0].lstrip("▌ ").startswith(CATL[:8]) and "今天 18:30 · 财联社" in shown[1]
        assert "06-06 08:00 · 36氪" in shown[3]  # this year: the day and the time
        assert "2023-06-13 · 财联社" in shown[5]  # another year: the date alone
        assert lst.rows[-1].date == UNDATED_POST_TIME and "≈2023-01-02" in shown[-1]
        assert sum("≈" in line for line in shown) == 1  # only the post without a date of its own


async def test_the_reading_pane_says_an_approximate_date_is_the_file_time():
    from kfin_tui.ui.widgets.article_view import ArticleView

    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert not any("≈" in line for line in view.lines_text[:4])  # a stated date: as written
        await pilot.press("G")  # the last article: the post dated by its file's time
        await settle(pilot)
        head = "\n".join(view.lines_text[:4])
        assert "≈2023-01-02" in head and "文件时间" in head


async def test_dense_mode_one_line_per_article(monkeypatch):
    monkeypatch.setattr(article_list, "now", lambda: datetime(2024, 10, 18, 8, 0, tzinfo=CST))
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        await pilot.press("D")
        await pilot.pause()
        assert lst.dense and lst.virtual_size.height == len(lst.rows)
        shown = lines(lst, len(lst.rows) + 1)
        assert shown[0].startswith("▌ 10-17 " + CATL[:4])  # yesterday: the day (a time only today)
        assert shown[1].startswith("  06-06 ")  # no ▌: not the cursor
        assert shown[2].startswith("  2023  ")  # another year: the year
        assert shown[-2].startswith(" ≈2023 ") and shown[-1] == ""
        await pilot.press("j", "j")
        assert lst.cursor == 2 and app.reader.current.id == lst.rows[2].id
        await pilot.click(ArticleList, offset=(10, 3))  # one line per article: the fourth line, the fourth
        await pilot.pause()
        assert lst.cursor == 3
        await pilot.press("D")
        await pilot.pause()
        assert not lst.dense and lines(lst, 2)[1].strip().startswith("昨天 18:30")


async def test_sidebar_width_keys_within_bounds():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.reader.sidebar
        start = sidebar.outer_size.width
        assert start == 28  # below 130 columns
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert sidebar.outer_size.width == start + 8
        lst = app.query_one(ArticleList)
        assert CATL[:14] in lines(lst, 1)[0]  # the wider list shows more of the title
        for _ in range(20):
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert sidebar.outer_size.width == 16  # the narrowest
        for _ in range(30):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        assert sidebar.outer_size.width == 72  # at most 60% of the screen
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert sidebar.outer_size.width == 48  # still within the smaller screen
        # typed in the keyword box, < and > are text
        await pilot.press("slash", "less_than_sign")
        assert app.reader.keyword_input.value == "<" and sidebar.outer_size.width == 48


async def test_filter_bar_shows_each_filter_and_x_removes_one():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.query_one(FilterBar)
        assert not bar.display or bar.has_class("empty")
        app.reader.set_category("财联社")
        app.reader.set_keyword("亿元")
        await pilot.pause(0.3)
        await settle(pilot)
        assert bar.plain == "关键词:亿元 ✕  分类:财联社 ✕" and bar.display
        titles = set(list_titles(app))
        assert titles and all("财联社" in app.library.row(r.id).categories for r in app.query_one(ArticleList).rows)
        await pilot.press("x")  # two filters: which one?
        await pilot.pause()
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press(*"分类", "enter")
        await settle(pilot, 0.3)
        assert app.reader.filters.category == "" and app.reader.filters.keyword == "亿元"
        assert bar.plain == "关键词:亿元 ✕"
        assert len(list_titles(app)) > len(titles)  # the keyword alone keeps more
        await pilot.press("x")  # one filter left: removed at once
        await settle(pilot, 0.3)
        assert not app.reader.filters.active and app.reader.keyword_input.value == ""
        assert bar.has_class("empty") and len(list_titles(app)) == 4


async def test_filter_chip_click_removes_that_filter_only():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.set_category("金融")
        app.reader.action_hide_read()
        await settle(pilot)
        bar = app.query_one(FilterBar)
        assert bar.plain == "分类:金融 ✕  仅未读 ✕"
        from kfin_tui.typeset import cells

        x = 1 + cells(bar.plain[:bar.plain.index("✕")])  # the first chip's ✕, in cells (after the padding)
        await pilot.click(FilterBar, offset=(x, 0))
        await settle(pilot)
        assert app.reader.filters.category == "" and "仅未读" in app.reader.status_bar.text
        assert bar.plain == "仅未读 ✕"


async def test_escape_in_the_list_still_clears_every_filter():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.set_category("金融")
        app.reader.set_keyword("亿元")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot, 0.3)
        assert not app.reader.filters.active and app.query_one(FilterBar).has_class("empty")


async def test_category_tree_picker_counts_per_level_and_toggles():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CategoryTreePicker)
        nodes = dict(picker.nodes)
        rows = app.library.rows
        for path, n in nodes.items():  # a node counts the articles whose path starts with it
            assert n == sum(1 for r in rows if tuple(r.categories[:len(path)]) == path) > 0
        order = [p for p, _ in picker.nodes]
        assert order.index(("金融",)) < order.index(("金融", "财联社")) < order.index(("金融", "财联社", "深度"))
        assert nodes[("金融",)] == 2 and nodes[("金融", "财联社")] == 2
        labels = [str(picker.options.get_option_at_index(i).prompt) for i in range(picker.options.option_count)]
        assert labels[order.index(("金融", "财联社", "深度"))].startswith("    深度  1")  # indented by level
        await pilot.press(*"财联社/深度", "enter")
        await settle(pilot)
        assert app.reader.filters.category == "金融/财联社/深度" and list_titles(app) == [CATL]
        # picked again (it is ticked and highlighted): the filter goes
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CategoryTreePicker)
        assert "✓" in str(picker.options.get_option_at_index(picker.options.highlighted).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.category == "" and len(list_titles(app)) == 4


async def test_a_name_from_the_command_line_ticks_its_nodes_and_toggles_off():
    app = KfinApp(UI_CORPUS, category="深度")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CategoryTreePicker)
        assert str(picker.options.get_option_at_index(picker.options.highlighted).prompt).endswith("✓")
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.category == ""


async def test_company_picked_again_toggles_off():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.set_company("宁德时代")
        await settle(pilot)
        assert app.reader.filters.company == "宁德时代"
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"宁德时代", "enter")
        await settle(pilot)
        assert app.reader.filters.company == "" and len(list_titles(app)) == 4


async def test_unknown_category_and_company_get_the_nearest_names():
    app = KfinApp(UI_CORPUS, category="深渡")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        assert lst.rows == [] and "没有分类「深渡」" in lst.empty_message and "深度" in lst.empty_message
        assert "没有匹配" not in lst.empty_message
        app.reader.set_category("财联社/深度")  # a known path: a match, no message
        await settle(pilot)
        assert list_titles(app) == [CATL]
        app.reader.set_category("")
        app.reader.set_company("宁德时光")  # a name the extraction knows no article for
        await settle(pilot)
        msg = lst.empty_message
        assert lst.rows == [] and "宁德时光" in msg and "最接近" in msg and "宁德时代" in msg.split("最接近")[1]
        # a known company that no article matches together with the keyword: plain "no matches"
        app.reader.set_company("宁德时代")
        app.reader.set_keyword("逆回购")
        await pilot.pause(0.3)
        await settle(pilot)
        assert lst.rows == [] and "没有匹配的文章" in lst.empty_message


async def test_never_no_matches_while_results_are_partial():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.reader
        filters = Filters(keyword="没有这个词")
        reader.filters = filters
        # what a cold start's search says while texts are still read: nothing yet, partial
        reader.post_message(Selected(filters, Selection([], 4, partial=True)))
        await pilot.pause()
        lst = app.query_one(ArticleList)
        assert lst.rows == [] and "结果不完整" in lst.empty_message and "没有匹配" not in lst.empty_message
        assert "结果不完整" in reader.status_bar.text
        # once complete, the same nothing is a real "no matches"
        reader.post_message(Selected(filters, Selection([], 4, partial=False)))
        await pilot.pause()
        assert "没有匹配的文章" in lst.empty_message and "结果不完整" not in lst.empty_message


@pytest.mark.parametrize("typed", ["CATL", "300750", "ndsd"])
async def test_company_picker_finds_a_company_by_code_english_name_or_initials(typed):
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*typed)
        await pilot.pause()
        shown = [app.screen.options.get_option_at_index(i).id for i in range(app.screen.options.option_count)]
        assert shown == ["宁德时代"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.company == "宁德时代" and list_titles(app) == [CATL]


async def test_category_tree_with_hostile_names(tmp_path):
    """Category names with markup, a slash, or the same name under two parents: shown as text, one
    option each, and a picked one filters."""
    root = tmp_path / "c"
    for n, cats in enumerate([["[b]粗体[/b]", "A/B"], ["其他", "A/B"], ["其他", "快讯"]]):
        (root / f"{n}").mkdir(parents=True)
        listed = "".join(f"  - '{c}'\n" for c in cats)
        text = f"---\ntitle: 标题{n}\ncategories:\n{listed}date: 2024-01-0{n + 1} 10:00:00\n---\n正文。\n"
        (root / f"{n}" / "a.md").write_text(text, encoding="utf-8")
    app = KfinApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CategoryTreePicker)
        ids = [picker.options.get_option_at_index(i).id for i in range(picker.options.option_count)]
        assert len(ids) == len(set(ids)) and "A/B" in ids and "[b]粗体[/b]" in ids
        await pilot.press(*"A/B", "enter")
        await settle(pilot)
        assert app.reader.filters.category == "A/B" and sorted(list_titles(app)) == ["标题0", "标题1"]
