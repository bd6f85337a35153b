"""Stock codes in every written form, English names and pinyin initials find their companies'
articles: kfin_tui.query, the keyword filter and the company filter (issue 15 item 2)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.query import company_candidates, expand_term, expand_terms, nearest, parse_code, resolve_company

CATL_FORMS = ["CATL", "catl", "300750", "SZ300750", "sz300750", "SZ:300750", "SZ：300750", "300750.SZ", "300750.sz", "ndsd",
              "ＳＺ３００７５０"]


@pytest.mark.parametrize("form", CATL_FORMS)
def test_catl_in_every_form(form):
    assert resolve_company(form) == "宁德时代"
    term = expand_term(form)
    assert "宁德时代" in term.names and "SZ:300750" in term.codes
    assert term.companies == ("宁德时代",)


@pytest.mark.parametrize("form,name", [("00700.HK", "腾讯"), ("HK:00700", "腾讯"), ("00700", "腾讯"),
                                       ("AAPL", "苹果"), ("aapl", "苹果"), ("US:AAPL", "苹果"), ("AAPL.O", "苹果"),
                                       ("Tesla", "特斯拉"), ("TSLA", "特斯拉"), ("byd", "比亚迪"),
                                       ("gzmt", "贵州茅台"), ("阿里", "阿里巴巴"), ("腾讯控股", "腾讯")])
def test_resolve_company(form, name):
    assert resolve_company(form) == name


@pytest.mark.parametrize("form,name", [("Tencent", "腾讯"), ("Alibaba", "阿里巴巴"), ("xiaomi", "小米"),
                                       ("Kweichow Moutai", "贵州茅台"), ("Ping An", "中国平安"), ("pingan", "中国平安"),
                                       ("ICBC", "工商银行"), ("PetroChina", "中国石油"), ("China Mobile", "中国移动"),
                                       ("Contemporary Amperex", "宁德时代"), ("ＣＡＴＬ", "宁德时代")])
def test_english_names_of_big_listed_companies(form, name):
    assert resolve_company(form) == name
    if " " not in form:  # a keyword term is one word
        assert expand_term(form).companies == (name,)


def test_english_names_name_dictionary_companies():
    # every English name points at a name the dictionary has (a renamed entry would silently drop it)
    from kfin_tui.extract.dictionary import get_dictionary
    from kfin_tui.query import ENGLISH_NAMES

    known = {e.name for e in get_dictionary().entries if e.kind != "block"}
    assert set(ENGLISH_NAMES) <= known


def test_company_only_lenient_forms():
    # --company expects a company: four digits are a Hong Kong code there, not in the keyword filter
    assert resolve_company("0700") == "腾讯"
    assert parse_code("0700") is None and parse_code("0700", lenient=True) == "HK:00700"
    assert expand_term("2024").plain  # a year, not HK:02024


def test_ambiguous_and_unknown():
    assert set(company_candidates("zgyh")) == {"中国银行", "中国银河"}
    assert resolve_company("zgyh") is None
    assert resolve_company("没有这家公司") is None and company_candidates("") == []
    assert resolve_company("qqqqq") is None


@pytest.mark.parametrize("term", ["回购", "宁德", "ai", "AI", "streamlake", "gdp", "ipo", "2024", "12%", "x"])
def test_other_terms_stay_plain(term):
    t = expand_term(term)
    assert t.plain and t.alternatives == (t.text,)


def test_expand_terms_splits_and_normalises():
    got = expand_terms("ＡＩ  300750 储能")
    assert [t.text for t in got] == ["ai", "300750", "储能"]
    assert [t.plain for t in got] == [True, False, True]
    assert expand_terms("  ") == []


def test_parse_code_forms():
    assert parse_code("600519") == "SH:600519" and parse_code("830799") == "BJ:830799"
    assert parse_code("09988.HK") == "HK:09988" and parse_code("hk09988") == "HK:09988"
    assert parse_code("ZQXJ") is None  # letters the dictionary does not list as a US ticker
    assert parse_code("SHOP") == "US:SHOP"  # …and letters it does (Shopify, curated_global.tsv)
    assert parse_code("app") is None and parse_code("NOW") is None  # English words as keywords, not tickers
    assert parse_code("NOW", lenient=True) == "US:NOW"  # (where a code is expected)
    assert parse_code("宁德时代") is None and parse_code("") is None


def test_nearest():
    assert nearest("深渡", ["深度", "快讯", "电报"])[0] == "深度"
    assert nearest("财联社/深度", ["财联社", "证券时报", "深度"])[:1] in (["财联社"], ["深度"])
    assert nearest("zzzz", ["深度"]) == []


POST = "\n---\ntitle: '{title}'\ncategories:\n  - 金融\n  - 样例社\n  - 快讯\ndate: 2024-05-0{d} 09:00:00\n---\n<p>{body}</p>\n"
EM = "{body}\n\n来源：样例财经\n\n$CATL(SZ300750)$\n"

ARTICLES = {
    "prose": "宁德时代（300750.SZ）晚间发布公告，拟投资建设储能基地。",
    "name": "储能电池龙头宁德时代表示，海外订单增长。",
    "apple": "苹果公司发布新一代芯片，供应链公司订单回暖。",
    "tencent": "腾讯控股披露回购计划，港股互联网板块走强。",
    "other": "比亚迪公布月度销量，新能源车渗透率继续提升。",
    "number": "成交额达1300751元，与上述公司无关。",
}


def write(root: Path) -> Path:
    (root / "md").mkdir(parents=True)
    for n, (title, body) in enumerate(ARTICLES.items()):
        (root / "md" / f"{title}.md").write_text(POST.format(title=title, d=n + 1, body=body), encoding="utf-8")
    em = root / "东方财富" / "股吧"
    em.mkdir(parents=True)
    # the company appears only as a cashtag with an English name: the ticker must find it
    (em / "a1b2c3.txt").write_text(EM.format(body="今天板块大涨，持仓继续拿着。"), encoding="utf-8")
    return root


@pytest.fixture(params=[True, False], ids=["index", "memory"])
def lib(request, tmp_path, cache) -> Library:
    return Library(write(tmp_path / "c"), use_index=request.param).load_all()


def titles(lib: Library, **kw) -> set[str]:
    return {r.title for r in lib.select(Filters(**kw)).rows}


def em_title(lib: Library) -> str:
    return next(r.title for r in lib.rows if r.path.endswith(".txt"))


@pytest.mark.parametrize("form", CATL_FORMS)
def test_keyword_codes_find_the_company(lib, form):
    em = em_title(lib)
    assert "SZ:300750" in next(r for r in lib.rows if r.title == em).tickers
    assert titles(lib, keyword=form) == {"prose", "name", em}


def test_keyword_other_codes(lib):
    assert titles(lib, keyword="AAPL") == {"apple"}
    assert titles(lib, keyword="apple") == {"apple"}  # the English alias names 苹果
    assert titles(lib, keyword="00700.HK") == {"tencent"}
    assert titles(lib, keyword="HK:00700") == {"tencent"}


def test_keyword_code_with_other_terms(lib):
    # terms still all have to match: the code term is one of them
    assert titles(lib, keyword="ndsd 海外") == {"name"}
    assert titles(lib, keyword="300750 公告 储能") == {"prose"}
    assert titles(lib, keyword="300750 苹果") == set()


def test_chinese_terms_unchanged(lib):
    assert titles(lib, keyword="宁德") == {"prose", "name"}  # substring only, not the cashtag's ticker
    assert titles(lib, keyword="1300751") == {"number"}  # not a code: as written


def test_company_filter_takes_codes_and_initials(lib):
    lib.extract_pending()
    expected = titles(lib, company="宁德时代")
    assert {"prose", "name"} <= expected
    for form in ["300750", "SZ:300750", "300750.SZ", "ndsd"]:
        assert titles(lib, company=form) == expected
    assert titles(lib, company="AAPL") == titles(lib, company="苹果") == {"apple"}
    assert titles(lib, company="CATL") == expected
    assert titles(lib, company="Tencent") == titles(lib, company="腾讯") == {"tencent"}
    assert titles(lib, company="00700.HK") == titles(lib, company="腾讯") == {"tencent"}


def test_warm_quick_listing_leaves_codes_to_the_rows(tmp_path, cache):
    root = write(tmp_path / "c")
    old = time.time() - 3600  # files changed just now get no fingerprint (they may change unseen)
    for p in [*root.rglob("*"), root]:
        os.utime(p, (old, old))
    for _ in range(2):  # cold, then warm: the stored listing is ready
        with Library(root) as lib:
            lib.load_all()
            lib.wait_index()
    with Library(root) as warm:
        assert warm.quick_listing(Filters(keyword="300750")) is None  # needs the tickers: load
    with Library(root) as warm:
        plain = warm.quick_listing(Filters(keyword="储能"))
        assert plain is not None and len(plain.picked) == 2
