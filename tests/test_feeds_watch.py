"""FolderWatch: the reader's cheap re-check for files that appear without a restart."""
from __future__ import annotations

import os
from pathlib import Path

from kfin_tui.feeds.watch import FolderWatch


def touch(path: Path, text: str = "\n---\ntitle: x\n---\nbody\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def bump(folder: Path) -> None:
    """Make sure the folder's mtime moves even on a coarse clock."""
    st = os.stat(folder)
    os.utime(folder, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_new_changed_and_removed_files(tmp_path: Path) -> None:
    a = touch(tmp_path / "金融" / "财联社" / "电报" / "一.md")
    touch(tmp_path / "README.md")
    watch = FolderWatch(tmp_path)
    assert not watch.check()
    b = touch(tmp_path / "金融" / "财联社" / "电报" / "二.md")
    touch(tmp_path / "金融" / "财联社" / "电报" / ".kfin-fetch-1-abc.tmp")  # hidden: never reported
    bump(b.parent)
    changes = watch.check()
    assert changes.added == (b,) and changes.removed == ()
    assert not watch.check()  # reported once
    # a new folder tree (a git pull bringing a new feed)
    c = touch(tmp_path / "新媒体" / "金色财经" / "快讯" / "三.md")
    bump(tmp_path)
    assert watch.check().added == (c,)
    a.unlink()
    bump(a.parent)
    assert watch.check().removed == (a,)


def test_removed_folder(tmp_path: Path) -> None:
    x = touch(tmp_path / "a" / "b" / "x.md")
    watch = FolderWatch(tmp_path)
    x.unlink()
    (tmp_path / "a" / "b").rmdir()
    (tmp_path / "a").rmdir()
    bump(tmp_path)
    assert watch.check().removed == (x,)
    assert list(watch.folders) == [str(tmp_path)]


def test_due_feeds_and_health(tmp_path: Path) -> None:
    from kfin_tui.config import FeedConfig
    from kfin_tui.feeds.fetchstate import FetchState, due_feeds, feed_health

    state = tmp_path / "feeds.sqlite3"
    feeds = (FeedConfig("fast", "/a", interval=5), FeedConfig("slow", "/b", interval=60),
             FeedConfig("default", "/c"), FeedConfig("off", "/d", interval=1, enabled=False))
    assert feed_health(state) == {} and not state.exists()  # reading never creates the state
    assert due_feeds(feeds, 0, state, now=1000.0) == ["fast", "slow"]  # never fetched; default 0: never
    assert due_feeds(feeds, 30, state, now=1000.0) == ["fast", "slow", "default"]
    st = FetchState(state)
    try:
        for name in ("fast", "slow", "default"):
            st.record(name, "/x", "unchanged", now=1000.0)
        st.record("fast", "/a", "error", error="HTTP 502", now=1000.0)
    finally:
        st.close()
    assert due_feeds(feeds, 30, state, now=1000.0 + 6 * 60) == ["fast"]
    assert due_feeds(feeds, 30, state, now=1000.0 + 31 * 60) == ["fast", "default"]
    health = feed_health(state)
    assert health["fast"].status == "error" and health["fast"].error == "HTTP 502"
    assert health["slow"].last_ok == 1000.0
