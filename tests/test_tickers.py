"""Tickers in every convention normalise to MARKET:CODE (SH, SZ, BJ, HK, US)."""
from __future__ import annotations

import pytest

from kfin_tui.tickers import Ticker, find_cashtags, find_prose_codes, market_for_a_share, normalise


@pytest.mark.parametrize("text, code, name", [
    ("$快手-W(HK|01024)$", "HK:01024", "快手-W"),  # Eastmoney
    ("$东旭蓝天(SZ000040)$", "SZ:000040", "东旭蓝天"),
    ("$阿里巴巴-SW(09988)$", "HK:09988", "阿里巴巴-SW"),  # Xueqiu: bare five digits = Hong Kong
    ("$奥比中光(SH688322)$", "SH:688322", "奥比中光"),
    ("$苹果(AAPL)$", "US:AAPL", "苹果"),
    ("$贵州茅台(600519)$", "SH:600519", "贵州茅台"),  # bare six digits: the exchange from the code
    ("$腾讯控股（00700）$", "HK:00700", "腾讯控股"),  # full-width brackets
])
def test_cashtags(text, code, name):
    ((start, end, ticker),) = find_cashtags(f"看好{text}的前景")
    assert ticker == Ticker(code, name)
    assert f"看好{text}的前景"[start:end] == text


@pytest.mark.parametrize("text, codes", [
    ("美团-W(HK:03690)", ["HK:03690"]),  # Xueqiu follow text
    ("中国华融(02799.HK)", ["HK:02799"]),
    ("海油发展（600968.SH）", ["SH:600968"]),
    ("海油发展（600968SH）", ["SH:600968"]),
    ("拼多多（PDD.US）", ["US:PDD"]),
    ("阿里巴巴(BABA.N)", ["US:BABA"]),
    ("东旭蓝天（000040.SZ）", ["SZ:000040"]),
    ("某新三板公司（430047.BJ）", ["BJ:430047"]),
    ("腾讯(0700.HK)", ["HK:00700"]),
    ("中国平安（601318.SH，02318.HK）", ["SH:601318", "HK:02318"]),
    ("比亚迪（002594.SZ、01211.HK）", ["SZ:002594", "HK:01211"]),
    ("招商银行( 600036.SH )", ["SH:600036"]),
    ("阿里巴巴（HK.09988）", ["HK:09988"]),  # futu style
    ("贵州茅台(SH.600519)", ["SH:600519"]),
])
def test_prose_codes(text, codes):
    ((_, _, found),) = find_prose_codes(f"今日{text}发布公告")
    assert found == codes


@pytest.mark.parametrize("text", [
    "首席执行官(CEO)表示", "首次公开募股(IPO)", "以美元(USD)计价", "美国(USA)", "首席技术官(CTO)",
    "开关(ON)", "会计准则(US GAAP)", "共计(600)家", "营收(2023)年", "(SHIBOR)", "（GDP）", "(NYSE:BABA)",
])
def test_prose_non_tickers(text):
    assert find_prose_codes(text) == []


@pytest.mark.parametrize("raw, code", [
    ("HK|01024", "HK:01024"), ("SZ000040", "SZ:000040"), ("SH688322", "SH:688322"), ("09988", "HK:09988"),
    ("AAPL", "US:AAPL"), ("HK:03690", "HK:03690"), ("02799.HK", "HK:02799"), ("600968.SH", "SH:600968"),
    ("PDD.US", "US:PDD"), ("600968SH", "SH:600968"), ("600519.SS", "SH:600519"),
    ("hk|01024", "HK:01024"), ("600519", "SH:600519"), ("000040", "SZ:000040"),
    ("300750", "SZ:300750"), ("430047", "BJ:430047"), ("830799", "BJ:830799"), ("920002", "BJ:920002"),
    ("SH12345", None), ("HK123456", None), ("12", None), ("", None), ("苹果", None),
])
def test_normalise(raw, code):
    assert normalise(raw) == code


def test_a_share_markets():
    assert [market_for_a_share(c) for c in ("600519", "688322", "000040", "300750", "430047", "900901")] == [
        "SH", "SH", "SZ", "SZ", "BJ", "SH"]
