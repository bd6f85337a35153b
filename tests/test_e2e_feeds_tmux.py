"""End to end: ``kfin-tui`` with no PATH opens the config's archive in a real terminal (tmux); ``r``
fetches from feeds served on 127.0.0.1 and the new articles are on screen."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from test_e2e_tmux import Tmux  # skips this module too without tmux
from ui_helpers import UI_CORPUS

pytestmark = pytest.mark.e2e

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_r_in_a_real_terminal_brings_the_new_articles_on_screen(tmp_path, server):
    server.expect_request("/cls/telegraph").respond_with_data((FEEDS / "cls_telegraph.xml").read_bytes(),
                                                              content_type="application/rss+xml")
    archive = tmp_path / "news"
    shutil.copytree(UI_CORPUS, archive)
    config = tmp_path / "config.toml"
    config.write_text(
        f'archive = "{archive}"\nrsshub = "{server.url_for("").rstrip("/")}"\n\n'
        '[[feeds]]\nname = "财联社电报"\nurl = "/cls/telegraph"\nsection = "金融"\nsite = "财联社"\nfeed = "电报"\n',
        encoding="utf-8")
    env = [f"KFIN_TUI_CONFIG={config}", f"KFIN_TUI_STATE={tmp_path / 'state'}",
           f"KFIN_TUI_CACHE={tmp_path / 'cache'}"]
    term = Tmux(["env", *env, sys.executable, "-m", "kfin_tui"])  # no PATH: the archive
    try:
        folder = archive / "金融" / "财联社" / "电报"
        before = {p.name for p in folder.iterdir()}
        term.wait_for(lambda s: "4/4" in s and "宁德时代" in s)
        assert "news" in term.screen()  # the archive's name in the status bar
        term.keys("r")
        screen = term.wait_for(lambda s: "8/8" in s and "4 new" in s)
        assert "央行开展" in screen  # the newest fetched article, at the top of the list
        assert len(server.log) == 1
        assert len({p.name for p in folder.iterdir()} - before) == 4  # fetch wrote only new files
        term.keys("q")
        term.wait_for(lambda s: "8/8" not in s, timeout=10)
    finally:
        term.close()
