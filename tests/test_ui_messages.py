"""Widgets report upward with Messages: check what they post, in isolation from the app."""
from __future__ import annotations

from datetime import datetime, timezone

from textual.app import App, ComposeResult

from kfin_tui.extract import extract
from kfin_tui.extract.model import FIGURE_KINDS
from kfin_tui.index import Row
from kfin_tui.ui.mentions import Mention
from kfin_tui.ui.widgets.article_list import ArticleList
from kfin_tui.ui.widgets.facts_panel import FactsPanel


def make_rows(n: int) -> list[Row]:
    return [Row(i, f"/x/{i}.md", f"标题{i}", datetime(2024, 1, 1 + i % 28, tzinfo=timezone.utc), "来源",
                ("金融",), ()) for i in range(n)]


class Harness(App):
    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget
        self.messages: list = []

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_article_list_highlighted(self, message: ArticleList.Highlighted) -> None:
        self.messages.append(("highlighted", message.row.id if message.row else None))

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self.messages.append(("opened", message.row.id))

    def on_facts_panel_mention_selected(self, message: FactsPanel.MentionSelected) -> None:
        self.messages.append(("mention", message.mention))


async def test_article_list_posts_highlighted_and_opened():
    lst = ArticleList()
    app = Harness(lst)
    async with app.run_test(size=(40, 20)) as pilot:
        lst.focus()
        lst.set_rows(make_rows(100_000))  # virtual: no widget per row
        await pilot.pause()
        assert app.messages[-1] == ("highlighted", 0)
        app.messages.clear()
        await pilot.press("j", "j", "enter", "G")
        await pilot.pause()
    assert app.messages[:3] == [("highlighted", 1), ("highlighted", 2), ("opened", 2)]
    assert app.messages[-1] == ("highlighted", 99_999)
    assert len(lst.children) == 0


async def test_article_list_keeps_the_selected_row_across_a_refilter():
    lst = ArticleList()
    app = Harness(lst)
    rows = make_rows(50)
    async with app.run_test(size=(40, 20)) as pilot:
        lst.set_rows(rows)
        await pilot.pause()
        lst.cursor = 10
        await pilot.pause()
        lst.set_rows(rows[5:20])
        await pilot.pause()
        assert lst.current_row.id == 10 and lst.cursor == 5
        lst.set_rows([])
        await pilot.pause()
        assert lst.current_row is None
    assert app.messages[-1] == ("highlighted", None)


async def test_facts_panel_posts_the_mention_of_the_chosen_figure():
    text = "宁德时代前三季度营收2590.45亿元，同比下降12.1%。"
    extraction = extract(text)
    panel = FactsPanel()
    app = Harness(panel)
    async with app.run_test(size=(40, 20)) as pilot:
        panel.show_extraction(extraction)
        panel.focus()
        await pilot.pause()
        first = next(i for i in range(panel.option_count) if not panel.get_option_at_index(i).disabled)
        panel.highlighted = first
        await pilot.press("enter")
        await pilot.pause()
    # the panel lists figures by kind in FIGURE_KINDS order: the first option is the first figure of
    # the first kind present
    kind = next(k for k in FIGURE_KINDS if any(f.kind == k for f in extraction.figures))
    figure = next(f for f in extraction.figures if f.kind == kind)
    assert app.messages[-1] == ("mention", Mention(figure.start, figure.end, kind, figure.text))
    assert text[figure.start:figure.end] == figure.text
