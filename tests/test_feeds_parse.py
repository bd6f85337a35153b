"""Feed parsing, file names and the article text fetch writes (no network)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kfin_tui.articles import frontmatter as fm
from kfin_tui.feeds.parse import FeedParseError, clean_text, parse_feed, stock_code
from kfin_tui.feeds.presets import PRESETS, find_preset
from kfin_tui.feeds.write import NAME_LIMIT, file_name, render, rfc2822, safe_component, write_new

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def parsed(name: str):
    return parse_feed((FEEDS / name).read_bytes())


def test_rss_depth_has_html_author_tags_image() -> None:
    feed = parsed("cls_depth.xml")
    assert feed.title == "财联社 - 头条"
    first = feed.items[0]
    assert first.title.startswith("储能电池厂三季度出货")
    assert first.author == "周明远"
    assert first.tags == ("储能", "锂电池")
    assert first.image == "https://img.example.cn/depth/2026/1201/a1.jpg"
    assert "<h2>价格压力仍在</h2>" in first.html
    assert first.date == datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
    assert first.dedupe_key == "guid:https://www.cls.cn/detail/9100001"


def test_sina_stock_keys_become_stocks_and_stay_tags() -> None:
    items = parsed("sina_zhibo.xml").items
    assert items[0].tags == ("公司", "A股", "sh600519")
    assert items[0].stocks == ("SH:600519",)
    assert items[1].stocks == ("HK:00700",)
    # the guid, not the shared 7x24 link, tells the flashes apart
    assert items[0].link == items[1].link
    assert items[0].dedupe_key != items[1].dedupe_key


@pytest.mark.parametrize(("label", "code"), [
    ("sh600519", "SH:600519"), ("00700.HK", "HK:00700"), ("600519", "SH:600519"), ("US:TLT", "US:TLT"),
    ("AI", None), ("ETF", None), ("平安银行", None), ("A股", None),
])
def test_stock_labels(label: str, code: str | None) -> None:
    assert stock_code(label) == code


def test_atom_and_rdf() -> None:
    atom = parsed("atom.xml").items
    assert atom[0].date == datetime(2026, 12, 1, 1, 58, tzinfo=timezone.utc)  # +08:00 honoured
    assert atom[0].image == "https://img.example.cn/live/3000001.png"
    assert atom[1].title == "离岸人民币兑美元升破7.10"  # markup in an html title dropped
    rdf = parsed("rdf.xml").items
    assert len(rdf) == 1 and rdf[0].author == "证券时报网" and rdf[0].tags == ("融资融券",)
    assert "连续第三日增加" in rdf[0].html  # content:encoded preferred over description


def test_item_without_guid_keys_by_link_then_title_and_date() -> None:
    items = parsed("no_guid.xml").items
    assert items[0].dedupe_key == "link:https://www.gelonghui.com/live/6000001"
    assert items[1].dedupe_key.startswith("title:格隆汇12月1日丨恒生指数午盘涨1.2%|2026-12-01")


def test_malformed_xml_is_a_clear_error() -> None:
    with pytest.raises(FeedParseError, match="not a feed"):
        parsed("malformed.xml")
    with pytest.raises(FeedParseError):
        parse_feed(b"<html><body>502 Bad Gateway</body></html>")


def test_hostile_text_is_cleaned() -> None:
    feed = parsed("hostile.xml")
    assert feed.warning  # the invalid character reference was reported, the items recovered
    for item in feed.items:
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in item.title)
    assert "<script>" not in feed.items[2].html
    assert clean_text("<b>a</b>&amp;\x1b[2J b\n c", 100) == "a&[2J b c"


@pytest.mark.parametrize("title", ["../../../../etc/passwd", ".hidden", "..", "a/b\\c:d*e?f\"g<h>i|j", "CON",
                                   "\u202eexe.md", "   ", ""])
def test_file_names_are_safe(title: str) -> None:
    name = file_name(title)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.endswith(".md") and name != ".md"
    assert "\u202e" not in name
    assert name.split(".")[0].upper() != "CON"


def test_file_names_fit_255_bytes_and_keep_whole_characters() -> None:
    title = "储能" * 200  # 1,200 bytes in UTF-8
    for n in (1, 2, 123):
        name = file_name(title, n)
        assert len(name.encode("utf-8")) <= NAME_LIMIT
        name.encode("utf-8").decode("utf-8")  # no broken character
        assert name.endswith(f" ({n}).md" if n > 1 else ".md")
    assert len(file_name(title).encode()) > NAME_LIMIT - 6  # cut near the limit, not far below


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_any_title_gives_one_safe_component(title: str) -> None:
    name = file_name(title)
    assert len(name.encode("utf-8", "surrogatepass")) <= NAME_LIMIT
    assert "/" not in name and "\x00" not in name and not name.startswith(".")
    assert safe_component(title) not in ("", ".", "..")


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=200), st.lists(st.text(max_size=30), max_size=4))
def test_front_matter_stays_valid_yaml(title: str, tags: list[str]) -> None:
    from kfin_tui.feeds.parse import FeedItem

    clean = clean_text(title, 500) or "x"
    item = FeedItem(title=clean, guid="g", link="https://e.invalid/1", html="<p>x</p>",
                    tags=tuple(t for t in (clean_text(t) for t in tags) if t))
    text = render(item, ["金融", "财联社", "电报"], datetime(2026, 12, 1, tzinfo=timezone.utc))
    assert text.startswith("\n---\n")
    parts = fm.split(text)
    assert parts is not None
    data = yaml.safe_load(parts[0])
    assert data["title"] == clean
    assert data["categories"] == ["金融", "财联社", "电报"]
    assert data["guid"] == "g"


def test_rfc2822_like_the_archive() -> None:
    assert rfc2822(datetime(2022, 2, 20, 11, 27, 4, tzinfo=timezone.utc)) == "Sun, 20 Feb 2022 11:27:04 GMT"


def test_write_new_never_replaces(tmp_path: Path) -> None:
    a = write_new(tmp_path, "同名", "\n---\ntitle: a\n---\none\n")
    b = write_new(tmp_path, "同名", "\n---\ntitle: b\n---\ntwo\n")
    assert a.name == "同名.md" and b.name == "同名 (2).md"
    assert a.read_text(encoding="utf-8").endswith("one\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["同名 (2).md", "同名.md"]  # no temporary left


def test_presets_cover_the_issue_routes() -> None:
    for key in ("cls/telegraph", "cls/depth", "wallstreetcn/live", "sina/zhibo", "gelonghui/live", "jin10",
                "stcn/kx", "yicai/brief", "jinse/lives"):
        assert key in PRESETS
        p = PRESETS[key]
        assert p.route.startswith("/") and p.section and p.site and p.feed
    assert find_preset("/cls/telegraph") is PRESETS["cls/telegraph"]
    assert find_preset("sina/finance/zhibo") is PRESETS["sina/zhibo"]
    assert (PRESETS["cls/telegraph"].section, PRESETS["cls/telegraph"].site, PRESETS["cls/telegraph"].feed) == (
        "金融", "财联社", "电报")
    assert find_preset("nope/nothing") is None
