"""``kfin-tui feeds`` / ``kfin-tui fetch`` end to end against 127.0.0.1, OPML round trip, and a
fetch killed with SIGKILL mid-run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from kfin_tui.articles import load_file
from kfin_tui.cli import main
from kfin_tui.config import load_config
from kfin_tui.feeds.opml import OpmlError, export_opml, import_opml
from kfin_tui.files import walk

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {"KFIN_TUI_CONFIG": str(tmp_path / "config.toml"), "KFIN_TUI_STATE": str(tmp_path / "state"),
              "KFIN_TUI_CACHE": str(tmp_path / "cache")}
    for k, v in values.items():
        monkeypatch.setenv(k, v)
    return values


def write_config(tmp_path: Path, rsshub: str, extra: str = "") -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'# my feeds\narchive = "{tmp_path / "archive"}"\nrsshub = "{rsshub}"  # local\n{extra}',
                    encoding="utf-8")
    return path


def test_feeds_add_preset_keeps_comments(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(tmp_path, "http://127.0.0.1:1")
    assert main(["feeds", "add", "cls/telegraph", "sina/zhibo"]) == 0
    assert main(["feeds", "add", "/cls/telegraph"]) == 0  # again: already there, not doubled
    text = path.read_text(encoding="utf-8")
    assert "# my feeds" in text and "# local" in text
    config = load_config(path)
    assert [(f.name, f.url, f.section, f.site, f.feed) for f in config.feeds] == [
        ("财联社电报", "/cls/telegraph", "金融", "财联社", "电报"),
        ("新浪财经直播", "/sina/finance/zhibo/152", "金融", "新浪财经", "7x24直播")]
    out = capsys.readouterr().out
    assert "already there: 财联社电报" in out
    assert main(["feeds", "add", "not-a-preset"]) == 2
    assert main(["feeds", "add", "https://example.invalid/rss", "--name", "自定义", "--section", "金融",
                 "--site", "例子", "--feed", "全部", "--interval", "30"]) == 0
    f = load_config(path).feeds[-1]
    assert (f.name, f.url, f.section, f.site, f.feed, f.interval) == (
        "自定义", "https://example.invalid/rss", "金融", "例子", "全部", 30.0)


def test_opml_export_import_round_trip(tmp_path: Path, env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(tmp_path, "http://127.0.0.1:1", '[[feeds]]\nname = "停用"\nurl = "https://e.invalid/x"\n'
                        'enabled = false\ninterval = 7.5\n')
    assert main(["feeds", "add", "cls/telegraph", "jinse/lives", "jin10"]) == 0
    before = load_config(path).feeds
    capsys.readouterr()
    assert main(["feeds", "export"]) == 0
    opml = capsys.readouterr().out
    assert 'xmlUrl="http://127.0.0.1:1/cls/telegraph"' in opml
    (tmp_path / "feeds.opml").write_text(opml, encoding="utf-8")
    # into an empty config: the same feeds come back
    path.write_text(f'archive = "{tmp_path / "archive"}"\nrsshub = "http://127.0.0.1:1"\n', encoding="utf-8")
    assert main(["feeds", "import", str(tmp_path / "feeds.opml")]) == 0
    def by_name(feeds):  # export groups feeds by folder: the order may change
        return sorted(feeds, key=lambda f: f.name)

    assert by_name(load_config(path).feeds) == by_name(before)
    assert main(["feeds", "import", str(tmp_path / "feeds.opml")]) == 0  # twice: nothing doubled
    assert by_name(load_config(path).feeds) == by_name(before)


def test_opml_from_another_reader() -> None:
    data = """<?xml version="1.0"?><opml version="1.0"><head/><body>
      <outline text="金融"><outline text="财联社">
        <outline type="rss" text="电报" xmlUrl="https://hub.example/cls/telegraph"/>
        <outline type="rss" text="电报" xmlUrl="https://other.example/feed.xml"/>
      </outline></outline>
      <outline type="rss" text="ftp" xmlUrl="ftp://x/y"/>
    </body></opml>""".encode()
    got = import_opml(data, "https://hub.example")
    assert [(f.name, f.url, f.section, f.site) for f in got.feeds] == [
        ("电报", "/cls/telegraph", "金融", "财联社"), ("电报 (2)", "https://other.example/feed.xml", "金融", "财联社")]
    assert len(got.skipped) == 1
    with pytest.raises(OpmlError, match="DOCTYPE"):
        import_opml(b'<!DOCTYPE x [<!ENTITY a "b">]><opml><body/></opml>')
    with pytest.raises(OpmlError, match="not valid XML"):
        import_opml(b"<opml><body>")
    assert "<opml" in export_opml(load_config(Path("/nonexistent/config.toml")))


def test_cli_add_fetch_list_end_to_end(server: HTTPServer, tmp_path: Path, env: dict[str, str]) -> None:
    """kfin-tui feeds add cls/telegraph && kfin-tui fetch && kfin-tui list, as a new user runs them."""
    server.expect_request("/cls/telegraph").respond_with_data((FEEDS / "cls_telegraph.xml").read_bytes(),
                                                              content_type="application/rss+xml")
    write_config(tmp_path, server.url_for("").rstrip("/"))
    full_env = {**os.environ, **env}

    def kfin(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kfin_tui", *args], capture_output=True, text=True,
                              env=full_env, timeout=120, cwd=REPO)

    assert kfin("feeds", "add", "cls/telegraph").returncode == 0
    fetch = kfin("fetch")
    assert fetch.returncode == 0, fetch.stderr
    assert "new" in fetch.stdout and "财联社电报: 4 new of 4" in fetch.stdout
    listed = kfin("list", "--json", str(tmp_path / "archive"))
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 4
    assert all(r["categories"][:3] == ["金融", "财联社", "电报"] for r in rows)  # then the items' own labels
    assert rows[0]["title"].startswith("【央行开展5000亿元MLF操作】")  # newest first
    again = kfin("fetch")
    assert again.returncode == 0 and "unchanged  财联社电报" in again.stdout
    health = kfin("feeds")
    assert health.returncode == 0 and "财联社电报" in health.stdout and "unchanged" in health.stdout
    # a failing feed: exit 1, the others still fetched
    server.expect_request("/broken").respond_with_data("x", status=404)
    with open(tmp_path / "config.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[feeds]]\nname = "坏"\nurl = "/broken"\n')
    failed = kfin("fetch", "--retries", "0")
    assert failed.returncode == 1 and "error      坏: HTTP 404" in failed.stdout
    assert "unchanged  财联社电报" in failed.stdout
    assert kfin("fetch", "不存在").returncode == 2


def big_feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>第{i}条快讯 测试</title><guid>kill-{i}</guid><link>https://e.invalid/{i}</link>"
        f"<pubDate>Tue, 01 Dec 2026 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d} GMT</pubDate>"
        f"<description><![CDATA[<p>{'第' + str(i) + '条的正文。' * 20}</p>]]></description></item>"
        for i in range(n))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>kill</title>{items}'
            "</channel></rss>").encode()


@pytest.mark.parametrize("moment", ["staging", "naming"])
def test_sigkill_mid_fetch_leaves_a_loadable_archive(server: HTTPServer, tmp_path: Path, env: dict[str, str],
                                                     moment: str) -> None:
    """Killed while the items are written to temporaries (``staging``) or while they get their
    names (``naming``): every visible article is whole, and the next run completes the feed."""
    n = 800
    server.expect_request("/many").respond_with_data(big_feed(n))
    write_config(tmp_path, server.url_for("").rstrip("/"),
                 '[[feeds]]\nname = "many"\nurl = "/many"\nsection = "金融"\nsite = "测试"\nfeed = "快讯"\n')
    folder = tmp_path / "archive" / "金融" / "测试" / "快讯"
    cmd = [sys.executable, "-m", "kfin_tui", "fetch", "--quiet"]

    def ready() -> bool:
        try:
            names = os.listdir(folder)
        except OSError:
            return False
        if moment == "staging":
            return len(names) >= 20
        return any(not name.startswith(".") for name in names)

    proc = subprocess.Popen(cmd, env={**os.environ, **env}, cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and not ready():
            time.sleep(0.001)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    if proc.returncode == 0:
        pytest.skip("the fetch finished before the kill")
    assert proc.returncode == -signal.SIGKILL
    visible = [Path(p) for p, _, _ in walk(tmp_path / "archive")]
    assert len(visible) < n, "the fetch was not killed mid-run"
    if moment == "naming":
        assert visible
    for path in visible:  # no partial article: every visible file loads whole
        article, issue = load_file(path, tmp_path / "archive")
        assert issue is None and article is not None, (path, issue)
        assert article.body_text.endswith("条的正文。")
    done = subprocess.run(cmd, env={**os.environ, **env}, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == n and not any(name.startswith(".") for name in names)  # temporaries swept
    guids = set()
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        guids.add(text.split("\nguid: ", 1)[1].split("\n", 1)[0])
    assert len(guids) == n  # every item once: nothing lost, nothing doubled
