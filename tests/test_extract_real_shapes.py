"""Failure classes found on real archive text (issue 13), one real-shaped article each in
tests/fixtures/extract_real (written for these tests): numbers as scraped text writes them,
financial institutions beyond the A-share list, Hong Kong listings, contexts that say nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from kfin_tui.articles import load_file
from kfin_tui.extract import Extraction, extract, extract_article

FIX = Path(__file__).resolve().parent / "fixtures" / "extract_real"


def _ex(name: str) -> Extraction:
    article, issue = load_file(FIX / name)
    assert article is not None, issue
    return extract_article(article)


def _figure(ex: Extraction, text: str):
    got = [f for f in ex.figures if f.text == text]
    assert got, (text, [f.text for f in ex.figures])
    return got[0]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("8.36 亿元", "money", 8.36e8),          # a space between number and magnitude
    ("21.4 %", "percent", 21.4),             # and before a percent sign
    ("6500 万元", "money", 6.5e7),
    ("4200 万", "money", 4.2e7),              # bare magnitude next to an amount: money
    ("40.2 亿", "money", 4.02e9),             # 收入分别为 …: money by context
    ("48.9亿", "money", 4.89e9),
    ("57.6亿", "money", 5.76e9),
    ("22 倍", "multiple", 22),
    ("2,318.60亿元", "money", 2.3186e11),      # ASCII thousands separator
    ("-1,206.35亿元", "money", -1.20635e11),   # negative amount with separator
    ("5，000万元", "money", 5e7),              # full-width separator in number shape
])
def test_numbers_as_scraped_text_writes_them(text, kind, value):
    f = _figure(_ex("spaced_units.md"), text)
    assert (f.kind, f.value) == (kind, pytest.approx(value))


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("万亿元", "money", 1e12),        # 突破万亿元: a magnitude word as an amount
    ("超百亿元", "money", 1e10),
    ("58.3亿", "money", 5.83e9),      # 净卖出: money by context
    ("超3800股", "count", 3800),      # stocks counted
    ("23只", "count", 23),
    ("14股", "count", 14),
    ("425个基点", "percent", 4.25),   # basis points are percentage points of change
    ("25个基点", "percent", 0.25),
    ("超过46亿", "money", 4.6e9),     # 券商买单: money by context
    ("千万", "money", 1e7),           # 交易额突破千万
])
def test_market_wrap_figures(text, kind, value):
    f = _figure(_ex("market_counts.md"), text)
    assert (f.kind, f.value) == (kind, pytest.approx(value))


def test_a_context_names_what_the_figure_measures():
    ex = _ex("market_counts.md")
    assert _figure(ex, "万亿元").context == "成交额"  # not 三日 (连续三日突破)
    vague = _ex("vague_contexts.md")
    assert _figure(vague, "50万元/吨").context != "客户"
    assert _figure(vague, "90秒").context == ""
    assert _figure(vague, "约50%").context == ""
    assert _figure(vague, "120家").value == 120  # 2021，120家: a year, a comma, a count
    assert not any(f.value == 2021120 for f in vague.figures)
    assert _figure(vague, "2022至2023年").kind == "range"


def _names(ex: Extraction) -> set[str]:
    return {c.name for c in ex.companies}


def test_fund_managers_private_funds_and_professional_firms():
    names = _names(_ex("fund_managers.md"))
    assert {"博时基金", "嘉实基金", "景顺长城基金", "易方达基金"} <= names
    assert {"青岚投资", "启衡资产"} <= names  # unknown private funds, named with a cue or a list
    assert {"盛德律师事务所", "天健会计师事务所", "钟港资本"} <= names
    # fund products and ordinary phrases are no companies
    assert not any(("混合" in n or n in ("另一只基金", "偏股基金", "翻倍基金") or "投资者" in n or "资产规模" in n)
                   for n in names), names


def test_group_subsidiaries_legal_tails_and_titles():
    ex = _ex("group_finance.md")
    names = _names(ex)
    assert {"中国华融", "华融信托", "华融金融租赁", "华融消费金融", "宁波银行", "国新资本", "国新融资租赁",
            "长城资产", "东方资产", "中国人寿", "嘉实基金", "华虹半导体"} <= names
    assert "主席" not in names  # 董事会主席（1347.HK）: a title before the code


def test_hong_kong_listings_and_enumerations():
    ex = _ex("hk_list.md")
    tick = {c.name: c.ticker for c in ex.companies}
    for name, code in [("耀才证券", "HK:01428"), ("联易融科技", "HK:09959"), ("思摩尔国际", "HK:06969"),
                       ("海吉亚医疗", "HK:06078"), ("中电控股", "HK:00002"), ("恒基地产", "HK:00012"),
                       ("海通国际", "HK:00665"), ("国泰君安国际", "HK:01788"), ("Lucid", "US:LCID")]:
        assert tick.get(name) == code, (name, tick)
    names = set(tick)
    assert {"兔宝宝", "蒙娜丽莎", "富途证券"} <= names  # ambiguous names listed among companies
    assert not any("丨" in n or "|" in n or n == "Group" for n in names), names


@pytest.mark.parametrize("text", [
    "该基金规模超50亿元。", "长期投资者看好。", "公司资产规模扩大。", "产品开发、产线投资以及销售网络建设。",
    "会集中精力投资一些公司。", "每百元资产实现的营业收入为90元。",
])
def test_suffix_words_in_ordinary_phrases_are_no_company(text):
    assert extract(text).companies == []


@pytest.mark.parametrize(("text", "figure", "kind"), [
    ("四家机构分别累计获批9.5亿、7亿、4亿美元额度。", "7亿", "money"),  # listed before an amount: its currency
    ("今年以来全国发行地方债2.1万亿。", "2.1万亿", "money"),
    ("今年榜单的上榜门槛为40亿。", "40亿", "money"),
    ("平台新增用户3000万、活跃用户5000万人次。", "3000万", "count"),  # people stay counts
    ("市场共识预期新增就业25万。", "25万", "count"),
])
def test_bare_magnitudes_by_context(text, figure, kind):
    f = next(f for f in extract(text).figures if f.text == figure)
    assert f.kind == kind


@pytest.mark.parametrize("text", ["这个数字将达到数百万。", "连续三日成交突破万亿元。"])
def test_no_vacuous_context(text):
    assert all(f.context not in ("这个", "三日", "连续三日") for f in extract(text).figures)
