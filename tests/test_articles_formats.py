"""Every article format and quirk of issue 2, on text written for these tests."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kfin_tui.articles import Article, LoadIssue, load_file
from kfin_tui.articles.frontmatter import parse, parse_date, split
from kfin_tui.articles.loader import WARNING_RECOVERED
from kfin_tui.articles.model import HEADING, IMAGE, LIST_ITEM, PARAGRAPH, QUOTE, TABLE

UTC = timezone.utc
CST = timezone(timedelta(hours=8))


def write(folder: Path, rel: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def load(folder: Path, rel: str, content: str | bytes, encoding: str = "utf-8") -> tuple[Article, LoadIssue | None]:
    path = write(folder, rel, content, encoding)
    article, issue = load_file(path, folder)
    assert article is not None, issue
    return article, issue


def hexo(title_line: str = "title: '测试标题'", date_line: str = "date: Fri, 05 Aug 2022 12:46:24 GMT",
         categories: str = "categories: \n - 金融\n - 测试社\n - 深度", body: str = "<div><p>正文第一段。</p></div>",
         lead: str = "\n", extra: str = "author: 测试社\n") -> str:
    return f"{lead}---\n{title_line}\n{categories}\n{extra}{date_line}\n---\n\n{body}\n"


# --- 1. front matter + HTML (Hexo) ----------------------------------------------------------------

def test_hexo_fixture_article(article_fixtures):
    root = article_fixtures / "hexo"
    path = root / "source/_posts/金融/测试社/深度/芯片设备厂商三季度订单翻倍.md"
    article, issue = load_file(path, root)
    assert issue is None
    assert article.title == "芯片设备厂商三季度订单翻倍 {样例} 国产替代提速"  # &#123; &#125; decoded
    assert article.date == datetime(2022, 8, 5, 12, 46, 24, tzinfo=UTC)
    assert article.date.tzinfo is not None
    assert article.source == "测试社" and article.author == "测试社"
    assert article.categories == ["金融", "测试社", "深度"]
    assert article.format == "html"
    assert article.ticker_codes == ["SH:688012", "SZ:300001"]  # in order of appearance
    text = article.body_text
    for junk in ("tracker", "不应出现", "color:red", "display", "{", "<p", "　"):
        assert junk not in text, junk
    assert text.startswith("测试社8月5日讯")  # full-width 　　 indent dropped
    assert "<注>数据未经审计，仅供参考。" in text  # &lt; &gt; &#65292; decoded
    kinds = [b.kind for b in article.blocks]
    assert kinds == [PARAGRAPH, IMAGE, IMAGE, PARAGRAPH, PARAGRAPH, HEADING, PARAGRAPH]
    img, video = article.blocks[1], article.blocks[2]
    assert img.text == "[图片] 订单走势" and img.url.endswith("chart.png")
    assert video.text == "[视频]" and video.url.endswith("clip.mp4")
    link_para = article.blocks[3]
    assert link_para.text == "公司表示，完整公告已在交易所网站发布。"  # <br> ends the paragraph
    (span,) = link_para.spans
    assert link_para.text[span.start:span.end] == "完整公告" and span.style == "link"
    assert span.url == "https://example.invalid/report"
    # offsets: every block's text sits in body_text where block_offsets() says
    for block, start in zip(article.blocks, article.block_offsets()):
        assert text[start:start + len(block.text)] == block.text


def test_leading_blank_line_and_quotes():
    fm = split("\n\n---\ntitle: \"双引号标题\"\n---\nbody")
    assert fm is not None and fm[0].strip() == 'title: "双引号标题"' and fm[1] == "body"
    assert parse("title: '单引号 ''内'' 标题'")[0]["title"] == "单引号 '内' 标题"
    assert split("no front matter\n---\n") is None


@pytest.mark.parametrize("title_line, expected", [
    ("title: '单引号标题'", "单引号标题"),
    ('title: "双引号标题"', "双引号标题"),
    ("title: 无引号标题", "无引号标题"),
    ("title: 1:30", "1:30"),  # YAML 1.1 would read sexagesimal 90
    ("title: on", "on"),  # … and a boolean
    ("title: '&#123;括号&#125; &amp; 实体'", "{括号} & 实体"),
])
def test_titles(tmp_path, title_line, expected):
    article, _ = load(tmp_path, "a.md", hexo(title_line=title_line))
    assert article.title == expected


@pytest.mark.parametrize("date_line, expected", [
    ("date: Fri, 05 Aug 2022 12:46:24 GMT", datetime(2022, 8, 5, 12, 46, 24, tzinfo=UTC)),
    ("date: 2022-08-05T12:46:24+08:00", datetime(2022, 8, 5, 12, 46, 24, tzinfo=CST)),
    ("date: 2022-08-05T04:46:24.000Z", datetime(2022, 8, 5, 4, 46, 24, tzinfo=UTC)),
    ("date: 2022-08-05 12:46:24", datetime(2022, 8, 5, 12, 46, 24, tzinfo=CST)),  # %Y-%m-%d %H:%M:%S, China time
    ("date: '2022-8-5 9:05:00'", datetime(2022, 8, 5, 9, 5, tzinfo=CST)),
    ("date: 2022-08-05", datetime(2022, 8, 5, tzinfo=CST)),
    ("date: Invalid Date", None),
    ("date: ", None),
    ("date: 2022-13-45 10:00:00", None),  # YAML raises ValueError on this; still no crash
])
def test_dates(tmp_path, date_line, expected):
    article, _ = load(tmp_path, "a.md", hexo(date_line=date_line))
    assert article.date == expected
    if article.date is not None:
        assert article.date.tzinfo is not None
        assert article.date.utcoffset() == expected.utcoffset()
    assert article.title == "测试标题"  # the rest of the front matter still read


def test_parse_date_never_raises():
    for junk in ("Invalid Date", "junk", "Mon, 99 Foo 2022 GMT", "2022-02-30", [], {}, True, -5, 10**30):
        assert parse_date(junk) is None
    assert parse_date(1659703584) == datetime(2022, 8, 5, 12, 46, 24, tzinfo=UTC)
    assert parse_date("2022年8月5日 20:46") == datetime(2022, 8, 5, 20, 46, tzinfo=CST)


@pytest.mark.parametrize("categories, expected", [
    ("categories: \n - 金融\n - 测试社\n - 深度", ["金融", "测试社", "深度"]),
    ("categories:\n  - 金融\n  - 测试社", ["金融", "测试社"]),  # 2 items, 2-space indent
    ("categories: \n    - 金融\n    - 测试社 - 资讯", ["金融", "测试社 - 资讯"]),  # 4-space indent
    ("categories:\n- 金融\n- 科技", ["金融", "科技"]),  # no indent
    ("categories: 金融", ["金融"]),  # a string
    ("categories: [金融, 科技]", ["金融", "科技"]),
    ("category: 科技", ["科技"]),
])
def test_categories(tmp_path, categories, expected):
    article, issue = load(tmp_path, "a.md", hexo(categories=categories))
    assert article.categories == expected
    assert issue is None


def test_dianbao_flash_without_p(article_fixtures):
    root = article_fixtures / "hexo"
    article, issue = load_file(root / "source/_posts/金融/测试社/电报/央行开展逆回购操作.md", root)
    assert issue is None
    assert article.title == "央行开展2000亿元逆回购操作"
    assert article.date == datetime(2023, 6, 15, 9, 20, tzinfo=CST)
    assert [b.text for b in article.blocks] == [
        "【央行开展2000亿元逆回购操作】测试社6月15日电，央行今日开展2000亿元7天期逆回购操作，中标利率持平。",
        "1、当日有1000亿元逆回购到期。",
        "2、实现净投放1000亿元。",
    ]


def test_html_lists_quotes_tables_headings(tmp_path):
    body = ("<h2>小标题</h2><ul><li>要点一</li><li>要点<b>二</b></li></ul><ol><li>第一</li><li>第二</li></ol>"
            "<blockquote><p>引用一段话。</p></blockquote><table><tr><th>指标</th><th>数值</th></tr>"
            "<tr><td>营收</td><td>10亿元</td></tr></table><pre>code  kept</pre><p>尾段</p>")
    article, _ = load(tmp_path, "a.md", hexo(body=body))
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert kinds[0] == (HEADING, "小标题") and article.blocks[0].level == 2
    assert (LIST_ITEM, "要点二") in kinds and (QUOTE, "引用一段话。") in kinds
    ordinals = [b.ordinal for b in article.blocks if b.kind == LIST_ITEM]
    assert ordinals == [0, 0, 1, 2]
    table = next(b for b in article.blocks if b.kind == TABLE)
    assert table.rows == (("指标", "数值"), ("营收", "10亿元"))
    assert article.blocks[-1].text == "尾段"


def test_source_falls_back_to_site_category(tmp_path):
    article, _ = load(tmp_path, "a.md", hexo(extra=""))
    assert article.author == "" and article.source == "测试社"  # categories[1]


def test_source_prefers_author(tmp_path):
    article, _ = load(tmp_path, "a.md", hexo(extra="author: 作者社\n"))
    assert article.source == "作者社" and article.author == "作者社"


# --- 2. broken front matter ----------------------------------------------------------------------

def test_broken_yaml_is_recovered_with_a_warning(article_fixtures):
    root = article_fixtures / "hexo"
    path = root / "post/金融/@老股民 关注了股票 测试控股.md"
    article, issue = load_file(path, root)
    assert article is not None
    assert issue is not None and issue.warning and issue.reason == WARNING_RECOVERED
    assert issue.path == str(path)
    assert article.title == "@老股民 关注了股票 测试控股-W"
    assert article.categories == ["金融", "雪球 - 用户自选动态"]
    assert article.date is None  # Invalid Date
    assert article.source == "雪球 - 用户自选动态"
    assert article.ticker_codes == ["HK:09999"]
    assert "关注了 测试控股-W(HK:09999)" in article.body_text


def test_broken_yaml_keeps_rfc_date_and_quotes(tmp_path):
    text = hexo(title_line="title: @某用户 发布了: '新帖'", categories="categories: \n  - 金融\n  - '雪球'")
    article, issue = load(tmp_path, "a.md", text)
    assert issue is not None and issue.warning
    assert article.title == "@某用户 发布了: '新帖'"
    assert article.categories == ["金融", "雪球"]
    assert article.date == datetime(2022, 8, 5, 12, 46, 24, tzinfo=UTC)


def test_rules_around_prose_are_not_front_matter(tmp_path):
    article, issue = load(tmp_path, "note.txt", "---\n这是一段被横线包围的文字。\n---\n正文在这里。\n")
    assert issue is None
    assert "正文在这里。" in article.body_text and "被横线包围" in article.body_text


# --- 3. front matter + Markdown ------------------------------------------------------------------

def test_markdown_fixture(article_fixtures):
    root = article_fixtures / "hexo"
    article, issue = load_file(root / "source/_posts/科技/样例网/快讯/新能源车周销量.md", root)
    assert issue is None
    assert article.format == "markdown"
    assert article.title == "新能源车周销量环比增长12%"
    assert article.date == datetime(2024, 3, 8, 18, 30, tzinfo=CST)
    assert article.categories == ["科技"]  # a string in the front matter
    kinds = [b.kind for b in article.blocks]
    assert kinds == [PARAGRAPH, HEADING, LIST_ITEM, LIST_ITEM, QUOTE, IMAGE, TABLE]
    first = article.blocks[0]
    assert "**" not in first.text
    (bold,) = first.spans
    assert first.text[bold.start:bold.end] == "新能源车" and bold.style == "bold"
    assert article.ticker_codes == ["US:TEST"]


def test_markdown_with_entities_stays_markdown(tmp_path):
    body = "第一段 &amp; 实体。\n\n## 二级标题\n\n* 列表项"
    article, _ = load(tmp_path, "a.md", hexo(body=body))
    assert article.format == "markdown"
    assert [b.kind for b in article.blocks] == [PARAGRAPH, HEADING, LIST_ITEM]
    assert article.blocks[0].text == "第一段 & 实体。"


def test_markdown_without_front_matter(tmp_path):
    article, issue = load(tmp_path, "x1y2.md", "# 一级标题文字\n\n正文段落。\n")
    assert issue is None and article.format == "markdown"
    assert article.title == "一级标题文字"


def test_html_page_without_front_matter(tmp_path):
    page = "<!doctype html><html><head><title>网页标题</title><style>p{}</style></head><body><p>正文。</p></body></html>"
    article, _ = load(tmp_path, "0001.html", page)
    assert article.format == "html" and article.title == "网页标题"
    assert article.body_text == "正文。"


# --- 4. plain text (Eastmoney) -------------------------------------------------------------------

def test_eastmoney_fixture(article_fixtures):
    root = article_fixtures / "eastmoney"
    article, issue = load_file(root / "东方财富/股吧/7f3a9c21e0b4d5a6.txt", root)
    assert issue is None
    assert article.format == "text"
    assert article.source == "样例财经"
    assert article.ticker_codes == ["HK:01024", "SZ:000040"]
    assert article.tickers[0].name == "快手-W"
    text = article.body_text
    for gone in ("来源", "$", "追加内容", "本文作者可以追加内容哦"):
        assert gone not in text
    assert text.endswith("平台表示，将继续加大在大模型领域的投入。")
    # file name is an id: the lead sentence, past the 近日， opener, cut at a clause boundary
    assert article.title == "某短视频平台发布二季度财报，营收同比增长14%，经调整净利润大幅提升"
    assert 0 < len(article.title) <= 40
    assert article.categories == ["东方财富", "股吧"]  # folders below the root
    # no date in the post: the file's modification time, to the second, marked approximate
    mtime = int((root / "东方财富/股吧/7f3a9c21e0b4d5a6.txt").stat().st_mtime)
    assert article.date is not None and article.date.timestamp() == mtime and article.date_approx
    assert article.date.utcoffset() == timedelta(hours=8)


def test_undated_text_post_takes_the_file_time(tmp_path):
    import os

    path = tmp_path / "东方财富" / "a1b2c3d4e5.txt"
    path.parent.mkdir()
    path.write_text("第一段文字。\n\n来源：样例网\n", encoding="utf-8")
    when = datetime(2023, 3, 4, 5, 6, 7, tzinfo=timezone(timedelta(hours=8)))
    os.utime(path, (when.timestamp(), when.timestamp()))
    article, _ = load_file(path, tmp_path)
    assert article.date == when and article.date_approx
    # a dated article (front matter) is not approximate, even as .txt with a plain body
    dated = tmp_path / "dated.txt"
    dated.write_text("---\ntitle: 有日期\ndate: 2024-01-02 03:04:05\n---\n正文。\n", encoding="utf-8")
    got, _ = load_file(dated, tmp_path)
    assert got.format == "text" and got.date == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=8)))
    assert not got.date_approx
    # a Markdown or HTML page without a date stays undated
    md = tmp_path / "note.md"
    md.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    assert load_file(md, tmp_path)[0].date is None


@pytest.mark.parametrize("line", ["来源:样例网", "来源：样例网", "来源： 样例网 "])
def test_source_line_variants(tmp_path, line):
    article, _ = load(tmp_path, "a1b2c3d4.txt", f"第一段文字。\n\n{line}\n")
    assert article.source == "样例网"
    assert article.body_text == "第一段文字。"


def test_plain_title_from_headline(tmp_path):
    article, _ = load(tmp_path, "0000123.txt", "【某公司发布年度业绩】某公司今日披露年报，营收增长。\n\n第二段。")
    assert article.title == "某公司发布年度业绩"
    assert article.body_text.startswith("【某公司发布年度业绩】")


def test_plain_title_from_file_name(tmp_path):
    article, _ = load(tmp_path, "快手半年报解读.txt", "近日，某公司发布了半年报，营收增长明显，利润同比改善。")
    assert article.title == "快手半年报解读"


def test_plain_title_long_lead_sentence_is_cut(tmp_path):
    lead = ("据了解，" + "这是一段非常非常长的导语文字，" * 6) + "结束。"
    article, _ = load(tmp_path, "ab12cd34ef56.txt", lead)
    assert 8 <= len(article.title) <= 40
    assert not article.title.endswith("，")


def test_plain_title_never_empty(tmp_path):
    article, _ = load(tmp_path, "00042.txt", "来源：样例网\n$快手-W(HK|01024)$\n")
    assert article.title  # no body at all: the file name
    assert article.ticker_codes == ["HK:01024"]


def test_plain_cashtag_inside_a_sentence_stays_in_body(tmp_path):
    article, _ = load(tmp_path, "a.txt", "今天$贵州茅台(SH600519)$大涨。\n")
    assert article.body_text == "今天$贵州茅台(SH600519)$大涨。"
    assert article.ticker_codes == ["SH:600519"]


# --- 5. encodings --------------------------------------------------------------------------------

PLAIN = "某公司三季度营收同比增长12%，净利润创新高。\n\n来源：样例网\n"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""), ("utf-16", b""),
])
def test_encodings(tmp_path, encoding, prefix):
    article, issue = load(tmp_path, "f0e1d2c3.txt", prefix + PLAIN.encode(encoding))
    assert issue is None
    assert article.source == "样例网"
    assert article.body_text == "某公司三季度营收同比增长12%，净利润创新高。"


def test_bom_and_crlf_front_matter(tmp_path):
    raw = b"\xef\xbb\xbf" + hexo(title_line="title: '换行测试'").replace("\n", "\r\n").encode()
    article, issue = load(tmp_path, "a.md", raw)
    assert issue is None
    assert article.title == "换行测试" and article.categories == ["金融", "测试社", "深度"]
    assert "\r" not in article.body_text


def test_gbk_hexo_front_matter(tmp_path):
    article, issue = load(tmp_path, "a.md", hexo(title_line="title: 国标编码标题"), encoding="gbk")
    assert issue is None and article.title == "国标编码标题"


def test_utf8_with_one_damaged_byte_is_not_mojibake(tmp_path):
    good = ("这是一篇正常的中文文章，" * 20).encode()
    raw = good[:36] + b"\xff" + good[36:] + "末尾".encode()[:-1]  # one bad byte, a truncated last char
    article, issue = load(tmp_path, "a.txt", raw)
    assert article.body_text.startswith("这是一篇正常的中文文章，\ufffd这是一篇正常的中文文章")
    assert article.body_text.endswith("末\ufffd")
    assert issue is not None and issue.warning and "UTF-8" in issue.reason


# --- mixed cases ---------------------------------------------------------------------------------

def test_front_matter_with_plain_text_body(tmp_path):
    body = "第一段正文。\n\n来源：样例网\n\n$快手-W(HK|01024)$\n\n追加内容\n"
    article, issue = load(tmp_path, "a.txt", hexo(body=body, extra=""))
    assert issue is None and article.format == "text"
    assert article.body_text == "第一段正文。"
    assert article.ticker_codes == ["HK:01024"]  # the cashtag line is a ticker, not lost
    assert article.source == "样例网"  # no author: the 来源 line before the site category


def test_source_field_that_is_a_link_is_not_a_name(tmp_path):
    article, _ = load(tmp_path, "a.md", hexo(extra="source: https://example.invalid/x\n"))
    assert article.source == "测试社"


def test_md_flash_body_with_tags_after_a_text_line_is_html(tmp_path):
    body = "【快讯标题】第一行文字。<br>\n<p>第二段。</p>\n<p>第三段。</p>"
    article, _ = load(tmp_path, "a.md", hexo(body=body))
    assert article.format == "html"
    assert [b.text for b in article.blocks] == ["【快讯标题】第一行文字。", "第二段。", "第三段。"]


def test_markdown_inline_br_is_a_line_break(tmp_path):
    article, _ = load(tmp_path, "a.md", hexo(body="# 标题\n\n第一行<br>第二行，[链接](https://example.invalid)"))
    assert article.format == "markdown"
    assert article.blocks[1].text == "第一行\n第二行，链接"


def test_utf8_with_scattered_damage_still_reads_as_utf8(tmp_path):
    good = ("某公司发布公告称，三季度营收同比增长12%，净利润创新高。" * 200).encode()
    raw = bytearray(good)
    for i in range(30):  # 30 damaged bytes spread over ~17 KB
        raw[500 * i + 3 * 7] = 0xFF
    article, issue = load(tmp_path, "a.txt", bytes(raw))
    assert article.body_text.count("\ufffd") >= 30
    assert "某公司发布公告称" in article.body_text and issue.warning


def test_gbk_is_never_read_as_damaged_utf8(tmp_path):
    text = "国标编码的中文正文，含有数字123和字母ABC。" * 50
    article, issue = load(tmp_path, "a.txt", text.encode("gbk"))
    assert issue is None and article.body_text == text


def test_inline_span_across_a_line_break_is_not_misplaced(tmp_path):
    body = "<div>\n前文<b>加粗第一行\n加粗第二行</b>后文\n<a href='https://example.invalid'>链接</a>\n</div>"
    article, _ = load(tmp_path, "a.md", hexo(body=body))
    for block in article.blocks:
        for span in block.spans:
            assert 0 <= span.start < span.end <= len(block.text)
    link = next(b for b in article.blocks if b.text == "链接")
    assert link.spans and link.spans[0].url == "https://example.invalid"


def test_escape_sequences_never_reach_metadata(tmp_path):
    """Terminal control characters in a title or source would repaint the reader's screen."""
    text = "\x1b[2J【标题\x1b[31m红色】正文。\n" + "普通的正文段落。" * 100 + "\n来源：样例\x1b]0;x\x07网\n"
    article, _ = load(tmp_path, "a1b2.txt", text)
    for value in (article.title, article.source, *article.categories):
        assert not any(ord(c) < 32 for c in value), repr(value)
    fm, _ = load(tmp_path, "b.md", hexo(title_line="title: \"坏\\e[31m标题\"", extra="author: \"作\\a者\"\n"))
    assert not any(ord(c) < 32 for c in fm.title + fm.source + fm.author)


@pytest.mark.parametrize("source,text,styled,style", [
    ("这是*重点内容。*更多", "这是重点内容。更多", "重点内容。", "italic"),  # CommonMark leaves the asterisks
    ("*…。*更多", "…。更多", "…。", "italic"),
    ("**加粗。**后面", "加粗。后面", "加粗。", "bold"),
    ("**“引用”**后面", "“引用”后面", "“引用”", "bold"),
    ("中文*强调*中文", "中文强调中文", "强调", "italic"),
    ("a*b*c", "abc", "b", "italic"),  # Latin: unchanged
])
def test_cjk_friendly_emphasis(source, text, styled, style):
    from kfin_tui.articles.markdown_blocks import markdown_to_blocks

    (block,) = markdown_to_blocks(source)
    assert block.text == text
    assert [(text[s.start:s.end], s.style) for s in block.spans] == [(styled, style)]


@pytest.mark.parametrize("source", ["foo*(bar)*baz", "snake_case_name", "中_文_字", "价格 * 数量 * 2"])
def test_asterisks_that_are_not_emphasis_stay(source):
    from kfin_tui.articles.markdown_blocks import markdown_to_blocks

    (block,) = markdown_to_blocks(source)
    assert block.text == source and not block.spans


def test_rich_markdown_keeps_commonmark():
    """Only the article parser is CJK-friendly: markdown-it's own class is not patched."""
    from markdown_it import MarkdownIt

    assert "<em>" not in MarkdownIt("commonmark").renderInline("这是*重点内容。*更多")
