"""Live news in the reader, driven with Pilot against feeds served on 127.0.0.1 (pytest-httpserver):
``r`` fetches and the new articles come in at the top with the cursor where it was; errors per
feed; the feeds screen; files dropped into the folder by hand show up without a restart; the
automatic fetch; the default archive of ``kfin-tui`` without a PATH."""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.widgets import DataTable
from ui_helpers import UI_CORPUS, list_titles, no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.config import Config, FeedConfig, ReaderConfig
from kfin_tui.feeds import FetchOptions
from kfin_tui.feeds.fetchstate import feed_health
from kfin_tui.feeds.parse import parse_feed
from kfin_tui.ui import fetching
from kfin_tui.ui.app import KfinApp
from kfin_tui.ui.screens.feeds import FeedsScreen
from kfin_tui.ui.widgets.article_list import ArticleList

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
FAST = FetchOptions(timeout=3.0, retries=1, backoff=0.01)


class NotesApp(KfinApp):
    """Records what the reader notifies (toasts time out)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message, **kwargs) -> None:
        self.notes.append(str(message))
        super().notify(message, **kwargs)


@pytest.fixture
def archive(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the UI corpus as the archive, a private index cache and fetch state."""
    monkeypatch.setenv("KFIN_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KFIN_TUI_STATE", str(tmp_path / "state"))
    monkeypatch.setattr(fetching.Fetcher, "options", FAST)
    root = tmp_path / "archive"
    shutil.copytree(UI_CORPUS, root)
    return root


def xml(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def titles_of(name: str) -> list[str]:
    return [i.title for i in parse_feed(xml(name)).items]


def config_for(server: HTTPServer, root: Path, *feeds: FeedConfig, fetch_every: float = 0.0) -> Config:
    return Config(archive=root, rsshub=server.url_for("").rstrip("/"), feeds=feeds,
                  reader=ReaderConfig(fetch_every=fetch_every))


TELEGRAPH = FeedConfig(name="财联社电报", url="/cls/telegraph", section="金融", site="财联社", feed="电报")
SINA = FeedConfig(name="新浪直播", url="/sina/zhibo", section="金融", site="新浪财经", feed="7x24直播")


async def until(pilot, predicate, timeout: float = 15.0) -> None:
    """Pause until ``predicate()`` holds (a deadline against a hang, not a timing assertion)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("condition not reached")
        await pilot.pause(0.05)


async def fetched(pilot) -> None:
    """Wait for the fetch to end and the reader to have taken its rows in."""
    app = pilot.app
    await until(pilot, lambda: app.reader.fetcher is not None and app.reader.fetcher.running is None)
    await settle(pilot)


async def test_r_fetches_new_rows_on_top_cursor_stays_and_says_n_new(server, archive):
    server.expect_request("/cls/telegraph").respond_with_data(xml("cls_telegraph.xml"),
                                                              content_type="application/rss+xml")
    app = NotesApp(archive, config=config_for(server, archive, TELEGRAPH))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = list_titles(app)
        await pilot.press("j")  # the cursor on the second article
        lst = app.query_one(ArticleList)
        on = lst.current_row
        assert on is not None and lst.cursor == 1
        await pilot.press("r")
        await fetched(pilot)
        new = titles_of("cls_telegraph.xml")
        after = list_titles(app)
        assert len(after) == len(before) + len(new)
        assert sorted(after[:len(new)]) == sorted(new)  # the new articles: at the top
        assert after[len(new):] == before
        assert lst.current_row is not None and lst.current_row.id == on.id  # the cursor kept its article
        assert app.reader.current is not None and app.reader.current.id == on.id
        assert any(f"{len(new)} new" in n for n in app.notes), app.notes
        assert app.reader.status_bar.text.endswith(f"{len(after)}/{len(after)}")
        assert not app.reader.progress.busy  # the fetch line is gone
        # a second r: the server answers the same; nothing is written twice
        await pilot.press("r")
        await fetched(pilot)
        assert list_titles(app) == after
        assert any("nothing new" in n for n in app.notes)


async def test_fetch_error_is_shown_per_feed_and_others_still_come_in(server, archive):
    server.expect_request("/cls/telegraph").respond_with_data("boom", status=500)
    server.expect_request("/sina/zhibo").respond_with_data(xml("sina_zhibo.xml"), content_type="application/xml")
    app = NotesApp(archive, config=config_for(server, archive, TELEGRAPH, SINA))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await fetched(pilot)
        assert set(titles_of("sina_zhibo.xml")) <= set(list_titles(app))
        note = next(n for n in app.notes if "failed" in n)
        assert "财联社电报" in note and "新浪直播" not in note.split("failed", 1)[1]
        assert "2 new" in note
        # the feeds screen: the error on its feed's row, the other feed new
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        rows = table_rows(screen)
        assert rows[0][0] == "财联社电报" and rows[0][3] == "错误 error" and "500" in rows[0][4]
        assert rows[1][0] == "新浪直播" and rows[1][2] == "2" and rows[1][3] == "新 new" and rows[1][4] == ""
        detail = str(screen.query_one("#feed-detail").render())
        assert "500" in detail and "/cls/telegraph" in detail


def table_rows(screen: FeedsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_feeds_screen_lists_health_and_r_there_fetches(server, archive):
    server.expect_request("/cls/telegraph").respond_with_data(xml("cls_telegraph.xml"),
                                                              content_type="application/rss+xml")
    server.expect_request("/sina/zhibo").respond_with_data(xml("sina_zhibo.xml"), content_type="application/xml")
    app = NotesApp(archive, config=config_for(server, archive, TELEGRAPH, SINA))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert [r[1] for r in table_rows(screen)] == ["从未 never", "从未 never"]
        await pilot.press("r")
        await until(pilot, lambda: app.reader.fetcher.running is None)
        await settle(pilot)
        rows = table_rows(screen)
        assert [r[0] for r in rows] == ["财联社电报", "新浪直播"]
        assert [r[1] for r in rows] == ["刚刚 now"] * 2
        assert [r[2] for r in rows] == [str(len(titles_of("cls_telegraph.xml"))), "2"]
        assert [r[3] for r in rows] == ["新 new"] * 2
        health = feed_health()
        assert health["财联社电报"].new == len(titles_of("cls_telegraph.xml"))
        # enter fetches the feed under the cursor only: unchanged now
        await pilot.press("j", "enter")
        await until(pilot, lambda: app.reader.fetcher.running is None)
        await settle(pilot)
        rows = table_rows(screen)
        assert rows[1][3] == "未变 same" and rows[1][2] == "0" and rows[0][3] == "新 new"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.reader
        # the new articles are in the reader's list
        assert set(titles_of("sina_zhibo.xml")) <= set(list_titles(app))


async def test_a_file_dropped_into_the_folder_appears_without_restart(archive, monkeypatch):
    monkeypatch.setattr(fetching.Fetcher, "watch_every", 0.2)
    app = NotesApp(archive, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        on = app.reader.current
        await until(pilot, lambda: app.reader.fetcher._watch is not None)  # the folders are listed
        folder = archive / "金融" / "手工"
        folder.mkdir()
        (folder / "手工放入的文章.md").write_text(
            "---\ntitle: 手工放入的快讯\ndate: 2026-12-02 08:00:00\n---\n\n外部抓取器写入的内容。\n", encoding="utf-8")
        await until(pilot, lambda: "手工放入的快讯" in list_titles(app))
        assert list_titles(app)[0] == "手工放入的快讯"
        assert app.reader.current.id == on.id and app.query_one(ArticleList).current_row.id == on.id
        assert any("1 new in the folder" in n for n in app.notes)
        # and one removed by hand goes
        gone = next(r for r in app.query_one(ArticleList).rows if r.id != on.id)
        Path(gone.path).unlink()
        await until(pilot, lambda: gone.title not in list_titles(app))
        assert app.reader.current.id == on.id


@pytest.mark.parametrize(("interval", "fetch_every"), [(None, 10.0), (10.0, 0.0)],
                         ids=["reader.fetch_every", "feed interval"])
async def test_the_automatic_fetch_runs_when_feeds_are_due(server, archive, monkeypatch, interval, fetch_every):
    monkeypatch.setattr(fetching.Fetcher, "due_every", 0.2)
    server.expect_request("/cls/telegraph").respond_with_data(xml("cls_telegraph.xml"),
                                                              content_type="application/rss+xml")
    feed = FeedConfig(name=TELEGRAPH.name, url=TELEGRAPH.url, section="金融", site="财联社", feed="电报",
                      interval=interval)
    app = NotesApp(archive, config=config_for(server, archive, feed, fetch_every=fetch_every))
    async with app.run_test(size=(120, 40)) as pilot:
        # nothing pressed: the feed has never been fetched, so it is due at once
        await until(pilot, lambda: set(titles_of("cls_telegraph.xml")) <= set(list_titles(app)))
        await until(pilot, lambda: app.reader.fetcher.running is None)
        await settle(pilot)
        assert len(server.log) == 1
        assert any("4 new" in n for n in app.notes)
        # fetched now: not due again for ten minutes (more ticks pass, no second request)
        await pilot.pause(0.8)
        await settle(pilot)
        assert len(server.log) == 1


async def test_no_automatic_fetch_when_nothing_asks_for_it(server, archive, monkeypatch):
    monkeypatch.setattr(fetching.Fetcher, "due_every", 0.1)
    server.expect_request("/cls/telegraph").respond_with_data(xml("cls_telegraph.xml"))
    app = NotesApp(archive, config=config_for(server, archive, TELEGRAPH))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        assert not app.reader.fetcher.auto and len(server.log) == 0


async def test_r_without_feeds_or_archive_says_how(archive):
    app = NotesApp(archive, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert any("kfin-tui feeds add" in n for n in app.notes)
        assert app.reader.fetcher.running is None


async def test_hostile_feed_names_and_errors_are_text(server, archive):
    name = "[bold red]坏名字[/]\x1b[31m\x07"
    server.expect_request("/bad").respond_with_data("not xml at all [link=x]", content_type="text/plain")
    feed = FeedConfig(name=name, url="/bad", section="金融", site="坏", feed="源")
    app = NotesApp(archive, config=config_for(server, archive, feed))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await fetched(pilot)
        note = next(n for n in app.notes if "failed" in n)
        assert "[bold red]坏名字[/]␛[31m␇" in note and "\x1b" not in note
        await pilot.press("F")
        await settle(pilot)
        rows = table_rows(app.screen)
        assert rows[0][0].startswith("[bold red]坏名") and rows[0][3] == "错误 error"  # cut to its column
        assert "\x1b" not in "".join(rows[0])
        detail = str(app.screen.query_one("#feed-detail").render())
        assert "[bold red]坏名字[/]␛[31m␇" in detail and "\x1b" not in detail


def test_reader_opens_the_config_archive_without_a_path(tmp_path, monkeypatch):
    from kfin_tui.commands import cmd_read

    root = tmp_path / "news"
    assert cmd_read.default_root(Config())[0].name in ("corpus", "_corpus")
    path, problem = cmd_read.default_root(Config(archive=root))
    assert path == root and problem is not None and "kfin-tui fetch" in problem
    root.mkdir()
    assert cmd_read.default_root(Config(archive=root)) == (root, None)
    # through the command: the app is given the archive
    opened: list[Path] = []

    class Probe(KfinApp):
        def run(self, *args, **kwargs):
            opened.append(self.root)

    monkeypatch.setattr("kfin_tui.ui.app.KfinApp", Probe)
    config = tmp_path / "config.toml"
    config.write_text(f'archive = "{root}"\n', encoding="utf-8")
    monkeypatch.setenv("KFIN_TUI_CONFIG", str(config))
    from kfin_tui.cli import main

    assert main([]) == 0
    assert opened == [root]


async def test_a_fetch_while_the_library_loads_is_taken_in_after_and_said_once(server, archive, monkeypatch):
    """Files are never rescanned while the reader's load runs: a fetch that ends then leaves its
    files pending; the next watch tick takes them in, without a second "new" notification."""
    monkeypatch.setattr(fetching.Fetcher, "watch_every", 0.2)
    loading = [True]
    monkeypatch.setattr(fetching.Fetcher, "_library_busy", lambda self: loading[0])
    server.expect_request("/cls/telegraph").respond_with_data(xml("cls_telegraph.xml"),
                                                              content_type="application/rss+xml")
    app = NotesApp(archive, config=config_for(server, archive, TELEGRAPH))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = list_titles(app)
        await pilot.press("r")
        await fetched(pilot)
        assert any("4 new" in n for n in app.notes)
        await pilot.pause(0.6)  # watch ticks pass: still "loading"
        assert list_titles(app) == before
        loading[0] = False
        await until(pilot, lambda: len(list_titles(app)) == len(before) + 4)
        assert sorted(list_titles(app)[:4]) == sorted(titles_of("cls_telegraph.xml"))
        await pilot.pause(0.5)
        assert not any("in the folder" in n for n in app.notes), app.notes


async def test_r_on_another_folder_than_the_archive_says_where_the_news_went(server, archive, tmp_path):
    server.expect_request("/cls/telegraph").respond_with_data(xml("cls_telegraph.xml"),
                                                              content_type="application/rss+xml")
    elsewhere = tmp_path / "news"
    app = NotesApp(archive, config=config_for(server, elsewhere, TELEGRAPH))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = list_titles(app)
        await pilot.press("r")
        await fetched(pilot)
        assert list_titles(app) == before  # the open folder did not change
        assert any("4 new" in n and "not this folder" in n for n in app.notes), app.notes
        assert len(list((elsewhere / "金融" / "财联社" / "电报").iterdir())) == 4



def test_an_os_exit_in_the_test_process_is_an_error():
    """cli.main returns the reader's status (the test above); only the console script (cli.script)
    ends the process after the reader. conftest turns os._exit in the test process into an error,
    so that a test reaching it fails instead of ending the whole run with its code."""
    import os

    import pytest

    with pytest.raises(RuntimeError, match=r"os\._exit"):
        os._exit(0)
