"""The company picker (f) and the filters in force: while other filters narrow the list it offers
the companies of the articles they leave, counted over them, says so in its title, and keeps the
whole archive's companies a tab away (a new user's walk-through found it offering every company of
the archive with whole-archive counts over a filtered list)."""
from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.filters import count_companies
from kfin_tui.index import Library
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.screens.picker import CompanyPicker, PickerScreen
from kfin_tui.ui.widgets.article_list import ArticleList

DEEP = ("金融", "财联社", "深度")
FLASH = ("科技", "36氪", "快讯")
# title, categories, body: 宁德时代 in three articles (two of them 深度), 比亚迪 in two (one 深度),
# 腾讯 in two (none 深度)
ARTICLES = [
    ("宁德时代三季度净利润增长", DEEP, "宁德时代发布三季报，净利润同比增长25%。比亚迪同日公布销量。"),
    ("宁德时代储能订单", DEEP, "宁德时代与海外客户签下储能大单，金额约10亿元。"),
    ("腾讯与比亚迪合作", FLASH, "腾讯宣布与比亚迪在智能座舱上合作，宁德时代提供电池。"),
    ("腾讯三季度营收", FLASH, "腾讯三季度营收1671.93亿元，同比增长8%。"),
]


def write_corpus(root: Path) -> Path:
    for i, (title, cats, body) in enumerate(ARTICLES):
        folder = root.joinpath(*cats)
        folder.mkdir(parents=True, exist_ok=True)
        categories = "".join(f"  - {c}\n" for c in cats)
        (folder / f"{i}.md").write_text(
            f"---\ntitle: {title}\ndate: 2024-10-{17 - i} 18:30:00\ncategories:\n{categories}---\n<p>{body}</p>\n",
            encoding="utf-8")
    return root


@pytest.fixture
def library(tmp_path, monkeypatch):
    """The corpus, every article extracted (the counts are complete: no 提取中)."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    lib = Library(write_corpus(tmp_path / "corpus"))
    lib.load_all()
    lib.extract_pending(workers=0)
    assert lib.extraction_progress() == (4, 4)
    yield lib
    lib.close()


def items(picker: PickerScreen) -> dict[str, int]:
    return dict(picker.items)


def listed(picker: PickerScreen) -> list[str]:
    options = picker.options
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def open_picker(pilot) -> CompanyPicker:
    pilot.app.query_one(ArticleList).focus()
    await pilot.press("f")
    await settle(pilot)
    picker = pilot.app.screen
    assert isinstance(picker, CompanyPicker)
    return picker


async def test_core_counts_companies_over_the_articles_given():
    names = {1: ["宁德时代", "比亚迪"], 2: ["宁德时代"], 3: ["腾讯", "宁德时代", "宁德时代"]}
    assert count_companies([1, 2, 3], names.__getitem__) == [("宁德时代", 3), ("比亚迪", 1), ("腾讯", 1)]
    assert count_companies([1, 2], names.__getitem__) == [("宁德时代", 2), ("比亚迪", 1)]
    assert count_companies([], names.__getitem__) == []
    assert count_companies([1, 2, 3], names.__getitem__, stop=lambda: True) is None


@pytest.mark.parametrize("narrow", ["category", "keyword"])
async def test_the_picker_offers_the_companies_of_the_filtered_articles_and_all_a_tab_away(library, narrow):
    app = KfinApp(library.root, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        whole = dict(library.company_names())
        assert whole == {"宁德时代": 3, "比亚迪": 2, "腾讯": 2}
        if narrow == "category":
            app.reader.set_category("深度")
        else:
            app.reader.set_keyword("三季")
            await pilot.pause(0.2)
        await settle(pilot)
        shown = app.query_one(ArticleList).rows
        assert 0 < len(shown) < len(library.rows)
        want = dict(count_companies([r.id for r in shown], library.companies_for) or [])
        assert want and want != whole

        picker = await open_picker(pilot)
        # the companies of the articles listed, counted over them, most first; the title says which set
        assert picker.scoped and items(picker) == want
        assert [name for name, _ in picker.items] == sorted(want, key=lambda n: (-want[n], n))
        title = str(picker.title_label.render())
        assert f"当前筛选内 {len(shown)} 篇" in title and "tab" in title
        assert all(f"{name}  {n}" in "\n".join(listed(picker)) for name, n in want.items())

        # tab: every company of the archive with whole-archive counts; tab again: back
        await pilot.press("tab")
        await pilot.pause()
        assert not picker.scoped and items(picker) == whole
        title = str(picker.title_label.render())
        assert f"全部 {len(library.rows)} 篇" in title and "当前筛选内" not in title
        await pilot.press("tab")
        await pilot.pause()
        assert picker.scoped and items(picker) == want

        # picking one adds the company filter to the filters in force
        pick = next(name for name in want if name != "宁德时代") if len(want) > 1 else "宁德时代"
        await pilot.press(*pick, "enter")
        await settle(pilot)
        f = app.reader.filters
        assert f.company == pick and (f.category == "深度" if narrow == "category" else f.keyword == "三季")
        assert {r.id for r in app.query_one(ArticleList).rows} <= {r.id for r in shown}


async def test_with_a_company_filter_the_counts_are_over_the_other_filters_and_it_stays_ticked(library):
    app = KfinApp(library.root, library=library, category="深度", company="比亚迪")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert len(app.query_one(ArticleList).rows) == 1  # 深度 and 比亚迪
        picker = await open_picker(pilot)
        # over the two 深度 articles (not only the one the company filter leaves)
        assert items(picker) == {"宁德时代": 2, "比亚迪": 1}
        assert "当前筛选内 2 篇" in str(picker.title_label.render())
        assert any(line.startswith("比亚迪") and line.endswith("✓") for line in listed(picker))
        await pilot.press(*"比亚迪", "enter")  # the ticked one again: off, the category stays
        await settle(pilot)
        assert app.reader.filters.company == "" and app.reader.filters.category == "深度"
        assert len(app.query_one(ArticleList).rows) == 2


async def test_a_company_only_elsewhere_in_the_archive_points_to_tab(library):
    app = KfinApp(library.root, library=library, category="深度")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        picker = await open_picker(pilot)
        assert "腾讯" not in items(picker)
        await pilot.press(*"腾讯")
        await pilot.pause()
        assert any("tab" in line and "全部" in line for line in listed(picker))
        await pilot.press("tab")
        await pilot.pause()
        assert [option.split()[0] for option in listed(picker)] == ["腾讯"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.company == "腾讯" and app.reader.filters.category == "深度"
        assert app.query_one(ArticleList).rows == []


async def test_without_other_filters_the_picker_is_the_whole_archive_as_before(library):
    app = KfinApp(library.root, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        picker = await open_picker(pilot)
        assert items(picker) == dict(library.company_names())
        title = str(picker.title_label.render())
        assert title == "公司 · company"
        await pilot.press("tab")  # nothing to switch to
        await pilot.pause()
        assert app.screen is picker and items(picker) == dict(library.company_names())


async def test_the_dossier_picker_stays_the_whole_archive(library):
    app = KfinApp(library.root, library=library, category="深度")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.query_one(ArticleList).focus()
        await pilot.press("d")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen) and items(picker) == dict(library.company_names())
        assert "当前筛选内" not in str(picker.title_label.render())


async def test_reading_state_filters_narrow_the_picker_too(library):
    app = KfinApp(library.root, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        lst.focus()
        lst.cursor = next(i for i, r in enumerate(lst.rows) if r.title == "腾讯三季度营收")
        await settle(pilot)
        await pilot.press("s")  # starred
        await pilot.press("S")  # starred only
        await settle(pilot)
        assert [r.title for r in lst.rows] == ["腾讯三季度营收"]
        picker = await open_picker(pilot)
        assert items(picker) == {"腾讯": 1} and "当前筛选内 1 篇" in str(picker.title_label.render())



def test_snapshot_the_picker_within_a_category_at_80x24(snap_compare, library):
    """The title says which set is listed and that tab switches."""

    async def run(pilot):
        await settle(pilot)
        await open_picker(pilot)
        from textual.widgets import Input

        pilot.app.screen.query_one(Input).cursor_blink = False
        await pilot.pause()

    assert snap_compare(KfinApp(library.root, library=library, category="深度"), terminal_size=(80, 24),
                        run_before=run)


async def test_what_is_typed_right_after_f_reaches_the_picker(library):
    """A fast typist's keys, sent before the picker is mounted and its input focused, narrow the
    picker: none is lost, none goes to the list behind it (in tmux, typing right after f lost them)."""
    from textual import events

    app = KfinApp(library.root, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.query_one(ArticleList).focus()
        await pilot.pause()
        # every key queued at once, as a terminal delivers a burst: none waits for the picker
        for ch in "f宁德":
            app.post_message(events.Key(ch, ch))
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, CompanyPicker)
        assert picker.input.value == "宁德"
        assert picker.input.has_focus
        assert listed(picker) and all("宁德" in line for line in listed(picker))
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.company == "宁德时代"
