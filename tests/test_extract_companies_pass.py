"""extract_companies (the company pass alone, for whole-archive indexing) gives exactly the companies
of the full extractor: every fixture, the real corpus in ../shared, and a synthetic archive; and the
names-only pass (what the archive's index stores) names the same companies, of the same kinds."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from kfin_tui.articles import load_file
from kfin_tui.articles.discovery import discover
from kfin_tui.extract import (
    article_companies,
    extract,
    extract_article,
    extract_companies,
)
from kfin_tui.extract.companies import article_company_kinds, find_company_kinds
from kfin_tui.extract.textnorm import nfkc_same_length

REPO = Path(__file__).resolve().parents[1]
FOLDERS = [REPO / "corpus", REPO / "tests" / "fixtures", REPO / "tests" / "extract_gold" / "articles"]


def _articles(root: Path):
    for path in discover(root):
        article, _issue = load_file(path, root)
        if article is not None:
            yield path, article


def _check_folder(root: Path) -> int:
    n = 0
    for path, article in _articles(root):
        full = extract_article(article).companies
        alone = article_companies(article)
        assert alone == full, path
        assert {c.name: c.kind for c in article_company_kinds(article)} == {c.name: c.kind for c in full}, path
        n += 1
    return n


def test_same_companies_on_every_fixture():
    total = sum(_check_folder(folder) for folder in FOLDERS if folder.is_dir())
    assert total >= 50  # the folders hold the project's fixtures: none silently skipped


def test_same_companies_on_the_real_corpus(shared_dir):
    assert _check_folder(shared_dir / "real-corpus") >= 50


def test_same_companies_on_a_synthetic_archive(tmp_path):
    spec = importlib.util.spec_from_file_location("make_archive", REPO / "tests" / "bench" / "make_archive.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    root = mod.make_archive(tmp_path / "arch", 300)
    assert _check_folder(root) == 300


@pytest.mark.parametrize("text", [
    "",
    "快手（01024.HK）与美团-W(HK:03690)今日公告，博时基金、青岚投资与天健会计师事务所参与其中。",
    "中国人寿保险(集团)公司、华融信托和国新融资租赁；兔宝宝、石头科技、蒙娜丽莎均获上调。",
    "其中海外收入占比提升，长期投资者看好资产规模；某某成长混合基金净值上涨。" * 3,
    # (lists of companies, ST names with ordinary words, English firm names)
    "预警名单\n\n1、宁德时代：拟回购。\n\n2、比亚迪：销量增长。\n\n3、贵州茅台：分红。\n\n4、长城汽车：出海。\n\n"
    "5、星澜远航：股东减持。\n\n6、*ST当代：停牌。\n\n做多的还有宁德时代、比亚迪、贵州茅台、长城汽车、青穹矿能等。",
    "Halcyon Investment Managers研究主管称，QRSX首席策略师与Brightwell研究公司的创始人看法一致；邻县的澄溪炼化停产。",
])
def test_same_companies_on_hand_written_texts(text):
    assert extract_companies(text) == extract(text).companies
    assert find_company_kinds(nfkc_same_length(text)) == {c.name: c.kind for c in extract(text).companies}


def test_names_only_pass_takes_the_cashtags_as_the_full_pass():
    """Cashtags the loader removed add companies (a known name, an unknown one, a bare code that a
    bracket in the text already gives, a media outlet): same names and kinds both ways."""
    from kfin_tui.tickers import Ticker

    text = "云知声（09678.HK）发布公告，财联社报道，快手表示。"
    tickers = [Ticker("HK:09678"), Ticker("HK:01024", "快手-W"), Ticker("US:ABCD", "某某未知"), Ticker("HK:09999"),
               Ticker("SZ:000001", "财联社")]
    full = extract(text, tickers).companies
    assert find_company_kinds(nfkc_same_length(text), tickers) == {c.name: c.kind for c in full}
    assert len(full) >= 4


def test_order_of_calls_changes_nothing():
    """The pass memoises word boundaries and suffix readings: results never depend on what ran before."""
    text = "格隆汇3月22日丨国盛证券指出，盘京投资、磐沣投资、大朴资产等百亿私募新进多只个股。"
    first = extract_companies(text)
    for other in ("国盛证券", "盘京投资减持", "大朴资产规模", "3月22日丨国盛"):
        extract(other)
        extract_companies(other)
    assert extract_companies(text) == first
    assert {c.name for c in first} == {"国盛证券", "格隆汇", "盘京投资", "磐沣投资", "大朴资产"}


def _reference_bounds(text: str) -> set[int]:
    """Token boundaries as LazyBounds defines them, computed the long way: every run of jieba's
    characters found by its own regex, each position inside one asked of the window around it."""
    import bisect
    import re

    from kfin_tui.extract.segment import WINDOW, window_bounds

    spans = [m.span() for m in re.finditer(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+", text)]
    starts = [s for s, _ in spans]
    out = set()
    for pos in range(len(text) + 1):
        i = bisect.bisect_right(starts, pos) - 1
        if pos <= 0 or pos >= len(text) or i < 0 or pos >= spans[i][1] or pos == spans[i][0]:
            out.add(pos)
            continue
        ws, we = max(spans[i][0], pos - WINDOW), min(spans[i][1], pos + WINDOW)
        if pos - ws in window_bounds(text[ws:we]):
            out.add(pos)
    return out


@pytest.mark.parametrize("text", [
    "快手电商与美团-W今日公告，A股AI+概念股#1大涨3.5%；中国人寿保险(集团)公司 Tesla Inc.",
    "格隆汇3月22日丨国盛证券指出，盘京投资、磐沣投资、大朴资产等百亿私募新进多只个股。",
    "x", "", "其中海外收入占比提升 ab-cd_ef 长期投资者看好资产规模",
])
def test_word_boundaries_read_only_the_window(text):
    """LazyBounds finds a position's run by reading the characters around it (no scan of the
    text): the same boundaries as the runs found by regex."""
    from kfin_tui.extract.segment import LazyBounds

    bounds = LazyBounds(text)
    assert {p for p in range(len(text) + 1) if p in bounds} == _reference_bounds(text)


def test_the_segmenter_knows_every_prefix_of_its_words():
    """The shortcut that answers a boundary without segmenting (no word of the dictionary spans the
    position) stops reading longer fragments at the first one jieba's FREQ does not hold: exact only
    while FREQ holds every prefix of its words, the company words added by ensure_jieba too."""
    import jieba

    from kfin_tui.extract.segment import ensure_jieba

    ensure_jieba()
    freq = jieba.dt.FREQ
    missing = [w for w, f in freq.items() if f for i in range(1, len(w)) if w[:i] not in freq]
    assert missing == []


def test_the_no_word_shortcut_reads_as_the_whole_window():
    """_no_word_across (which stops at the first fragment no word begins with) answers as the
    check of every fragment across the position, on every position of the fixtures' texts."""
    import jieba

    from kfin_tui.extract.segment import WINDOW, _no_word_across, ensure_jieba

    ensure_jieba()
    freq = jieba.dt.FREQ
    checked = 0
    for root in FOLDERS:
        for _path, article in _articles(root):
            text = article.body_text or ""
            for pos in range(1, len(text) - 1):
                ws, we = max(0, pos - WINDOW), min(len(text), pos + WINDOW)
                whole = not (text[pos - 1].isascii() or text[pos].isascii()) and not any(
                    freq.get(text[i:j]) for i in range(ws, pos) for j in range(pos + 1, we + 1))
                assert _no_word_across(text, ws, pos, we) == whole, (text[ws:we], pos - ws)
                checked += 1
    assert checked > 10_000


def _titles_and_sentences(root: Path):
    for _path, article in _articles(root):
        yield article.title or ""
        yield from re.split(r"[。！？\n；]", article.body_text or "")


@pytest.mark.parametrize("crafted", [
    "$宁德 时代(SZ300750)$ 盘中大涨", "ＳＴ金正公告：停牌", "*ST当代收到问询函", "美团-W发布业绩",
    "宁德时代新能源科技股份有限公司公告", "宁德 时代（300750）涨停", "快手 - W 今日回购", "没有公司的标题：指数收涨",
    "Goldman Sachs上调目标价", "报告：Morgan Stanley 看好", "J.P. Morgan：维持评级",
])
def test_a_title_without_a_form_names_no_dictionary_company(crafted):
    """may_name_known skips the rules for a title only where they would find no dictionary name
    (the names a title adds): checked on crafted titles (spaces, cashtags, ST, suffixes)."""
    from kfin_tui.extract.companies import may_name_known
    from kfin_tui.extract.dictionary import get_dictionary

    d = get_dictionary()
    known = {n for n in find_company_kinds(nfkc_same_length(crafted)) if d.lookup(n) is not None}
    assert may_name_known(crafted) or not known, (crafted, known)


def test_the_title_filter_is_exact_on_every_sentence_of_the_fixtures(tmp_path):
    """Every title and sentence of the fixtures and a synthetic archive, as a title: where the filter
    says no, the rules find no dictionary name; and it does say no (it is not always True)."""
    from kfin_tui.extract.companies import may_name_known
    from kfin_tui.extract.dictionary import get_dictionary

    spec = importlib.util.spec_from_file_location("make_archive", REPO / "tests" / "bench" / "make_archive.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    roots = [*(f for f in FOLDERS if f.is_dir()), mod.make_archive(tmp_path / "arch", 200)]
    d = get_dictionary()
    skipped = kept = 0
    for root in roots:
        for text in _titles_and_sentences(root):
            if may_name_known(text):
                kept += 1
                continue
            skipped += 1
            known = {n for n in find_company_kinds(nfkc_same_length(text)) if d.lookup(n) is not None}
            assert not known, (text, known)
    assert skipped > 100 and kept > 100


def test_the_suffix_automaton_finds_what_the_suffix_pattern_finds():
    """_suffix_spans (an automaton) gives SUFFIX_RE.finditer's matches: every fixture text, and
    suffixes that overlap or nest (资产管理集团, 城建投资集团有限公司, 集团集团)."""
    from kfin_tui.extract.companies import SUFFIX_RE, _suffix_spans

    texts = ["某某资产管理集团与某某城建投资集团有限公司", "集团集团银行证券证券", "国有资本投资运营集团下属投资集团",
             "研究院半导体新材料集成电路", ""]
    for folder in FOLDERS:
        texts += [nfkc_same_length(a.body_text or "") for _p, a in _articles(folder)]
    n = 0
    for text in texts:
        want = [m.span() for m in SUFFIX_RE.finditer(text)]
        assert [(s, e) for _k, s, e in _suffix_spans(text)] == want, text[:40]
        n += len(want)
    assert n > 500


def test_patterns_tried_where_their_words_begin_find_what_finditer_finds():
    """The rules' patterns that begin with a cue word (KIND_THEN_NAME, the Latin names after a
    company word, quoted names) are tried only where :func:`_cue_word_starts` finds their words, and
    the Latin name patterns where :func:`_latin_word_starts` finds a word: the same matches as
    ``finditer`` over the whole text, on every fixture text and on texts built to overlap the words
    (代工厂商, 公司公司“某某”, 3M, a.b-C)."""
    from kfin_tui.extract import companies as c
    from kfin_tui.extract import names as n

    texts = ["杭州一家代工厂商澄源电子今日宣布完成融资，名为澄溪科技的企业表示", "公司公司“澄源健康”与澄源健康",
             "互联网公司ironSource与数据公司 Talend SA，子公司iHealth的", "3M与a.b-C、X-1和 Foo Holdings", ""]
    for folder in FOLDERS:
        texts += [nfkc_same_length(a.body_text or "") for _p, a in _articles(folder)]
    pairs = [(c.KIND_THEN_NAME, 0), (c.KIND_THEN_NAME5, 0), (c.KIND_THEN_NAME3, 0), (n.LATIN_AFTER_COMPANY_WORD, 1),
             (n.LATIN_UNIT_NAME, 2), (n.QUOTED_AFTER_COMPANY_WORD, 3)]
    latin = [n.LATIN_ORG_NAME, n.LATIN_BEFORE_COMPANY_WORD, n.LATIN_BEFORE_ROLE]
    word = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")
    found = 0
    for text in texts:
        at = c._cue_word_starts(text)
        for rx, k in pairs:
            want = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in c._matches_at(rx, text, at[k])] == want, (rx.pattern[:30], text[:40])
            found += len(want)
        starts = [m.start() for m in word.finditer(text) if m.start() == 0 or not re.match(r"[A-Za-z0-9&.\-]",
                                                                                            text[m.start() - 1])]
        assert c._latin_word_starts(text) == starts, text[:40]
        for rx in latin:
            assert [m.span() for m in c._matches_at(rx, text, starts)] == [m.span() for m in rx.finditer(text)]
    assert found > 30

def test_the_title_filter_is_exact_for_every_dictionary_form():
    """Each form of the dictionary (Latin ones with spaces among them) in a short title, alone and
    with a space inside: where the filter says no, the rules find no dictionary name."""
    from kfin_tui.extract.companies import may_name_known
    from kfin_tui.extract.dictionary import get_dictionary

    d = get_dictionary()
    forms = sorted(d.by_form)
    assert any(" " in f for f in forms)
    skipped = 0
    for form in forms:
        for title in (f"{form}上调目标价", f"报告：{form[:1]} {form[1:]} 看好"):
            if may_name_known(title):
                continue
            skipped += 1
            known = {n for n in find_company_kinds(nfkc_same_length(title)) if d.lookup(n) is not None}
            assert not known, (title, known)
    assert skipped > 10  # (a split Latin form, mostly: the False branch is exercised)
