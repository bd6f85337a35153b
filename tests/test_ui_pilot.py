"""Behaviour of the reader, driven with Pilot (App.run_test): every key and filter path."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from textual.widgets import Input
from ui_helpers import UI_CORPUS, UNDATED_POST_TIME, list_titles, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.screens.help import HelpScreen
from kfin_tui.ui.screens.issues import LoadIssuesScreen
from kfin_tui.ui.screens.picker import PickerScreen
from kfin_tui.ui.widgets.article_list import ArticleList
from kfin_tui.ui.widgets.article_view import ArticleView
from kfin_tui.ui.widgets.facts_panel import FactsPanel

TOTAL = 4


class NotesApp(KfinApp):
    """Records what the reader notifies (toasts time out)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message, **kwargs) -> None:
        self.notes.append(str(message))
        super().notify(message, **kwargs)


def status(app) -> str:
    return app.reader.status_bar.text


async def test_start_selects_first_article_and_shows_it():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        assert len(lst.rows) == TOTAL
        assert lst.cursor == 0 and app.reader.current.id == lst.rows[0].id
        assert status(app).endswith(f"{TOTAL}/{TOTAL}")
        body = "\n".join(app.query_one(ArticleView).lines_text)
        assert lst.rows[0].title[:8] in body
        # newest first; the Eastmoney post (no date of its own) dated by its file's time (pinned by
        # ui_helpers to before every dated article): last, with its date marked approximate
        dates = [r.date for r in lst.rows]
        assert all(d is not None for d in dates) and dates == sorted(dates, reverse=True)
        assert lst.rows[-1].path.endswith("小米财报.txt") and lst.rows[-1].date == UNDATED_POST_TIME
        assert [lst.approximate(r) for r in lst.rows] == [False] * (TOTAL - 1) + [True]
        assert app.focused is lst


async def test_list_keys_move_the_cursor():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        await pilot.press("j")
        assert lst.cursor == 1
        await pilot.press("down", "down")
        assert lst.cursor == 3
        await pilot.press("k")
        assert lst.cursor == 2
        await pilot.press("up")
        assert lst.cursor == 1
        await pilot.press("G")
        assert lst.cursor == TOTAL - 1
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("space")
        assert lst.cursor == TOTAL - 1  # a page holds more than four articles
        await settle(pilot)
        assert app.reader.current.id == lst.rows[-1].id


async def test_enter_opens_and_tab_cycles_panes():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst, body, panel = app.query_one(ArticleList), app.query_one(ArticleView), app.query_one(FactsPanel)
        await pilot.press("enter")
        assert app.focused is body
        await pilot.press("tab")
        assert app.focused is panel
        await pilot.press("tab")
        assert app.focused is lst
        await pilot.press("shift+tab")
        assert app.focused is panel
        await pilot.press("shift+tab")
        assert app.focused is body


async def test_body_scrolls_with_keys_when_focused():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        body = app.query_one(ArticleView)
        await pilot.press("enter")
        assert body.max_scroll_y > 0, "the long article must not fit 80x24"
        await pilot.press("j", "j")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert body.scroll_y > 2


async def test_keyword_filter_live_enter_and_escape():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        keyword = app.query_one("#keyword", Input)
        assert app.focused is keyword
        await pilot.press(*"储能")
        await pilot.pause(0.3)
        await settle(pilot)
        assert list_titles(app) == ["宁德时代三季度净利润同比增长25% 储能电池出货量创新高"]
        assert "关键词: 储能" in status(app) and status(app).endswith(f"1/{TOTAL}")
        await pilot.press("enter")
        assert app.focused is app.query_one(ArticleList)
        # escape in the list clears all filters
        await pilot.press("slash", "escape")
        assert keyword.value == ""
        await settle(pilot, 0.3)
        assert len(list_titles(app)) == TOTAL


async def test_keyword_is_nfkc_and_case_insensitive_and_needs_all_terms():
    app = KfinApp(UI_CORPUS, keyword="ＮＶＤＡ 拆股")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_titles(app)) == 1 and "英伟达" in list_titles(app)[0]
        app.reader.set_keyword("nvda 宁德")
        await pilot.pause(0.3)
        await settle(pilot)
        assert list_titles(app) == []


async def test_empty_result_shows_a_message_not_a_blank_pane():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.set_keyword("不存在的词语")
        await pilot.pause(0.3)
        await settle(pilot)
        lst = app.query_one(ArticleList)
        assert lst.rows == []
        assert "esc" in lst.empty_message
        assert "nothing to show" in "\n".join(app.query_one(ArticleView).lines_text)
        assert status(app).endswith(f"0/{TOTAL}")
        await pilot.press("escape")
        await settle(pilot, 0.3)
        assert len(lst.rows) == TOTAL


async def test_category_picker_filters_and_combines_with_keyword():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"电报")  # narrows the tree to 金融 › 财联社 › 电报 (the parents kept)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.filters.category == "金融/财联社/电报"
        assert list_titles(app) == ["央行开展1000亿元7天期逆回购操作"]
        assert "分类: 金融/财联社/电报" in status(app)
        app.reader.set_keyword("宁德")
        await pilot.pause(0.3)
        await settle(pilot)
        assert list_titles(app) == []
        await pilot.press("escape")
        await settle(pilot, 0.3)
        assert app.reader.filters.category == "" and len(list_titles(app)) == TOTAL


async def test_category_picker_counts_within_the_other_filters():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        everything = dict(app.library.categories())
        app.reader.set_keyword("宁德")
        await pilot.pause(0.3)
        await settle(pilot)
        shown = {c for r in app.query_one(ArticleList).rows for c in r.categories}
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        counts = dict(app.screen.nodes)  # the tree: every path and leading part, with its articles
        assert {c for path in counts for c in path} == shown
        assert all(0 < counts[p] <= everything[p[-1]] for p in counts)
        assert "当前筛选" in app.screen.title_text
        assert sum(counts.values()) < sum(everything.values())


async def test_category_picker_cancel_keeps_the_category_and_counts_before_the_search_is_back(monkeypatch):
    from kfin_tui.ui.screens import reader as reader_module

    monkeypatch.setattr(reader_module, "DEBOUNCE", 5.0)  # the search is surely not back after one pause
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.set_category("深度")
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.filters.category == "深度"  # cancelled: nothing changes
        app.reader.set_keyword("宁德")
        await pilot.pause()
        assert "搜索中" in status(app)  # typed, its search not back yet
        items, narrowed = app.reader.category_counts()
        hits = app.library.search("宁德")
        want = Counter(c for r in app.library.rows if r.id in hits for c in r.categories)
        want.setdefault("深度", 0)  # the current category stays listed
        assert narrowed and dict(items) == dict(want) and sum(want.values()) > 0


async def test_status_says_searching_until_the_results_of_the_typed_keyword_are_in(monkeypatch):
    from kfin_tui.ui.screens import reader as reader_module

    monkeypatch.setattr(reader_module, "DEBOUNCE", 0.2)  # not back after one pause, back after 0.3 s
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.reader.set_keyword("宁德")
        await pilot.pause()
        assert "搜索中" in status(app)  # the list still shows the previous results
        await pilot.pause(0.3)
        await settle(pilot)
        assert "搜索中" not in status(app) and "关键词: 宁德" in status(app)


async def test_category_picker_escape_cancels():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PickerScreen)
        assert app.reader.filters.category == "" and len(list_titles(app)) == TOTAL


async def test_side_panel_lists_figures_and_companies_and_enter_jumps():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel, body = app.query_one(FactsPanel), app.query_one(ArticleView)
        assert app.reader.extraction is not None
        assert app.reader.extraction.figures, "the CATL article is full of figures"
        assert any(c.name == "宁德时代" for c in app.reader.extraction.companies)
        figures = app.reader.extraction.figures
        # a figure written twice is one row (×2); the dates are folded under their header
        assert panel.mention_count >= len({f.text for f in figures if f.kind != "date"})
        assert body.mentions, "figures and companies are highlighted in the body"
        await pilot.press("tab", "tab")
        assert app.focused is panel
        # walk to the last company (above the folded dates) and jump to it
        await pilot.press("G")
        if any(f.kind == "date" for f in figures):
            assert panel.get_option_at_index(panel.highlighted).id == "fold-date"
            await pilot.press("k")
        target = panel.mention_at(panel.highlighted)
        assert target is not None and target.in_body
        await pilot.press("enter")
        await pilot.pause()
        assert body.flashed == target
        assert body.lines_text and target.label in "".join(body.lines_text)
        line = body.line_of(target.start)
        assert body.scroll_y <= line < body.scroll_y + body.scrollable_content_region.height


async def test_f_filters_by_company_under_cursor_and_picker_otherwise():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(FactsPanel)
        await pilot.press("tab", "tab")
        # move to the first company option
        company_index = next(i for i in range(panel.option_count)
                             if (panel.get_option_at_index(i).id or "").startswith("co-"))
        panel.highlighted = company_index
        name = panel.company_under_cursor()
        assert name
        await pilot.press("f")
        await settle(pilot, 0.2)
        assert app.reader.filters.company == name
        assert f"公司: {name}" in status(app)
        assert 1 <= len(list_titles(app)) < TOTAL
        await pilot.press("escape")  # from the panel: back to the list, the filter stays
        await settle(pilot, 0.2)
        assert app.focused is app.query_one(ArticleList) and app.reader.filters.company == name
        await pilot.press("escape")  # in the list: clear all filters
        await settle(pilot, 0.2)
        assert app.reader.filters.company == ""
        # from the list, f opens the company picker
        app.query_one(ArticleList).focus()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape")


async def test_n_and_shift_n_walk_the_mentions():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        body = app.query_one(ArticleView)
        assert len(body.mentions) >= 3
        await pilot.press("n")
        assert body.mention_cursor == 0
        await pilot.press("n")
        assert body.mention_cursor == 1
        await pilot.press("N")
        assert body.mention_cursor == 0
        await pilot.press("N")
        assert body.mention_cursor == len(body.mentions) - 1


async def test_e_toggles_panel_and_narrow_terminal_hides_it():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(FactsPanel)
        assert panel.display and not panel.has_class("hidden")
        await pilot.press("e")
        assert panel.has_class("hidden")
        await pilot.press("e")
        assert not panel.has_class("hidden")
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.query_one(FactsPanel)
        assert panel.has_class("hidden")
        await pilot.press("e")
        assert not panel.has_class("hidden")


async def test_help_screen_and_quit():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_command_palette_offers_category_and_company_filters():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from kfin_tui.ui.commands import FilterCommands

        provider = FilterCommands(app.screen)
        texts = [text for text, _, _ in provider.commands()]
        assert any(t.endswith("category: 电报") for t in texts)
        assert any(t.startswith("公司 company:") for t in texts)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"电报")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot, 0.2)
        assert app.reader.filters.category == "电报"


async def test_markup_and_escape_sequences_are_inert():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = app.query_one(ArticleList)
        index = next(i for i, r in enumerate(lst.rows) if "英伟达" in r.title)
        assert "[bold red]" in lst.rows[index].title
        strip_text = "".join(lst.render_line(index * 2 - int(lst.scroll_y)).text for _ in [0])
        assert "[bold red]" in strip_text
        await pilot.press("G")
        await settle(pilot)
        text = "\n".join(app.query_one(ArticleView).lines_text)
        assert "\x1b" not in text and "红色" in text


async def test_load_issues_notify_and_screen(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(UI_CORPUS, corpus)
    (corpus / "bad.md").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    (corpus / "empty.txt").write_bytes(b"")
    long_name = "很长的文件名" * 12 + ".md"
    (corpus / long_name).write_bytes(b"\x00\x01binary")
    app = NotesApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(app.library.issues) == 3
        assert any("press L" in n for n in app.notes)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LoadIssuesScreen)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 3
        from rich.cells import cell_len

        cells = [str(table.get_row_at(i)[1]) for i in range(3)]
        assert all(cell_len(c) <= 48 for c in cells)  # the reason column stays on screen
        assert any(c.endswith(".md") and "…" in c for c in cells)  # cut in the middle, the name's end kept
        detail = str(app.screen.query_one("#issue-detail").render())
        first = app.screen.issues[0]
        assert Path(first.path).name in detail and first.reason in detail  # whole, not cut
        await pilot.press("j")
        await pilot.pause()
        second = app.screen.issues[1]
        assert Path(second.path).name in str(app.screen.query_one("#issue-detail").render())
        await pilot.press("escape")
        assert len(list_titles(app)) == TOTAL


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_body_lines_fit_and_respect_kinsoku(size):
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        from rich.cells import cell_len

        body = app.query_one(ArticleView)
        width = body.scrollable_content_region.width
        for line in body.lines_text:
            assert cell_len(line) <= width
            stripped = line.strip()
            if stripped:
                assert stripped[0] not in "，。、；：？！）」』”", line
                assert stripped[-1] not in "（「『“", line
        for whole in ("300750.SZ", "2590.45亿元", "31.17%"):
            assert any(whole in ln for ln in body.lines_text), whole


async def test_slash_inside_an_input_types_a_slash():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "A", "slash", "B")
        assert app.query_one("#keyword", Input).value == "A/B"


async def test_escape_steps_back_before_it_clears():
    app = KfinApp(UI_CORPUS, category="深度")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_titles(app)) == 1
        await pilot.press("enter")  # reading pane
        await pilot.press("escape")
        assert app.focused is app.query_one(ArticleList) and app.reader.filters.category == "深度"
        await pilot.press("slash", *"zz", "escape")  # the filter box: cleared, back to the list
        await settle(pilot, 0.3)
        assert app.focused is app.query_one(ArticleList)
        assert app.reader.filters.keyword == "" and app.reader.filters.category == "深度" and len(list_titles(app)) == 1
        await pilot.press("escape")
        await settle(pilot, 0.3)
        assert app.reader.filters.category == "" and len(list_titles(app)) == TOTAL


async def test_selection_survives_an_empty_result_and_stays_visible():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        chosen = app.reader.current.id
        app.reader.set_keyword("没有这个词")
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.query_one(ArticleList).rows == []
        await pilot.press("escape")
        await settle(pilot, 0.3)
        lst = app.query_one(ArticleList)
        assert lst.current_row.id == chosen
        top = lst.cursor * 2
        assert lst.scroll_y <= top < lst.scroll_y + lst.scrollable_content_region.height


async def test_layout_follows_resizes():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.query_one(FactsPanel)
        assert not panel.has_class("hidden")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert panel.has_class("hidden")
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        assert not panel.has_class("hidden") and not panel.has_class("overlay")


def test_highlighted_names_and_figures_are_not_broken_across_lines():
    from kfin_tui.ui.widgets.article_view import keep_whole

    text = "公司前三季度储能电池出货量超过100GWh，单价已降至约0.4元/Wh，宁德时代的份额提升，比亚迪紧随其后。"
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("超过100GWh", "宁德时代", "比亚迪")]
    for width in range(30, 61):
        lines = keep_whole(text, width, spans)
        assert "".join(text[a:b] for a, b in lines) == text
        for a, b in lines:
            for s, e in spans:
                assert not (a < s < b < e) and not (s < a < e), (width, text[a:b])


async def test_keys_before_the_first_paint_go_to_the_list_and_ideographic_space_separates_terms():
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.focused is app.query_one(ArticleList)  # AUTO_FOCUS, not the filter box
        await settle(pilot)
        await pilot.press("slash", *"宁德", "\u3000", *"比亚迪")
        assert app.query_one("#keyword", Input).value == "宁德 比亚迪"


@pytest.mark.parametrize(("alias", "name"), [("NVIDIA", "英伟达"), ("小米集团-W", "小米"), ("腾讯控股", "腾讯")])
async def test_company_filter_takes_aliases(alias, name):
    app = KfinApp(UI_CORPUS, company=alias)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.2)
        assert app.reader.filters.company == name
        assert f"公司: {name}" in status(app)
        assert set(list_titles(app)) == {app.library.row(i).title for i in app.library.ids_with_company(name)}


async def test_a_long_article_is_laid_out_off_the_ui_thread_and_a_stale_layout_is_dropped(tmp_path):
    from kfin_tui.ui.widgets.article_view import SYNC_LAYOUT_CHARS

    corpus = tmp_path / "long"
    corpus.mkdir()
    para = "宁德时代储能电池出货量超过100GWh，" * (SYNC_LAYOUT_CHARS // 10)
    (corpus / "heavy.md").write_text(f"---\ntitle: 长文\ndate: 2024-05-02\n---\n\nHEAVYSTART{para}\n", encoding="utf-8")
    (corpus / "light.md").write_text("---\ntitle: 短文\ndate: 2024-05-01\n---\n\nLIGHTBODY 正文。\n", encoding="utf-8")
    app = KfinApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.reader.article_view
        assert app.reader.current.title == "长文"
        assert not view.laying_out and "HEAVYSTART" in "".join(view.lines_text)
        heavy = view.article
        view.show(None)
        view.show(heavy)  # another article: the pane says so at once, the lines come from a worker
        assert view.laying_out and "排版中" in "".join(view.lines_text)
        await pilot.press("j")  # while it is laid out
        await settle(pilot)
        assert app.reader.current.title == "短文"
        text = "".join(view.lines_text)
        assert "LIGHTBODY" in text and "HEAVYSTART" not in text and not view.laying_out


async def _press_while_the_keyword_is_selected(pilot, app, monkeypatch, key: str) -> None:
    """A keyword set, ``key`` pressed while its search is held back (as at start, before the search index
    is open): no picker yet; then the search comes back and the app settles."""
    from kfin_tui.ui.screens import reader as reader_module

    monkeypatch.setattr(reader_module, "DEBOUNCE", 0.4)  # the search is not back after one pause
    await settle(pilot)
    app.reader.set_keyword("宁德")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert not isinstance(app.screen, PickerScreen)  # not yet: it would show the filters' articles as none
    await pilot.pause(0.6)
    await settle(pilot)


async def test_category_picker_asked_for_before_the_filters_articles_are_selected_opens_with_them(monkeypatch):
    """c pressed while a keyword's articles are still being selected (a keyword restored at start, before
    the search index is open, gave an empty picker, "no such category", that never filled): the picker
    opens once they are, with their categories."""
    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await _press_while_the_keyword_is_selected(pilot, app, monkeypatch, "c")  # (no picker yet: it would list no category)
        assert isinstance(app.screen, PickerScreen) and "当前筛选" in app.screen.title_text
        shown = {c for r in app.query_one(ArticleList).rows for c in r.categories}
        assert {c for path in dict(app.screen.nodes) for c in path} == shown and shown


async def test_company_picker_asked_for_before_the_filters_articles_are_selected_opens_with_them(monkeypatch):
    """f pressed while a keyword's articles are still being selected (at start, before the search
    index is open, its count said 0 篇): the picker opens once they are, counting those articles."""
    from kfin_tui.ui.screens.picker import CompanyPicker

    app = KfinApp(UI_CORPUS)
    async with app.run_test(size=(120, 40)) as pilot:
        await _press_while_the_keyword_is_selected(pilot, app, monkeypatch, "f")  # (no picker yet: it would count none)
        picker = app.screen
        assert isinstance(picker, CompanyPicker) and picker.scoped
        for _ in range(50):
            if picker.scope_items is not None:
                break
            await pilot.pause(0.05)
        rows = app.query_one(ArticleList).rows
        assert rows and picker.scope_size == len(rows)
