"""The reader opens big articles through the child process (issue 10): their content and figures
show; the child's failure (killed, past its time) is that article's clear error in the pane and the
next article opens; no child process is left once the app has exited."""
from __future__ import annotations

import os
import signal
from pathlib import Path

from test_article_pool import gone, heavy_text
from ui_helpers import no_user_config, settle  # noqa: F401 - autouse fixture

from kfin_tui.index.article_pool import HEAVY_BYTES
from kfin_tui.ui.app import KfinApp


def corpus(root: Path) -> Path:
    root.mkdir()
    # newest first in the list: light (05-04), big (05-03), slow (05-02), light (05-01)
    (root / "a.md").write_text("---\ntitle: 轻文章甲\ndate: 2024-05-04\n---\n\n远航科技营收12亿元。\n", encoding="utf-8")
    big = heavy_text(900).replace("大文章 big article", "大文章甲").replace("2024-05-01", "2024-05-03")
    (root / "big.md").write_text(big, encoding="utf-8")
    slow = heavy_text(30_000).replace("大文章 big article", "慢文章").replace("2024-05-01", "2024-05-02")
    (root / "slow.md").write_text(slow, encoding="utf-8")
    (root / "z.md").write_text("---\ntitle: 轻文章乙\ndate: 2024-05-01\n---\n\n青石银行净利润3亿元。\n", encoding="utf-8")
    assert (root / "big.md").stat().st_size > HEAVY_BYTES and (root / "a.md").stat().st_size < HEAVY_BYTES
    return root


async def go_to(pilot, title: str, wait: bool = True) -> None:
    reader = pilot.app.reader
    if wait:  # (waits for every worker: the article being opened too)
        await settle(pilot)
    titles = [r.title for r in reader.article_list.rows]
    reader.article_list.cursor = titles.index(title)
    await pilot.pause()


def body(reader) -> str:
    """The pane's text, lines joined (a sentence may be broken across lines)."""
    return "".join(line.strip() for line in reader.article_view.lines_text)


async def wait_for(pilot, predicate, rounds: int = 600) -> None:
    for _ in range(rounds):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError("not reached")


async def test_a_big_article_opens_through_the_child_and_the_child_goes_at_exit(tmp_path):
    root = corpus(tmp_path / "corpus")
    app = KfinApp(root)
    in_process: list[int] = []
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        article = reader.library.article

        def spy(row_id: int):
            in_process.append(row_id)
            return article(row_id)

        await settle(pilot)
        reader.library.article = spy  # what the reader reads in its own process
        await go_to(pilot, "大文章甲")
        await wait_for(pilot, lambda: "江河能源第1季度营业收入101.01亿元" in body(reader))
        await settle(pilot)
        big = next(r for r in reader.article_list.rows if r.title == "大文章甲")
        assert big.id not in in_process  # prepared in the child
        assert reader.extraction is not None and len(reader.extraction.figures) > 1000
        assert reader.article_view.mentions  # the figures are highlighted in the body
        assert reader.facts_panel.option_count > 10
        pid = reader.article_pool.pid
        assert pid is not None and pid != os.getpid()
        await go_to(pilot, "轻文章乙")  # a light one: in this process, as before
        await wait_for(pilot, lambda: "青石银行净利润3亿元" in body(reader))
        assert in_process
    assert gone(pid)  # the reader closed its pool


async def test_a_killed_child_is_that_articles_error_and_the_next_article_opens(tmp_path):
    root = corpus(tmp_path / "corpus")
    app = KfinApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await go_to(pilot, "慢文章")
        assert "读取中" in body(reader)  # the placeholder, at once

        def busy() -> bool:
            child = reader.article_pool._child
            return child is not None and child.busy

        await wait_for(pilot, busy)
        pid = reader.article_pool.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        await wait_for(pilot, lambda: "无法读取" in body(reader))
        await settle(pilot)
        assert "could not be read" in body(reader) and "killed by signal 9" in body(reader)
        assert reader.facts_panel.option_count <= 1  # nothing extracted
        # the next article opens, the next big one too (a new child)
        await go_to(pilot, "轻文章乙")
        await wait_for(pilot, lambda: "青石银行净利润3亿元" in body(reader))
        await go_to(pilot, "大文章甲")
        await wait_for(pilot, lambda: "江河能源第1季度营业收入101.01亿元" in body(reader))
        assert reader.article_pool.pid not in (None, pid)


async def test_a_child_past_its_time_is_that_articles_error(tmp_path):
    root = corpus(tmp_path / "corpus")
    app = KfinApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        reader.article_pool.timeout = 0.01
        await go_to(pilot, "慢文章")
        await wait_for(pilot, lambda: "无法读取" in body(reader))
        assert "took over" in body(reader)
        reader.article_pool.timeout = 300
        await go_to(pilot, "大文章甲")
        await wait_for(pilot, lambda: "江河能源第1季度营业收入101.01亿元" in body(reader))


async def test_moving_on_from_a_big_article_stops_its_preparation(tmp_path):
    root = corpus(tmp_path / "corpus")
    app = KfinApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await go_to(pilot, "慢文章")

        def busy() -> bool:
            child = reader.article_pool._child
            return child is not None and child.busy

        await wait_for(pilot, busy)
        pid = reader.article_pool.pid
        assert pid is not None
        await go_to(pilot, "轻文章乙", wait=False)
        await wait_for(pilot, lambda: "青石银行净利润3亿元" in body(reader))
        await settle(pilot)
        assert gone(pid)  # the slow article's work was given up
        assert "青石银行净利润3亿元" in body(reader)  # and its late result did not replace this one


async def test_every_article_of_the_hostile_folder_opens_or_says_why(tmp_path):
    """The folder of tests/bench/hostile_corpus.py (every repro of issue 10 together): each article
    in turn shows its title or a clear error; the big ones come through the child."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "bench"))
    from hostile_corpus import write

    root = tmp_path / "hostile"
    write(root, size=36)
    app = KfinApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await settle(pilot)
        rows = list(reader.article_list.rows)
        assert len(rows) >= 30
        view = reader.article_view
        for i, row in enumerate(rows):
            reader.article_list.cursor = i

            def shown(row=row) -> bool:
                if reader.current is None or reader.current.id != row.id:
                    return False
                if view.article is None:
                    return "无法读取" in body(reader)
                return os.path.basename(view.article.path) == os.path.basename(row.path)

            await wait_for(pilot, shown, rounds=2400)
            text = body(reader)
            head = row.title[:4]
            assert text and ("无法读取" in text or view.laying_out or not head.isprintable() or head in text), (
                row.path, text[:200])
        pid = reader.article_pool.pid
        assert pid is not None  # the big files went through the child
    assert gone(pid)
