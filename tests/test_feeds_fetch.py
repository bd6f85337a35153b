"""``run_fetch`` against a real HTTP server on 127.0.0.1 (pytest-httpserver): conditional GET,
retries, timeouts, caps, redirects, gzip, dedupe across runs, and the round trip through the loader."""
from __future__ import annotations

import gzip
import time
from datetime import timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from kfin_tui.articles import load_file
from kfin_tui.config import Config, FeedConfig
from kfin_tui.feeds import FetchOptions, run_fetch
from kfin_tui.feeds.parse import parse_feed
from kfin_tui.files import walk

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
FAST = FetchOptions(timeout=3.0, retries=2, backoff=0.01)


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state" / "feeds.sqlite3"


def xml(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def make_config(server: HTTPServer, tmp_path: Path, *feeds: tuple[str, str, str, str, str]) -> Config:
    return Config(archive=tmp_path / "archive", rsshub=server.url_for("").rstrip("/"),
                  feeds=tuple(FeedConfig(name=n, url=u, section=a, site=b, feed=c) for n, u, a, b, c in feeds))


def articles(root: Path) -> list[Path]:
    return sorted(Path(p) for p, _, _ in walk(root))


def serve_with_etag(server: HTTPServer, path: str, body: bytes, etag: str = '"v1"',
                    modified: str = "Tue, 01 Dec 2026 10:05:00 GMT") -> None:
    def handler(req: Request) -> Response:
        if req.headers.get("If-None-Match") == etag or req.headers.get("If-Modified-Since") == modified:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="application/rss+xml; charset=utf-8",
                        headers={"ETag": etag, "Last-Modified": modified})

    server.expect_request(path).respond_with_handler(handler)


def test_fetch_writes_every_shape_and_each_loads_back(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    shapes = {"depth": ("cls_depth.xml", ("金融", "财联社", "深度")),
              "telegraph": ("cls_telegraph.xml", ("金融", "财联社", "电报")),
              "sina": ("sina_zhibo.xml", ("金融", "新浪财经", "7x24直播")),
              "atom": ("atom.xml", ("金融", "华尔街见闻", "实时快讯")),
              "rdf": ("rdf.xml", ("金融", "证券时报", "快讯")),
              "noguid": ("no_guid.xml", ("金融", "格隆汇", "实时快讯"))}
    for name, (file, _) in shapes.items():
        server.expect_request(f"/{name}").respond_with_data(xml(file), content_type="application/xml")
    config = make_config(server, tmp_path, *((n, f"/{n}", *parts) for n, (_, parts) in shapes.items()))
    seen: list[str] = []
    results = run_fetch(config, progress=lambda p: seen.append(f"{p.done}/{p.total} {p.result.name}"),
                        state_path=state, options=FAST)
    assert [r.status for r in results] == ["new"] * len(shapes), [r.error for r in results]
    assert len(seen) == len(shapes) and seen[-1].startswith(f"{len(shapes)}/{len(shapes)}")
    root = tmp_path / "archive"
    for result, (name, (file, parts)) in zip(results, shapes.items()):
        assert result.name == name
        items = parse_feed(xml(file)).items
        assert len(result.new_paths) == len(items)
        loaded_items = {}
        for path in result.new_paths:
            assert path.parent == root.joinpath(*parts)
            assert path.read_text(encoding="utf-8").startswith("\n---\n")
            article, issue = load_file(path, root)
            assert issue is None and article is not None, issue
            assert article.date is not None
            loaded_items[(article.title, article.date.astimezone(timezone.utc))] = article
        for item in items:
            loaded = loaded_items.pop((item.title, item.date))  # the item's title and date …
            assert loaded.source == (item.author or parts[1])
            # the archive path, then the item's own labels (deduplicated), as categories
            labels = [t for t in dict.fromkeys(item.tags) if t not in parts]
            assert loaded.categories == [*parts, *labels]
            # stock labels become tickers
            assert set(item.stocks) <= {t.code for t in loaded.tickers}
            assert loaded.format == "html"
        assert not loaded_items


def test_two_items_one_title_both_kept(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/t").respond_with_data(xml("cls_telegraph.xml"))
    config = make_config(server, tmp_path, ("t", "/t", "金融", "财联社", "电报"))
    [result] = run_fetch(config, state_path=state, options=FAST)
    folder = tmp_path / "archive" / "金融" / "财联社" / "电报"
    names = sorted(p.name for p in folder.iterdir())
    assert "【提示】盘中异动.md" in names and "【提示】盘中异动 (2).md" in names
    bodies = {(folder / n).read_text(encoding="utf-8") for n in names if n.startswith("【提示】")}
    assert any("光伏组件股" in b for b in bodies) and any("券商股" in b for b in bodies)
    # numbered in publication order: the earlier flash keeps the plain name
    assert "光伏组件股" in (folder / "【提示】盘中异动.md").read_text(encoding="utf-8")
    assert len(result.new_paths) == 4


def test_second_fetch_is_conditional_and_304_writes_nothing(server: HTTPServer, tmp_path: Path,
                                                            state: Path) -> None:
    serve_with_etag(server, "/cls/telegraph", xml("cls_telegraph.xml"))
    config = make_config(server, tmp_path, ("t", "/cls/telegraph", "金融", "财联社", "电报"))
    [first] = run_fetch(config, state_path=state, options=FAST)
    assert first.status == "new" and len(first.new_paths) == 4
    before = {p: p.stat().st_mtime_ns for p in articles(tmp_path / "archive")}
    [second] = run_fetch(config, state_path=state, options=FAST)
    assert second.status == "unchanged" and second.not_modified and second.new_paths == ()
    req = server.log[-1][0]
    assert req.headers.get("If-None-Match") == '"v1"'
    assert req.headers.get("If-Modified-Since") == "Tue, 01 Dec 2026 10:05:00 GMT"
    assert server.log[-1][1].status_code == 304
    assert {p: p.stat().st_mtime_ns for p in articles(tmp_path / "archive")} == before


def test_unchanged_feed_without_validators_writes_nothing(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/d").respond_with_data(xml("cls_depth.xml"))  # no ETag, no Last-Modified
    config = make_config(server, tmp_path, ("d", "/d", "金融", "财联社", "深度"))
    assert run_fetch(config, state_path=state, options=FAST)[0].status == "new"
    [again] = run_fetch(config, state_path=state, options=FAST)
    assert again.status == "unchanged" and not again.not_modified and again.items == 2
    assert len(articles(tmp_path / "archive")) == 2


def test_lost_state_folder_does_not_duplicate(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/s").respond_with_data(xml("sina_zhibo.xml"))
    server.expect_request("/n").respond_with_data(xml("no_guid.xml"))
    config = make_config(server, tmp_path, ("s", "/s", "金融", "新浪财经", "直播"), ("n", "/n", "金融", "格隆汇", "快讯"))
    run_fetch(config, state_path=tmp_path / "state1" / "feeds.sqlite3", options=FAST)
    assert len(articles(tmp_path / "archive")) == 4
    results = run_fetch(config, state_path=tmp_path / "state2" / "feeds.sqlite3", options=FAST)  # a new state
    assert [r.status for r in results] == ["unchanged", "unchanged"]
    assert len(articles(tmp_path / "archive")) == 4


def test_file_added_behind_its_back_is_seen(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    """An item another fetcher already wrote (same guid) is not written again."""
    server.expect_request("/d").respond_with_data(xml("cls_depth.xml"))
    folder = tmp_path / "archive" / "金融" / "财联社" / "深度"
    folder.mkdir(parents=True)
    config = make_config(server, tmp_path, ("d", "/d", "金融", "财联社", "深度"))
    run_fetch(config, [], state_path=state, options=FAST)  # the state now knows the folder
    other = folder / "外部写的.md"
    first = sorted(folder.iterdir())[0]
    other.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    first.unlink()  # same guid, another name
    time.sleep(0.01)
    [r] = run_fetch(config, state_path=state, options=FAST)
    assert r.status == "unchanged"
    assert len(list(folder.iterdir())) == 2


def test_500_then_success_is_retried(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_ordered_request("/flaky").respond_with_data("oops", status=500)
    server.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
    server.expect_ordered_request("/flaky").respond_with_data(xml("atom.xml"))
    config = make_config(server, tmp_path, ("f", "/flaky", "金融", "华尔街见闻", "快讯"))
    [r] = run_fetch(config, state_path=state, options=FAST)
    assert r.status == "new" and r.tries == 3 and len(r.new_paths) == 2


def test_500_every_time_is_an_error_after_the_retries(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/down").respond_with_data("oops", status=502)
    server.expect_request("/ok").respond_with_data(xml("rdf.xml"))
    config = make_config(server, tmp_path, ("down", "/down", "a", "b", "c"), ("ok", "/ok", "a", "b", "d"))
    down, ok = run_fetch(config, state_path=state, options=FAST)
    assert down.status == "error" and "HTTP 502" in down.error and "3 tries" in down.error
    assert ok.status == "new"  # one feed's failure never stops another
    assert sum(1 for _, resp in server.log if resp.status_code == 502) == 3


def test_404_is_not_retried(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/gone").respond_with_data("no", status=404)
    config = make_config(server, tmp_path, ("g", "/gone", "a", "b", "c"))
    [r] = run_fetch(config, state_path=state, options=FAST)
    assert r.status == "error" and r.error.startswith("HTTP 404")
    assert len(server.log) == 1


def test_timeout_then_retry_then_give_up(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    calls = {"slow": 0}

    def slow(req: Request) -> Response:
        time.sleep(1.5)
        return Response(xml("atom.xml"))

    def slow_once(req: Request) -> Response:
        calls["slow"] += 1
        return slow(req) if calls["slow"] == 1 else Response(xml("atom.xml"))

    server.expect_request("/slow").respond_with_handler(slow_once)
    server.expect_request("/never").respond_with_handler(slow)
    config = make_config(server, tmp_path, ("slow", "/slow", "a", "b", "c"), ("never", "/never", "a", "b", "d"))
    opts = FetchOptions(timeout=0.5, retries=1, backoff=0.01)
    slow_r, never_r = run_fetch(config, state_path=state, options=opts)
    assert slow_r.status == "new" and slow_r.tries == 2
    assert never_r.status == "error" and "timed out after 0.5 s" in never_r.error


def test_malformed_xml_is_an_error_for_that_feed(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/bad").respond_with_data(xml("malformed.xml"))
    server.expect_request("/html").respond_with_data("<html><body>gateway</body></html>", content_type="text/html")
    config = make_config(server, tmp_path, ("bad", "/bad", "a", "b", "c"), ("html", "/html", "a", "b", "d"))
    bad, html = run_fetch(config, state_path=state, options=FAST)
    assert bad.status == "error" and bad.error.startswith("not a feed")
    assert html.status == "error" and html.error.startswith("not a feed")
    assert articles(tmp_path / "archive") == []


def test_20_mb_feed_is_refused(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title><item><title>x</title><description>'
    big = head + b"A" * (20 * 1024 * 1024) + b"</description></item></channel></rss>"
    server.expect_request("/big").respond_with_data(big)

    def chunked(req: Request) -> Response:  # no Content-Length: the cap stops the stream
        return Response((big[i:i + 65536] for i in range(0, len(big), 65536)), direct_passthrough=True)

    server.expect_request("/stream").respond_with_handler(chunked)
    server.expect_request("/bomb").respond_with_data(gzip.compress(big), headers={"Content-Encoding": "gzip"})
    config = make_config(server, tmp_path, ("big", "/big", "a", "b", "c"), ("stream", "/stream", "a", "b", "d"),
                         ("bomb", "/bomb", "a", "b", "e"))
    results = run_fetch(config, state_path=state, options=FAST)
    for r in results:
        assert r.status == "error" and "too large" in r.error and "10 MB" in r.error, r
    assert articles(tmp_path / "archive") == []


def test_redirect_and_gzip(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": server.url_for("/new")})
    server.expect_request("/new").respond_with_data(gzip.compress(xml("sina_zhibo.xml")),
                                                    headers={"Content-Encoding": "gzip"},
                                                    content_type="application/rss+xml")
    config = make_config(server, tmp_path, ("s", "/old", "金融", "新浪财经", "直播"))
    [r] = run_fetch(config, state_path=state, options=FAST)
    assert r.status == "new" and len(r.new_paths) == 2
    assert "gzip" in server.log[0][0].headers.get("Accept-Encoding", "")
    article, _ = load_file(r.new_paths[0])
    assert article is not None and "贵州茅台" in article.title


def test_hostile_titles_stay_in_their_folder(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/h").respond_with_data(xml("hostile.xml"))
    config = make_config(server, tmp_path, ("h", "/h", "..", "../..", "x/../../y"))
    [r] = run_fetch(config, state_path=state, options=FAST)
    archive = (tmp_path / "archive").resolve()
    assert r.status == "new" and len(r.new_paths) == 5
    for path in r.new_paths:
        assert path.resolve().is_relative_to(archive)
        assert not path.name.startswith(".")
        article, issue = load_file(path, archive)
        assert article is not None and issue is None
    assert not (tmp_path / "etc").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "state"]


def test_named_and_disabled_feeds(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    from kfin_tui.feeds import FetchSetupError

    server.expect_request("/a").respond_with_data(xml("rdf.xml"))
    config = make_config(server, tmp_path, ("a", "/a", "a", "b", "c"))
    config = Config(archive=config.archive, rsshub=config.rsshub,
                    feeds=(*config.feeds, FeedConfig(name="off", url="/off", enabled=False)))
    assert [r.name for r in run_fetch(config, state_path=state, options=FAST)] == ["a"]
    with pytest.raises(FetchSetupError, match="no feed named 'nope'"):
        run_fetch(config, ["nope"], state_path=state, options=FAST)
    with pytest.raises(FetchSetupError, match="archive"):
        run_fetch(Config(feeds=config.feeds), state_path=state, options=FAST)


def test_health_is_recorded(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    from kfin_tui.feeds.fetchstate import FetchState

    server.expect_request("/ok").respond_with_data(xml("rdf.xml"))
    server.expect_request("/bad").respond_with_data("no", status=404)
    config = make_config(server, tmp_path, ("ok", "/ok", "a", "b", "c"), ("bad", "/bad", "a", "b", "d"))
    run_fetch(config, state_path=state, options=FAST)
    st = FetchState(state)
    try:
        h = st.health()
    finally:
        st.close()
    assert h["ok"].status == "new" and h["ok"].new == 1 and h["ok"].last_ok is not None
    assert h["bad"].status == "error" and "404" in h["bad"].error and h["bad"].last_ok is None


def test_a_second_fetch_at_once_is_refused(tmp_path: Path, state: Path) -> None:
    from kfin_tui.feeds import FetchBusy
    from kfin_tui.feeds.run import fetch_lock

    config = Config(archive=tmp_path / "a", feeds=(FeedConfig(name="x", url="http://127.0.0.1:9/x"),))
    with fetch_lock(state.parent), pytest.raises(FetchBusy, match="another kfin-tui fetch"):
        run_fetch(config, state_path=state, options=FAST)


def test_removed_folder_is_fetched_again_despite_validators(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    import shutil

    serve_with_etag(server, "/t", xml("cls_telegraph.xml"))
    config = make_config(server, tmp_path, ("t", "/t", "金融", "财联社", "电报"))
    run_fetch(config, state_path=state, options=FAST)
    shutil.rmtree(tmp_path / "archive" / "金融")
    [r] = run_fetch(config, state_path=state, options=FAST)
    assert r.status == "new" and len(r.new_paths) == 4
    assert "If-None-Match" not in server.log[-1][0].headers


def test_deleted_article_stays_deleted(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/t").respond_with_data(xml("cls_telegraph.xml"))  # no validators: a full 200
    config = make_config(server, tmp_path, ("t", "/t", "金融", "财联社", "电报"))
    [first] = run_fetch(config, state_path=state, options=FAST)
    first.new_paths[0].unlink()  # the reader did not want this one
    [again] = run_fetch(config, state_path=state, options=FAST)
    assert again.status == "unchanged" and len(articles(tmp_path / "archive")) == 3


def test_last_modified_alone_is_sent_back(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    modified = "Tue, 01 Dec 2026 10:05:00 GMT"

    def handler(req: Request) -> Response:
        if req.headers.get("If-Modified-Since") == modified:
            return Response(status=304)
        return Response(xml("rdf.xml"), headers={"Last-Modified": modified})

    server.expect_request("/lm").respond_with_handler(handler)
    config = make_config(server, tmp_path, ("lm", "/lm", "a", "b", "c"))
    assert run_fetch(config, state_path=state, options=FAST)[0].status == "new"
    [r] = run_fetch(config, state_path=state, options=FAST)
    assert r.not_modified and "If-None-Match" not in server.log[-1][0].headers


def test_per_host_limit(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    import threading

    lock = threading.Lock()
    now = {"in": 0, "max": 0}

    def handler(req: Request) -> Response:
        with lock:
            now["in"] += 1
            now["max"] = max(now["max"], now["in"])
        time.sleep(0.15)
        with lock:
            now["in"] -= 1
        return Response(xml("rdf.xml"))

    server.expect_request("/p").respond_with_handler(handler)
    config = make_config(server, tmp_path, *((f"f{i}", "/p", "a", "b", f"c{i}") for i in range(6)))
    results = run_fetch(config, state_path=state, options=FetchOptions(timeout=5, per_host=2, concurrency=8))
    assert all(r.status == "new" for r in results)
    assert now["max"] == 2  # six feeds on one host: never more than two requests at once


def test_archive_keys_rebuild_from_real_posts(shared_dir: Path) -> None:
    """The dedupe record can be rebuilt from the real archive's front matter (three generator
    versions, broken YAML included): one key per post with a title."""
    from kfin_tui.feeds.fetchstate import scan_keys

    posts = shared_dir / "real-corpus" / "Rock-Candy-Tea_RSSHUB-PAGE"
    folders = sorted({p.parent for p in posts.rglob("*.md")})
    assert folders
    for folder in folders:
        keys = {name: key for key, name in scan_keys(folder)}
        files = [p.name for p in folder.glob("*.md")]
        assert set(keys) == set(files), folder
        assert all(k.startswith("title:") for k in keys.values())  # that generator wrote no guid/link


def test_a_url_httpx_cannot_read_is_that_feeds_error(server: HTTPServer, tmp_path: Path, state: Path) -> None:
    server.expect_request("/ok").respond_with_data(xml("rdf.xml"))
    config = make_config(server, tmp_path, ("bad", "http://[::1", "a", "b", "c"), ("ftp", "ftp://x/y", "a", "b", "d"),
                         ("ok", "/ok", "a", "b", "e"))
    bad, ftp, ok = run_fetch(config, state_path=state, options=FAST)
    assert bad.status == "error" and ftp.status == "error" and "unsupported" in ftp.error.lower()
    assert ok.status == "new"
