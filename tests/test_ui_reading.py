"""The reading pane, the side panel and the help (issue 15, items 1, 4, 8, 10, 13): a side panel as
wide as its text, keyword hits and n/N over them, repeated figures grouped and dates folded, the
narrow layout, balanced titles, table cells, an empty folder. Fixtures in tests/fixtures/
reading_corpus are written for these tests."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.console import Console
from ui_helpers import no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.articles.markdown_blocks import markdown_to_blocks
from kfin_tui.articles.model import TABLE, Block
from kfin_tui.extract.model import Company, Extraction, Figure
from kfin_tui.extract.model import Mention as CompanyMention
from kfin_tui.typeset import balanced_ranges, cells, line_ranges
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.bindings import ALL
from kfin_tui.ui.hits import find_hits, normalised_with_map, query_needles
from kfin_tui.ui.widgets.article_list import ArticleList
from kfin_tui.ui.widgets.article_view import MEASURE, ArticleView, _Layout
from kfin_tui.ui.widgets.facts_panel import (
    FOLD_ID,
    FactsPanel,
    PanelRow,
    item_text,
    main_column,
    panel_rows,
    wanted_width,
)

READING = Path(__file__).parent / "fixtures" / "reading_corpus"
README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))


def fig(text: str, kind: str, start: int, context: str = "") -> Figure:
    return Figure(text, kind, None, "", False, start, start + len(text), context)


def extraction(figures: list[Figure], companies: list[Company]) -> Extraction:
    return Extraction(figures=figures, companies=companies)


# ----------------------------------------------------------------------------- keyword hits

def test_hits_match_as_the_keyword_filter_does_and_never_change_the_text():
    text = "比亚迪的ＡＩ座舱；StreamLake与streamlake"
    assert find_hits(text, query_needles("ai")) == [(4, 6)]  # full-width ＡＩ, as displayed
    assert [text[a:b] for a, b in find_hits(text, query_needles("STREAMLAKE"))] == ["StreamLake", "streamlake"]
    assert [text[a:b] for a, b in find_hits(text, query_needles("比亚迪 ai"))] == ["比亚迪", "ＡＩ"]
    # a character NFKC turns into several (㈱ → (株)) maps back onto the one displayed
    norm, where = normalised_with_map("A㈱b")
    assert norm == "a(株)b" and where == [0, 1, 1, 1, 2]
    assert find_hits("A㈱b", ["株"]) == [(1, 2)]
    mixed = "比亚迪，ＡＩ\n㈱比亚迪ＡＩ\n比亚迪"  # lines that keep their length and one that does not
    assert [mixed[a:b] for a, b in find_hits(mixed, query_needles("比亚迪 AI"))] == \
        ["比亚迪", "ＡＩ", "比亚迪", "ＡＩ", "比亚迪"]


def test_a_code_or_initials_query_highlights_the_company_names():
    text = "宁德时代（300750.SZ）与比亚迪"
    assert [text[a:b] for a, b in find_hits(text, query_needles("SZ300750"))] == ["宁德时代", "300750"]
    assert [text[a:b] for a, b in find_hits(text, query_needles("ndsd"))] == ["宁德时代"]


def test_overlapping_needles_give_one_hit_the_longest():
    assert find_hits("宁德时代", ["宁德", "宁德时代", "时代"]) == [(0, 4)]
    assert find_hits("", ["a"]) == [] and find_hits("abc", []) == []


# ----------------------------------------------------------------------------- side panel rows

def _byd() -> Extraction:
    figures = [fig("2024年", "date", 0, "晚间公布"), fig("30%", "percent", 10, "增长"),
               fig("约73.4亿欧元", "money", 20, "投资"), fig("2024年", "date", 40), fig("30%", "percent", 50, "累计上涨"),
               fig("30%", "percent", 60, "增长"), fig("三次", "count", 70, "比亚迪"), fig("2024年", "date", 80)]
    companies = [Company("比亚迪", ticker="SZ:002594", tickers=["SZ:002594", "HK:01211"],
                         mentions=[CompanyMention(90, 93)] * 31),
                 Company("财联社", kind="media", mentions=[CompanyMention(0, 3)])]
    return extraction(figures, companies)


def test_repeated_figures_are_one_row_and_dates_come_last_folded():
    rows = panel_rows(_byd(), dates_open=False)
    mains = [r.main for r in rows if r.target is not None]
    assert mains.count("30%") == 1 and mains.count("2024年") == 0  # folded
    thirty = next(r for r in rows if r.main == "30%")
    assert thirty.note == "×3 增长"  # the count, and the context it has most often
    assert rows[-1].header and rows[-1].oid == FOLD_ID and rows[-1].note.startswith("3")
    opened = panel_rows(_byd(), dates_open=True)
    dates = [r for r in opened if r.kind == "date" and not r.header]
    assert [(r.main, r.note) for r in dates] == [("2024年", "×3")]  # a date has no context
    assert opened.index(next(r for r in opened if r.kind == "media")) < opened.index(dates[0])


def test_every_ticker_is_listed_and_a_context_that_only_names_a_company_is_dropped():
    rows = panel_rows(_byd())
    byd = next(r for r in rows if r.main == "比亚迪")
    assert byd.note == "×31 SZ:002594 HK:01211"
    assert next(r for r in rows if r.main == "三次").note == ""


def test_a_firm_the_article_names_otherwise_is_listed_as_written_and_acts_by_the_archive_name():
    companies = [Company("协鑫科技", ticker="HK:03800", tickers=["HK:03800"], mentions=[CompanyMention(0, 4)] * 2,
                         written="保利协鑫"),
                 Company("比亚迪", mentions=[CompanyMention(10, 13)])]
    rows = panel_rows(extraction([], companies))
    gcl = next(r for r in rows if r.kind == "company" and not r.header and r.company == "协鑫科技")
    assert (gcl.main, gcl.note) == ("保利协鑫", "×2 HK:03800")
    byd = next(r for r in rows if r.company == "比亚迪")
    assert byd.main == "比亚迪"


def test_the_panel_wants_the_width_of_its_longest_row_and_wraps_instead_of_cutting():
    rows = panel_rows(_byd())
    need = wanted_width(rows)
    byd = next(r for r in rows if r.main == "比亚迪")
    main = main_column(rows)
    assert need >= 1 + main + 2 + cells(byd.note)
    assert need >= 1 + cells("约73.4亿欧元") + 2 + cells("投资")
    for width in (need, 24, 16):
        for r in rows:
            if r.target is None:
                continue
            text = item_text(r, width, main).plain
            assert "…" not in text
            assert all(cells(line) <= width for line in text.split("\n")), (width, text)
            flat = re.sub(r"\s+", "", text)
            assert flat == re.sub(r"\s+", "", r.main + r.note), "nothing is lost when it wraps"
    for r in rows:  # at the width it wants, every row is one line
        assert r.target is None or "\n" not in item_text(r, need, main).plain, r


# ----------------------------------------------------------------------------- typesetting

TITLES = ["比亚迪海外销量大增三成 欧洲工厂投资约73.4亿欧元 港股市值逼近5500亿港元",
          "央行今日开展800亿元逆回购操作 净投放规模创近三个月以来新高",
          "宁德时代三季度净利润同比增长25% 储能电池出货量创历史新高"]


def test_a_balanced_title_keeps_its_line_count_and_leaves_no_lone_character():
    lone = 0
    for title in TITLES:
        for width in range(10, 80):
            plain = [(a, b) for a, b, _ in line_ranges(title, width)]
            balanced = [(a, b) for a, b, _ in balanced_ranges(title, width)]
            lone += len(plain) > 1 and len(title[plain[-1][0]:plain[-1][1]]) == 1
            assert len(balanced) == len(plain)
            assert "".join(title[a:b] for a, b in balanced).replace(" ", "") == title.replace(" ", "")
            widths = [cells(title[a:b]) for a, b in balanced]
            assert max(widths) <= width
            if len(widths) > 1:
                assert len(title[balanced[-1][0]:balanced[-1][1]]) > 1, (title, width, "a lone character")
            if len(widths) == 2:
                assert abs(widths[0] - widths[1]) <= 8, ("two lines about even", title, width, widths)
    assert lone >= 4, "the greedy breaking leaves lone characters on these titles (what is fixed here)"


def test_number_and_percentage_point_unit_stay_on_one_line():
    text = "同比+0.1个百分点，环比-2.35个百分点，指数报3000点"
    for width in range(16, 40):
        lines = [text[a:b] for a, b, _ in line_ranges(text, width)]
        assert not any(line.endswith(("个百分", "个百", "3000")) for line in lines), (width, lines)


def test_table_cells_are_not_broken_inside_a_number_and_its_unit():
    rows = (("指标", "本期", "变动"), ("毛利率", "19.4%", "+0.1个百分点"), ("研发费用率", "6.6%", "-0.25个百分点"),
            ("营业收入同比增速", "12%", "较上季度回落明显"))
    for width in (34, 40, 60):
        lay = _Layout(Console(width=200), width)
        lay.table(Block(TABLE, "x", rows=rows))
        text = "\n".join("".join(s.text for s in line) for line in lay.lines)
        assert "+0.1个百分点" in text and "-0.25个百分点" in text, text
        assert all(cells("".join(s.text for s in line)) <= width for line in lay.lines)


def test_cjk_emphasis_next_to_punctuation_is_emphasis_not_asterisks():
    (block,) = markdown_to_blocks("*新车型将同步上市。*更多细节暂未披露。")
    assert "*" not in block.text and block.spans[0].style == "italic"


# ----------------------------------------------------------------------------- the reader

def _panel_lines(app) -> list[str]:
    panel = app.query_one(FactsPanel)
    return [panel.get_option_at_index(i).prompt.plain for i in range(panel.option_count)]


@pytest.mark.parametrize("size", [(120, 40), (200, 50)])
async def test_side_panel_shows_whole_values_and_every_ticker(size):
    app = KfinApp(READING)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        panel, body = app.query_one(FactsPanel), app.query_one(ArticleView)
        text = "\n".join(_panel_lines(app))
        assert "…" not in text
        for whole in ("约73.4亿欧元", "约5500亿港元", "-31.87%", "+0.1个百分点", "SZ:002594 HK:01211"):
            assert whole in text, whole
        assert panel.size.width <= size[0] * 0.4 + 1
        # the panel is as wide as the 比亚迪 row needs, on one line
        assert any("比亚迪" in line and "HK:01211" in line for line in text.split("\n"))
        # the article's measure is capped: at 200 columns its lines are at most MEASURE cells, centred
        widest = max(cells(line.rstrip()) for line in body.lines_text)
        assert widest <= MEASURE + 2
        if size[0] == 200:
            assert body.scrollable_content_region.width > MEASURE + 10
            strip = body.render_line(5)
            assert strip.text.startswith(" " * 5), "a capped measure is centred in the pane"


async def test_dates_fold_and_unfold_with_enter_on_their_header():
    app = KfinApp(READING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(FactsPanel)
        assert not any(line.startswith(" 2024年") for line in _panel_lines(app))
        await pilot.press("tab", "tab", "G")
        assert panel.get_option_at_index(panel.highlighted).id == FOLD_ID
        await pilot.press("enter")
        await pilot.pause()
        lines = _panel_lines(app)
        assert any(line.startswith(" 2024年") and "×" in line for line in lines)
        assert lines.index(next(x for x in lines if x.startswith(" 2024年"))) > \
            lines.index(next(x for x in lines if "财联社" in x and "×" in x)), "dates after the media"
        await pilot.press("enter")  # the cursor stayed on the header: folds again
        await pilot.pause()
        assert not any(line.startswith(" 2024年") for line in _panel_lines(app))


async def test_keyword_hits_are_highlighted_and_n_moves_over_them():
    app = KfinApp(READING)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        body, reader = app.query_one(ArticleView), app.reader
        assert not body.hits.body and "命中" not in reader.status_bar.text
        await pilot.press("n")  # no keyword: n goes over the figures and companies
        assert body.mention_cursor == 0
        await pilot.press("slash", *"ai", "enter")  # ＡＩ is written full-width in the article
        await pilot.pause(0.3)
        await settle(pilot)
        assert len(body.hits.body) == 1
        a, b = body.hits.body[0]
        assert body.article.body_text[a:b] == "ＡＩ"
        assert "命中 1" in reader.status_bar.text
        reader.keyword_input.value = "比亚迪"
        await pilot.pause(0.3)  # the keyword's debounce
        await settle(pilot)
        n = len(body.hits.body)
        assert n == body.article.body_text.count("比亚迪") and body.hits.title
        assert f"命中 {n}" in reader.status_bar.text
        cursor = body.mention_cursor
        await pilot.press("n")
        await pilot.pause()
        assert body.hits.current == 0 and f"命中 1/{n}" in reader.status_bar.text
        assert body.mention_cursor == cursor, "n went to a hit, not a figure"
        await pilot.press("n", "n")
        await pilot.pause()
        assert f"命中 3/{n}" in reader.status_bar.text
        await pilot.press("N", "N", "N")
        await pilot.pause()
        assert body.hits.current == n - 1 and f"命中 {n}/{n}" in reader.status_bar.text
        start = body.hits.body[-1][0]
        line = body.line_of(start)
        assert body.scroll_y <= line < body.scroll_y + body.scrollable_content_region.height
        # the text on screen is the article's, unchanged
        assert "比亚迪的ＡＩ座舱" in "".join(body.lines_text).replace(" ", "")
        await pilot.press("escape")  # back in the list: escape clears the keyword
        await settle(pilot)
        assert not body.hits.body and "命中" not in reader.status_bar.text


async def test_narrow_panel_takes_the_lists_place_and_never_covers_the_article():
    app = KfinApp(READING)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel, body, sidebar = app.query_one(FactsPanel), app.query_one(ArticleView), app.reader.sidebar
        lst = app.query_one(ArticleList)
        assert panel.has_class("hidden") and sidebar.display
        await pilot.press("e")
        await settle(pilot)
        assert not panel.has_class("hidden") and not sidebar.display
        assert app.focused is panel
        # side by side: the article ends where the panel begins, and its lines fit its width
        assert body.region.right <= panel.region.x and body.region.y == panel.region.y
        assert body.region.width >= 30
        assert all(cells(line.rstrip()) <= body.scrollable_content_region.width for line in body.lines_text)
        title_lines = [line.strip() for line in body.lines_text[:3]]
        assert title_lines[0].startswith("比亚迪"), "the top of the article is visible"
        await pilot.press("escape")  # from the panel: back to the list, which comes back
        await settle(pilot)
        assert panel.has_class("hidden") and sidebar.display and app.focused is lst


async def test_an_empty_folder_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    app = KfinApp(tmp_path / "empty")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = "\n".join(app.query_one(ArticleView).lines_text)
        assert "没有文章" in text and "选择一篇文章" not in text


# ----------------------------------------------------------------------------- help and README

def test_readme_describes_escape_and_n_as_the_bindings_do():
    if not README.exists():
        pytest.skip("no README")
    readme = README.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (`[^|]+`) \| (.+) \|$", readme, re.M))
    by_id = {b.id: b for b in ALL}
    assert rows["`escape`"] == by_id["reader.clear"].tooltip
    assert "keyword" in rows["`n` / `N`"] and "figure or company" in rows["`n` / `N`"]
    assert ".html" in readme


def test_panel_row_note_less_rows_render():
    assert item_text(PanelRow("2024年", "", "date", oid="x"), 20, 6).plain == " 2024年"
