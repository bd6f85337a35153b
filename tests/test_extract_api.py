"""The extractor's API: offsets, JSON round trip, article cache, warm-up, no UI imports."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kfin_tui.articles.model import Article, Block
from kfin_tui.extract import (
    Company,
    Extraction,
    Figure,
    Mention,
    extract,
    extract_article,
    warm_up,
)
from kfin_tui.tickers import Ticker

TEXT = ("快手（01024.HK）二季度营收310.8亿元，同比增长11.6%；据财联社报道，阿里云与腾讯云份额分别为27.4%和19.2%。"
        "\n\n截至2022年第一季度，快手经营性现金流净额为-31.87亿元。")


def test_offsets_slice_back_to_the_text():
    ex = extract(TEXT)
    assert ex.figures and ex.companies
    for f in ex.figures:
        assert TEXT[f.start:f.end] == f.text
    for c in ex.companies:
        for m in c.mentions:
            assert TEXT[m.start:m.end]


def test_json_shape_and_round_trip():
    ex = extract(TEXT, [Ticker("HK:01024", "快手-W")])
    d = ex.to_json()
    assert set(d) == {"numbers", "companies"}
    assert set(d["numbers"][0]) == {"text", "kind", "value", "unit", "approx", "start", "end", "context"}
    assert set(d["companies"][0]) == {"name", "kind", "ticker", "tickers", "mentions", "count"}
    back = Extraction.from_json(json.loads(json.dumps(d, ensure_ascii=False)))
    assert back == ex
    assert back.to_json() == d


def test_types_are_exported():
    f = Figure("14%", "percent", 14.0, "%", False, 0, 3, "同比增长")
    c = Company("快手", "company", "HK:01024", ["HK:01024"], [Mention(0, 2)])
    assert Figure.from_json(f.to_json()) == f and Company.from_json(c.to_json()) == c
    assert c.to_json()["count"] == 1


def test_extract_article_uses_body_and_tickers_and_caches():
    art = Article(path="/tmp/x.txt", title="t", blocks=(Block("paragraph", "公司营收100亿元。"),),
                  tickers=[Ticker("HK:01024", "快手-W")])
    ex = extract_article(art)
    assert [f.text for f in ex.figures] == ["100亿元"]
    assert ex.companies[0].name == "快手" and ex.companies[0].ticker == "HK:01024"
    assert extract_article(art) is ex  # cached on path + body hash
    other = Article(path="/tmp/x.txt", title="t", blocks=(Block("paragraph", "公司营收200亿元。"),))
    assert extract_article(other) is not ex


def test_empty_text():
    assert extract("").to_json() == {"numbers": [], "companies": []}


def test_warm_up_is_idempotent():
    warm_up()
    warm_up()


def test_extract_never_imports_textual():
    code = "import sys, kfin_tui.extract as e; e.extract('快手营收100亿元'); assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


def test_long_dense_text_is_extracted_whole():
    """1,500 repeats of a dense sentence: every figure and company is found (its speed against
    jieba is measured in tests/bench/bench_extract.py, not asserted here)."""
    warm_up()
    text = "快手营收增长，腾讯、阿里巴巴与美团（03690.HK）同比增长14%，营收603.8亿元；" * 1500
    ex = extract(text)
    assert len(ex.figures) == 3000
    assert {c.name for c in ex.companies} >= {"快手", "腾讯", "阿里巴巴", "美团"}
    assert all(len(c.mentions) == 1500 for c in ex.companies if c.name in ("快手", "腾讯", "阿里巴巴"))


def test_new_json_fields_round_trip():
    from kfin_tui.extract import Extraction, extract
    from kfin_tui.tickers import Ticker

    ex = extract("营收超过10亿元，目标价为55-62元。", [Ticker("HK:09868", "小鹏汽车")])
    d = ex.to_json()
    rng = next(n for n in d["numbers"] if n["kind"] == "range")
    assert (rng["value"], rng["value_high"]) == (55, 62)
    assert next(n for n in d["numbers"] if n["text"] == "超过10亿元")["bound"] == "min"
    assert next(c for c in d["companies"] if c["name"] == "小鹏汽车")["tagged"] is True
    assert Extraction.from_json(d).to_json() == d


def test_title_figures_count_once_and_are_marked(tmp_path):
    from kfin_tui.articles import load_file

    post = tmp_path / "a.md"
    post.write_text("\n---\ntitle: '海尔智家三季度营收超一成增长 净利润增长12.5%'\ndate: 2024-10-30 18:00:00\n"
                    "---\n\n<div><p>海尔智家公布三季报，净利润增长12.5%，海外收入占比过半。</p></div>\n",
                    encoding="utf-8")
    article, _ = load_file(post)
    extraction = extract_article(article)
    texts = [f.text for f in extraction.figures]
    assert texts.count("12.5%") == 1  # the body's, not repeated from the title
    title_only = [f for f in extraction.figures if f.in_title]
    assert [f.text for f in title_only] == ["三季度", "超一成"]
    f = title_only[1]
    assert article.title[f.start:f.end] == f.text and f.to_json()["field"] == "title"
    assert Figure.from_json(f.to_json()) == f


def test_a_title_the_body_repeats_adds_nothing(tmp_path):
    from kfin_tui.articles import load_file

    post = tmp_path / "b.md"
    post.write_text("\n---\ntitle: '央行开展500亿元逆回购'\n---\n\n<div>【央行开展500亿元逆回购】财联社电，央行开展500亿元逆回购。</div>\n",
                    encoding="utf-8")
    article, _ = load_file(post)
    assert not any(f.in_title for f in extract_article(article).figures)


def test_title_repeating_a_body_figure_in_other_words_adds_nothing(tmp_path):
    from kfin_tui.articles import load_file

    post = tmp_path / "c.md"
    post.write_text("\n---\ntitle: '90秒看懂：日均调用量超4万亿'\n---\n\n<div><p>模型日均调用量已超过4万亿次以上。</p></div>\n",
                    encoding="utf-8")
    article, _ = load_file(post)
    assert [f.text for f in extract_article(article).figures if f.in_title] == []


def test_a_title_figure_is_kept_when_only_a_different_unit_shares_its_value(tmp_path):
    from kfin_tui.articles import load_file

    post = tmp_path / "d.md"
    post.write_text("\n---\ntitle: '银行净利润增长逾五成'\n---\n\n<div><p>央行降息50个基点，银行股大涨。</p></div>\n",
                    encoding="utf-8")
    article, _ = load_file(post)
    assert [f.text for f in extract_article(article).figures if f.in_title] == ["逾五成"]


@pytest.mark.parametrize(("title", "body", "kept"), [
    # the same amount written otherwise in the title: a figure of the title as written
    ("'12.5亿股限售股解禁 市值约80亿'", "公司12.50亿股限售股将于下周一解禁，按收盘价计市值约80亿元。", ["12.5亿股"]),
    ("'估值千亿美元的独角兽启动上市'", "据悉，该公司最新一轮融资后的估值为1000亿美元。", ["千亿美元"]),
    # a title date the body does not give is kept even when the body has other dates; a fraction in
    # 成 is the body's percent in other words
    ("'2023年全年净利增长三成'", "公司3月28日晚间披露年报，净利润同比增长30%。", ["2023年"]),
])
def test_a_title_figure_written_otherwise_than_the_body_is_kept(tmp_path, title, body, kept):
    from kfin_tui.articles import load_file

    post = tmp_path / "e.md"
    post.write_text(f"\n---\ntitle: {title}\n---\n\n<div><p>{body}</p></div>\n", encoding="utf-8")
    article, _ = load_file(post)
    assert [f.text for f in extract_article(article).figures if f.in_title] == kept
