"""Company names a dictionary cannot hold, read by their place in the text (issue 13, companies on
blind real text): digests whose lines each open with a stock's name, enumerations that are mostly
companies, ST names whose base is an ordinary word, English firm names, firms named once by their
trade (某某实业, 某某炼化). Sentences written for these tests; the unknown names are invented."""
from __future__ import annotations

import pytest

from kfin_tui.extract import extract


def _names(text: str) -> set[str]:
    return {c.name for c in extract(text).companies if c.kind == "company"}


DIGEST = ("今日公司预警\n\n1、宁德时代：董事会审议通过回购方案。\n\n2、星澜远航：控股股东拟减持不超1%股份。\n\n"
          "3、贵州茅台：三季度营收同比增长。\n\n4、长城汽车：海外工厂投产。\n\n5、比亚迪：月销量再创新高。\n\n"
          "6、青穹矿能：收到交易所问询函。\n\n7、五粮液：提价。\n\n8、王立新：辞去监事职务。\n\n9、隆基绿能：扩产。\n\n"
          "10、海天味业：净利下降。\n\n11、恒瑞医药：新药获批。\n\n12、中国平安：保费增长。\n")


def test_digest_lines_that_open_with_names():
    got = _names(DIGEST)
    assert {"宁德时代", "贵州茅台", "长城汽车", "比亚迪", "星澜远航", "青穹矿能"} <= got, got
    assert "王立新" not in got, got  # a person (an executive) among them


def test_digest_needs_mostly_companies():
    # two known companies among five name-shaped lines: no list of companies
    text = ("1、宁德时代：回购。\n\n2、星澜远航：减持。\n\n3、比亚迪：销量。\n\n4、青穹矿能：问询。\n\n5、澄溪远景：停牌。\n")
    assert not {"星澜远航", "青穹矿能", "澄溪远景"} & _names(text)


def test_enumeration_mostly_of_companies_takes_its_bare_names():
    text = "同一赛道上还有宁德时代、比亚迪、亿纬锂能、国轩高科、星澜远航、欣旺达等，竞争激烈。"
    got = _names(text)
    assert "星澜远航" in got, got
    # a product named after a known company is no company of its own (抖音 of 抖音集团)
    text = "同一赛道上还有宁德时代、比亚迪、亿纬锂能、国轩高科、抖音、欣旺达等，竞争激烈。"
    assert "抖音" not in _names(text)
    # too few companies: the bare item is left alone
    assert "星澜远航" not in _names("参与者有宁德时代、比亚迪、星澜远航、青穹矿能等。")


@pytest.mark.parametrize(("text", "name"), [
    ("6、*ST当代：公司股票将被实施退市风险警示。", "*ST当代"),
    ("ST当代公告称，控股股东所持股份被冻结。", "ST当代"),
])
def test_st_names_whose_base_is_an_ordinary_word(text, name):
    assert name in _names(text)


def test_st_as_a_category_is_no_name():
    assert not _names("在当代市场中，ST股炒作之风渐弱，摘掉ST帽子的公司增多。")


@pytest.mark.parametrize(("text", "name"), [
    ("Halcyon Investment Managers宏观研究主管表示，衰退风险上升。", "Halcyon Investment Managers"),
    ("QRSX首席投资策略师Anna Berg认为，就业数据偏强。", "QRSX"),
    ("Brightwell研究公司的联合创始人表示，模型预测将下修。", "Brightwell"),
    ("Northgate Research发布报告称，需求放缓。", "Northgate Research"),
])
def test_english_firm_names(text, name):
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "World Bank首席经济学家表示，全球增长放缓。",
    "Fed主席在讲话中表示将继续加息。",
    "MIT的经济学家认为通胀已经见顶。",
    "SaaS公司的估值普遍下调。",
])
def test_english_bodies_and_words_are_no_firms(text):
    assert not _names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("环保督察发现民营炼化企业澄溪炼化的实际产能高于备案产能。", "澄溪炼化"),
    ("公告显示，股东鸿岳实业计划减持公司不超1%股份。", "鸿岳实业"),
])
def test_firms_named_by_their_trade(text, name):
    assert name in _names(text)


@pytest.mark.parametrize("text", [
    "精细化工行业利润下滑，煤化工项目增多。",
    "国内钢铁企业减产，大型钢铁公司利润下降。",
])
def test_trade_words_alone_are_no_firms(text):
    assert not _names(text)


def test_a_sector_before_a_job_title_is_no_firm():
    assert _names("国金证券TMT首席分析师表示，算力需求依旧旺盛。") == {"国金证券"}


def test_a_person_before_kong_gu_de_controls_and_is_no_firm():
    got = _names("邱明远控股的澄溪投资在去年四季度新进为十大流通股东，澄溪投资由私募出身的团队管理。")
    assert "邱明远控股" not in got, got
    assert "恒岳控股" in _names("恒岳控股的子公司发布公告称，将出售部分资产。")  # a firm's own name
