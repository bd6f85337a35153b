"""Names and typing are data, never markup (issue 10, items 3 and 4).

A corpus whose folder, category, company and file names are Textual markup — `[/]` that would raise
MarkupError, `[@click=app.quit]` that would become a link running an action — is walked through
every surface that shows a name: the status bar, the list, the reading pane's meta line, the
category and company pickers, the command palette, notifications and the load-issues screen. The
app must not crash, must show the names literally, and clicking them must do nothing.
"""
from __future__ import annotations

from rich.text import Text
from textual.command import CommandList
from textual.widgets import Input, OptionList
from ui_helpers import no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.commands import FilterCommands
from kfin_tui.ui.screens.issues import LoadIssuesScreen
from kfin_tui.ui.screens.picker import PickerScreen

QUIT = "[@click=app.quit]CLICKME"
SHOT = "[@click=app.screenshot('PWNED.svg','.')]SHOT"
CLOSE = "[/]"
COMPANY = "[/]科技"


class Recorder(KfinApp):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []
        self.quit_attempts = 0

    def notify(self, message, **kwargs) -> None:
        self.notes.append(str(message))
        super().notify(message, **kwargs)

    async def action_quit(self) -> None:  # a click that ran app.quit would land here
        self.quit_attempts += 1

    def action_screenshot(self, *args, **kwargs) -> None:
        self.quit_attempts += 1


def hostile_corpus(base):
    root = base / QUIT
    shot = root / SHOT
    shot.mkdir(parents=True)
    # no categories: the folder names below the root are the categories
    (shot / "a.md").write_text("---\ntitle: '[b]粗体[/b] [/] 标题'\ndate: 2024-05-01\n---\n\n正文，没有分类。\n",
                               encoding="utf-8")
    (root / "b.md").write_text("---\ntitle: 第二篇\ncategories:\n  - '[/]'\n  - 深度\ndate: 2024-05-02\n---\n\n"
                               "第二篇正文。\n", encoding="utf-8")
    (root / "c.txt").write_text("【第三篇快讯】\n来源：[@click=app.quit]来源\n\n[/]科技公布了业绩，营收10亿元。\n\n"
                                f"${COMPANY}(SZ000001)$\n", encoding="utf-8")
    (root / f"{QUIT}.md").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    return root


async def click_everywhere(pilot, widget, rows: int = 2) -> None:
    """Click every third cell of the first ``rows`` lines of ``widget`` (where the names are; a
    name is longer than three cells)."""
    region = widget.region
    for y in range(min(rows, region.height)):
        for x in range(0, region.width, 3):
            await pilot.click(offset=(region.x + x, region.y + y))


async def test_hostile_names_are_shown_literally_and_never_run_an_action(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a screenshot action would write here
    root = hostile_corpus(tmp_path / "corpus")
    app = Recorder(root, keyword=CLOSE)  # kfin-tui --keyword '[/]'
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, 0.2)
        reader = app.reader
        assert f"关键词: {CLOSE}" in reader.status_bar.text and QUIT in reader.status_bar.text
        assert "press L" in " ".join(app.notes)  # the unreadable file, said without markup
        await click_everywhere(pilot, reader.status_bar)
        # typing [/ in the filter
        reader.set_keyword("")
        await pilot.press("slash", "left_square_bracket", "slash")
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.query_one("#keyword", Input).value == "[/"
        assert "关键词: [/" in reader.status_bar.text
        await pilot.press("escape", "escape")
        await settle(pilot, 0.3)
        assert len(reader.article_list.rows) == 3

        # the list and the reading pane's meta line
        titles = [r.title for r in reader.article_list.rows]
        assert "[b]粗体[/b] [/] 标题" in titles
        index = titles.index("[b]粗体[/b] [/] 标题")
        reader.article_list.cursor = index
        await settle(pilot)
        body = "\n".join(reader.article_view.lines_text)
        assert "[@click=app.screenshot('PWNED.svg'" in body and "[b]粗体[/b]" in body  # (the meta line is cut)
        await click_everywhere(pilot, reader.article_view)
        await click_everywhere(pilot, reader.article_list)

        # the category picker: `[/]` and the folder names are options, shown as they are
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith(CLOSE + " ") for p in prompts) and any(p.startswith(SHOT) for p in prompts)
        await click_everywhere(pilot, app.screen.query_one("#picker-title"))
        await pilot.press(*"[/]", "enter")
        await settle(pilot)
        assert reader.filters.category == CLOSE and f"分类: {CLOSE}" in reader.status_bar.text
        assert [r.title for r in reader.article_list.rows] == ["第二篇"]

        # the command palette lists the same names; choosing one filters
        prompts = [text for text, _, _ in FilterCommands(app.screen).commands()]
        assert f"分类 category: {SHOT}" in prompts
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"PWNED")  # (SHOT would also match Textual's own Screenshot command)
        hits = app.screen.query_one(CommandList)
        for _ in range(50):  # the palette searches asynchronously
            await pilot.pause(0.1)
            if hits.option_count and "SHOT" in str(hits.get_option_at_index(0).prompt):
                break
        assert SHOT in str(hits.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert reader.filters.category == SHOT
        await pilot.press("escape")
        await settle(pilot, 0.3)

        # f on the company [/]科技 in the side panel
        reader.article_list.cursor = next(i for i, r in enumerate(reader.article_list.rows)
                                          if r.title == "第三篇快讯")
        await settle(pilot)
        panel = reader.facts_panel
        index = next((i for i in range(panel.option_count) if panel.mention_at(i) is not None
                      and panel.mention_at(i).label == COMPANY), None)
        assert index is not None, [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        panel.focus()
        panel.highlighted = index
        await pilot.press("f")
        await settle(pilot, 0.2)
        assert reader.filters.company == COMPANY and f"公司: {COMPANY}" in reader.status_bar.text
        await click_everywhere(pilot, panel)
        await pilot.press("escape", "escape")
        await settle(pilot, 0.3)

        # the company picker
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape")

        # load issues: the file name is shown as it is
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LoadIssuesScreen)
        detail = app.screen.query_one("#issue-detail").render()
        assert QUIT in str(detail)
        await click_everywhere(pilot, app.screen.query_one("#issue-detail"))
        await pilot.press("escape")
        await pilot.pause()
    assert app.quit_attempts == 0
    assert not (tmp_path / "PWNED.svg").exists()


def test_the_status_bar_never_reads_markup():
    """The status line is Text built from plain strings: a name cannot close or open a style."""
    from kfin_tui.ui.widgets.sanitize import one_line

    for name in (CLOSE, QUIT, "[bold", "\x1b]0;title\x07", "a\nb"):
        text = Text(one_line(name))
        assert text.spans == [] and "\x1b" not in text.plain and "\n" not in text.plain
