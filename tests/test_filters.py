"""One Filters value, answered by Library.select / category_counts (the reader and `kfin-tui list`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from kfin_tui.articles import load_file
from kfin_tui.filters import Filters
from kfin_tui.index import Library
from kfin_tui.index.search import article_haystack, matches_terms, terms

POST = """---
title: '{title}'
categories:
 - {a}
 - {b}
date: 2024-0{m}-1{d} 09:00:00
---
<p>{body}</p>
"""

BODIES = [
    ("阿里巴巴发布季度财报", "金融", "快讯", "阿里巴巴集团营收同比增长8%，云业务增速回升。"),
    ("光伏组件出货量", "能源", "深度", "多家厂商组件出货量超过10GW，ＡＩ需求带动。"),
    ("芯片订单回暖", "科技", "快讯", "芯片订单增长，毛利率改善，AI 服务器需求旺盛。"),
    ("港股回购潮", "金融", "深度", "港股公司回购金额创新高，阿里巴巴回购20亿美元。"),
    ("季度营收点评", "金融", "快讯", "营收与净利润双增，回购计划继续。"),
    ("储能电池", "能源", "快讯", "储能电池出货量同比增长，毛利率稳定。"),
]


def write(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n, (title, a, b, body) in enumerate(BODIES):
        (root / f"p{n}.md").write_text(POST.format(title=title, a=a, b=b, m=n % 9 + 1, d=n % 9, body=body),
                                       encoding="utf-8")
    return root


@pytest.fixture(params=[True, False], ids=["index", "memory"])
def lib(request, tmp_path, cache) -> Library:
    return Library(write(tmp_path / "c"), use_index=request.param).load_all()


def oracle(lib: Library, keyword: str = "", category: str = "") -> list[int]:
    """The filter written out independently: each article read from its file."""
    q = terms(keyword)
    out = []
    for r in lib.rows:
        article, _ = load_file(r.path, str(lib.root))
        assert article is not None
        if q and not matches_terms(article_haystack(article), q):
            continue
        if category and category not in article.categories:
            continue
        out.append(r.id)
    return out


def test_filters_value():
    f = Filters(keyword="回购", category="金融", company="阿里")
    assert f.active and not Filters().active and not Filters(keyword="   ").active
    assert f.without("category") == Filters(keyword="回购", company="阿里")
    assert f.without("keyword").without("company").without("category") == Filters()
    with pytest.raises(ValueError):
        f.without("colour")
    with pytest.raises(FrozenInstanceError):
        f.keyword = "x"  # type: ignore[misc]
    assert hash(f) == hash(Filters(keyword="回购", category="金融", company="阿里"))
    assert Filters(ids=frozenset()).active and Filters(where=(bool,)).active


@pytest.mark.parametrize("keyword,category", [("", ""), ("回购", ""), ("ai", ""), ("毛利率 增长", ""),
                                              ("", "快讯"), ("回购", "深度"), ("不存在", ""), ("", "无此类")])
def test_select_matches_the_files(lib, keyword, category):
    sel = lib.select(Filters(keyword=keyword, category=category))
    assert sel.ids == oracle(lib, keyword, category)
    assert sel.total == len(lib.rows) == len(BODIES)
    assert not sel.partial
    assert [r.id for r in lib.rows if r.id in set(sel.ids)] == sel.ids  # display order kept


def test_fullwidth_and_case_fold(lib):
    assert lib.select(Filters(keyword="ＡＩ")).ids == lib.select(Filters(keyword="ai")).ids
    assert len(lib.select(Filters(keyword="ai"))) == 2


def test_company_alias_and_partial(lib):
    f = Filters(company="阿里")  # an alias: 阿里 → 阿里巴巴
    before = lib.select(f)
    assert before.partial  # nothing extracted yet: results may grow
    lib.extract_pending()
    after = lib.select(f)
    assert not after.partial
    titles = {r.title for r in after.rows}
    assert titles == {"阿里巴巴发布季度财报", "港股回购潮"}
    assert lib.select(Filters(company="阿里巴巴")).ids == after.ids
    assert lib.select(Filters(company="阿里", keyword="回购")).ids == [r.id for r in after.rows
                                                                   if r.title == "港股回购潮"]


def test_category_counts_within_the_other_filters(lib):
    every = Counter(c for r in lib.rows for c in r.categories)
    assert lib.category_counts(Filters()) == dict(sorted(every.items(), key=lambda kv: (-kv[1], kv[0])))
    counts = lib.category_counts(Filters(keyword="回购", category="能源"))
    kept = oracle(lib, "回购")
    expected = Counter(c for r in lib.rows if r.id in kept for c in r.categories)
    assert {k: v for k, v in counts.items() if k != "能源"} == dict(expected)
    assert counts["能源"] == 0  # the current category stays listed
    assert list(counts.values()) == sorted(counts.values(), reverse=True)


def test_id_restriction_and_predicates(lib):
    some = frozenset(r.id for r in lib.rows[::2])
    assert lib.select(Filters(ids=some)).ids == [r.id for r in lib.rows if r.id in some]
    assert lib.select(Filters(ids=frozenset())).ids == []

    def in_energy(row) -> bool:
        return "能源" in row.categories

    assert lib.select(Filters(where=(in_energy,))).ids == oracle(lib, category="能源")
    assert lib.select(Filters(where=(in_energy,), keyword="毛利率")).ids == \
        [i for i in oracle(lib, "毛利率") if i in oracle(lib, category="能源")]


def test_category_tree_counts_each_level_and_matches_the_filter():
    """count_category_paths: one node per path and leading part (快讯 under two sites is two nodes),
    a parent before its children, most articles first; each node, as a category filter, keeps
    exactly the articles it counts."""
    from kfin_tui.filters import category_matches, count_category_paths
    from kfin_tui.index.records import Row

    paths = [("科技", "36氪", "快讯"), ("金融", "金色财经", "快讯"), ("金融", "财联社", "深度"),
             ("金融", "财联社", "电报"), ("金融", "财联社", "电报"), ("东方财富",), ()]
    rows = [Row(i, f"/a/{i}.md", f"t{i}", None, "", p, ()) for i, p in enumerate(paths)]
    tree = count_category_paths(rows)
    nodes = dict(tree)
    assert nodes[("金融",)] == 4 and nodes[("金融", "财联社")] == 3 and nodes[("金融", "财联社", "电报")] == 2
    assert nodes[("科技", "36氪", "快讯")] == 1 and nodes[("金融", "金色财经", "快讯")] == 1
    assert ("快讯",) not in nodes and len(tree) == len(nodes)  # no flat 快讯 mixing levels
    order = [p for p, _ in tree]
    assert order[0] == ("金融",) and order[1] == ("金融", "财联社") and order[2] == ("金融", "财联社", "电报")
    for path in order:
        assert order.index(path[:-1]) < order.index(path) if len(path) > 1 else True
        kept = [r for r in rows if category_matches(r.categories, "/".join(path))]
        assert len(kept) == nodes[path]
    # a deep folder tree (no recursion limit)
    deep = tuple(f"d{i}" for i in range(3000))
    assert len(count_category_paths([Row(0, "/x.md", "x", None, "", deep, ())])) == 3000
