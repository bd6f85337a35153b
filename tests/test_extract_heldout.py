"""The extractor on real archive articles it was not developed on: tests/extract_gold/real-heldout.json
is a hand annotation (figure strings and names only) of 12 articles of ``../shared/real-corpus`` that
``../shared/spec/gold/real-dev.json`` does not hold; real-heldout2.json of 7 more, annotated after the
rules the first one led to, to measure them on articles they were not written from; real-heldout3.json
of 4 more, annotated after the second set's rules; real-heldout4.json of 5 more, after all of them;
real-heldout5.json of 10 more, annotated blind after all of them (its first score, before the rules
it led to: figures F1 0.977, companies F1 0.886); real-heldout6.json of 10 more, annotated blind on
3 Dec 2026 after all of them (figures F1 0.989, companies F1 0.902 at its first score; 0.911
with the absorbed listings of the stock list in the dictionary; 0.985 with lists of companies, ST names
of ordinary words, English firm names and trade suffixes). The articles themselves are not in the repository:
without ``../shared`` the test skips. The floors sit just below the scores reached, so that a
regression on real text fails here (the issue's targets are figures F1 0.97, companies F1 0.92,
precision 0.97, tickers recall 1.0)."""
import sys
from pathlib import Path

import pytest

from kfin_tui.articles.loader import load_file
from kfin_tui.extract import extract_article

GOLD = Path(__file__).resolve().parent / "extract_gold"
sys.path.insert(0, str(GOLD))
from score import score_folder  # noqa: E402 - the in-repo scorer (same rules as the shared eval tool)


def _extract(path: Path) -> dict:
    article, issue = load_file(path)
    assert article is not None, issue
    return extract_article(article).to_json()


def _assert_floors(shared_dir, gold_file: str, *, companies: float, companies_precision: float,
                   figures: float = 0.99, figures_precision: float = 0.99) -> None:
    """Score ``gold_file`` over ../shared/real-corpus (skip without it) and hold every floor: figures
    F1 and precision, companies F1 and precision, tickers recall 1.0."""
    root = shared_dir / "real-corpus"
    if not root.is_dir():
        pytest.skip("../shared/real-corpus not available")
    _assert_scores(gold_file, root, companies=companies, companies_precision=companies_precision, figures=figures,
                   figures_precision=figures_precision)


def _assert_scores(gold_file: str, root, *, companies: float, companies_precision: float, figures: float = 0.99,
                   figures_precision: float = 0.99, tickers: float = 1.0) -> None:
    """Score ``gold_file`` over the articles under ``root`` and hold every floor."""
    scores, misses = score_folder(_extract, GOLD / gold_file, root)
    detail = {k[-40:]: v for k, v in misses.items() if v}
    assert scores["figures"] >= figures, (scores, detail)
    assert scores["figures precision"] >= figures_precision, (scores, detail)
    assert scores["companies"] >= companies, (scores, detail)
    assert scores["companies precision"] >= companies_precision, (scores, detail)
    assert scores["tickers"] >= tickers, (scores, detail)


def test_held_out_real_articles(shared_dir):
    _assert_floors(shared_dir, "real-heldout.json", companies=0.97, companies_precision=0.98)


@pytest.mark.parametrize(("gold_file", "companies_floor"), [("real-heldout2.json", 0.96), ("real-heldout3.json", 0.97),
                                                           ("real-heldout4.json", 0.97)])
def test_later_held_out_sets(shared_dir, gold_file, companies_floor):
    _assert_floors(shared_dir, gold_file, companies=companies_floor, companies_precision=0.98)


def test_fifth_held_out_set(shared_dir):
    """Ten more articles (fund holdings, ride-hailing companies named by their legal names, HK and US
    listings, crypto flashes): companies the rules cannot reach yet keep its floors lower."""
    _assert_floors(shared_dir, "real-heldout5.json", companies=0.99, companies_precision=0.99)


def test_sixth_held_out_set(shared_dir):
    """Ten more, annotated blind after every rule so far (a 40-name list of delisting warnings,
    fund holdings, US research houses named in English): its floors sit just under its score after the
    rules it led to (what is left: 南卫股份, which the dictionary reports as ST南卫)."""
    _assert_floors(shared_dir, "real-heldout6.json", companies=0.99, companies_precision=0.99, figures=0.98)


def test_seventh_held_out_set(shared_dir):
    """The last three real articles no gold held, annotated blind after the rules of set 6 (first
    companies F1 0.800, two optional parent groups added after it: 0.923; 1.0 once the data vendor
    万得 is read as articles write it, WIND). Left: 2018年底, 五类; date ranges joined by 至 (one figure
    in this gold, two here)."""
    _assert_floors(shared_dir, "real-heldout7.json", companies=0.98, companies_precision=0.98, figures=0.97,
                   figures_precision=0.98)


def test_eighth_blind_set_of_articles_written_for_it():
    """Twelve articles a helper wrote in the archive's styles (its own sentences: in the repository,
    tests/extract_gold/blind8) and annotated blind — no extractor output or code seen. First score,
    the gold's naming fixed (data vendors under the names the extractor gives them, a fictional firm
    given a real code): figures F1 0.998, companies F1 0.962, precision 0.971; after the rules it led
    to (month and quarter ranges, fiscal quarters, 有 glued to a name, share classes and fund
    products before codes, a name running on into its own alias): 1.000 and 0.995; 1.000 and 1.000
    since a Latin name after a trading venue (衍生品交易平台Deribit) is read as a firm."""
    _assert_scores("blind8.json", GOLD / "blind8", companies=0.99, companies_precision=0.99)


def test_ninth_blind_set_of_articles_written_for_it():
    """Twelve more articles a helper wrote (tests/extract_gold/blind9: 龙虎榜 seats, a broker's
    note with a forecast table, a Hong Kong IPO's cornerstones, 城投 bonds, top-ten holders,
    futures, a restructuring's advisers, a 电报 digest, insurers' premiums, a VC round-up, US-listed
    results, new listings) and annotated blind. First score: figures F1 0.990, companies F1 0.870
    (precision 0.924); after the rules it led to (counts set off by a space or of events, a bare
    unit in brackets, kinds of stock before a name, branch offices, futures brokers with a cue, an
    investment group written in full, the short name an announcement gives, groups named by their
    line of business) and the futures companies, insurers' subsidiaries and investment banks added
    to the dictionary (中信期货, 太保寿险, 华泰联合证券, 东方财富证券): 0.996 and 0.948 (precision
    0.965). Left: names without a suffix (元禾璞华), Latin names in a list (Jane Street), and the gold's
    insurers' subsidiaries where the dictionary gives the group (泰康人寿 as 泰康保险). The rules of the
    tenth set took it to 0.961 (precision 0.982)."""
    _assert_scores("blind9.json", GOLD / "blind9", companies=0.95, companies_precision=0.97)


def test_tenth_blind_set_of_articles_written_for_it():
    """Twelve more (tests/extract_gold/blind10: 南向资金 with Hong Kong codes, electric-car
    deliveries, lock-up expiries and buy-backs, IPO reviews with their sponsors, auditors and law
    firms, 白酒 results, wealth-management subsidiaries, solar prices, drug licensing to foreign
    pharma, block trades, fund houses, express and airline data, US-listed firms listing again in
    Hong Kong), annotated blind. First score: figures F1 0.991, companies F1 0.914 (precision 0.925);
    0.952 with the gold's names as the spec names them (腾讯 for 腾讯控股, one company's A-share and
    Hong Kong names); after the rules it led to (counts of 个, 人, 票 and 家中国 set off by a space, a
    time before an organisation word, a qualifier jieba cut into characters, a Hong Kong share-class
    marker before a code, no second company from a code one already holds, a legal name the article
    then writes without its place, Latin drug makers by their trade word, car companies beside their
    groups): 0.999 and 0.993 (precision 1.000). Left: 天健 (an auditor whose short name is another
    listed firm's), a wealth manager of fiction (川江理财), 180天 inside a product's name."""
    _assert_scores("blind10.json", GOLD / "blind10", companies=0.98, companies_precision=0.98)


def test_eleventh_blind_set_of_articles_written_for_it():
    """Twelve more (tests/extract_gold/blind11: brokers' monthly picks by nickname, banks' margins,
    developers' sales, chip-tool orders, AI financing rounds and their investors, Apple's suppliers,
    power generation, gold and lithium miners, a cross-border purchase with its advisers, humanoid
    robots, game licences, an evening digest of *ST notices), annotated blind after blind10's rules.
    First score: figures F1 0.989, companies F1 0.915 (precision 0.945), tickers recall 0.981; 0.921
    with 高瓴资本 an alias of the 高瓴 written; after the rules it led to (a code inside the short-name
    bracket, the kind of listed firm before a name, a generic word cut up by jieba before a suffix, a
    place that begins a name before a code, an organisation word alone is no name, *ST kept, Latin
    firms by their role in a deal or their units, 旬 in dates, spaced 次 条 座 吨 and 宗, nicknames
    and game makers in the dictionary): figures 1.000, companies 0.991 (precision 0.994), tickers 1.000.
    Left: 青木互娱 after a common word (the suffix rule's one-word guard)."""
    _assert_scores("blind11.json", GOLD / "blind11", companies=0.98, companies_precision=0.98)


def test_twelfth_blind_set_of_articles_written_for_it():
    """Twelve more (tests/extract_gold/blind12: shipping, dairy and drinks, cross-border e-commerce,
    data centres, cosmetics on Double 11, sportswear, state builders' contracts, a convertible-bond
    weekly, education, steel and coal with a Markdown table, a morning briefing, smartphones),
    annotated blind after blind11's rules. First score: figures F1 0.984, companies F1 0.894
    (precision 0.931), tickers recall 0.990; after the rules it led to (a table's cells are no range,
    spaced 点 公里 席 双, 双11 no figure, 数据 ending a name before its code, kinds of firm cut up by
    jieba, convertible bonds and their codes no companies, shares of a class, thermal coal, a season, a
    short name made of the full name's characters, the state builders' bureaus, a few companies in
    the dictionary): figures 0.993, companies 0.982 (precision 1.000), tickers 1.000. Left: fictional
    firms named once without a cue (宁远海运, 闽锐体育, 星汉储能), Latin names without a cue (eMarketer,
    DayOne), 标准组."""
    _assert_scores("blind12.json", GOLD / "blind12", companies=0.97, companies_precision=0.98)


def test_thirteenth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind13: memory chips, batteries, control changes of listed
    shells, US tech results, car exports, telecom data, a regional bank and a 城投 merger, beer, hogs,
    a Hong Kong close), annotated blind after blind12's rules. First score: figures F1 0.994,
    companies F1 0.910 (precision 0.914); 0.922 with the gold's names and vendors as the earlier sets
    have them; after the rules it led to (short names given to a list of firms in their order, a
    partnership's short name after its form, a maker's word glued before a name, a single month
    before an organisation word, 家中小银行, 万千升, 嘉士伯): figures 0.997, companies 0.978."""
    _assert_scores("blind13.json", GOLD / "blind13", companies=0.97, companies_precision=0.98)


def test_fourteenth_blind_set_of_articles_written_for_it():
    """Eight more (tests/extract_gold/blind14: a 电报 digest in every bracket style, the drug
    reimbursement list, airports and toll roads, property managers, photoresists and their funders,
    cross-border payments, fund holdings, a 北交所 day), annotated blind after blind13's rules. First
    score: figures F1 0.992, companies F1 0.846, tickers recall 0.979; 0.877 with the gold's names as
    the earlier sets have them; after a generic word alone before a code reads on (某某数字（02598.HK）)
    and payment firms, chip-material makers and chip venture funds in the dictionary: 0.988 and 1.000."""
    _assert_scores("blind14.json", GOLD / "blind14", companies=0.97, companies_precision=0.97)


def test_fifteenth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind15: broker digests, deposit rates, insurers' premiums, a
    developer's debt restructuring, NEV weekly sales, PV prices, a Hong Kong IPO, an A-share
    restructuring, 龙虎榜, futures), annotated blind after blind14's rules. First score: figures F1
    0.991, companies F1 0.928 (precision 0.935), tickers recall 0.983; companies 0.957 with the gold's
    names as the earlier sets have them; after 前N月, spaced ranges of magnitudes, a change then the
    level (减少A至B), rural banks, an ambiguous listed word ending a longer legal name and 泰康人寿 /
    吉利控股集团 as firms of their own: figures 0.998, companies 0.971; with the second round (former
    names, 中|同 inside a cut-up legal name, a kind of firm before a name, 乳业/航运 suffixes, advisers
    and state groups in the dictionary): companies 0.993 (precision 1.000). Left: a Hong Kong code
    given in prose (股份代号为02763), 弘晶硅材 named with no cue."""
    _assert_scores("blind15.json", GOLD / "blind15", companies=0.98, companies_precision=0.99, tickers=0.98)


def test_sixteenth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind16: a drug licensing deal, AI servers, baijiu and dairy,
    shipping, defence orders, lithium and cobalt, game licences, low-altitude financing, humanoid
    robots, a broker merger and a city bank), annotated blind, scored first with no rule of blind15:
    figures F1 0.983, companies F1 0.916 (precision 0.949), tickers 1.000; companies 0.926 with its
    names fixed; after the first round of rules above: figures 0.993, companies 0.940 (precision 0.985);
    after the second: companies 0.983 (precision 0.986). Left: firms named with a cue the rules do not
    read (锂企川西锂源 …), bare 上半年, 上海临港 read in 上海临港工厂."""
    _assert_scores("blind16.json", GOLD / "blind16", companies=0.97, companies_precision=0.98)


def test_seventeenth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind17: chip-equipment orders, a pharma review, buybacks,
    convertibles and REITs, two central SOEs merging, private equity, steel and ore, handsets and
    panels, hotels, a 科创板 review meeting), annotated blind and first scored with both earlier rounds
    of stop 26 in: figures F1 0.985, companies F1 0.919 (precision 0.945), tickers 0.988; after its
    rules (spaced 单 场 组 间, a spaced bare magnitude before a word, a price raised by A to B, 中 beginning
    a name before its code, 所购股份, a listed name ending a longer legal name, an ST short name's base
    inside other names, 中国宝武 and FMG in the dictionary): figures 0.995, companies 0.957 (precision
    0.979); with a firm named only after the word for its kind (民营钢企某某某某因…): 0.967 (0.980).
    Left: REIT holders, 荣耀 (an ordinary word), a group and its listed unit (中国电子华大科技)."""
    _assert_scores("blind17.json", GOLD / "blind17", companies=0.955, companies_precision=0.97, tickers=0.98)


def test_eighteenth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind18: ADRs, a UHV tender, chemicals, pledges and control
    changes, a parts plant abroad, cross-border logistics, wind turbines, a medical 集采, a Hong Kong
    close, a trust's bankruptcy), annotated blind and first scored with stop 26's first two rounds:
    figures F1 0.999, companies F1 0.925 (precision 0.961), tickers 1.000; with blind17's rules and
    its own (投资 before a line of business in a legal name, medical-device makers, chemical majors and
    wind-turbine makers in the dictionary): companies 0.969 (precision 0.987)."""
    _assert_scores("blind18.json", GOLD / "blind18", companies=0.96, companies_precision=0.98)


def test_nineteenth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind19: express delivery, airlines, nuclear power, coal, gold
    miners, hogs and feed, a ratings digest, lock-up expiries, a 北交所 debut, 城投债), annotated blind
    and first scored at stop 26's end: figures F1 0.993, companies F1 0.956 (precision 0.994),
    tickers 0.983; after the rules of stop 27's first round (spaced 头 份 股 班, codes after a quoted
    short name and after 股份代号, 某某建设（集团）有限公司, trades named after a name: 饲料 供应链 …,
    policy banks as companies): figures 0.998, companies 0.983 (precision 1.000), tickers 1.000."""
    _assert_scores("blind19.json", GOLD / "blind19", companies=0.985, companies_precision=0.99)


def test_twentieth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind20: cosmetics, beer, sportswear, telecom operators, internet
    platforms, ETF flows, dividends and placements, QFII holdings, a 科创板 IPO, a bank's wealth
    subsidiary), annotated blind, first scored with blind19 at stop 26's end: figures F1 0.994,
    companies F1 0.965 (precision 0.977), tickers 1.000; after stop 27's first round (港仙, a range of
    a rise, 2026/27财年, a law firm's brand of two words, 获配股份, a Latin name's end after &, index
    products, a kind word the segmenter cut): figures 1.000, companies 0.986 (precision 1.000)."""
    _assert_scores("blind20.json", GOLD / "blind20", companies=0.985, companies_precision=0.99)


def test_twenty_first_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind21: shipbuilding, machinery exports, appliances, films and
    games, Japanese and Korean firms in China, supply chains, equity incentives, delistings, results
    forecasts, water utilities), annotated blind, first scored at stop 26's end: figures F1 0.991,
    companies F1 0.904 (precision 0.986), tickers 1.000. Most of its misses were foreign firms and
    joint ventures by their Chinese names (一汽丰田, 三星重工, 发那科): with its rules (spaced 批 and
    measures, 城 counts, 水务, a price raised to a range) and curated_global.tsv (758 global firms, joint
    ventures, shipyards and state groups, written without reading any gold set, though its brief named
    some of these misses as examples): figures 1.000,
    companies 0.983 (precision 1.000)."""
    _assert_scores("blind21.json", GOLD / "blind21", companies=0.975, companies_precision=0.99)


def test_twenty_second_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind22: Hong Kong crypto firms, exporters under US tariffs,
    metals, brokers' months, grain, clouds, car dealers, consumer finance, developers' sales,
    pharmacies and hospitals), annotated blind and first scored with every rule from blind19-21 in,
    before curated_global.tsv: figures F1 0.996, companies F1 0.900 (precision 0.942), tickers 1.000;
    with its rules (持牌, a name before 指数, a fund house's 国际 arm, 余 in a spaced count) and
    curated_global.tsv: companies 0.943 (precision 0.974). Left: renamed brokers (国联民生 is 国联证券
    in our dictionary, as the real archive writes it), unlisted firms named by ordinary words (车好多)."""
    _assert_scores("blind22.json", GOLD / "blind22", companies=0.935, companies_precision=0.965)


def test_twenty_third_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind23: luxury and duty-free, the regulator's penalties, tyres,
    hydrogen, cement and glass, CXO, optical modules and PCBs, storage and charging, cybersecurity,
    Hong Kong developers), annotated blind and first scored with every rule and the global dictionary
    of stop 27 in: figures F1 0.995, companies F1 0.933 (precision 0.981), tickers 1.000; 0.938
    (0.988) with 派拓网络 as an alias of Palo Alto Networks; after its rules (a title's date, 伙,
    product words after a kind word, a group's 氢能 unit, charging and CDMO firms): figures 1.000,
    companies 0.992 (precision 1.000)."""
    _assert_scores("blind23.json", GOLD / "blind23", companies=0.98, companies_precision=0.99)


def test_twenty_fourth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind24: AI chips, commercial space, pets, medical aesthetics,
    e-cigarettes, outdoor media, rail equipment, insurance intermediaries, AMCs, farm machinery),
    annotated blind and first scored with everything of stop 27 in: figures F1 0.989, companies F1
    0.824 (precision 0.924), tickers 0.960 — start-ups, clinics and brokers no list holds, CRRC's
    units, a code in a table read as a name; after its rules and dictionary entries (列, an acronym
    before a count, 保险经纪, a code-shaped cell, 电子烟, CRRC's units, space and pet firms, 国联民生
    as the broker's name): figures 1.000, companies 0.975 (precision 0.994)."""
    _assert_scores("blind24.json", GOLD / "blind24", companies=0.965, companies_precision=0.985, tickers=0.97)



def test_twenty_fifth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind25: polysilicon and PV glass, city banks' margins and
    wealth-management arms, tea and restaurant chains listing in Hong Kong, property management, a
    Hong Kong IPO week, softs futures, medical-device exports, battery recycling, an investment-banking
    league table, pulp and paper), annotated blind and first scored with everything of stops 26-27
    in: figures F1 0.994, companies F1 0.938 (precision 0.974), tickers 1.000; after the rules and
    dictionary entries of blinds 25-26: companies 0.982 (precision 0.994)."""
    _assert_scores("blind25.json", GOLD / "blind25", companies=0.97, companies_precision=0.985)


def test_twenty_sixth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind26: insurers' premiums, EV start-ups and suppliers, a C919
    order, Chinese miners abroad, Macau gaming and Hong Kong banks, margin financing, a county LGFV's
    default, designer toys, AI glasses, water and environmental engineering), first scored: figures
    F1 1.000, companies F1 0.909 (precision 0.963), tickers 1.000; after the rules and dictionary
    entries of blinds 25-26: companies 0.983 (precision 0.994)."""
    _assert_scores("blind26.json", GOLD / "blind26", companies=0.97, companies_precision=0.985)



def test_twenty_seventh_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind27: TCM makers, condiments and frozen food, private
    hospital chains, the food-delivery war, seeds and pesticides, property brokerage, blood products
    and vaccines, supermarkets and convenience stores, travel, online recruitment), first scored
    after the rules of blinds 25-26 and 28: figures F1 0.999, companies F1 0.871 (precision 0.961),
    tickers 1.000; after its rules and dictionary entries: companies 0.977 (precision 1.000)."""
    _assert_scores("blind27.json", GOLD / "blind27", companies=0.965, companies_precision=0.985)


def test_twenty_eighth_blind_set_of_articles_written_for_it():
    """Ten more (tests/extract_gold/blind28: fluorochemicals, glass and carbon fibre, city gas and
    LNG, oil majors, electric two-wheelers, cross-border payment, online lenders, family offices and
    wealth platforms, index providers, furniture), first scored after the rules of blinds 25-26:
    figures F1 0.998, companies F1 0.923 (precision 0.972), tickers 0.971; after its rules and
    dictionary entries: companies 0.971 (precision 0.987), tickers 0.990."""
    _assert_scores("blind28.json", GOLD / "blind28", companies=0.96, companies_precision=0.98, tickers=0.98)



def test_twenty_ninth_blind_set_of_articles_written_for_it():
    """Ten articles of 2021-2022 (tests/extract_gold/blind29: 双减, developers' defaults, community
    group buying, the fine on 滴滴, the halted Ant IPO, the 北交所's first day, the carbon market, the
    chip shortage, secondary listings in Hong Kong, lithium), first scored at 0.935 (precision
    0.987; about 0.90 without 11 names added after its topics were written); after its rules
    (干吨, a name before its code beginning with a word, 中国一汽, group-buying arms): 0.968 (0.994)."""
    _assert_scores("blind29.json", GOLD / "blind29", companies=0.955, companies_precision=0.985)


def test_thirtieth_blind_set_of_articles_written_for_it():
    """Ten articles of 2021-2022 (tests/extract_gold/blind30: the Shanghai lockdown, the LME nickel
    squeeze, the PCAOB deal, metaverse stocks, e-CNY pilots, 东数西算, the hog cycle, baijiu, solar and
    storage, internet layoffs), first scored after the rules of blinds 25-28: figures F1 0.996,
    companies F1 0.962 (precision 0.978), tickers 1.000; with names as the text of their day writes
    them (正邦科技, not the later *ST正邦; 安信证券 apart from 国投证券): companies 0.970 (precision 0.989)."""
    _assert_scores("blind30.json", GOLD / "blind30", companies=0.96, companies_precision=0.98)



def test_thirty_first_blind_set_of_articles_written_for_it():
    """Ten articles of 2020-2021 (tests/extract_gold/blind31: Luckin's penalties, vaccine and glove
    makers, the first REITs, container shipping, Hefei and NIO, the 科创板's IPOs, Evergrande's wealth
    products, power rationing, platform fines, fund sales), first scored with every rule of stop 28:
    figures F1 0.999, companies F1 0.913 (precision 0.953), tickers 1.000; after its rules (a quoted
    rule no firm, 近洋 航运, 生物质, A-share names of 2020-2022 renamed by 2023): 0.925 (0.979); with the
    firms introduced by 一家…企业 of stop 29: 0.942 (0.980)."""
    _assert_scores("blind31.json", GOLD / "blind31", companies=0.93, companies_precision=0.97)



def test_thirty_second_blind_set_of_articles_written_for_it():
    """Ten articles of 2021-2022 (tests/extract_gold/blind32: the chip fund and foundries, the Hong
    Kong tech crash, motor-insurance reform, the coal-price cap, convertible and quant booms, 问界,
    COVID testing, the asset-management transition, 2021's HK IPOs, EV price rises), first scored
    with every rule of stop 28: figures F1 0.996, companies F1 0.932 (precision 0.961), tickers
    1.000; after its rules (汇丰 and 人保财险 by the press's names, foundries' fabs, product words
    before a suffix, a zone after a name): 0.978 (0.992)."""
    _assert_scores("blind32.json", GOLD / "blind32", companies=0.965, companies_precision=0.985)


def test_thirty_third_blind_set_of_articles_written_for_it():
    """Ten articles of 2020-2022 (tests/extract_gold/blind33: the 永煤 and 华晨 defaults, 紫光集团's
    restructuring, 原油宝, the Archegos selloff, the game-licence freeze, livestream tax fines, medical
    aesthetics, the CXO selloff, COVID pills, a polysilicon expansion), first scored with every rule
    of stop 29 before its own: figures F1 1.000, companies F1 0.896 (precision 0.924), tickers 1.000;
    after its rules (a name before its code read whole, deal verbs, era names): 0.950 (0.966); with a
    bracketed place inside a legal name read: 0.953 (0.973)."""
    _assert_scores("blind33.json", GOLD / "blind33", companies=0.94, companies_precision=0.955)


def test_thirty_fourth_blind_set_of_articles_written_for_it():
    """Ten articles of 2020-2022 (tests/extract_gold/blind34: 中国移动's and 中国电信's A-share
    listings, 中国中化, 太钢 and 中国宝武, Hainan duty-free, sportswear, the Henan rural banks, Tesla's
    suppliers, car ventures, melt-blown fabric, Hong Kong developers), first scored as blind33:
    figures F1 0.996, companies F1 0.903 (precision 0.945), tickers 1.000; after its rules (banks by
    their place, state steel groups of the day): 0.964 (0.979)."""
    _assert_scores("blind34.json", GOLD / "blind34", companies=0.955, companies_precision=0.97)


def test_thirty_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind35-36: 荣耀's sale, 京东健康 and 快手 listing,
    fertilizer exports, 中国稀土集团, 三峡能源, the MU5735 crash, sodium-ion batteries, fund managers'
    drawdowns; 平安 and 华夏幸福, 东方甄选, Pilbara's auctions, iron ore, beverage rounds, the 精选层,
    the three red lines, 顺丰, fund advisory, private pensions), written while stop 29's rules were and
    first scored with all of them: companies F1 0.928 (precision 0.949) and 0.957 (0.994), figures
    0.995 and 0.999, tickers 0.989 and 1.000; after their rules (存托股, 险资, 中国国有企业…基金, a
    Hong Kong 某某控股 beside an A-share 某某, 中国国新, 东航集团, an ambiguous name with its code in a
    table's next cell): 0.947 (0.966) and 0.960 (1.000), tickers 1.000 on both."""
    _assert_scores("blind35.json", GOLD / "blind35", companies=0.94, companies_precision=0.955)
    _assert_scores("blind36.json", GOLD / "blind36", companies=0.95, companies_precision=0.99)


def test_thirty_seventh_blind_set_of_articles_written_for_it():
    """Ten articles of 2020-2022 (tests/extract_gold/blind37: 知乎 and the 2021 ADRs, the blue-chip
    sell-off, the joint 集采, 九安医疗, 宁德时代's placement, the April 2022 sell-off, 5G base
    stations, cement, TikTok, remote work), first scored with every rule of stop 29 but its own:
    figures F1 0.998, companies F1 0.974 (precision 0.980), tickers 1.000; after its rule (a class of
    shares between a name and its code): 0.977 (0.987)."""
    _assert_scores("blind37.json", GOLD / "blind37", companies=0.965, companies_precision=0.98)


def test_thirty_eighth_blind_set_of_articles_written_for_it():
    """Ten articles of 2020-2022 (tests/extract_gold/blind38: 高瓴 and 格力, 万达商管, 比亚迪 DM-i, the
    first 创业板 registration listings, Swiss GDRs, the zero-additive row, 康美药业's class action, the
    northbound record, 上海电气's receivables, the Zhengzhou flood claims), written while stop 29's
    later rules were and first scored with them: figures F1 1.000, companies F1 0.926 (precision
    0.954), tickers 1.000; after its rules (firsts and kinds of insurance before a suffix, HSBC's
    bank): 0.942 (0.980)."""
    _assert_scores("blind38.json", GOLD / "blind38", companies=0.935, companies_precision=0.97)


def test_thirty_ninth_and_fortieth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind39-40: 中国海油's A shares, 京东物流, 极兔
    and 百世, SPACs, 包商银行, streaming prices, cinemas, critical-illness definitions, 平安 and 汇丰,
    the NYSE delistings; the 'second arrow', 宁德时代 v 中航锂电, the 2020 gold record, 荣昌生物,
    polyester, brokers' rights issues, fund issuance, Winter Olympics sponsors, 长城汽车, stay-at-home
    stocks), written after the stop's rules and first scored with all of them: companies F1 0.915
    (precision 0.949) and 0.959 (0.956), figures 1.000 and 0.999, tickers 0.988 and 0.988; after their
    rules (Wind by its name; a year in a title's brackets, SPAC, 存托银行): 0.925 (0.970) and 0.970 (0.977)."""
    _assert_scores("blind39.json", GOLD / "blind39", companies=0.92, companies_precision=0.96, tickers=0.98)
    _assert_scores("blind40.json", GOLD / "blind40", companies=0.96, companies_precision=0.97, tickers=0.98)


def test_forty_first_to_forty_fourth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind41-44: power rationing and coal, the
    car-chip shortage, P2P's end, the digital yuan, public REITs, Amazon's bans, 相互宝; 中国物流集团,
    developers' defaults, 岚图 and 智己, 问界, Southbound Bond Connect, rate cuts, hog futures, 欣旺达,
    chip design; 雾芯科技, 网易云音乐, magnesium and silicon, silver, 北斗, airlines, hotels, copper,
    Xinjiang cotton; raw milk, UHV, chicken, builders, building materials, glass, 金发科技, testing,
    excavators, 长江电力). First scores: blinds 41-42 with the stop's first rules (b9b6f88),
    companies F1 0.916 (P 0.970) and 0.926 (P 0.937); blinds 43-44 with the rules drawn from 41-42
    (4178a38), 0.913 (P 0.945) and 0.955 (P 0.992); figures 0.997-1.000, tickers 1.000 but for one
    B-share code. After their rules: 0.987, 0.992, 0.974, 0.992."""
    _assert_scores("blind41.json", GOLD / "blind41", companies=0.98, companies_precision=0.99)
    _assert_scores("blind42.json", GOLD / "blind42", companies=0.985, companies_precision=0.985)
    _assert_scores("blind43.json", GOLD / "blind43", companies=0.965, companies_precision=0.97)
    _assert_scores("blind44.json", GOLD / "blind44", companies=0.985, companies_precision=0.99)


def test_forty_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind45-46: smaller EV makers, e-bikes, 涂鸦智能,
    虎牙 and 斗鱼, 挚文集团, 金山办公, 用友 and 金蝶, fintech stocks, 恒生电子, 喜马拉雅; small brokers,
    东莞证券, 广州证券's sale, state groups' financial arms, leasing, car aftercare, 蛋壳公寓, property
    brokers, 易车, car finance), first scored with every rule drawn from blinds 33-44 (dd1ae78):
    companies F1 0.952 (P 0.965) and 0.910 (P 0.943), figures 0.999 and 0.998, tickers 1.000; after
    their rules 0.978 (P 1.000) and 0.973 (P 0.980)."""
    _assert_scores("blind45.json", GOLD / "blind45", companies=0.97, companies_precision=0.99)
    _assert_scores("blind46.json", GOLD / "blind46", companies=0.965, companies_precision=0.975)


def test_forty_seventh_to_fiftieth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind47-50: restructurings of 海航, 方正, 紫光 and
    华夏幸福, 苏宁's rescue, 中国华融, 宝能 and 万科, HK listings, pension communities, cross-border
    brokers; 宁德时代's placement, wafer prices, soy sauce, TCM, duty-free, the unverified list, couriers,
    联影医疗, hogs, 美团; chips, panels, Apple suppliers, 安世, 传音, 5G tenders; banks, convertibles, AMCs),
    first scored with every rule of the stop before them: companies F1 0.946 (P 0.972) and 0.956
    (P 0.991) at 5191d96, 0.938 (P 0.960) and 0.935 (P 0.950) at 9da5d52; after their rules 0.987,
    0.974, 0.969 and 0.976."""
    _assert_scores("blind47.json", GOLD / "blind47", companies=0.98, companies_precision=0.985)
    _assert_scores("blind48.json", GOLD / "blind48", companies=0.965, companies_precision=0.985)
    _assert_scores("blind49.json", GOLD / "blind49", companies=0.96, companies_precision=0.975)
    _assert_scores("blind50.json", GOLD / "blind50", companies=0.965, companies_precision=0.965)


def test_fifty_first_and_second_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2021-2022 (tests/extract_gold/blind51-52: car makers and parts, trucks,
    containers, machinery abroad, MDI, refiners, coal chemicals, 紫金; insurers, brokers' wealth
    management, 东方财富, fund houses, 中金, 陆金所, credit tech, 富途 and 老虎), first scored with every
    rule of the stop (5c0b61e): companies F1 0.872 (P 0.939) and 0.955 (P 0.990), tickers 0.962 and
    0.981; after their rules 0.932 (P 0.962) and 0.990 (P 1.000), tickers 1.000."""
    _assert_scores("blind51.json", GOLD / "blind51", companies=0.925, companies_precision=0.955)
    _assert_scores("blind52.json", GOLD / "blind52", companies=0.985, companies_precision=0.99)


def test_fifty_third_and_fourth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2021-2022 (tests/extract_gold/blind53-54: new-energy orders, polysilicon,
    submarine cables, PV glass, modules, 大全能源, offshore wind, turbines, inverters, grid digitisation;
    dairy, beer, 茅台集团, baijiu, bottled water, frozen food, braised snacks, 永辉, restaurants, 泡泡玛特),
    written after every rule of the stop and scored once with all of them (836e2c3), no rule drawn from
    them: companies F1 0.933 (P 0.983) and 0.928 (P 0.978), figures 1.000 and 0.999, tickers 1.000."""
    _assert_scores("blind53.json", GOLD / "blind53", companies=0.925, companies_precision=0.975)
    _assert_scores("blind54.json", GOLD / "blind54", companies=0.92, companies_precision=0.97)


def test_fifty_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2021-2022 (tests/extract_gold/blind55-56: surveillance makers on the US lists,
    servers, 科大讯飞, panels in 2022, optical modules, 信创, FPGAs, LEDs and SiC, cybersecurity,
    industrial software; developers in 2022: 万科 and 保利, 碧桂园, 龙湖, 融创, land buying, 绿城 and
    金茂, 世茂, 旭辉 and 远洋, 雅居乐 and 合景泰富, Beijing's state developers), written after every rule
    of the stop and scored once with all of them (1642f35, the extraction of 836e2c3), no rule drawn
    from them: companies F1 0.940 (P 0.969) and 0.945 (P 0.957), figures 0.996 and 1.000, tickers 1.000."""
    _assert_scores("blind55.json", GOLD / "blind55", companies=0.935, companies_precision=0.96)
    _assert_scores("blind56.json", GOLD / "blind56", companies=0.94, companies_precision=0.95)


def test_fifty_seventh_and_eighth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind57-58: growth hormone, glyphosate, ride
    hailing, vaccines, cosmetics, 京沪高铁, potash, pet food, the Spring Festival box office, aesthetics
    medicine; TCM makers, paper prices, furniture makers and 恒大's bills, gold jewellery, titanium
    dioxide, military aviation, sportswear, garment contractors, fibreglass, tyres), written at the
    start of stop 31 and scored once at 034d569, before any rule of the stop: companies F1 0.915
    (P 0.975) and 0.964 (P 0.992), figures 0.997 and 1.000, tickers 1.000; after their rules 0.971
    (P 0.985) and 0.988 (P 0.992)."""
    _assert_scores("blind57.json", GOLD / "blind57", companies=0.965, companies_precision=0.98)
    _assert_scores("blind58.json", GOLD / "blind58", companies=0.985, companies_precision=0.99)


def test_fifty_ninth_and_sixtieth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind59-60: water utilities, city gas, coal
    power, publishers, 分众传媒, scenic spots, 王府井's duty-free licence, seeds, feed, sugar; 中国移动's
    and 中国电信's A-share listings, 中国铁塔, shipbuilding, tankers and dry bulk, toll roads, 京东健康,
    联想集团's STAR withdrawal, 海尔智家's privatisation of 海尔电器, 小米's car plan, 中国广电),
    written while stop 31 began and scored once at 2b912ba, with blinds 57-58's rules: companies F1
    0.938 (P 0.990) and 0.945 (P 0.962), figures 0.999 and 1.000, tickers 1.000; after their rules
    0.977 (P 1.000) and 0.978 (P 0.985); blind59 then 0.972 (P 0.991) with blinds 61-62's rules, which
    read 深圳市国有免税商品（集团）有限公司 (a legal name its short name had swallowed) as 深免集团, the
    name other sets key (this one keys 深圳免税)."""
    _assert_scores("blind59.json", GOLD / "blind59", companies=0.97, companies_precision=0.985)
    _assert_scores("blind60.json", GOLD / "blind60", companies=0.97, companies_precision=0.98)


def test_sixty_first_and_second_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind61-62: orthopaedic procurement, blood
    products, 信达生物 at the FDA, drug distributors, TCM granules, API makers, gene sequencing,
    百济神州's STAR listing, 微创's spin-offs, private hospitals; 奈雪的茶 and 喜茶, 瑞幸, 孩子王,
    used cars, small appliances, home textiles, camping, 博士眼镜, e-sports, bike sharing), written
    during stop 31 and scored once at e3a951f, with every rule of the stop to blinds 59-60's:
    companies F1 0.932 (P 0.965) and 0.891 (P 0.953), figures 0.996 and 0.998, tickers 1.000 and
    0.977; after their rules 0.975 (P 0.983) and 0.958 (P 0.983)."""
    _assert_scores("blind61.json", GOLD / "blind61", companies=0.97, companies_precision=0.98)
    _assert_scores("blind62.json", GOLD / "blind62", companies=0.955, companies_precision=0.98, tickers=0.97)


def test_sixty_third_and_fourth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind63-64: medical gloves, the carbon market,
    polyester filament, separators and electrolytes, sodium-ion cells, PCBs, MLCCs, smart meters,
    photoresists, steel structures; Universal Beijing, luxury groups, pharmacy chains, clear aligners,
    lab-grown diamonds, car dealers, 安克创新 and SHEIN, Olympic sponsors, carmakers' masks, hotel
    franchisers), written last in stop 31 and scored once at 48a754f, with every rule of the stop:
    companies F1 0.911 (P 0.944) and 0.926 (P 0.955), figures 0.999 and 0.996, tickers 1.000; after
    their rules 0.922 (P 0.960) and 0.944 (P 0.984)."""
    _assert_scores("blind63.json", GOLD / "blind63", companies=0.92, companies_precision=0.955)
    _assert_scores("blind64.json", GOLD / "blind64", companies=0.94, companies_precision=0.98)


def test_sixty_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2021-2022 (tests/extract_gold/blind65-66: fluorochemicals, carbon fibre,
    titanium, rare-earth magnets, gold miners, tungsten and molybdenum, nickel in Indonesia, zircon,
    phosphates, lead and zinc; data centres, SaaS, cloud vendors, CDN, online travel, 哔哩哔哩 and 知乎's
    listings, 得物, Keep, digital collectibles), written at the end of stop 31 and scored once at
    7a1e947, with every rule and change of the stop, no rule drawn from them: companies F1 0.919
    (P 0.971) and 0.885 (P 0.955), figures 0.998 and 0.991, tickers 1.000. (blind66's writer put in
    eleven fictional firms where the brief asked for two to four.) Floors at their scores after stop
    32's rules, which began with blind65's glossed foreign names: 0.960 and 0.891."""
    _assert_scores("blind65.json", GOLD / "blind65", companies=0.955, companies_precision=0.985)
    _assert_scores("blind66.json", GOLD / "blind66", companies=0.885, companies_precision=0.95)


def test_sixty_seventh_and_eighth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind67-68: industrial gases, lithium-battery
    equipment, robot vacuums, 3D printing, machine tools, lasers, silver paste, sputtering targets,
    bearings, robot reducers; infant formula, eye and dental chains, bakeries, snacks, funeral
    services, futures brokers' listings, lottery stocks, watches, prepared dishes, 中公教育), written
    at the start of stop 32 and scored once at a8a86c8 (the stop's first rule in): companies F1 0.879
    (P 0.934) and 0.958 (P 0.968), figures 0.997 and 0.994, tickers 0.968 (a B-share code, 瓦轴B's
    200706) and 1.000. Floors at their scores after the stop's rules: 0.939 and 0.990."""
    _assert_scores("blind67.json", GOLD / "blind67", companies=0.935, companies_precision=0.965)
    _assert_scores("blind68.json", GOLD / "blind68", companies=0.985, companies_precision=0.985)


def test_sixty_ninth_and_seventieth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind69-70: PVC and caustic soda, soda ash,
    organic silicon, vitamins, spandex, dyes, carbon black, adipic acid and nylon 66, MMA, epoxy resin;
    惠民保, 水滴's and 慧择's listings, the credit bureaus, the pension wealth-management pilot,
    brokers' snowball products, 重庆蚂蚁消费金融, 度小满, 微保, consumer-finance firms), written during
    stop 32 and scored once at 547d8fb (every rule of the stop to then): companies F1 0.943 (P 0.968)
    and 0.840 (P 0.883), figures 0.998 and 0.996, tickers 1.000 and 1.000. Floors at their scores after
    the stop's rules: 0.985 and 0.946."""
    _assert_scores("blind69.json", GOLD / "blind69", companies=0.98, companies_precision=0.985)
    _assert_scores("blind70.json", GOLD / "blind70", companies=0.94, companies_precision=0.96)


def test_seventy_first_and_second_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind71-72: 大秦铁路, 普洛斯 and the first REITs,
    中国外运, chemical logistics, 嘉友国际, 东航物流's IPO, 中储股份, cold chain, 中欧班列, 满帮 and
    货拉拉; 阅文's contract row, 芒果超媒, free web fiction, 微博's Hong Kong listing, 小红书, live
    streaming, drama makers, 荔枝, 新浪's take-private, 搜狗), written last in stop 32 and scored once at
    b714d0f, with every rule of the stop to then: companies F1 0.891 (P 0.936) and 0.930 (P 0.961),
    figures 0.995 and 0.998, tickers 1.000 and 1.000 (after their rules, afb866d: 0.954 and 0.968)."""
    _assert_scores("blind71.json", GOLD / "blind71", companies=0.95, companies_precision=0.955)
    _assert_scores("blind72.json", GOLD / "blind72", companies=0.965, companies_precision=0.97)


def test_seventy_third_and_fourth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind73-74: IVD makers, glucose meters, the
    Philips ventilator recall, implantable lenses, dialysis, aortic stents, endoscopy, rehabilitation
    equipment, dental-implant procurement, imaging AI; 拼多多, 唯品会, Double 11 and 618, 抖音 and 快手's
    e-commerce, 蘑菇街 and 寺库, 云集, 达达, instant retail, front-warehouse grocers), written in
    stop 32 and scored once at a015357, with every rule of the stop to then: companies F1 0.899 (P 0.944)
    and 0.951 (P 0.987), figures 0.996 and 0.996, tickers 1.000 and 1.000 (after their rules, d1c3430:
    0.979 and 0.970)."""
    _assert_scores("blind73.json", GOLD / "blind73", companies=0.975, companies_precision=0.995)
    _assert_scores("blind74.json", GOLD / "blind74", companies=0.965, companies_precision=0.985)


def test_seventy_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind75-76: industrial automation, machine vision,
    forklifts, elevators, compressors, motors, transformers, test instruments, connectors, MEMS sensors;
    TWS earphones, smartwatches, projectors, drones, portable power stations, electric toothbrushes,
    smart locks, 九号公司, e-readers, gaming phones), written in stop 32 and scored once at 4bb9262,
    with every rule of the stop to then: companies F1 0.939 (P 0.958) and 0.908 (P 0.969), figures 0.991
    and 0.992, tickers 1.000 and 0.974 (after their rules, the kind word 厂商 read whole and the brands
    and foreign firms they named: 0.980 and 0.968)."""
    _assert_scores("blind75.json", GOLD / "blind75", companies=0.975, companies_precision=0.975, figures=0.99,
                   figures_precision=0.99)
    _assert_scores("blind76.json", GOLD / "blind76", companies=0.965, companies_precision=0.97, figures=0.99,
                   figures_precision=0.985, tickers=0.97)


def test_seventy_seventh_and_eighth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind77-78: 金龙鱼, soybean crushers, corn
    processors, yeast, sweeteners, plant-based meat, oat milk, flour mills, edible fungi, vinegar and soy
    sauce; silicon wafers, electronic gases, CMP, wet chemicals, quartz, photomasks, ALD, packaging
    substrates, silicon carbide, the national chip fund), written last in stop 32 and scored once at
    558d292, with every rule of the stop, no rule drawn from them: companies F1 0.957 (P 0.990) and
    0.860 (P 0.921), figures 0.997 and 0.995, tickers 1.000 and 1.000."""
    _assert_scores("blind77.json", GOLD / "blind77", companies=0.96, companies_precision=0.995)  # stop 33's rules
    _assert_scores("blind78.json", GOLD / "blind78", companies=0.935, companies_precision=0.98)


def test_seventy_ninth_and_eightieth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind79-80: lidar makers and their SPACs, 禾赛's
    rounds, robotaxi permits, 图森未来, 德赛西威 and 经纬恒润, HD maps and V2X, Mobileye and driving chips,
    文远知行, lidar in production cars; aluminium: Yunnan's power cuts, one-piece die casting, 天山铝业 and
    明泰铝业, the LME record, 中国宏桥 and 魏桥, recycled aluminium, 中国铝业 and 中铝集团, battery foil,
    Guinea's coup and bauxite, 南山铝业), written in stop 33 and scored once at 8211596, with the stop's
    first rules (blinds 77-78's and the names as written): companies F1 0.925 (P 0.938) and 0.929
    (P 0.970), figures 0.997 and 0.997, tickers 1.000 and 1.000."""
    _assert_scores("blind79.json", GOLD / "blind79", companies=0.94, companies_precision=0.975)  # their rules in
    _assert_scores("blind80.json", GOLD / "blind80", companies=0.94, companies_precision=0.985)



def test_eighty_first_and_second_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind81-82: auditors and law firms — 瑞华's clients,
    正中珠江 and 康美, audit-firm switches, 安永华明 and 瑞幸, audit fees, 中国华融 and 德勤华永, Hong Kong
    auditors' resignations, IPO sponsors' and lawyers' fees, the 康美 class action; environmental services —
    waste-to-energy subsidies and results, sanitation contracts, hazardous and medical waste, 万物新生 and
    phone recycling, water utilities, flue-gas treatment, the first REITs, battery recycling), written in
    stop 33 and scored once at ecc5f55, with the rules of blinds 77-80: companies F1 0.924 (P 0.967) and
    0.946 (P 0.963), figures 0.992 and 0.997, tickers 1.000 and 1.000."""
    _assert_scores("blind81.json", GOLD / "blind81", companies=0.955, companies_precision=0.965)  # their rules in
    _assert_scores("blind82.json", GOLD / "blind82", companies=0.98, companies_precision=0.975)


def test_eighty_third_and_fourth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind83-84: trust companies — 安信信托's
    restructuring, 四川信托's halted products, 新华信托's bankruptcy, 中国华融 and 华融信托, 五矿资本's half year,
    the listed trust platforms, the big trusts' rankings, family trusts, the cut of 融资类信托, trusts' losses;
    video games — the minors' limits, Hong Kong-listed game firms, import licences, 腾讯 and 网易's quarter,
    A-share publishers, 原神 and 米哈游, Shanghai's private studios, licences resumed, overseas publishing),
    written in stop 33 and scored once at e8498b7, with the rules of blinds 77-82: companies F1 0.922
    (P 0.913) and 0.939 (P 0.969), figures 1.000 and 0.998, tickers 1.000 and 1.000."""
    _assert_scores("blind83.json", GOLD / "blind83", companies=0.975, companies_precision=0.975)  # their rules in
    _assert_scores("blind84.json", GOLD / "blind84", companies=0.955, companies_precision=0.985)


def test_eighty_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind85-86: aquaculture and seafood — 獐子岛's
    penalty, fish feed, 天马科技's eels, the salmon scare, aquaculture stocks' half year, 百洋股份's tilapia,
    the summer fishing ban, the frozen-cod finding, 国联水产 and Ecuadorian shrimp, the Yangtze fishing ban;
    ports and airports — 上海机场's duty-free agreement, the 盐田 closure, port rankings, port automation,
    airports' half years, 首都机场股份, 美兰机场's phase II, ports' half year, 白云机场, 中远海运港口), written in
    stop 33 and scored once at 76312b0, with every rule of the stop to then and its 527 foreign firms:
    companies F1 0.949 (P 0.962) and 0.890 (P 0.964), figures 0.993 and 0.998, tickers 1.000 and 1.000."""
    _assert_scores("blind85.json", GOLD / "blind85", companies=0.96, companies_precision=0.96)  # their rules in
    _assert_scores("blind86.json", GOLD / "blind86", companies=0.975, companies_precision=0.985)


def test_eighty_seventh_and_eighth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind87-88: toys and stationery — 晨光文具's year,
    the double reduction and stationery, 泡泡玛特's half year, the global toy makers, A-share toy makers,
    Shanghai's blind-box rules, TOP TOY, 澄海's exports, 泡泡玛特's listing, 齐心集团 and office supplies;
    building materials — waterproofing, coatings, pipes, ceramics, plasterboard, 恒大's bills, bad-debt
    provisions), written in stop 33 and scored once at b5f50f1, with every rule of the stop to then: companies
    F1 0.949 (P 1.000) and 0.926 (P 0.935), figures 1.000 and 1.000, tickers 1.000 and 1.000; rules drawn
    from them after (0.994 and 0.968)."""
    _assert_scores("blind87.json", GOLD / "blind87", companies=0.99, companies_precision=0.995)  # their rules in
    _assert_scores("blind88.json", GOLD / "blind88", companies=0.965, companies_precision=0.965)


def test_eighty_ninth_and_ninetieth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind89-90: beef, mutton and cattle — 伊赛牛肉's IPO,
    Brazil's BSE halt, Australia's suspended plants, US cattle futures, dairy herds' half year, 天康生物 and
    新希望, a mutton firm's round, Argentina's export halt, 2022 prices; machinery rental and aerial
    platforms — 浙江鼎力, the US duties, 华铁应急, 宏信建发, Terex and Oshkosh, excavators, 恒立液压, Hunan's
    platform makers, 中联重科 and 徐工机械, the 庞源 index), written in stop 33 and scored once at 5d2be76,
    with every rule of the stop to then: companies F1 0.932 (P 0.974) and 0.895 (P 0.951), figures 0.998
    and 0.995, tickers 1.000 and 1.000."""
    _assert_scores("blind89.json", GOLD / "blind89", companies=0.965, companies_precision=0.985)  # their rules in
    _assert_scores("blind90.json", GOLD / "blind90", companies=0.975, companies_precision=0.975)


def test_ninety_first_and_second_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind91-92: Hong Kong developers and landlords — mall
    rent relief, the 中环新海滨 tender, office vacancy, 会德丰's privatisation, landlords' 2021 results, the
    Northern Metropolis, mainland developers' Hong Kong sites, flexible offices, 领展's year, 新鸿基地产's year;
    packaging — paper packaging's 2021, metal cans, cigarette packs and liquor boxes, the US can shortage,
    plastic films, 农夫山泉 and PET, 奥瑞金's offer for 中粮包装, reusable delivery boxes, the iPhone 12 box,
    paper prices), written last in stop 33 and scored once at 101e83a, with every rule of the stop, no rule
    drawn from them: companies F1 0.956 (P 0.946) and 0.962 (P 0.962), figures 0.982 and 0.993, tickers
    1.000 and 0.983."""
    _assert_scores("blind91.json", GOLD / "blind91", companies=0.95, companies_precision=0.94, figures=0.98,
                   figures_precision=0.985)
    _assert_scores("blind92.json", GOLD / "blind92", companies=0.955, companies_precision=0.955, tickers=0.98)


def test_ninety_third_and_fourth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind93-94: wine — the duties on Australian wine,
    张裕, 中粮长城, 威龙, 怡园酒业, 通葡股份's rename, importers, DBR and Lafite, Ningxia's wineries; engines —
    潍柴动力 and 凯傲, 中国玉柴, 全柴动力, 康明斯 and 美驰, heavy-truck engines under China VI, 潍柴 and
    巴拉德, 云内动力, 东风商用车 and 福田康明斯, 一拖股份, marine engines), written in stop 33 and scored once
    at bc57291, with every rule of the stop to then and its review's fixes: companies F1 0.807 (P 0.941)
    and 0.766 (P 0.825), figures 1.000 and 0.998, tickers 1.000 and 0.979."""
    _assert_scores("blind93.json", GOLD / "blind93", companies=0.935, companies_precision=0.98)  # their rules in
    _assert_scores("blind94.json", GOLD / "blind94", companies=0.925, companies_precision=0.925, tickers=0.975)


def test_ninety_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind95-96: chip packaging and testing — 长电科技 and
    大基金, 通富微电 and AMD, 华天科技, 晶方科技, 甬矽电子's listing, 日月光's sale of its mainland plants,
    安靠 and 力成, chiplets, testing houses, packaging equipment; kitchen appliances — 老板电器, 华帝 and
    万和, integrated stoves, A.O.史密斯, dishwashers, 苏泊尔, property-linked demand, 方太, 海尔 and 美的,
    small appliances), written in stop 33 and scored once at b649b6e, with every rule of the stop to then:
    companies F1 0.933 (P 0.982) and 0.923 (P 0.955), figures 0.994 and 1.000, tickers 1.000 and 1.000;
    after the firms they named were added (no rule), 0.963 and 0.984."""
    _assert_scores("blind95.json", GOLD / "blind95", companies=0.96, companies_precision=0.98)  # their firms in
    _assert_scores("blind96.json", GOLD / "blind96", companies=0.98, companies_precision=0.985)


def test_ninety_seventh_and_eighth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind97-98: tea — 八马茶业's IPO filing, 天福, 安溪's
    exports, 澜沧古茶, new-style tea chains' sourcing, tea stocks' 2021, 张一元 and 吴裕泰 online, 中国茶叶,
    Pu'er prices, spring tea; oilfield services — the three US majors in 2020 and 2022, 中海油服, 杰瑞股份,
    石化油服 and 海油工程, 安东油田服务, a sector scan, private service firms, offshore drilling, the OPEC+
    cut), written last in stop 33 and scored once at cb373b3, with every rule of the stop, no rule drawn
    from them: companies F1 0.807 (P 0.960) and 0.988 (P 1.000), figures 0.994 and 0.998, tickers 0.952
    and 0.984; after stop 34's first rules (77687be), 0.971 (P 0.985) and 1.000, tickers 1.000 and 1.000."""
    _assert_scores("blind97.json", GOLD / "blind97", companies=0.965, companies_precision=0.98)  # rules drawn
    _assert_scores("blind98.json", GOLD / "blind98", companies=0.995, companies_precision=0.995)


def test_ninety_ninth_to_hundred_and_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind99-102: cybersecurity — 奇安信's 2020, banks' and
    the state's security budgets, the Data Security Law, CrowdStrike and its peers, a Q3 2021 scan, 安恒信息
    and 美亚柏科, 中国移动 and 启明星辰, 三六零's security arm, 亚信安全's listing, 天融信; property
    management — 新城悦服务, 碧桂园服务 and 富力物业, 世茂服务 and 融创服务 in 2022, 保利物业 and 招商积余,
    恒大物业's deposits, fee and collection rates, 华润万象生活's and 万物云's listings, 雅生活服务's buys,
    the 2022 sell-off; printed circuit boards — copper and laminate prices, 鹏鼎控股, 深南电路, 兴森科技's
    substrates, Taiwanese makers, a 2021 scan, car and server boards, 东山精密, 景旺电子's convertible;
    textiles — 申洲国际 in Vietnam, 华利集团's listing, the Xinjiang cotton row, cotton prices, 鲁泰纺织,
    Nike's lost weeks, 台华新材, 伟星股份, 开润股份 and 嘉乐, a 2021 scan), written in stop 34 and scored
    once at c481f82, with the rules drawn from blinds 97-98: companies F1 0.960 (P 0.977), 0.929 (0.958),
    0.990 (1.000) and 0.937 (0.960); figures 0.998, 0.996, 0.998 and 0.992; tickers 1.000 in all four."""
    _assert_scores("blind99.json", GOLD / "blind99", companies=0.955, companies_precision=0.975)
    _assert_scores("blind100.json", GOLD / "blind100", companies=0.925, companies_precision=0.955)
    _assert_scores("blind101.json", GOLD / "blind101", companies=0.985, companies_precision=0.995)
    _assert_scores("blind102.json", GOLD / "blind102", companies=0.935, companies_precision=0.955,
                   figures_precision=0.98)


def test_hundred_and_third_and_fourth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind103-104: phosphates and fertilizers — the 2021
    export inspections, phosphate rock prices, 云天化 湖北宜化 and 兴发集团's half year, Mosaic and Nutrien,
    新洋丰 史丹利 and 芭田股份, 三泰控股 renamed 川发龙蟒, the iron-phosphate rush, 史丹利's project,
    兴发集团's 2021, 中化化肥 and the potash contract; recruitment and vocational education — BOSS直聘's
    review, its Nasdaq and Hong Kong listings, 中公教育's slump, flexible staffing, 中国东方教育, graduates,
    前程无忧's buyout, 猎聘's 2021, 粉笔's filing), written in stop 34 and scored once at 7388bbe, with
    the rules drawn from blinds 97-102: companies F1 0.983 (P 1.000) and 0.962 (P 0.949), figures 0.998
    and 0.995, tickers 1.000 and 1.000."""
    _assert_scores("blind103.json", GOLD / "blind103", companies=0.98, companies_precision=0.995)
    _assert_scores("blind104.json", GOLD / "blind104", companies=0.955, companies_precision=0.945)


def test_hundred_and_fifth_and_sixth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind105-106: cinemas and film — the 2020 reopening,
    the 2021 Spring Festival, 《长津湖》, 万达电影's 2020 and 2021, a 2021 scan, ticketing platforms, the
    2022 closures, 博纳影业's listing, 阿里影业's year, the 2020 National Day; chip design software and IP
    — 华大九天's, 广立微's and 国芯科技's listings, Mentor and the 2020 export rules, 芯原股份's 2021, EDA
    start-ups' rounds, the 2022 GAAFET ban, 芯动科技's GPU, 概伦电子's listing, ARM China), written in
    stop 34 and scored once at 9869be3, with the rules drawn from blinds 97-104: companies F1 0.902
    (P 0.922) and 0.917 (P 0.961), figures 1.000 and 0.993, tickers 1.000 and 1.000."""
    _assert_scores("blind105.json", GOLD / "blind105", companies=0.895, companies_precision=0.915)
    _assert_scores("blind106.json", GOLD / "blind106", companies=0.91, companies_precision=0.955)


def test_hundred_and_seventh_and_eighth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind107-108: uranium and nuclear fuel — the 2020
    supply cuts, the Sprott trust's buying, 中广核矿业's 2021, the operators' fuel needs, 中核集团's mines
    abroad, Husab, the 2022 price high, the Kazakh unrest, Cameco's restart, 中核国际's half year;
    bicycles and fitness equipment — 巨大机械 and 美利达, 久祺股份's listing, the 2020 rally, 舒华体育's
    listing, 英派斯's half year, 金史密斯's round, Peloton's slump, the home-fitness boom, 小米's ecosystem
    makers, e-bike exports and freight), written in stop 34 and scored once at b6abd84, with the rules
    drawn from blinds 97-106: companies F1 0.920 (P 0.977) and 0.936 (P 0.973), figures 0.988 and 0.997,
    tickers 1.000 and 0.917."""
    _assert_scores("blind107.json", GOLD / "blind107", companies=0.915, companies_precision=0.97,
                   figures=0.985, figures_precision=0.985)
    _assert_scores("blind108.json", GOLD / "blind108", companies=0.93, companies_precision=0.97, tickers=0.91)


def test_hundred_and_ninth_and_tenth_blind_sets_of_articles_written_for_them():
    """Twenty articles of 2020-2022 (tests/extract_gold/blind109-110: advertising and marketing agencies —
    蓝色光标's 2020, 天下秀's half year, 分众传媒's 2021, WPP 电通 and 阳狮 in China, the streamer tax case and
    MCN agencies, the 2022 ad slowdown, lift advertising, 华扬联众's change of control, a 2021 scan, the
    2021 ad-spending data; tissue paper and hygiene products — 维达国际's half year, pulp prices, three
    listings, sanitary-napkin brands, 全棉时代's apology, 可靠股份's listing, 恒安国际's half year,
    中顺洁柔's third quarter, baby diapers), written in stop 34 and scored once at df96a38, with the rules
    drawn from blinds 97-108: companies F1 0.950 (P 0.977) and 0.920 (P 0.952), figures 0.997 and 1.000,
    tickers 1.000 and 1.000."""
    _assert_scores("blind109.json", GOLD / "blind109", companies=0.945, companies_precision=0.97)
    _assert_scores("blind110.json", GOLD / "blind110", companies=0.915, companies_precision=0.945)


def test_hundred_and_eleventh_to_fourteenth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind111-114: bathroom fittings and water purifiers
    — 碧水源's purifiers, the 2020 market, 海尔's water arm, smart toilets, 恒大's bills, a 2022 scan,
    prefabricated bathrooms, TOTO and 科勒, 箭牌家居's listing, the 2022 slowdown; musical instruments —
    珠江钢琴, 海伦钢琴, 雅马哈 and 卡瓦依, Steinway, 美得理, 奥飞's baby instruments, instrument
    e-commerce, music-practice firms, the double reduction, Fender; winter sports — 安踏 and Amer, the
    concept stocks, 长白山, 万科's and 融创's ski resorts, 北京控股, 凯撒旅业, ski gear, 谷爱凌's
    sponsors, the partners' shares; port machinery — 振华重工, 华东重机, 润邦股份, 科尼 and 卡哥特科, steel
    costs, 中远海运港口's terminals, crane exports, 三一国际, 徐工机械, 利勃海尔), written in stop 34 and
    scored once at 53b7955, with the rules drawn from blinds 97-110: companies F1 0.930 (P 0.969), 0.865
    (P 0.974), 0.932 (P 0.953) and 0.904 (P 0.952); figures 0.997, 0.989, 0.991 and 0.992; tickers 1.000
    in all four."""
    _assert_scores("blind111.json", GOLD / "blind111", companies=0.925, companies_precision=0.965)
    _assert_scores("blind112.json", GOLD / "blind112", companies=0.86, companies_precision=0.97,
                   figures=0.985, figures_precision=0.985)
    _assert_scores("blind113.json", GOLD / "blind113", companies=0.925, companies_precision=0.95,
                   figures=0.985)
    _assert_scores("blind114.json", GOLD / "blind114", companies=0.9, companies_precision=0.95)


def test_hundred_and_fifteenth_to_eighteenth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind115-118: eyewear — 明月镜片's listing, 丹阳's
    lens makers, EssilorLuxottica, 蔡司 in China, 宝岛眼镜's filing, 博士眼镜, myopia-control lenses,
    欧普康视, contact lenses and 博士伦, the myopia policy; electricity meters — 威胜信息's listing, chip
    shortages, State Grid's tender, 三星医疗, 林洋能源, 国电南瑞, 海兴电力 abroad, 炬华科技, 中国电气装备,
    南方电网's tender; wood flooring and panels — 大亚圣象, 丰林集团, 菲林格尔, 大自然家居, timber costs,
    the formaldehyde grades, 兔宝宝, 久盛地板's filing, 千年舟's prospectus, 爱格; coal-mining machinery
    — 郑煤机 and its parts arms, the 2021 coal-price orders, 天玛智控, Caterpillar and Komatsu, 三一国际,
    intelligent mines, 山能重装, 5G mines, 创力集团), written last in stop 34 and scored once at faa2234,
    with every rule of the stop; no rule drawn from them: companies F1 0.930 (P 0.988), 0.948 (P 0.935),
    0.963 (P 1.000) and 0.930 (P 0.969); figures 0.989, 0.988, 0.995 and 0.991; tickers 1.000 in all
    four."""
    _assert_scores("blind115.json", GOLD / "blind115", companies=0.925, companies_precision=0.985,
                   figures=0.985, figures_precision=0.985)
    _assert_scores("blind116.json", GOLD / "blind116", companies=0.945, companies_precision=0.93,
                   figures=0.985, figures_precision=0.985)
    _assert_scores("blind117.json", GOLD / "blind117", companies=0.96, companies_precision=0.995)
    _assert_scores("blind118.json", GOLD / "blind118", companies=0.925, companies_precision=0.965)


def test_hundred_and_nineteenth_to_twenty_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind119-122: industrial robots and reducers —
    埃斯顿, 汇川技术's robots, 埃夫特's listing, 新松's loss, 绿的谐波's listing, the RV reducer shortage,
    Fanuc ABB and KUKA, Harmonic Drive and Nabtesco, collaborative robots, 2021 output; beverages —
    农夫山泉's listing, sugar-free tea, PET and sugar costs, 康师傅 and 统一, Coca-Cola and PepsiCo's
    bottlers, 香飘飘 and 李子园, 东鹏饮料's listing, 元气森林's round, plant-protein drinks, 华润饮料;
    industrial software — 中望软件's listing, 宝信软件, 西门子 and 能科科技, 鼎捷软件, Autodesk, 索为系统,
    the 2022 localisation, 用友, the MATLAB suspension, 达索 and PTC; power tools — 创科实业, 巨星科技,
    泉峰控股, 格力博, 大叶股份, 东成, Stanley Black & Decker, tool cells, Home Depot and Lowe's, the 2022
    destocking), written in stop 34 and scored once at 1443755, with every rule of the stop to then:
    companies F1 0.920 (P 0.940), 0.951 (P 0.942), 0.940 (P 0.953) and 0.930 (P 0.989); figures 0.996,
    0.991, 0.998 and 0.992; tickers 1.000, 1.000, 1.000 and 0.978."""
    _assert_scores("blind119.json", GOLD / "blind119", companies=0.915, companies_precision=0.935)
    _assert_scores("blind120.json", GOLD / "blind120", companies=0.945, companies_precision=0.935,
                   figures=0.985)
    _assert_scores("blind121.json", GOLD / "blind121", companies=0.935, companies_precision=0.95)
    _assert_scores("blind122.json", GOLD / "blind122", companies=0.925, companies_precision=0.985,
                   tickers=0.97)


def test_hundred_and_twenty_third_to_sixth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind123-126: sugar — 中粮糖业, 南宁糖业, syrup
    imports, 粤桂股份, Guangxi's crushing season, the 2020 futures crash, Raízen's listing, Thailand's crop,
    the end of the import safeguard, sugar-free drinks; hydropower — 长江电力, 华能水电, 国投电力, 两河口,
    桂冠电力, 白鹤滩, 乌东德, the 2022 Sichuan drought, 长江电力 buying 云川公司, tariffs; lead-acid and
    e-bike batteries — 天能股份's listing, lead prices, 雄韬股份, 超威动力, the e-bike standard, lead
    recycling, 骆驼股份, 南都电源, 理士国际, 星恒电源; liquor distributors — 华致酒行, 京东酒世界 and
    酒仙网, the 2022 destocking, 茅台's distributor rules, 五粮液's reform, 泸州老窖's dealers, 1919,
    百川名品, wine retail, 美团's liquor delivery), written last in stop 34 and scored once at 56fb3a8,
    with every rule of the stop; no rule drawn from them: companies F1 0.892 (P 0.935), 0.912 (P 0.946),
    0.949 (P 1.000) and 0.909 (P 0.972); figures 0.961, 0.988, 0.995 and 0.991; tickers 1.000 in all
    four."""
    _assert_scores("blind123.json", GOLD / "blind123", companies=0.885, companies_precision=0.93,
                   figures=0.955, figures_precision=0.985)
    _assert_scores("blind124.json", GOLD / "blind124", companies=0.905, companies_precision=0.94,
                   figures=0.985)
    _assert_scores("blind125.json", GOLD / "blind125", companies=0.945, companies_precision=0.995)
    _assert_scores("blind126.json", GOLD / "blind126", companies=0.905, companies_precision=0.97)


def test_hundred_and_twenty_seventh_to_thirtieth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind127-130: tunnel boring machines and metro
    building — 中铁工业, 铁建重工's listing, 中交天和, Herrenknecht, 中国中铁 and 中国铁建's orders, metro
    approvals, 隧道股份, 宏润建设, shield-machine exports, 2022's slowdown; animal vaccines — 生物股份,
    中牧股份, 瑞普生物, 普莱柯, 科前生物's listing, swine-fever vaccine trials, Zoetis and Boehringer,
    海利生物, pet vaccines, the 2021 procurement change; stainless steel and nickel pig iron — 青山控股,
    太钢不锈, 甬金股份, 德龙镍业, 北部湾新材料, 宝钢德盛, Indonesian NPI, the 2022 nickel squeeze, 久立特材,
    抚顺特钢; footwear, bags and luggage — 百丽国际, 新秀丽, 红蜻蜓, 奥康国际, 天创时尚, 华利集团 and
    裕元集团, 安踏's shoes, 报喜鸟, 比音勒芬, travel goods after COVID), written in stop 35 and scored once
    at b2ab16e, with every rule to then: companies F1 0.863 (P 0.938), 0.904 (P 0.934), 0.894 (P 0.977)
    and 0.972 (P 0.972); figures 0.989, 1.000, 0.996 and 0.996; tickers 1.000 in all four."""
    _assert_scores("blind127.json", GOLD / "blind127", companies=0.86, companies_precision=0.935,
                   figures=0.985)
    _assert_scores("blind128.json", GOLD / "blind128", companies=0.90, companies_precision=0.93)
    _assert_scores("blind129.json", GOLD / "blind129", companies=0.89, companies_precision=0.975)
    _assert_scores("blind130.json", GOLD / "blind130", companies=0.97, companies_precision=0.97)


def test_hundred_and_thirty_first_to_fourth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind131-134: civil explosives — 易普力 into
    南岭民爆, 广东宏大, 雪峰科技, 江南化工 and 北方特能, 保利联合, 国泰集团, 壶化股份's listing, the 2021 plan,
    blasting abroad, ammonium-nitrate prices; pharmaceutical glass — 山东药玻, vaccine vials, 华兰股份's
    listing, 正川股份, 力诺特玻's listing, 康宁 and 肖特, 凯盛君恒, borosilicate tubing, 双峰格雷斯海姆, the
    consistency rule; lithium-battery copper foil — copper's 2021 record, 铜冠铜箔's and 中一科技's listings,
    SK Nexilis and 日进, a results scan, 诺德股份, 4.5-micron foil, composite foil, 超华科技, 德福科技 and
    灵宝华鑫; wind castings, forgings and bearings — the 2020 rush, 日月股份, 金雷股份 and 通裕重工, 新强联,
    恒润股份, offshore in 2021, 广大特材, a results scan, the 2022 price war, 天顺风能), written in stop 35
    and scored once at 760ebab, with every rule to then: companies F1 0.980 (P 0.973), 0.835 (P 0.964),
    0.979 (P 0.990) and 0.946 (P 0.970); figures 0.997, 0.988, 0.998 and 1.000; tickers 1.000 in all four."""
    _assert_scores("blind131.json", GOLD / "blind131", companies=0.975, companies_precision=0.97)
    _assert_scores("blind132.json", GOLD / "blind132", companies=0.83, companies_precision=0.96,
                   figures=0.985, figures_precision=0.98)
    _assert_scores("blind133.json", GOLD / "blind133", companies=0.975, companies_precision=0.985)
    _assert_scores("blind134.json", GOLD / "blind134", companies=0.945, companies_precision=0.97)


def test_hundred_and_thirty_fifth_to_eighth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind135-138: learning hardware — 步步高 and 优学派,
    the 双11 price war, 网易有道's pen, 小度, 视源股份 and 希沃, 鸿合科技, 读书郎's listing, 作业帮 and 猿辅导,
    科大讯飞's tablet, the double reduction; graphite anodes — 贝特瑞 on the Beijing exchange, 尚太科技's
    listing, Korean buyers, 杉杉股份's GDR, needle coke, 翔丰华's listing, 璞泰来, 中科电气, graphitization in
    Inner Mongolia, silicon-carbon anodes; central air-conditioning and compressors — the 2020 market,
    海信日立 and 三电, 三菱电机 and 大金, 格力 and 盾安环境, 三花智控, 海立股份, 冰轮环境, Europe's heat pumps,
    copper, heat-pump stocks; specialty paper — 仙鹤股份, pulp prices, 凯恩股份, 太阳纸业, 五洲特纸, 民丰特纸,
    冠豪高新 and 粤华包B, 华旺科技's listing, 齐峰新材, cigarette and décor paper), written in stop 35 and
    scored once at 2ddceb5, with every rule to then: companies F1 0.918 (P 0.988), 0.977 (P 0.991), 0.831
    (P 0.932) and 0.922 (P 0.951); figures 0.997, 0.998, 0.997 and 1.000; tickers 1.000 in all four."""
    _assert_scores("blind135.json", GOLD / "blind135", companies=0.915, companies_precision=0.985)
    _assert_scores("blind136.json", GOLD / "blind136", companies=0.975, companies_precision=0.99)
    _assert_scores("blind137.json", GOLD / "blind137", companies=0.83, companies_precision=0.93)
    _assert_scores("blind138.json", GOLD / "blind138", companies=0.92, companies_precision=0.95)


def test_hundred_and_thirty_ninth_to_forty_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind139-142: bus and coach makers — 安凯客车's loss,
    金龙汽车's three makers, 宇通客车, 比亚迪's buses abroad, a results scan, the subsidy cut, hydrogen buses at
    the Games, exports to Chile and the Gulf, 中通客车, 亚星客车; rail signalling — 交控科技, 佳都科技, 辉煌科技,
    和利时, a 2022 scan, 思维列控, CBTC in Shanghai and 卡斯柯, 华为's rail cloud, 众合科技, 中国通号; gas
    pipelines and distribution — 国家管网's purchases and first year, 昆仑能源's sale, 新奥股份 and 新奥能源,
    广汇能源, 深圳燃气, 中国燃气 and 华润燃气, the 2021 LNG spike, tariff rules, 北京燃气; hyaluronic acid and
    cosmetic ingredients — 华熙生物, 锦波生物, the 2022 price slide, 鲁商发展 to 福瑞达, 阜丰集团, 润百颜 and
    夸迪, 巨子生物 and 创健医疗, 敷尔佳, the food-grade approval), written in stop 35 and scored once at
    1525388, with every rule to then and the dictionary's 592 new firms: companies F1 0.893 (P 0.938), 0.957
    (P 0.963), 0.980 (P 1.000) and 0.904 (P 0.897); figures 0.998, 0.997, 0.995 and 0.998; tickers 1.000."""
    _assert_scores("blind139.json", GOLD / "blind139", companies=0.89, companies_precision=0.935)
    _assert_scores("blind140.json", GOLD / "blind140", companies=0.955, companies_precision=0.96)
    _assert_scores("blind141.json", GOLD / "blind141", companies=0.975, companies_precision=0.995)
    _assert_scores("blind142.json", GOLD / "blind142", companies=0.90, companies_precision=0.895)


def test_hundred_and_forty_third_to_sixth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind143-146: coke — 山西焦煤's purchases, 美锦能源 and
    hydrogen, 金能科技, 开滦股份, 宝丰能源's coke arm, 陕西黑猫, the 2021 price rounds, 旭阳集团, coke-oven
    hydrogen at the Games, the 2022 losses; medical-device distribution — 国药控股 and 国控器械, 上海医药, 九州通,
    the stent procurement and 嘉事堂, 润达医疗, hospital logistics, 美康生物, the 两票制, the joint procurement,
    SPD contracts; cross-border e-commerce — 吉宏股份, 安克创新, 华凯易佰, 跨境通, the Amazon bans, overseas
    warehouses, 万邑通, 致欧科技 and 赛维时代, Temu and SHEIN, freight rates; landscape and ecological builders
    — 东方园林 and 朝阳国资, 岭南股份, 文科园林, a results scan, 铁汉生态 to 节能铁汉, PPP debts, 农尚环境,
    美尚生态, 蒙草生态, state takeovers), written in stop 35 and scored once at 4e3b14c, with every rule to
    then: companies F1 0.935 (P 1.000), 0.956 (P 0.978), 0.955 (P 0.980) and 0.904 (P 0.955); figures 0.999,
    0.996, 0.997 and 0.998; tickers 1.000 in all four."""
    _assert_scores("blind143.json", GOLD / "blind143", companies=0.93, companies_precision=0.995)
    _assert_scores("blind144.json", GOLD / "blind144", companies=0.955, companies_precision=0.975)
    _assert_scores("blind145.json", GOLD / "blind145", companies=0.95, companies_precision=0.975)
    _assert_scores("blind146.json", GOLD / "blind146", companies=0.90, companies_precision=0.955)


def test_hundred_and_forty_seventh_to_fiftieth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind147-150: salt — 雪天盐业, 苏盐井神, 中盐化工, Hubei's
    well salt, industrial salt, five years of the reform, Sichuan's power cuts, 广东盐业, low-sodium salt,
    兰太实业; car seats and interiors — 继峰股份 and Grammer, 岱美股份, 华域汽车 and 延锋, 佛吉亚 and 海拉, 李尔,
    拓普集团, 延锋国际, 新泉股份, seat-frame start-ups, EV makers' own seats; consumer-electronics batteries
    — laptop packs, 欣旺达, 紫建电子's listing, the 2022 slump, 德赛电池, 珠海冠宇, ATL, 豪鹏科技, 亿纬锂能, TWS
    cells; computer-vision AI — 商汤 and the US list, its listing, 旷视, 依图's withdrawal, 云从科技, 格灵深瞳,
    海康威视 and 大华股份, city brains, face-recognition rules, 2022's losses), written last in stop 35 and
    scored once at 64a0f1f, with every rule of the stop; no rule drawn from them: companies F1 0.898 (P 0.904),
    0.900 (P 0.937), 0.942 (P 0.992) and 0.996 (P 1.000); figures 0.998, 1.000, 1.000 and 1.000; tickers 1.000."""
    _assert_scores("blind147.json", GOLD / "blind147", companies=0.895, companies_precision=0.90)
    _assert_scores("blind148.json", GOLD / "blind148", companies=0.895, companies_precision=0.935)
    _assert_scores("blind149.json", GOLD / "blind149", companies=0.94, companies_precision=0.99)
    _assert_scores("blind150.json", GOLD / "blind150", companies=0.995, companies_precision=0.995)


def test_hundred_and_fifty_first_to_fifty_fourth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind151-154: optical fibre and cable — 中国移动's
    tenders, 亨通光电 and 华海通信, 长飞光纤's preforms, 康宁 住友电工 and 藤仓, the offshore-wind cables, second-tier
    makers, 烽火通信, a 2022 scan; car rental and ride-hailing — 滴滴's review, the May Day rental squeeze,
    如祺出行, the UK fuel shortage, 神州租车's buyout, compliance rates, robotaxis, 曹操出行, T3出行, 高德's
    aggregator; industrial valves, pumps and seals — 纽威股份, 大元泵业, nuclear and LNG valve orders, Emerson
    and Flowserve, a 2022 scan, 中密控股, 江苏神通, 中核科技, 利欧股份, 凯泉 and 格兰富; lubricants and car-care
    chemicals — 德联集团, 昆仑润滑, the 2021 AdBlue shortage, base oil after the war, a 2021 scan, 长城润滑油's EV
    fluids, 龙蟠科技, 统一石化, the 2021 price rounds, an EV-coolant start-up), written first in stop 36 and
    scored once at f23a6de, with every rule to then: companies F1 0.931 (P 0.947), 0.940 (P 0.953), 0.948
    (P 0.988) and 0.867 (P 0.978); figures 1.000, 0.998, 1.000 and 0.998; tickers 1.000, 0.972 (EHIC.US, the
    former code of 一嗨, given to no firm), 1.000 and 1.000."""
    _assert_scores("blind151.json", GOLD / "blind151", companies=0.93, companies_precision=0.945)
    _assert_scores("blind152.json", GOLD / "blind152", companies=0.935, companies_precision=0.95, tickers=0.97)
    _assert_scores("blind153.json", GOLD / "blind153", companies=0.945, companies_precision=0.985)
    _assert_scores("blind154.json", GOLD / "blind154", companies=0.865, companies_precision=0.975)


def test_hundred_and_fifty_fifth_to_fifty_eighth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind155-158: water utilities — the first water REIT
    and 首创环保, Hong Kong water groups' 2021, the 2021 tariff rules, 洪城环境, the Yangtze sewage upgrades, smart
    water, a 2021 scan, 兴蓉环境, 瀚蓝环境, 2020's fee relief and 重庆水务; pesticides — 扬农化工, 润丰股份's listing,
    兴发集团, Bayer and Corteva, 利尔化学 and glufosinate, 新安股份, 先正达's filing, 广信股份, 2021's price spike,
    2020's exports; maternal and baby retail — 宝宝树, stroller and car-seat exports, 爱婴室, the three-child
    policy, a 2021 scan, 好孩子国际, 孩子王's listing, Babycare, 贝因美 and the formula rules, 蜜芽; outdoor gear
    and camping — 2022's camping stocks, 浙江自然's listing, tent exports, 安踏 and Amer, a 2022 scan, 探路者,
    骆驼 and 凯乐石, a camping brand's round and 挪客, 迪卡侬, the May Day boom), written second in stop 36 and
    scored once at 64a6e8f, with every rule to then (those drawn from blinds 147-154): companies F1 0.980
    (P 0.987), 0.965 (P 0.976), 0.943 (P 0.974) and 0.937 (P 0.987); figures 0.998, 0.997, 0.998 and 0.998;
    tickers 1.000."""
    _assert_scores("blind155.json", GOLD / "blind155", companies=0.98, companies_precision=0.985)
    _assert_scores("blind156.json", GOLD / "blind156", companies=0.96, companies_precision=0.975)
    _assert_scores("blind157.json", GOLD / "blind157", companies=0.94, companies_precision=0.97)
    _assert_scores("blind158.json", GOLD / "blind158", companies=0.935, companies_precision=0.985)


def test_hundred_and_fifty_ninth_to_sixty_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind159-162: cement — 海螺水泥's 2020, coal costs, a 2022
    half-year scan, the 2021 power cuts, 华新水泥 abroad, 冀东水泥 and 金隅, 天山股份's absorption of 中国建材's units,
    塔牌集团, 上峰水泥's chip stakes, the 2022 slump; hotel chains — 锦江酒店's 2020, franchising, 2022's losses,
    华住's Hong Kong listing, 首旅 and 如家, 亚朵's listing, 君亭酒店, 格林酒店, 东呈 and 尚美, a 2021 scan; shipping
    containers — 中集集团's 2020, reefer boxes, the 2022 slump, Triton and Textainer, 胜狮货柜, 中远海发 and 佛罗伦,
    full yards, used boxes, sold-out makers, the 2020 shortage; cotton yarn — 魏桥纺织, 天虹纺织, 百隆东方,
    Vietnam's lockdown, a 2021 scan, 新野纺织, the Xinjiang ban, orders from India, 华孚时尚, 鲁泰纺织), written
    third in stop 36 and scored once at 379f89e, with every rule to then and the dictionary's new short forms
    and firms: companies F1 0.961 (P 0.951), 0.953 (P 0.964), 0.886 (P 0.963) and 0.993 (P 1.000); figures
    0.995, 0.995, 0.998 and 0.977 (spindles, 万锭, no measure of the extractor's); tickers 1.000, 0.979 (锦江's
    B share 900934.SH), 1.000 and 1.000."""
    _assert_scores("blind159.json", GOLD / "blind159", companies=0.96, companies_precision=0.95)
    _assert_scores("blind160.json", GOLD / "blind160", companies=0.95, companies_precision=0.96, tickers=0.975)
    _assert_scores("blind161.json", GOLD / "blind161", companies=0.885, companies_precision=0.96)
    _assert_scores("blind162.json", GOLD / "blind162", companies=0.99, companies_precision=0.995, figures=0.975,
                   figures_precision=0.97)


def test_hundred_and_sixty_third_to_sixty_sixth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind163-166: satellites — 中国星网's founding, 银河航天's
    launch and rounds, 长光卫星, phones that reach satellites, OneWeb and Starlink, 北斗三号, 中国卫通, 海格通信 and
    天通, satellite makers' orders, a 2022 scan; ceramic tiles and sanitary ware — 恒大's bills, 惠达卫浴, the 2022
    slump, 东鹏控股's listing, 蒙娜丽莎, 帝欧家居, 马可波罗's filing, 科达制造 in Africa, Foshan's gas, a smart-toilet
    start-up; frozen and prepared food — 安井食品, 三全食品, 龙大美食, 千味央厨's listing, 味知香, dumpling prices,
    国联水产, 盒马's dishes, the 2022 craze, a 2021 scan; industrial gases — 杭氧股份, 盈德气体, 林德 and 法液空,
    金宏气体's listing, 和远气体, 华特气体, 凯美特气 and neon, helium, on-site contracts, a 2022 scan), written fourth
    in stop 36 and scored once at 7d1a95b, with every rule to then: companies F1 0.939 (P 0.939), 0.935 (P 0.956),
    0.946 (P 0.967) and 0.946 (P 0.933); figures 0.996, 1.000, 0.998 and 0.998; tickers 1.000."""
    _assert_scores("blind163.json", GOLD / "blind163", companies=0.935, companies_precision=0.935)
    _assert_scores("blind164.json", GOLD / "blind164", companies=0.935, companies_precision=0.955)
    _assert_scores("blind165.json", GOLD / "blind165", companies=0.945, companies_precision=0.965)
    _assert_scores("blind166.json", GOLD / "blind166", companies=0.945, companies_precision=0.93)


def test_hundred_and_sixty_seventh_to_seventieth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind167-170: security printing and smart cards — 楚天龙's
    listing, 恒银科技 and ATMs, 东信和平's wallet SIM, De La Rue and 中钞, digital-RMB hardware wallets, 紫光国微's
    bank-card chips, 金邦达宝嘉, 德生科技's social-security cards, 天喻信息, a 2021 scan; elevators — 康力电梯,
    the retrofit programme, steel costs, 奥的斯's spin-off, a 2021 scan, 广日股份 and 日立电梯, 蒂升电梯's sale, a
    retrofit start-up, 快意电梯, 通力 and 迅达 in 2022; tea-drink suppliers and dairy ingredients — 佳禾食品's listing,
    dairy ingredients, 德馨食品's filing, 海融科技, 安德利's A shares, a 2021 scan, 蜜雪冰城's filing, 立高食品,
    宝立食品's listing, 恒鑫生活's cups; oil refining — the 2021 tax on blended fuel, import quotas, 恒力石化,
    a 2021 scan, 浙石化 and 荣盛石化, 盛虹炼化's start-up, 中国石化's margins, 裕龙石化, teapots in April 2020, run
    rates), written last in stop 36 and scored once at de85102, with every rule of the stop; no rule drawn from
    them: companies F1 0.921 (P 1.000), 0.939 (P 0.988), 0.946 (P 0.963) and 0.981 (P 0.987); figures 0.998,
    0.995, 1.000 and 0.998; tickers 1.000."""
    _assert_scores("blind167.json", GOLD / "blind167", companies=0.92, companies_precision=0.995)
    _assert_scores("blind168.json", GOLD / "blind168", companies=0.935, companies_precision=0.985)
    _assert_scores("blind169.json", GOLD / "blind169", companies=0.945, companies_precision=0.96)
    _assert_scores("blind170.json", GOLD / "blind170", companies=0.98, companies_precision=0.985)


def test_hundred_and_seventy_first_to_seventy_fourth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind171-174: pet food and pet hospitals — 中宠股份, 佩蒂股份's
    plants, 乖宝宠物's filing, 瑞派宠物 and 新瑞鹏, 雀巢普瑞纳 and 玛氏, 麦富迪 and 比瑞吉 on 双11, chew exports, a 2021
    scan, a cat vaccine, 波奇宠物's listing; lithium — 天齐锂业's H shares, 赣锋锂业 and Mariana, 盐湖股份's return,
    藏格矿业, 融捷股份, Pilbara's auctions, 西藏矿业 and 扎布耶, Albemarle and SQM, the 2022 price peak, a 2022 scan;
    gene sequencing — 华大基因's tests, 达安基因, 华大智造's listing, Illumina and GRAIL, a 2021 scan, 贝瑞基因,
    诺禾致源's listing, 安诺优达's filing, 燃石医学, 诺辉健康; industrial sewing machines — the 2021 boom, 杰克股份,
    标准股份, 重机 and 兄弟, 上工申贝 and Dürkopp Adler, Vietnam's lockdown, Bangladesh, 中捷资源, protective suits in
    2020, a 2021 scan), written after the review's fixes in stop 36 and scored once at 7fb5f2e, with every rule
    of the stop; no rule drawn from them: companies F1 0.947 (P 0.973), 0.952 (P 0.964), 0.961 (P 0.989) and
    0.917 (P 0.982); figures 1.000, 0.999, 0.998 and 0.992; tickers 1.000."""
    _assert_scores("blind171.json", GOLD / "blind171", companies=0.945, companies_precision=0.97)
    _assert_scores("blind172.json", GOLD / "blind172", companies=0.95, companies_precision=0.96)
    _assert_scores("blind173.json", GOLD / "blind173", companies=0.96, companies_precision=0.985)
    _assert_scores("blind174.json", GOLD / "blind174", companies=0.915, companies_precision=0.98)


def test_hundred_and_seventy_fifth_to_seventy_eighth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind175-178: photovoltaic inverters — 阳光电源's 2020, the
    IGBT shortage, Europe's rooftops in 2022, 锦浪科技, a 2022 scan, 上能电气's storage, 德业股份 and South Africa,
    华为数字能源's founding, SMA Enphase and 禾迈股份, 固德威's listing; automotive glass and sunroofs — 福耀 and
    《美国工厂》, 福耀's 2020, a 2022 scan, 信义玻璃, AGC and Sekurit, 福耀's Q1 2020, sunroof makers, dimming roofs,
    福耀's aluminium trim, panoramic roofs; medical aesthetics — 爱美客's listing and 2021, 华东医药's 伊妍仕,
    昊海生科, 朗姿股份's clinics, 新氧, botulinum toxins, the 2021 crackdown, a 2021 scan, 华东医药's 2022; fruit
    chains — 百果园's filing, 洪九果品's listing, cherries, a 2021 scan, Dole, 佳沃股份, 鑫荣懋, 钱大妈, durian,
    Zespri), written last in stop 36 and scored once at 166a513, with every rule of the stop and the
    dictionary's 656 further firms; no rule drawn from them: companies F1 0.941 (P 0.988), 0.916 (P 0.943), 0.872
    (P 0.929) and 0.947 (P 0.976); figures 1.000, 0.997, 0.997 and 0.991; tickers 1.000."""
    _assert_scores("blind175.json", GOLD / "blind175", companies=0.94, companies_precision=0.985)
    _assert_scores("blind176.json", GOLD / "blind176", companies=0.915, companies_precision=0.94)
    _assert_scores("blind177.json", GOLD / "blind177", companies=0.87, companies_precision=0.925)
    _assert_scores("blind178.json", GOLD / "blind178", companies=0.945, companies_precision=0.975)


def test_hundred_and_seventy_ninth_to_eighty_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind179-182: cobalt — 寒锐钴业, 华友钴业 in Indonesia, a
    2022 scan, Glencore's Mutanda halt, the 2021 rally, 洛阳钼业's TFM and KFM, 格林美's recycling, the 2022 fall,
    腾远钴业's listing, ERG and artisanal mining; robot vacuums — 小米's ecosystem makers, suppliers, Double 11 2022,
    Amazon and iRobot, floor washers, a 2022 scan, 科沃斯 and 添可, 石头科技's listing, 追觅's round, 云鲸's round;
    veterinary vaccines — the 2020 swine-fever vaccine rally, 科前生物's listing, 生物股份, 硕腾 and 勃林格殷格翰,
    a 2021 scan, 中牧股份, restocking, 普莱柯's cat vaccine, 瑞普生物, 海利生物; hotpot — 海底捞's closures, 颐海国际,
    a 2021 scan, the 2020 price rises, 海底捞's half and 特海国际, 小龙坎 and 大龙燚, 呷哺呷哺 and 湊湊, 巴奴's
    round, 捞王's filing, 天味食品), written in stop 37 and scored once at 2ace7c5, with the rules drawn from
    blinds 175-178: companies F1 0.942 (P 0.972), 0.939 (P 0.944), 0.982 (P 0.988) and 0.962 (P 0.974); figures
    1.000, 1.000, 0.998 and 0.998; tickers 1.000."""
    _assert_scores("blind179.json", GOLD / "blind179", companies=0.94, companies_precision=0.97)
    _assert_scores("blind180.json", GOLD / "blind180", companies=0.935, companies_precision=0.94)
    _assert_scores("blind181.json", GOLD / "blind181", companies=0.98, companies_precision=0.985)
    _assert_scores("blind182.json", GOLD / "blind182", companies=0.96, companies_precision=0.97)


def test_hundred_and_eighty_third_to_eighty_sixth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind183-186: mattresses and soft furniture — 喜临门,
    敏华控股, 顾家家居's change of control, the 2022 slump, 慕思's listing, the US anti-dumping duties and 梦百合,
    Tempur Sealy, foam costs, a 2021 scan, sleep hardware; edible mushrooms — enoki prices in 2020, 华绿生物's
    listing, 雪榕生物's 2022 half, a 2021 scan, shiitake exports, 众兴菌业, factory growing, 万辰生物, Fujian and
    Shandong growers; fisheries — 獐子岛, 好当家, 中水渔业, 开创国际, 大洋世家's filing, 国联水产 and Ecuador's
    shrimp, the high-seas fishing pause, salmon after 新发地, a 2021 scan, 国信1号; pianos and instruments — 珠江钢琴,
    the 双减 effect, guitar exports, a 2021 scan, Yamaha and Kawai, 海伦钢琴, 小叶子, 艾茉森, 琴行 chains, price
    rises), written in stop 37 and scored once at 8aa33c1, with the rules drawn from blinds 175-182: companies
    F1 0.953 (P 0.953), 0.991 (P 0.983), 0.941 (P 0.973) and 0.908 (P 0.955); figures 0.998, 0.995, 0.995 and
    0.989; tickers 1.000."""
    _assert_scores("blind183.json", GOLD / "blind183", companies=0.95, companies_precision=0.95)
    _assert_scores("blind184.json", GOLD / "blind184", companies=0.99, companies_precision=0.98)
    _assert_scores("blind185.json", GOLD / "blind185", companies=0.94, companies_precision=0.97)
    _assert_scores("blind186.json", GOLD / "blind186", companies=0.905, companies_precision=0.955, figures=0.985,
                   figures_precision=0.985)


def test_hundred_and_eighty_seventh_to_ninetieth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind187-190: wigs and hair products — 许昌's exports in
    2020, 瑞贝卡's 2020, freight in 2021, raw hair from India and Myanmar, sales to the US, a 2022 scan, Africa and
    the naira, Amazon's bans, a wig brand's round, livestreaming; stationery and office supplies — 晨光文具's 2021
    and 九木杂物社, 齐心集团, 得力, 广博股份, pens and ink, the 双减 term, a 2022 scan, state procurement, the 2020
    school term online; edible oil and rice — 金龙鱼's listing and 2021, 北大荒 and 苏垦农发, palm oil after
    Indonesia's ban, a scan, 道道全, soybean costs, 鲁花, 西王食品, packaged-oil price rises; funeral services —
    online grave-sweeping, 福寿园's 2020, the December 2022 rally, a 2022 scan with SCI, 安贤园, state and private
    operators, cremation equipment, cemetery prices, Hangzhou's free services), written in stop 37 and scored once
    at db5d9d5, with the rules drawn from blinds 175-186: companies F1 0.924 (P 0.982), 0.898 (P 1.000), 0.963
    (P 0.975) and 0.992 (P 1.000); figures 0.991, 0.996, 0.997 and 0.998; tickers 1.000."""
    _assert_scores("blind187.json", GOLD / "blind187", companies=0.92, companies_precision=0.98)
    _assert_scores("blind188.json", GOLD / "blind188", companies=0.895, companies_precision=1.0)
    _assert_scores("blind189.json", GOLD / "blind189", companies=0.96, companies_precision=0.975)
    _assert_scores("blind190.json", GOLD / "blind190", companies=0.99, companies_precision=1.0)


def test_hundred_and_ninety_first_to_ninety_fourth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind191-194: detergents — 蓝月亮's listing and 2021,
    disinfectants in 2020, surfactant costs, 立白's new name, 纳爱斯, 宝洁 and 联合利华, pods and concentrates, a
    2021 scan, a cleaning start-up; rice wine — price rises, rice costs, Shanghai and Shaoxing in 2022, a scan,
    baijiu's spillover, 会稽山's new owner, 金枫酒业, 塔牌, 古越龙山's marketing and placement; theme parks —
    Shanghai Disneyland's reopening, Universal Beijing, 华侨城A, 长隆's closure, 宋城演艺, 海昌海洋公园, 复星旅文,
    regional parks in distress, ticketing, a 2022 scan; ski resorts and winter-sports goods — 探路者, 安踏 and
    Amer, Decathlon, 万科's resorts, 融创's snow halls, indoor halls and their equipment, 亚泰 and 北大湖, ski
    lifts, a 2021 scan, ski imports), written in stop 37 and scored once at 60b8507, with every rule of the stop
    and the dictionary's 520 further firms: companies F1 0.918 (P 0.989), 0.930 (P 0.948), 0.880 (P 0.924) and
    0.987 (P 0.987); figures 0.997, 0.996, 0.998 and 0.992; tickers 1.000."""
    _assert_scores("blind191.json", GOLD / "blind191", companies=0.915, companies_precision=0.985)
    _assert_scores("blind192.json", GOLD / "blind192", companies=0.925, companies_precision=0.945)
    _assert_scores("blind193.json", GOLD / "blind193", companies=0.875, companies_precision=0.92)
    _assert_scores("blind194.json", GOLD / "blind194", companies=0.985, companies_precision=0.985)


def test_hundred_and_ninety_fifth_to_ninety_eighth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind195-198: coffee — 瑞幸's delisting and 2022 recovery,
    Manner's round, Tims中国's listing, 星巴克中国, instant coffee on Double 11, Yunnan beans, a 2021 scan, the 2021
    rounds, coffee machines; oral care — 云南白药, electric toothbrushes on Double 11, 佳洁士's prices, 高露洁,
    a 2021 scan, start-up rounds, 登康口腔's filing, 薇美姿, 参半, raw materials; eyeglasses and hearing aids —
    爱尔眼科, 明月镜片's listing, OTC hearing aids, a 2021 scan, 博士眼镜, 宝岛眼镜's parent, Warby Parker, myopia
    lenses, hearing-aid retail, 欧普康视; luggage and bags — 新秀丽's 2020, 白沟, 爱华仕, exports to the US, 平湖,
    a 2021 scan, 开润股份, a backpack brand's round, Double 11), written in stop 37 and scored once at f7201b3, with
    every rule of the stop: companies F1 0.928 (P 0.970), 0.913 (P 0.988), 0.899 (P 0.947) and 0.938 (P 0.964);
    figures 0.990, 0.991, 0.999 and 0.999; tickers 0.970 (a code given bare in prose, 以“THCH”为代码), 1.000,
    1.000 and 1.000."""
    _assert_scores("blind195.json", GOLD / "blind195", companies=0.925, companies_precision=0.965, figures=0.985,
                   figures_precision=0.985, tickers=0.965)
    _assert_scores("blind196.json", GOLD / "blind196", companies=0.91, companies_precision=0.985)
    _assert_scores("blind197.json", GOLD / "blind197", companies=0.895, companies_precision=0.945)
    _assert_scores("blind198.json", GOLD / "blind198", companies=0.935, companies_precision=0.96)


def test_hundred_and_ninety_ninth_to_two_hundred_and_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind199-202: instant noodles — 康师傅's 2020, 统一企业中国,
    今麦郎's listing talk, 白象 after 3·15, 日清食品, 自嗨锅, palm oil and flour, a 2021 scan, price rises, noodle
    brands' rounds; ice cream — 钟薛高's row, 伊利 and 蒙牛, 和路雪 and Froneri, 天冰 and 德氏, 雪糕刺客, a 2022 scan,
    cold-chain costs, new brands' rounds, 中街1946, the price-tag rule; energy and sports drinks — 东鹏饮料's listing,
    the 红牛 ruling, 香飘飘, 元气森林, 宝矿力水特 and 佳得乐, 健力宝, a 2021 scan, electrolyte water, taurine, PepsiCo
    and Celsius; fireworks — 浏阳's restart, export freight, the 2022 relaxations, 李渡 and 万载, safety checks, a
    scan, lanterns, a maker's round, 熊猫金控, raw materials), written in stop 37 and scored once at dcc85c2, with
    every rule of the stop, its review's fixes and the dictionary's 895 further firms: companies F1 0.897 (P 0.933),
    0.942 (P 0.989), 0.925 (P 0.935) and 0.937 (P 0.952); figures 0.992, 0.995, 0.996 and 1.000; tickers 1.000."""
    _assert_scores("blind199.json", GOLD / "blind199", companies=0.895, companies_precision=0.93)
    _assert_scores("blind200.json", GOLD / "blind200", companies=0.94, companies_precision=0.985)
    _assert_scores("blind201.json", GOLD / "blind201", companies=0.92, companies_precision=0.93)
    _assert_scores("blind202.json", GOLD / "blind202", companies=0.935, companies_precision=0.95)


def test_two_hundred_and_third_to_sixth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind203-206: cheese and yogurt — 蒙牛 and 妙可蓝多, a 2021
    scan, raw milk, cheese sticks, 百吉福 and 安佳, 光明乳业's yogurt, chilled channels, 伊利's cheese, 简爱 and 乐纯,
    君乐宝; bakery — 桃李面包, a 2021 scan, frozen baking, 巴比食品's listing, 达利食品, 鲍师傅 and 泸溪河, 好利来 and
    元祖, flour and butter, 盼盼食品, new Chinese bakeries; mooncakes and festive foods — Hong Kong mooncakes, 广州酒家,
    五芳斋's listing, 元祖股份, the 稻香村 case, a scan, the 500-yuan rule, zongzi, online Mid-Autumn sales, gift
    boxes; nuts and snacks — 洽洽食品, nut prices, 来伊份, 良品铺子's listing, a scan, World Bee Day, 好想你 and 百草味,
    snack brands' rounds, 三只松鼠, Double 11), written last in stop 37 and scored once at e76e05f, with every rule of
    the stop (rules from blinds 175-202, a review's fixes and the dictionary's 895 further firms), none drawn from
    them: companies F1 0.935 (P 0.969), 0.955 (P 0.955), 0.936 (P 0.988) and 0.986 (P 1.000); figures 0.997, 0.998,
    0.989 and 0.997; tickers 1.000."""
    _assert_scores("blind203.json", GOLD / "blind203", companies=0.93, companies_precision=0.965)
    _assert_scores("blind204.json", GOLD / "blind204", companies=0.95, companies_precision=0.95)
    _assert_scores("blind205.json", GOLD / "blind205", companies=0.935, companies_precision=0.985, figures=0.985,
                   figures_precision=0.98)
    _assert_scores("blind206.json", GOLD / "blind206", companies=0.985, companies_precision=1.0)


def test_two_hundred_and_seventh_to_tenth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind207-210: pickled vegetables — 涪陵榨菜's price rise and
    2020 half, the 土坑酸菜 suppliers, 鱼泉 and 吉香居, a scan, tuber prices, 乌江, 老坛酸菜, 饭扫光, a brand's round;
    chocolate and candy — New Year gift boxes, 雀巢 and 徐福记, 金丝猴, sugar and cocoa, a 2021 scan, 费列罗 and 好时,
    喔喔 and 马大姐, a start-up's round, sugar-free sweets, 德芙; cattle and beef — 科尔沁 and 大庄园, 福成股份, 首农
    and 伊赛, a brand's round, Brazil's BSE cases, a scan, dairy farms' bull calves, Spring Festival prices, 天康生物,
    西部牧业; tobacco — 中烟香港, 中国烟草's taxes, 云南中烟 and 湖南中烟, 红塔集团, cigarette prices, e-cigarette
    rules, tobacco machinery, a supply-chain scan, flavour makers, leaf supply), written last in stop 37 after
    every other set and scored once at 39b7d5d, the stop's final code, with rules drawn from blinds 175-206 and
    none from them: companies F1 0.926 (P 0.986), 0.924 (P 0.961), 0.961 (P 0.961) and 0.841 (P 0.920); figures
    1.000 in all four; tickers 1.000."""
    _assert_scores("blind207.json", GOLD / "blind207", companies=0.925, companies_precision=0.985)
    _assert_scores("blind208.json", GOLD / "blind208", companies=0.92, companies_precision=0.96)
    _assert_scores("blind209.json", GOLD / "blind209", companies=0.96, companies_precision=0.96)
    _assert_scores("blind210.json", GOLD / "blind210", companies=0.84, companies_precision=0.915)


def test_two_hundred_and_eleventh_to_fourteenth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind211-214: rare earths — 中国稀土集团's founding, the 2022
    quotas, the ministry's talks, MP Materials and Lynas, magnet makers' results, Myanmar supply, a magnet maker's
    round, recycling, 2020 exports, brokers' outlooks; couriers — the 义乌 price war, 极兔 buying 百世's business,
    monthly volumes, 京东物流's listing, a results scan, rural delivery, 顺丰's loss, a regional courier's round, 菜鸟
    and Double 11, 中通's Hong Kong listing; bond defaults — 永煤, 华晨集团's restructuring, 恒大's offshore bonds,
    紫光's plan, a 2021 default scan, 北大方正's plan, 泰禾's extension, 中国华融's loss, 蓝光's votes, rating
    downgrades; two-wheelers — 爱玛科技's listing, motorcycle sales, 雅迪's results, 小牛电动, a results scan, big
    motorcycles, a scooter start-up's round, the new standard's transition, lithium against lead-acid, 九号公司's
    CDR), written at the start of stop 38 and scored once at 850d655, stop 37's final code, none drawn from them:
    companies F1 0.976 (P 0.990), 1.000 (P 1.000), 0.960 (P 0.976) and 0.904 (P 0.938); figures 1.000, 1.000, 0.998
    and 1.000; tickers 1.000."""
    _assert_scores("blind211.json", GOLD / "blind211", companies=0.975, companies_precision=0.99)
    _assert_scores("blind212.json", GOLD / "blind212", companies=0.995, companies_precision=0.995)
    _assert_scores("blind213.json", GOLD / "blind213", companies=0.96, companies_precision=0.975, figures=0.995)
    _assert_scores("blind214.json", GOLD / "blind214", companies=0.90, companies_precision=0.935)


def test_two_hundred_and_fifteenth_to_eighteenth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind215-218: rail equipment — 时代电气's listing, 中国中车's
    half, railway investment, Alstom and Bombardier, a 2021 scan, metro tenders, 国铁集团's train tender, 交控科技,
    a maintenance firm's round, Siemens Mobility in Egypt; credit cards and consumer finance — 招行 and 平安's cards,
    card bad loans in 2020, a retail scan, the 2022 card rules, licensed consumer-finance firms, 重庆蚂蚁消费金融,
    a fintech's round, 中信银行's cards, 京东数科's filing, 花呗 and credit bureaus; second-hand goods — Double 11,
    万物新生's listing, used cars, 转转 and 找靓机, used-phone prices, 红布林's round, a scan, luxury resale,
    多抓鱼, recycling guidance; lighting and LED — ams and OSRAM, Mini LED, lighting exports, a 2021 scan,
    Signify, LED displays, a Mini LED maker's round, 三安光电's placement, 佛山照明's half, 木林森 and LEDVANCE),
    written early in stop 38 and scored once at 6da58b9, the stop's final code (rules drawn from blinds 207-214, a
    curated list and a review's fixes), none drawn from them: companies F1 0.903 (P 0.942), 0.972 (P 0.981), 0.878
    (P 0.989) and 0.940 (P 0.981); figures 0.980, 1.000, 0.998 and 1.000; tickers 1.000."""
    _assert_scores("blind215.json", GOLD / "blind215", companies=0.90, companies_precision=0.94, figures=0.975,
                   figures_precision=0.995)
    _assert_scores("blind216.json", GOLD / "blind216", companies=0.97, companies_precision=0.98)
    _assert_scores("blind217.json", GOLD / "blind217", companies=0.875, companies_precision=0.985, figures=0.995,
                   figures_precision=0.995)
    _assert_scores("blind218.json", GOLD / "blind218", companies=0.935, companies_precision=0.98)


def test_two_hundred_and_nineteenth_to_twenty_second_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind219-222: esports — the 虎牙 and 斗鱼 merger blocked, EDG's
    title, RNG's sponsor, B站's rights, the LPL rights, VSPN's round, esports hotels, a games scan, 网易's events, a
    start-up's round; natural rubber and tyres — the 2020 futures high, insurance and futures, Goodyear and Cooper,
    中化国际 and 合盛农业, a tyre maker's round, carbon black, the US duties, a 2021 scan, Russia, plants abroad;
    fitness — 舒华体育's listing, Keep's filing, 刘畊宏, Peloton, a scan, rounds, prepaid cards, 威尔士 and 一兆韦德,
    a gym's closure, 小米's devices; medical consumables — syringes in 2020, gloves, 稳健医疗's listing, BD and 3M,
    2020 exports, a dressing maker's round, 中红医疗, provincial 集采, a 2021 scan, 威高's half), written in stop 38
    and scored once at ff2239e (rules drawn from blinds 207-218, two curated lists and a review's fixes), none
    drawn from them: companies F1 0.862 (P 0.977), 0.955 (P 0.960), 0.834 (P 0.975) and 0.971 (P 0.990); figures
    1.000, 1.000, 1.000 and 0.994; tickers 1.000."""
    _assert_scores("blind219.json", GOLD / "blind219", companies=0.86, companies_precision=0.975)
    _assert_scores("blind220.json", GOLD / "blind220", companies=0.95, companies_precision=0.955)
    _assert_scores("blind221.json", GOLD / "blind221", companies=0.83, companies_precision=0.97)
    _assert_scores("blind222.json", GOLD / "blind222", companies=0.97, companies_precision=0.99, figures=0.99)


def test_two_hundred_and_twenty_third_to_sixth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind223-226: weddings and jewellery — 周大福's year, lab-grown
    diamonds, banquets in the 2020 holiday, 中国黄金's listing, a 2021 scan, a wedding start-up's round, marriage
    registrations and dating platforms, 迪阿股份's listing, the 2020 gold record, the 2022 slump; private quant funds —
    幻方's pause, the 2021 drawdown, league tables, size curbs, foreign quants, prime brokerage, the 2021 rules, a
    trading-system start-up, FOF platforms, the 2022 slowdown; airlines and airports — the 2022 placements, a 2022
    half scan, 海航控股's restructuring, 上海机场's duty-free contract, the first C919, March 2021 traffic, a regional
    airline's round, 2020 results, 白云机场, the Airbus order; bank wealth-management subsidiaries — 汇华理财, joint
    ventures, the end of the transition, distribution on platforms, products below par, the 2022 redemptions, a bank
    scan, sales rules, the 2021 report, the 2020 extension), written early in stop 38, left unopened, and scored
    once at 7b72489, the stop's final code, none drawn from them: companies F1 0.926 (P 0.987), 0.974 (P 0.974),
    0.980 (P 0.980) and 0.953 (P 0.979); figures 0.993, 0.996, 1.000 and 1.000; tickers 0.980, 1.000, 1.000 and
    1.000."""
    _assert_scores("blind223.json", GOLD / "blind223", companies=0.925, companies_precision=0.985, figures=0.99,
                   figures_precision=0.995, tickers=0.975)
    _assert_scores("blind224.json", GOLD / "blind224", companies=0.97, companies_precision=0.97, figures=0.995)
    _assert_scores("blind225.json", GOLD / "blind225", companies=0.975, companies_precision=0.975)
    _assert_scores("blind226.json", GOLD / "blind226", companies=0.95, companies_precision=0.975)


def test_two_hundred_and_twenty_seventh_to_thirtieth_blind_sets_of_articles_written_for_them():
    """Forty articles of 2020-2022 (tests/extract_gold/blind227-230: life insurance — agent cuts in the 2020 results,
    new-business value in 2022, the 个人养老金 pilot, 友邦's results, a premium scan, 太保's plan, 惠民保,
    insurtech, bancassurance, a reinsurer's view; polyester and chemical fibres — filament prices, the 2021 energy
    controls, a 2022 half scan, 浙石化's refinery, spandex, carbon fibre, 东方盛虹 and 斯尔邦, a recycled-polyester
    round, the 2022 slump, 恒力石化's 2020; ride-hailing and car rental — 滴滴's review and fine, 神州租车's
    privatisation, 高德's aggregation, the delisting, the 2021 summons, 曹操出行's round, a start-up's round,
    如祺出行, 首汽约车; property management — 华润万象生活's listing, 碧桂园服务's 2020, 融创服务 and 世茂服务,
    雅生活's acquisitions, a 2021 scan, 招商积余 and 保利物业, 万物云's filing, a start-up's round, 彩生活,
    富力物业's sale), written at the end of stop 38 and scored once at 9e7f46c, the stop's final code, none drawn
    from them: companies F1 0.981 (P 0.981), 0.972 (P 0.981), 0.984 (P 0.992) and 0.967 (P 0.990); figures 1.000,
    1.000, 0.996 and 1.000; tickers 1.000."""
    _assert_scores("blind227.json", GOLD / "blind227", companies=0.98, companies_precision=0.98)
    _assert_scores("blind228.json", GOLD / "blind228", companies=0.97, companies_precision=0.98)
    _assert_scores("blind229.json", GOLD / "blind229", companies=0.98, companies_precision=0.99, figures=0.995)
    _assert_scores("blind230.json", GOLD / "blind230", companies=0.965, companies_precision=0.99)


def test_two_hundred_and_thirty_first_to_thirty_eighth_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind231-238: A-share market wraps — brokers' 午评, power
    stocks under the 2021 rationing, 3000 points in April 2022, 茅台's fall, 中通客车's 龙虎榜, 中芯国际's STAR debut,
    康得退's last day, record northbound buying, a private fund's view, the 2020 post-holiday crash; convertible
    bonds — 兴业转债's subscription, 苏银转债's debut, the 2022 下修 wave, the 2022 trading rules, 强赎 notices, new
    issues, NIO's and Xiaomi's convertibles, fund managers' view, a weekly scan, the 2021 rules; US-listed Chinese
    firms — 京东's Hong Kong listing, the HFCAA and 瑞幸, the telecom three, 小鹏's dual listing, 滴滴's delisting,
    the SEC's provisional lists, 阿里巴巴's primary listing, five SOEs leaving the NYSE, the PCAOB's access; short
    video and social — 快手's IPO, 字节跳动's revenue, the MCN tax storm, 知乎's listing, B站's users, ad revenue,
    小红书's round, a live-commerce SaaS round, 腾讯's 2022 quarter, 东方甄选; hogs and pork — reserve releases,
    hog futures, 牧原's results, the capacity rules, 双汇's 2021, a farm's round, a 2022 scan, 海大's feed, 正邦's
    losses, monthly sales; nuclear power and uranium — 华龙一号, uranium prices, the 2022 approvals, Westinghouse's
    sale, a sector scan, 中国广核's 2021, 玲龙一号, a fusion round, 中广核技, nuclear fuel after the war; cloud and
    data centres — 阿里云's 2020 quarter, 万国数据 and 世纪互联, a cloud scan, 金山云, 优刻得, 宝信软件 and IDC results,
    东数西算, server makers, a SaaS round, 华为's 2021; platform antitrust — 阿里巴巴's and 美团's fines, 知网, 腾讯音乐's
    exclusive rights, 蚂蚁集团's rectification, 滴滴's fine, 虎牙/斗鱼 blocked, unreported deals, 二选一, the amended
    law), written at the start of stop 39 and scored once at bad3b8f, stop 38's final code and this stop's start,
    none drawn from them: companies F1 0.992 (P 1.000), 1.000 (1.000), 1.000 (1.000), 0.963 (0.981), 0.986
    (1.000), 0.907 (0.933), 0.992 (0.992) and 0.971 (0.976); figures 1.000, 1.000, 0.998, 1.000, 0.999, 0.996,
    1.000 and 0.998; tickers 1.000 but blind238 (0.935: 蚂蚁集团's codes of the listing it never made)."""
    _assert_scores("blind231.json", GOLD / "blind231", companies=0.99, companies_precision=0.995)
    _assert_scores("blind232.json", GOLD / "blind232", companies=0.995, companies_precision=0.995)
    _assert_scores("blind233.json", GOLD / "blind233", companies=0.995, companies_precision=0.995)
    _assert_scores("blind234.json", GOLD / "blind234", companies=0.96, companies_precision=0.98)
    _assert_scores("blind235.json", GOLD / "blind235", companies=0.985, companies_precision=0.995)
    _assert_scores("blind236.json", GOLD / "blind236", companies=0.905, companies_precision=0.93, figures=0.995)
    _assert_scores("blind237.json", GOLD / "blind237", companies=0.99, companies_precision=0.99)
    _assert_scores("blind238.json", GOLD / "blind238", companies=0.97, companies_precision=0.975, tickers=0.93)


def test_two_hundred_and_thirty_ninth_to_forty_sixth_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind239-246: securities firms — 中金公司's A-share listing,
    中信证券's 2020, 湘财股份, foreign-controlled brokers, a half-year scan, fund distributors' league table, 华创's
    change of control and 民生证券, 东方财富证券, a fintech round, commission cuts; public fund managers — the 2021
    launch boom, star managers' 2022 losses, 睿远's sale, crowded stocks, fund firms' profits, products beside their
    managers, new licences, foreign-owned fund firms, 2022 losses, 2021 fundraising; steel — 宝武 and 太钢, 重钢 and
    昆钢, 方大特钢, iron ore and 中国矿产资源集团, a sector scan, the 2021 output curbs, 鞍钢 and 本钢, a scrap-steel
    round, special steel, private steelmakers; coal — the Australian ban, the 2021 futures high, record output, Shanxi's
    renamings, 中国神华 and the contract price, 兖矿能源's purchases, a sector scan, coal-power losses, a coal-logistics
    round, 永煤's default; semiconductor equipment — the October 2022 rules, 拓荆科技's listing, 2020 half results,
    ASML, a half scan, 长川科技, fab capex, an equipment round, 华海清科, 盛美上海; wind power — 金风科技's 2020,
    电气风电's listing, 三一重能's listing, Vestas and Siemens Gamesa, a half scan, the offshore rush, turbine bids,
    龙源电力's A-share listing, a blade-inspection round, towers and castings; bank results and risk — 招商银行's 2020,
    锦州银行's rescue, 宁波银行 and 平安银行, 工行 and 建行, a bank scan, 2020 sector profits, 包商银行's bankruptcy, the
    Henan village banks, 恒丰银行, a bank-software round; electric-car makers — 特斯拉's price cuts, 零跑's IPO,
    比亚迪's sales, 小鹏 and 理想's listings, 蔚来 and Hefei, 问界 and 赛力斯, 广汽埃安's round, a delivery scan, 威马,
    a charging round), written in stop 39 after blinds 231-238 and scored once at f5ffbf0 (the rules from 231-238),
    none drawn from them: companies F1 0.952 (P 0.960), 0.975 (0.978), 0.946 (0.970), 0.989 (0.989), 0.962 (0.974),
    0.990 (0.990), 0.976 (0.981) and 0.965 (0.976); figures 0.991, 1.000, 1.000, 0.998, 1.000, 1.000, 0.998 and
    0.997; tickers 1.000 but blind240 (0.981)."""
    _assert_scores("blind239.json", GOLD / "blind239", companies=0.95, companies_precision=0.955)
    _assert_scores("blind240.json", GOLD / "blind240", companies=0.97, companies_precision=0.975, tickers=0.98)
    _assert_scores("blind241.json", GOLD / "blind241", companies=0.945, companies_precision=0.965)
    _assert_scores("blind242.json", GOLD / "blind242", companies=0.985, companies_precision=0.985)
    _assert_scores("blind243.json", GOLD / "blind243", companies=0.96, companies_precision=0.97)
    _assert_scores("blind244.json", GOLD / "blind244", companies=0.985, companies_precision=0.985)
    _assert_scores("blind245.json", GOLD / "blind245", companies=0.975, companies_precision=0.98)
    _assert_scores("blind246.json", GOLD / "blind246", companies=0.96, companies_precision=0.975, figures_precision=0.995)


def test_two_hundred_and_forty_seventh_to_fifty_fourth_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind247-254: power batteries — 宁德时代's 2021, 大众 and
    国轩高科, 欣旺达EVB's round, LG新能源's IPO, a half scan, the 2021 installation ranking, 弗迪电池 and 蜂巢能源,
    亿纬锂能, 中创新航's IPO, a recycling round; photovoltaics — the 2020 review, polysilicon and the WRO, 隆基绿能's
    first report, the UFLPA, a Q3 scan, 大全能源's and 晶科能源's listings, integration, a perovskite round, 协鑫科技;
    property and casualty insurance — the car-insurance reform, the big three's 2021, 众安在线, 中再 and 大地, 阳光保险's
    IPO, farm insurance, the Henan floods, reinsurers, a premium scan, an insurtech round; baijiu — i茅台, 水井坊 and
    Diageo, 飞天's price, 五粮液 and 泸州老窖, 洋河, 汾酒, a liquor e-commerce round, 舍得 and 复星, a sector scan,
    酒鬼酒 and 中粮; video games — Q3 2020, minors' play time, the licence freeze, its end, an indie studio's round,
    原神, 游族's founder, a Q3 scan, 哔哩哔哩 and 心动, 2021 results; pharmaceutical outsourcing — 泰格医药's listing,
    a half scan, the Unverified List, Lonza and Catalent, a Q3 scan, lab monkeys, a CRO round, Paxlovid orders, 九洲药业,
    药明生物's removal; vaccines and COVID drugs — 康希诺's listing, 万泰's HPV vaccine, a half scan, the Pfizer and
    BioNTech vaccine, mRNA, 科兴 and 康泰, 智飞生物, Paxlovid at 华海药业, VV116, a vaccine round; wealth platforms — Ant's
    prospectus, 天天基金, a half scan, 陆金所, 诺亚财富's listing, the top-100 list, a robo-adviser round, 朝朝宝, the
    fee war, platforms' 2020), written in stop 39 and left unopened until scored once at 7d0a3c9, the stop's final
    code (the review's fixes), none drawn from them: companies F1 0.955 (P 0.977), 0.966 (0.961), 0.961 (0.961), 0.920
    (0.958), 0.984 (0.989), 0.989 (1.000), 0.969 (0.991) and 0.937 (0.975); figures 1.000, 1.000, 1.000, 1.000, 0.998,
    0.997, 1.000 and 0.998; tickers 1.000."""
    _assert_scores("blind247.json", GOLD / "blind247", companies=0.95, companies_precision=0.975)
    _assert_scores("blind248.json", GOLD / "blind248", companies=0.96, companies_precision=0.955)
    _assert_scores("blind249.json", GOLD / "blind249", companies=0.96, companies_precision=0.96)
    _assert_scores("blind250.json", GOLD / "blind250", companies=0.915, companies_precision=0.955)
    _assert_scores("blind251.json", GOLD / "blind251", companies=0.98, companies_precision=0.985)
    _assert_scores("blind252.json", GOLD / "blind252", companies=0.985, companies_precision=0.995,
                   figures_precision=0.995)
    _assert_scores("blind253.json", GOLD / "blind253", companies=0.965, companies_precision=0.99)
    _assert_scores("blind254.json", GOLD / "blind254", companies=0.935, companies_precision=0.975,
                   figures_precision=0.995)


def test_two_hundred_and_fifty_fifth_to_sixty_second_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind255-262: car dealers and used cars — the used-car VAT cut,
    易车's privatisation, dealers' 2021, 广汇汽车, 优信, a half scan, 瓜子, a used-car round, 汽车之家's listing, 懂车帝;
    home furnishing — the malls' 2020 half, freight costs, a weekly scan, 恒大's unpaid suppliers, custom furniture's 2021,
    the 2020 collapse, the 2022 slump, a smart-home round, IKEA China, 慕思's IPO; online travel — the 2020 halt, the
    restart, 携程's listing, National Day 2021, hotels on 美团, camping, 中国中免, hotel chains, a Q3 scan, the reopening;
    fresh food and local services — 叮咚买菜 and 每日优鲜's listings, 每日优鲜's collapse, group buying's rules, a
    start-up's round, 达达, 叮咚's profit, 永辉超市, 美团's fine, a lockdown scan, the shake-out; gold miners — the 2020
    record, the Shandong accidents, 赤峰黄金 and Wassa, the majors' mergers, 山东黄金 and 恒兴黄金, 紫金 and 招金, 中国黄金,
    湖南黄金 and 西部黄金, a scan, a jewellery round; chemical majors — MDI, the 2021 curbs, coal chemicals, BASF and
    ExxonMobil, a Q1 scan, 中国石化, 浙石化, a chemical e-commerce round, 卫星化学, 东方盛虹; private hospitals — 爱尔眼科,
    固生堂's IPO, 和睦家's take-private, a services scan, 海吉亚's IPO, 国际医学, dental implants, 锦欣生殖, 美年健康, a
    clinic round; Hong Kong and southbound flows — January 2021's record, the 2021 IPO league, a broker's 2023 view, the
    October 2022 fall, 腾讯's buybacks, index inclusion, the stamp duty, 香港交易所's 2021, 哔哩哔哩's primary listing, a
    fintech round), written at the end of stop 39 and scored once at 3eef3ad, the stop's final code, none drawn from
    them: companies F1 0.938 (P 0.989), 0.960 (0.980), 0.967 (0.971), 0.983 (0.983), 0.923 (0.966), 0.944 (0.929), 0.964
    (1.000) and 0.995 (1.000); figures 0.997, 1.000, 1.000, 0.999, 0.997, 1.000, 1.000 and 1.000; tickers 1.000 but
    blind259 (0.976) and blind262 (0.984)."""
    _assert_scores("blind255.json", GOLD / "blind255", companies=0.935, companies_precision=0.985)
    _assert_scores("blind256.json", GOLD / "blind256", companies=0.96, companies_precision=0.975)
    _assert_scores("blind257.json", GOLD / "blind257", companies=0.965, companies_precision=0.97)
    _assert_scores("blind258.json", GOLD / "blind258", companies=0.98, companies_precision=0.98)
    _assert_scores("blind259.json", GOLD / "blind259", companies=0.92, companies_precision=0.965, tickers=0.975)
    _assert_scores("blind260.json", GOLD / "blind260", companies=0.94, companies_precision=0.925)
    _assert_scores("blind261.json", GOLD / "blind261", companies=0.96, companies_precision=0.995)
    _assert_scores("blind262.json", GOLD / "blind262", companies=0.99, companies_precision=0.995, tickers=0.98)


def test_two_hundred_and_sixty_third_to_seventieth_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind263-270: mainland developers and the debt crisis — 中国恒大's
    missed coupon, 万科 and 保利's 2021, 碧桂园's half, offshore bond extensions, 恒大物业's pledged deposits, 融创's
    non-payment, a sales scan, land auctions, the three red lines, 恒大汽车's pre-sale; smartphones and the Apple chain —
    荣耀's sale, 小米's shipments, 传音控股, 歌尔 and 立讯, a supply-chain scan, 安世's Newport fab, a component round,
    lens makers' shipments, 2021 shares, 华为's 2021; home appliances — 美的 and 库卡, 格力 and 高瓴, 海尔智家's H shares,
    海信家电 and 三电, a small-appliance round, 小熊电器, 苏泊尔, 奥维云网's data, a scan, the 2020 export boom; telecom
    operators — the NYSE delisting, 中国移动's A shares, capex, 中国电信's IPO, 联通's reform, 中国广电's 5G, 华为's
    equipment share, a scan, an optical-module round, base stations; beer — 青岛啤酒, 华润啤酒 and 喜力, 重庆啤酒 and
    嘉士伯, 百威亚太, 燕京, 珠江, price rises, can and barley costs, a strategy scan, a craft round; chip design — 韦尔股份,
    兆易创新, 卓胜微, 圣邦股份, 寒武纪's listing, 海光信息, 紫光国微, 澜起科技, a chip round, the 2022 slump and 大基金;
    container shipping and dry bulk — 中远海控's 2021, 盐田's congestion, tankers, Maersk and MSC, a half scan, the BDI,
    the SCFI's fall, coastal shipping, a shipping-software round, the box shortage; innovative drugs — 恒瑞 and 集采,
    百济神州's STAR listing, 信达 and 礼来 at the FDA, 君实 and Coherus, 荣昌 and Seagen, 再鼎's Hong Kong listing, 和黄医药,
    康方生物, a 2021 scan, a biotech round), written at the start of stop 40 and scored once at c9291eb, before any rule
    was drawn from them: companies F1 0.995 (P 0.990), 0.972 (0.981), 0.950 (0.989), 0.961 (0.951), 0.959 (0.988),
    0.978 (0.982), 0.941 (0.926) and 0.968 (0.979); figures 0.998, 0.997, 0.998, 0.998, 0.995, 0.998, 0.998 and 0.991
    (precision 0.985); tickers 1.000 in all eight."""
    _assert_scores("blind263.json", GOLD / "blind263", companies=0.99, companies_precision=0.985)
    _assert_scores("blind264.json", GOLD / "blind264", companies=0.97, companies_precision=0.98)
    _assert_scores("blind265.json", GOLD / "blind265", companies=0.945, companies_precision=0.985)
    _assert_scores("blind266.json", GOLD / "blind266", companies=0.96, companies_precision=0.95)
    _assert_scores("blind267.json", GOLD / "blind267", companies=0.955, companies_precision=0.985)
    _assert_scores("blind268.json", GOLD / "blind268", companies=0.975, companies_precision=0.98)
    _assert_scores("blind269.json", GOLD / "blind269", companies=0.94, companies_precision=0.925)
    _assert_scores("blind270.json", GOLD / "blind270", companies=0.965, companies_precision=0.975,
                   figures_precision=0.985)


def test_two_hundred_and_seventy_first_to_seventy_eighth_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind271-278: traditional carmakers — 上汽's 2020, the chip
    shortage, 长城's brands and spin-offs, a chassis round, 长安 and 深蓝, 极氪's round, 广汽's 2021, 北汽蓝谷, 2021 sales,
    a strategy scan; thermal power — the 2021 rationing, Q3 losses, 国电电力's 2021, the tariff reform, a scan, the 2020
    rationing, coal-price curbs, 内蒙华电, an energy-software round, plant retrofits; foreign asset managers and brokers —
    贝莱德's first fund, foreign-controlled brokers, a first-year tally, 富达 and 路博迈, 上投摩根, 瑞银 and 高盛高华, a
    broker's view, 施罗德交银理财, 汇华理财, a wealth-tech round; IPOs and exchanges — 创业板's registration, a Hong Kong
    IPO scan, underwriters' league tables, 蚂蚁集团's halt, the break-issue wave, 中国移动's listing, 中芯国际's, the
    北交所's opening, 科创板's first year, an IPO-advisory round; internet giants' results — 腾讯 and 网易, 阿里巴巴's flat
    quarter, 美团, 京东, 百度, 拼多多, 快手, 哔哩哔哩, ADR and Hong Kong price gaps, a SaaS round; dairy — 伊利, 蒙牛 and
    妙可蓝多, 光明 and 新乳业, 飞鹤, milk-powder imports, 优然牧业's IPO, a scan, a farm round, ranches' 2022 half, raw-milk
    prices; oil — negative WTI and 原油宝, the majors' 2020, 沙特阿美, the OPEC+ cut, 中国海油's A shares, 中海油服, a
    rally, oil picks, windfall taxes, an oilfield-tech round; construction SOEs — 中国建筑's contracts, 中国中铁 and
    中国铁建, 中国交建, 中国能建's listing, 中国化学, 上海建工, the first REITs, special bonds and PPP, a Q3 scan, a
    construction-robot round), written in stop 40 beside blinds 263-270, left unopened, and scored once at 4b8e87f (the
    rules drawn from 263-270) before any rule was drawn from them: companies F1 0.971 (P 0.983), 0.980 (0.980), 0.930
    (0.948), 0.995 (0.991), 1.000 (1.000), 0.940 (0.962), 0.981 (0.972) and 0.934 (0.940); figures 1.000, 0.992, 1.000,
    0.998, 0.996, 0.999, 0.999 and 1.000; tickers 1.000 but blind274 (0.969), blind277 (0.986) and blind278 (0.875)."""
    _assert_scores("blind271.json", GOLD / "blind271", companies=0.97, companies_precision=0.98)
    _assert_scores("blind272.json", GOLD / "blind272", companies=0.975, companies_precision=0.975)
    _assert_scores("blind273.json", GOLD / "blind273", companies=0.93, companies_precision=0.945)
    _assert_scores("blind274.json", GOLD / "blind274", companies=0.995, companies_precision=0.99, tickers=0.965)
    _assert_scores("blind275.json", GOLD / "blind275", companies=0.995, companies_precision=0.995)
    _assert_scores("blind276.json", GOLD / "blind276", companies=0.94, companies_precision=0.96)
    _assert_scores("blind277.json", GOLD / "blind277", companies=0.98, companies_precision=0.97, tickers=0.985)
    # (tickers: its annotator listed the codes of infrastructure REITs, fund products by the spec's terms; from
    # EXTRACTOR_VERSION 157 on, a fund's code names no company, so they count as missed: 0.875 at first contact, 0.821 after)
    _assert_scores("blind278.json", GOLD / "blind278", companies=0.93, companies_precision=0.935, tickers=0.82)


def test_two_hundred_and_seventy_ninth_to_eighty_fifth_blind_sets_of_articles_written_for_them():
    """Seventy articles of 2020-2022 (tests/extract_gold/blind279-285: lithium-battery materials — cathode makers' 2021
    half, 厦钨新能's listing, lithium hexafluorophosphate, separators, graphitisation, lithium carbonate, 华友钴业, a
    materials round, a 2021 strategy, electrolyte makers' 2022 half; property agents and home services — 贝壳's listing
    and Q3, 我爱我家, 安居客, 易居 and 克而瑞, 2021 second-hand volume, agents' layoffs, renovation platforms, a scan, a
    proptech round; financial fraud cases — 康美's class action, 乐视网's delisting, 广州浪奇, 瑞幸's settlement, 康得新,
    an ST scan, 獐子岛, a compliance-tech round, investor protection, auditors' penalties; cosmetics — 珀莱雅, 逸仙电商's
    listing and losses, 上海家化, a Q1 scan, the 2021 regulation, 贝泰妮, a beauty round, 雅诗兰黛 and 欧莱雅, Double 11;
    futures — 永安期货's listing, the coal-futures spike, the LME nickel squeeze, iron ore, a futures firms' scan, 广期所,
    a data round, copper futures, 瑞达 and 南华, 弘业期货; enterprise software — 金山办公, 用友, 科大讯飞, 微盟 and 有赞,
    明源云, 北森 and 销售易, 广联达, a SaaS scan, 金蝶, an industrial-SaaS round; pharmacy chains — 2020 results, 京东健康,
    the fever-drug rush, 阿里健康, a Q3 scan, 老百姓's purchase, a pharmacy-software round, 门诊统筹, prescription outflow,
    叮当健康), written in stop 40 while the review's fixes were made and scored once at df22ca3, the stop's final code,
    none drawn from them: companies F1 0.989 (P 1.000), 0.981 (0.990), 0.924 (0.944), 0.984 (1.000), 0.977 (0.991), 0.965
    (0.990) and 0.953 (0.947); figures 0.997, 0.999, 0.996, 1.000, 1.000, 1.000 and 0.997; tickers 1.000 but blind281
    (0.920)."""
    _assert_scores("blind279.json", GOLD / "blind279", companies=0.985, companies_precision=0.995)
    _assert_scores("blind280.json", GOLD / "blind280", companies=0.98, companies_precision=0.99)
    _assert_scores("blind281.json", GOLD / "blind281", companies=0.92, companies_precision=0.94, tickers=0.915)
    _assert_scores("blind282.json", GOLD / "blind282", companies=0.98, companies_precision=0.995)
    _assert_scores("blind283.json", GOLD / "blind283", companies=0.975, companies_precision=0.99)
    _assert_scores("blind284.json", GOLD / "blind284", companies=0.96, companies_precision=0.985)
    _assert_scores("blind285.json", GOLD / "blind285", companies=0.95, companies_precision=0.945)


def test_two_hundred_and_eighty_sixth_to_ninety_third_blind_sets_of_articles_written_for_them():
    """Eighty articles of 2020-2022 (tests/extract_gold/blind286-293: sportswear — the Xinjiang-cotton boycott, 安踏's 2021,
    李宁's half, 特步 and 361度, foreign brands' China sales, the Olympic uniforms, a start-up's round, 波司登, a supply-chain
    scan; chip foundries and memory — 中芯国际 on the entity list, wafer price rises, 中芯国际's 2021, 格芯's IPO, an
    equipment scan, 长江存储, 华虹's STAR filing, 晶合集成's IPO, an equipment round, 台积电南京; Macau casinos — the 2020
    collapse, the junket arrest, the 2022 closure, the gaming-law revision, the licence awards, 2021 shares, the tender,
    a hospitality round, tour groups, 2020 results; bad-asset managers — 赖小民, 华融's delay and loss, 信达's 2020, 华融's
    sales, an AMC scan, personal bad-loan transfers, a collection-tech round, local AMCs, 长城 and 东方; tutoring after
    双减 — the crash, 高途's layoffs, 东方甄选, 新东方 and 好未来's quarter, a scan, closures and refunds, an edtech round,
    网易有道, 猿辅导 and 作业帮, 思考乐; copper — the 2021 record, Kamoa-Kakula, a results scan, the 2020 rebound, 巨龙铜矿,
    洛阳钼业's TFM and KFM, 西部矿业, treatment charges, the 2022 fall, a recycling round; fintech — 蚂蚁集团's rectification,
    payment firms' half, 陆金所, 京东科技's withdrawn IPO, consumer-credit platforms, a financial-IT scan, lending caps,
    微众银行, the digital yuan, a payments round; seeds — 隆平高科, 大北农's GMO corn, 登海种业, 先正达's IPO filing, the
    seed plan, the 两化 merger, a seed scan, an agtech round, 荃银高科, GMO variety rules), written at the stop's end and
    scored once at 0d443ee, the stop's final code (the extractor of df22ca3), none drawn from them: companies F1 0.979 (P
    1.000), 0.942 (0.957), 0.990 (1.000), 0.955 (0.969), 0.975 (0.988), 0.983 (1.000), 0.989 (1.000) and 0.941 (0.978);
    figures 1.000, 1.000, 1.000, 0.997, 0.998, 1.000, 1.000 and 1.000; tickers 1.000 in all eight."""
    _assert_scores("blind286.json", GOLD / "blind286", companies=0.975, companies_precision=0.995)
    _assert_scores("blind287.json", GOLD / "blind287", companies=0.94, companies_precision=0.955)
    _assert_scores("blind288.json", GOLD / "blind288", companies=0.985, companies_precision=0.995)
    _assert_scores("blind289.json", GOLD / "blind289", companies=0.95, companies_precision=0.965)
    _assert_scores("blind290.json", GOLD / "blind290", companies=0.975, companies_precision=0.985)
    _assert_scores("blind291.json", GOLD / "blind291", companies=0.98, companies_precision=0.995)
    _assert_scores("blind292.json", GOLD / "blind292", companies=0.985, companies_precision=0.995)
    _assert_scores("blind293.json", GOLD / "blind293", companies=0.94, companies_precision=0.975)


# stops 41-45's groups (blind294-433): one set a row, its floors below its unrounded first-contact scores
_BLIND_FLOORS = [
    # Eighty articles of 2020-2022 (tests/extract_gold/blind294-301: aluminium — the October 2021 record, 中国铝业's 2021,
    # the 2020 interims, Yunnan's power cuts, the LME record, a results scan, a recycling round, the capacity cap,
    # Sichuan's power cuts, 中国铝业's stake in 云铝; float glass and glass fibre — the 2021 price record, soda-ash
    # costs, glass fibre's nine months, the capacity-swap rules, 信义玻璃's 2021, a scan, a flexible-glass round, the
    # 2022 slump, glass-fibre price rises, 南玻A's half; energy storage — the 2021 guidance, the pumped-hydro plan,
    # home storage's third quarter, the US tax credit, a results scan, 宁德时代's sodium-ion cell, a flow-battery
    # round, 2022's financings, time-of-use tariffs, orders; hydrogen and fuel cells — the city clusters, 隆基's
    # electrolyser, 2022 sales, the Olympic buses, a results scan, the 2020 notice and 亿华通, an electrolyser round,
    # the national plan, 库车's green hydrogen, 潍柴's 2021; defence and aerospace — the 2020 rally and fund flows,
    # prepayments, 中航西飞's related-party deals, 中国船舶's 2021, Germany's fund, a results scan, a drone round, aero-
    # engine suppliers, the Zhuhai airshow, 中航光电; the carbon market — the launch, the first compliance period,
    # data-fraud cases and a monitoring scan, a carbon-accounting round, CCER, carbon-neutral bonds, power firms'
    # 2021, the first anniversary, 2022's volume, the PBoC facility; small banks in trouble — 包商银行's bankruptcy,
    # the Henan village banks, 锦州银行's 2020, 恒丰银行, a small-bank scan, banks below book value, a core-banking round,
    # special bonds for capital, 辽沈银行, 甘肃银行; livestreaming e-commerce — 薇娅's fine, 快手's 2021, 星期六's half, 雪梨's
    # case, 东方甄选, a scan, a live-commerce SaaS round, MCNs after the tax cases, the 2022 opinion, 值得买), written at
    # stop 41's start by helpers who saw no code and no extractor output, scored once at 15e6f21 (the rules drawn
    # from blind279-293) before any rule was drawn from them: companies F1 0.957 (P 0.989), 0.972 (P 0.977), 0.988
    # (P 1.000), 0.925 (P 0.991), 0.974 (P 0.985), 0.986 (P 1.000), 0.960 (P 0.964), 0.960 (P 1.000); figures
    # 1.000, 0.999, 1.000, 0.998, 0.996, 1.000, 1.000, 0.999; tickers 1.000 in all eight.
    ("blind294", {"companies": 0.955, "companies_precision": 0.985}),
    ("blind295", {"companies": 0.97, "companies_precision": 0.975}),
    ("blind296", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind297", {"companies": 0.92, "companies_precision": 0.99}),
    ("blind298", {"companies": 0.97, "companies_precision": 0.98}),
    ("blind299", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind300", {"companies": 0.955, "companies_precision": 0.96}),
    ("blind301", {"companies": 0.955, "companies_precision": 0.995}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind302-309: toll roads — operators' 2020 first quarter, tolls
    # resumed, the toll-free period's compensation, the first road REITs, an ETC round, 2022's dividend rally, the
    # truck-toll cut, 2020 results and dividends, H-share operators' half, a 2021 scan; ports — the 2020 first
    # quarter, 梅山's closure, 中远海运港口's 2021, 盐田's congestion, a 2021 scan, 北部湾港, an automated-terminal round,
    # provincial port mergers, 2021 throughput, 青岛港's oil-terminal purchase; publishing — 2020 results and
    # dividends, digital reading's half, the 2020 book-price war, 双减 and study aids, 新华文轩's half, a 2021 scan, an
    # audio-book round, book retail, 2021's publishing listings, the third quarter; titanium — titanium dioxide's
    # 2020 first quarter, 2021's price rises, titanium makers' third quarter, the chlorination line, power cuts
    # and exports, a 2021 scan, a titanium-printing round, iron phosphate from by-products, the war and sponge
    # titanium, 惠云钛业's bond; EV charging and swapping — chargers' 2020 results, 蔚来's Hong Kong listing and swap
    # stations, chargers abroad, piles in 新基建, 宁德时代's swap blocks, a half scan, a swap-equipment round, heavy-
    # truck swapping, holiday queues, 特来电's spin-off; carbon fibre — 光威复材's half, 中复神鹰's listing, a third-quarter
    # scan, 吉林碳谷's listing, Vestas' patent, a 2021 scan, a composites round, hydrogen tanks, 上海石化's large tow,
    # 中简科技's placement; smart-car electronics — the 2020 chip shortage, 德赛西威's 2021, cockpit makers' third
    # quarter, 经纬恒润's listing, Mobileye's IPO, a half scan, 黑芝麻智能's round, driving-and-parking controllers,
    # Shenzhen's rules, 伯特利; trust companies — the 2020 draft rules, 2020 results, listed trusts' 2022 half,
    # 四川信托's overdue products, developers' defaults, a 2021 scan, a trust-IT round, standard products, 安信信托's
    # rescue, the 2020 takeovers), written at stop 41 while rules were drawn from blind294-301 and left unopened,
    # scored once at bd51cc8, the stop's final code, none drawn from them: companies F1 0.991 (P 1.000), 0.961 (P
    # 0.982), 0.925 (P 0.946), 0.960 (P 0.982), 0.966 (P 0.977), 0.936 (P 0.973), 0.975 (P 0.978), 0.916 (P
    # 0.902); figures 1.000, 0.994, 1.000, 0.997, 0.997, 0.997, 0.997, 0.997; tickers 1.000, 0.985, 1.000, 1.000,
    # 1.000, 0.982, 1.000, 1.000.
    ("blind302", {"companies": 0.99, "companies_precision": 0.995}),
    ("blind303", {"companies": 0.96, "companies_precision": 0.98, "tickers": 0.98}),
    ("blind304", {"companies": 0.925, "companies_precision": 0.945}),
    ("blind305", {"companies": 0.955, "companies_precision": 0.98}),
    ("blind306", {"companies": 0.965, "companies_precision": 0.975}),
    ("blind307", {"companies": 0.935, "companies_precision": 0.97, "tickers": 0.98}),
    ("blind308", {"companies": 0.975, "companies_precision": 0.975}),
    ("blind309", {"companies": 0.915, "companies_precision": 0.9}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind310-317: medical imaging and monitoring — 2020's
    # ventilator and monitor orders, 2020 results and the 2021 first quarter, the 2022 equipment loans, 美的 and
    # 万东医疗, GE's spin-off and the foreign makers in China, a third-quarter scan, a handheld-ultrasound round, 联影's
    # listing, an imaging procurement, the oximeter rush; tourism and scenic spots — the 2020 May Day caps, 2021's
    # Spring Festival at home, 2021's National Day, Hubei's free tickets, the 2022 reopening rally, a 2021 scan, a
    # scenic-SaaS round, the Sanya lockdown, Zhangjiajie's closure, Xi'an's reopening; semiconductor materials —
    # 南大光电's photoresist, 2021 interims, Entegris and polishing materials, photoresist supply curbs, a 2021 scan,
    # a precursor round, 沪硅产业's placement, the neon spike, 江丰电子's placement, 彤程新材's bond; farm machinery — 一拖's
    # 2020 half, the 2022 rally, Deere's 2022 and the 国四 switch, 2020 third quarters, Deere after the strike, a
    # 2021 scan, an autonomous-tractor round, the 2022 wheat harvest, the subsidy guidance, 中联重科's farm machines;
    # insurance brokers and insurtech — 慧择's IPO, the internet-insurance rules, 水滴's IPO, an insurtech round,
    # crowdfunding platforms' rectification, 惠民保, 相互宝's end, a 2021 scan, 众安's half, 慧择's third quarter; coal
    # chemicals and methanol — the October 2021 coal curbs, 中煤能源's 2021, 2022 interims, Maersk's methanol ships, a
    # 2021 scan, a green-methanol round, energy controls in Inner Mongolia, the 2020 oil crash, 鲁西化工's merger,
    # 宝丰能源's 2020; cold chain — 2020's imported-food controls, equipment makers' 2021 half, logistics groups'
    # 2021, the cold-chain plan, Americold and cold-storage deals, a 2021 scan, a cold-chain SaaS round, ready
    # meals and storage, the vaccine cold chain, 雪人股份's placement; plastics recycling and bioplastics — the 2020
    # plastic ban, 2021's price doubling, a 2021 scan, 金丹科技's listing, 英科再生 and a recycling round, PBAT
    # overcapacity, 海正生材's listing, 万凯新材, 金发科技's 2020, 2022 third quarters), written at stop 41 while rules were
    # drawn from blind302-309 and left unopened, scored once at fb5cbb2, the stop's final code, none drawn from
    # them: companies F1 0.981 (P 0.990), 0.987 (P 0.991), 0.948 (P 0.958), 0.972 (P 0.981), 0.980 (P 1.000),
    # 0.984 (P 0.989), 0.957 (P 0.953), 0.941 (P 0.963); figures 1.000, 0.999, 0.998, 0.994, 0.995, 1.000, 1.000,
    # 1.000; tickers 1.000 in all eight.
    ("blind310", {"companies": 0.98, "companies_precision": 0.99}),
    ("blind311", {"companies": 0.985, "companies_precision": 0.99}),
    ("blind312", {"companies": 0.945, "companies_precision": 0.955}),
    ("blind313", {"companies": 0.97, "companies_precision": 0.98}),
    ("blind314", {"companies": 0.975, "companies_precision": 0.995}),
    ("blind315", {"companies": 0.98, "companies_precision": 0.985}),
    ("blind316", {"companies": 0.955, "companies_precision": 0.95}),
    ("blind317", {"companies": 0.94, "companies_precision": 0.96}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind318-325: health supplements — the 2020 immunity boom,
    # 健合's 2021 interims, 汤臣倍健's 2022 third quarter, the LSG goodwill write-down, GNC's bankruptcy, a 2021 scan, a
    # probiotic round, the 2022 cross-border list, the direct sellers' shake-out, 仙乐健康's US purchase; huangjiu makers
    # — the 2020 price rises, 精功's 会稽山 stake, the 2021 rally, a rice-wine round, 古越龙山's placement, a 2021 scan,
    # premium lines, 会稽山's change of control, 古越龙山's 2020, 2022 interims; tin, antimony and indium — Myanmar's ore
    # halt, the 2022 slump, 2022 interims, 株冶's purchase of 水口山, the LME record, a 2021 scan, an ITO-target round,
    # antimony's ten-year high, 华锡有色's renaming, the 2020 slump; printers and consumables — 纳思达's 2020, 鼎龙's 2022
    # third quarter, the 2020 home-printer boom, 珠海's consumables cluster, Xerox and HP, a 2022 scan, a print-shop
    # SaaS round, 信创 printers, 奔图's purchase approved, chip lead times; money-market funds — yields below 2%, the
    # cash-product rules, 2022's record lows, the size ranking, Ant's IPO halt, a fund-manager scan, a fund-advisory
    # round, 余额宝's new managers, the 2022 redemption wave, distributors' ranking; natural rubber — the 2021 high,
    # 海南橡胶's 2022 half, tyre makers' 2020 first quarter, Thai floods, a 2022 scan, state-farm reform, a
    # dandelion-rubber round, TSR 20's second year, Côte d'Ivoire's output, 海南橡胶's 2020; sockets, switches and
    # lighting — 公牛's IPO, copper's 2021 record, lighting makers' 2022 half, Schneider's 2021, a 2021 scan, a
    # smart-lighting round, 公牛's dealers, smart lighting, 公牛's 2020, 佛山照明's car-lamp deal; reinsurance and
    # catastrophe insurance — the Henan floods' claims, 中再's 2021, the 2022 drought, farm insurance's 2021, Munich Re's
    # 2021, a solvency scan, a cat-modelling round, Hong Kong's first cat bond, reinsurers' 2021, Typhoon Muifa),
    # written at stop 42's start and scored once at 59dabd4 (rules from blind310-317) before any rule was drawn from
    # them: companies F1 0.912 (P 0.952), 0.951 (P 0.946), 0.931 (P 0.953), 0.932 (P 0.981), 0.971 (P 0.993), 0.935
    # (P 0.959), 0.927 (P 0.936), 0.960 (P 0.979); figures 0.997, 0.997, 0.996, 0.998, 0.999, 1.000, 1.000, 1.000;
    # tickers 1.000 in all eight.
    ("blind318", {"companies": 0.91, "companies_precision": 0.95}),
    ("blind319", {"companies": 0.95, "companies_precision": 0.945}),
    ("blind320", {"companies": 0.93, "companies_precision": 0.95}),
    ("blind321", {"companies": 0.93, "companies_precision": 0.98}),
    ("blind322", {"companies": 0.97, "companies_precision": 0.99}),
    ("blind323", {"companies": 0.935, "companies_precision": 0.955}),
    ("blind324", {"companies": 0.925, "companies_precision": 0.935}),
    ("blind325", {"companies": 0.955, "companies_precision": 0.975}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind326-333: memory chips — 兆易创新's and 北京君正's 2021
    # half, Morgan Stanley's winter call, the 2022 price slump, 长江存储 on the entity list, a 2021 scan, 兆易创新's
    # placement, a controller-chip round, 江波龙's and 佰维's listings, 长江存储's QLC flash, 澜起科技's DDR5; card acquiring
    # and POS payments — 拉卡拉's 2021 half, the 2021 fee cuts, 移卡's and 汇付's 2021, the PBOC's fines, Block and PayPal,
    # a 2022 scan, a restaurant-POS round, licence cancellations, the Shenzhen e-CNY red packets, 新大陆's 2021; home
    # renovation — 齐家网's 2020, the 2020 half, renovation vouchers, decoration firms' 2021, 贝壳 and 圣都家装, a 2022
    # scan, a design-SaaS round, 土巴兔's filing, 恒大's bills, 尚品宅配's whole-house fit-out; manganese and vanadium —
    # South Africa's lockdown, the 2021 electrolytic-manganese spike, vanadium's 2022 half, the joint halt call,
    # Russia's war and vanadium, a 2022 scan, a vanadium-electrolyte round, Dalian's flow battery, LMFP cathodes,
    # 湘潭电化's 2020; health check-up chains — the 2020 closures, 美年健康's 2021 half, the 2022 Shanghai lockdown, 2020
    # losses, Alibaba's stake, a 2021 scan, a digital-health round, 平安好医生's 2021, the 2021 third quarter, 美年健康's
    # 2020 purchases; cashmere and wool — the 2021 raw-cashmere prices, 新澳股份's 2021, the 2020 half, Inner
    # Mongolia's herds, the 2020 wool slump, a 2021 scan, a knitwear round, brand upgrades, 2022's price fall,
    # 鄂尔多斯's 2021; QDII funds and overseas ETFs — crude-oil fund premiums, the 2021 China-internet ETF, 2022's
    # Nasdaq ETF premiums, the July 2021 sell-off, a 2021 scan, QDII size rankings, a robo-adviser round, the HFCAA
    # list, 2021's quota round, 2022's purchase caps; tobacco — cigarette-pack makers' 2020 half, 中烟香港's 2021 half,
    # the e-cigarette tax, 红塔证券's 2021, Philip Morris and BAT, a 2021 scan, a heated-tobacco round, the industry's
    # 2021 taxes, 中烟香港's leaf deal, the 2022 e-cigarette rules), written at stop 42 while rules were drawn from
    # blind318-325 and left unopened, scored once at fd3b679 (the rules from 318-325 and two reviews' fixes), none
    # drawn from them: companies F1 0.977 (P 0.993), 0.899 (P 0.957), 0.941 (P 0.978), 0.950 (P 0.977), 0.961 (P 1.000), 0.942 (P 0.964),
    # 0.981 (P 0.985), 0.965 (P 0.979); figures 1.000, 0.999, 1.000, 1.000, 1.000, 0.985, 0.998, 0.998; tickers
    # 1.000 in all but the cashmere set (0.953).
    ("blind326", {"companies": 0.975, "companies_precision": 0.99}),
    ("blind327", {"companies": 0.895, "companies_precision": 0.955}),
    ("blind328", {"companies": 0.94, "companies_precision": 0.975}),
    ("blind329", {"companies": 0.945, "companies_precision": 0.975}),
    ("blind330", {"companies": 0.96, "companies_precision": 0.995}),
    ("blind331", {"companies": 0.94, "companies_precision": 0.96, "figures": 0.98, "tickers": 0.95}),
    ("blind332", {"companies": 0.98, "companies_precision": 0.98}),
    ("blind333", {"companies": 0.96, "companies_precision": 0.975}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind334-341: EV thermal management and lightweighting;
    # micro-lenders and small-loan companies; supply-chain finance platforms; secondary (S) funds and VC/PE
    # investors; Hong Kong-listed private colleges; restaurant supply chains; crypto mining; phone camera lenses and
    # modules — ten articles each, topics in README), written at stop 42 while rules were drawn from blind326-333
    # and left unopened, scored once at 70d1728, the stop's final code, none drawn from them: companies F1 0.982
    # (P 0.988), 0.913 (P 0.931), 0.927 (P 0.962), 0.941 (P 0.960), 0.990 (P 0.990), 0.958 (P 0.991), 0.905
    # (P 0.947), 0.977 (P 1.000); figures 1.000, 1.000, 0.998, 1.000, 0.997, 1.000, 0.989, 1.000; tickers 1.000
    # in all but the S-fund set (0.978).
    ("blind334", {"companies": 0.98, "companies_precision": 0.985}),
    ("blind335", {"companies": 0.91, "companies_precision": 0.93}),
    ("blind336", {"companies": 0.925, "companies_precision": 0.96}),
    ("blind337", {"companies": 0.94, "companies_precision": 0.96, "tickers": 0.975}),
    ("blind338", {"companies": 0.99, "companies_precision": 0.99}),
    ("blind339", {"companies": 0.955, "companies_precision": 0.99}),
    ("blind340", {"companies": 0.905, "companies_precision": 0.945, "figures": 0.985}),
    ("blind341", {"companies": 0.975, "companies_precision": 0.995}),
    # Seventy articles of 2020-2022 (tests/extract_gold/blind342-348: shipbuilding; display panels; traditional
    # Chinese medicine makers; public infrastructure REITs; excavators and construction machinery; fluorochemicals
    # and refrigerants; oil tankers and LNG shipping — ten articles each, topics in README), written at stop 43's
    # start, scored at first contact at 76bbefe (the rules from blind334-341): companies F1 0.953 (P 0.976), 0.964
    # (P 0.992), 0.987 (P 1.000), 0.974 (P 0.979), 0.946 (P 0.964), 0.974 (P 0.991), 0.937 (P 0.960); figures
    # 0.999, 0.999, 1.000, 0.997, 1.000, 1.000, 0.999; tickers 1.000 but in the REIT set (0.505: its gold keys the
    # REITs' fund codes, 508xxx and 180xxx, as tickers, beyond the spec's companies' codes, as its note says; every
    # code it keys that is a company's is found).
    ("blind342", {"companies": 0.95, "companies_precision": 0.975}),
    ("blind343", {"companies": 0.96, "companies_precision": 0.99}),
    ("blind344", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind345", {"companies": 0.97, "companies_precision": 0.975, "tickers": 0.5}),
    ("blind346", {"companies": 0.945, "companies_precision": 0.96}),
    ("blind347", {"companies": 0.97, "companies_precision": 0.99}),
    ("blind348", {"companies": 0.935, "companies_precision": 0.955}),
    # blind349 (long-video streaming platforms), written with them, its helper done later, scored once at 76bbefe
    # too: companies F1 0.971 (P 0.952), figures 0.997, tickers 1.000.
    ("blind349", {"companies": 0.97, "companies_precision": 0.95}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind350-357: white-feather broilers; orthopaedic implants and
    # procurement; waste-to-energy; molybdenum and tungsten; financial and aircraft leasing; MLCC and passive
    # components; duty-free retail; margin trading and securities lending — ten articles each, topics in README),
    # written at stop 43 while rules were drawn from blind334-349 and left unopened, scored once at f55f776 (the
    # rules from blind342-349 and a review's fixes), none drawn from them: companies F1 0.925 (P 0.979), 0.974 (P 0.983), 0.969 (P 1.000),
    # 0.938 (P 0.964), 0.982 (P 0.991), 0.957 (P 0.980), 0.919 (P 0.934), 0.942 (P 0.947); figures 0.999-1.000;
    # tickers 1.000 in all.
    ("blind350", {"companies": 0.92, "companies_precision": 0.975}),
    ("blind351", {"companies": 0.97, "companies_precision": 0.98}),
    ("blind352", {"companies": 0.965, "companies_precision": 0.995}),
    ("blind353", {"companies": 0.935, "companies_precision": 0.96}),
    ("blind354", {"companies": 0.98, "companies_precision": 0.99}),
    ("blind355", {"companies": 0.955, "companies_precision": 0.98}),
    ("blind356", {"companies": 0.915, "companies_precision": 0.93}),
    ("blind357", {"companies": 0.94, "companies_precision": 0.945}),
    # Articles of 2020-2022 (tests/extract_gold/blind358-365: blood products; dental implants and orthodontics; drones
    # and eVTOL; soda ash, PVC and chlor-alkali; vitamins and feed additives; music streaming and online audio;
    # lotteries; heavy-duty trucks — ten articles each, topics in README), written at stop 43 while rules were drawn
    # from blind350-357 and a second review's faults fixed, left unopened, scored once at 3864b83 (those rules and
    # fixes; rules were drawn from them after), none drawn from them before: companies F1 0.917 (P 0.960), 0.940 (P 0.989), 0.969 (P 0.990), 0.987
    # (P 0.992), 0.969 (P 0.991), 0.977 (P 0.982); figures 0.997-1.000; tickers 1.000.
    ("blind358", {"companies": 0.915, "companies_precision": 0.96}),
    ("blind359", {"companies": 0.935, "companies_precision": 0.985}),
    ("blind360", {"companies": 0.965, "companies_precision": 0.985}),
    ("blind361", {"companies": 0.985, "companies_precision": 0.99}),
    ("blind362", {"companies": 0.965, "companies_precision": 0.99}),
    ("blind363", {"companies": 0.975, "companies_precision": 0.98}),
    # blind364-365 (lotteries; heavy-duty trucks), of the same group, their helpers done after the others' commit,
    # scored once at 3864b83 too: companies F1 0.929 (P 0.958), 0.982 (P 0.993); figures 1.000; tickers 0.971 (a
    # sentence giving a code's change, 由WBAI.US变更为BTCM.US: one of the two per article missed) and 1.000.
    ("blind364", {"companies": 0.925, "companies_precision": 0.955, "tickers": 0.97}),
    ("blind365", {"companies": 0.98, "companies_precision": 0.99}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind366-373: optical modules; silicon carbide and power chips;
    # potash and fertilizers; sanitation services; internet health; elderly care and insurers' communities; garment
    # OEMs; motorcycles — ten articles each, topics in README), written at stop 43 while rules were drawn from
    # blind358-365 and a third review's faults fixed, left unopened, scored once at 3278fb9, the stop's final
    # extractor, none drawn from them: companies F1 0.965 (P 0.984), 0.956 (P 0.986), 0.967 (P 1.000), 0.971
    # (P 0.977), 0.988 (P 0.992), 0.984 (P 0.992), 0.984 (P 0.992), 0.902 (P 0.942); figures 0.998-1.000; tickers
    # 1.000 in all eight.
    ("blind366", {"companies": 0.96, "companies_precision": 0.98}),
    ("blind367", {"companies": 0.955, "companies_precision": 0.985}),
    ("blind368", {"companies": 0.965, "companies_precision": 0.995}),
    ("blind369", {"companies": 0.97, "companies_precision": 0.975}),
    ("blind370", {"companies": 0.985, "companies_precision": 0.99}),
    ("blind371", {"companies": 0.98, "companies_precision": 0.99}),
    ("blind372", {"companies": 0.98, "companies_precision": 0.99}),
    ("blind373", {"companies": 0.9, "companies_precision": 0.94}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind374-381: eyewear and eye care; pet food; battery copper
    # foil and separators; elevators; water utilities; seeds; gold jewellery; industrial robots and reducers — ten
    # articles each, topics in README), written at stop 44 by helpers that saw no code, scored once at eabdabf
    # (stop 43's final extractor) before any rule was drawn from them: companies F1 0.981 (P 1.000), 0.955 (P 0.991),
    # 0.978 (P 0.993), 0.954 (P 0.969), 0.975 (P 0.9697), 0.982 (P 1.000), 0.986 (P 1.000), 0.990 (P 1.000); figures
    # 0.996-1.000; tickers 1.000 in all eight.
    ("blind374", {"companies": 0.98, "companies_precision": 0.995}),
    ("blind375", {"companies": 0.955, "companies_precision": 0.99}),
    ("blind376", {"companies": 0.975, "companies_precision": 0.99}),
    ("blind377", {"companies": 0.95, "companies_precision": 0.965}),
    ("blind378", {"companies": 0.97, "companies_precision": 0.965}),
    ("blind379", {"companies": 0.98, "companies_precision": 0.995}),
    ("blind380", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind381", {"companies": 0.985, "companies_precision": 0.995}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind382-389: kitchen appliances; paper and pulp; tyres; toys;
    # stationery; funeral services; cement; express delivery — ten articles each, topics in README), written at stop 44
    # by helpers that saw no code at the stop's start, left unopened while rules were drawn from blind374-381,
    # blind390-395 and blind396-401 and two reviews' faults fixed, scored once at 6cc6aa25, the stop's final
    # extractor, none drawn from them: companies F1 0.982 (P 0.991), 1.000 (P 1.000), 0.991 (P 1.000), 0.958
    # (P 0.990), 0.963 (P 1.000), 0.984 (P 1.000), 0.986 (P 1.000), 0.996 (P 1.000); figures 0.998-1.000; tickers
    # 1.000 in all eight.
    ("blind382", {"companies": 0.98, "companies_precision": 0.99}),
    ("blind383", {"companies": 0.995, "companies_precision": 0.995}),
    ("blind384", {"companies": 0.99, "companies_precision": 0.995}),
    ("blind385", {"companies": 0.955, "companies_precision": 0.99}),
    ("blind386", {"companies": 0.96, "companies_precision": 0.995}),
    ("blind387", {"companies": 0.98, "companies_precision": 0.995}),
    ("blind388", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind389", {"companies": 0.995, "companies_precision": 0.995}),
    # Sixty articles of 2020-2022 (tests/extract_gold/blind390-395: city gas; wine; electric two-wheelers and their
    # batteries; online recruitment; coal mining; satellites and commercial space — ten articles each, topics in
    # README), written at stop 44 by helpers that saw no code while rules were drawn from blind374-381, scored once
    # at a0f29436 (those rules and a review's fixes) before any rule was drawn from them: companies F1 1.000 (P 1.000),
    # 0.931 (P 0.946), 0.995 (P 1.000), 0.961 (P 0.990), 0.981 (P 0.981), 0.941 (P 0.985); figures 0.998-1.000;
    # tickers 1.000 in all six.
    ("blind390", {"companies": 0.995, "companies_precision": 0.995}),
    ("blind391", {"companies": 0.93, "companies_precision": 0.945}),
    ("blind392", {"companies": 0.995, "companies_precision": 0.995}),
    ("blind393", {"companies": 0.96, "companies_precision": 0.985}),
    ("blind394", {"companies": 0.98, "companies_precision": 0.98}),
    ("blind395", {"companies": 0.94, "companies_precision": 0.98}),
    # Sixty articles of 2020-2022 (tests/extract_gold/blind396-401: sportswear and outdoor gear; photovoltaic glass;
    # tutoring after the double reduction; cinemas and film; foreign-controlled brokers; semiconductor equipment — ten
    # articles each, topics in README), written at stop 44 by helpers that saw no code while rules were drawn from
    # blind390-395, scored once at 31cf0816 (extractor of 7e309864) before any rule was drawn from them: companies F1
    # 0.987 (P 1.000), 0.995 (P 0.990), 0.974 (P 0.9699), 0.963 (P 0.967), 0.913 (P 0.917), 0.976 (P 0.979); figures
    # 0.998-1.000; tickers 1.000 in all six.
    ("blind396", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind397", {"companies": 0.99, "companies_precision": 0.99}),
    ("blind398", {"companies": 0.97, "companies_precision": 0.965}),
    ("blind399", {"companies": 0.96, "companies_precision": 0.965}),
    ("blind400", {"companies": 0.91, "companies_precision": 0.915}),
    ("blind401", {"companies": 0.975, "companies_precision": 0.975}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind402-409: beer; furniture and mattresses; condiments;
    # airports and airlines; CXO and CDMO; wind turbines; property developers in distress; medical consumables and
    # gloves — ten articles each, topics in README), written at the end of stop 44 by helpers that saw no code, scored
    # once at 5e91dc74 (the final extractor of 6cc6aa25, its behaviour unchanged since), none drawn from them:
    # companies F1 0.995 (P 1.000), 0.974 (P 0.991), 0.981 (P 1.000), 0.972 (P 0.972), 0.961 (P 0.974), 0.995
    # (P 1.000), 0.969 (P 0.979), 0.968 (P 0.991); figures 0.997-1.000; tickers 1.000 in seven (beer 0.983: one code in
    # a scan's table missed).
    ("blind402", {"companies": 0.99, "companies_precision": 0.995, "tickers": 0.98}),
    ("blind403", {"companies": 0.97, "companies_precision": 0.99}),
    ("blind404", {"companies": 0.98, "companies_precision": 0.995}),
    ("blind405", {"companies": 0.97, "companies_precision": 0.97}),
    ("blind406", {"companies": 0.96, "companies_precision": 0.97}),
    ("blind407", {"companies": 0.995, "companies_precision": 0.995}),
    ("blind408", {"companies": 0.965, "companies_precision": 0.975}),
    ("blind409", {"companies": 0.965, "companies_precision": 0.99}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind410-417: hog farming; lithium mining; dairy and infant
    # formula; car dealers and used cars; property management; medical aesthetics; steel; online travel and hotels —
    # ten articles each, topics in README), written at the start of stop 45 by helpers that saw no code, scored once at
    # d9da1aba (stop 44's final extractor), none drawn from them before: companies F1 0.978 (P 0.989), 0.973 (P 0.985),
    # 0.973 (P 1.000), 0.955 (P 0.981), 0.993 (P 1.000), 0.960 (P 1.000), 0.985 (P 1.000), 0.976 (P 0.984); figures
    # 0.997-1.000; tickers 1.000 in all eight.
    ("blind410", {"companies": 0.975, "companies_precision": 0.985}),
    ("blind411", {"companies": 0.97, "companies_precision": 0.98}),
    ("blind412", {"companies": 0.97, "companies_precision": 0.995}),
    ("blind413", {"companies": 0.95, "companies_precision": 0.98}),
    ("blind414", {"companies": 0.99, "companies_precision": 0.995}),
    ("blind415", {"companies": 0.96, "companies_precision": 0.995}),
    ("blind416", {"companies": 0.98, "companies_precision": 0.995}),
    ("blind417", {"companies": 0.975, "companies_precision": 0.98}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind418-425: baijiu; household appliance exporters; brokers;
    # Hong Kong internet platforms; auto parts; insurers; polysilicon and wafers; regional banks — ten articles each,
    # topics in README), written at the start of stop 45 by helpers that saw no code, left unopened while the stop's
    # rules were drawn, scored once at 6fbf0666 (the stop's final extractor): companies F1 0.981 (P 0.985), 0.979
    # (P 0.983), 0.992 (P 0.992), 0.995 (P 1.000), 0.990 (P 1.000), 0.979 (P 0.992), 0.978 (P 0.974), 0.978 (P 0.973);
    # figures 0.997-1.000; tickers 1.000 in all eight.
    ("blind418", {"companies": 0.98, "companies_precision": 0.98}),
    ("blind419", {"companies": 0.975, "companies_precision": 0.98}),
    ("blind420", {"companies": 0.99, "companies_precision": 0.99}),
    ("blind421", {"companies": 0.99, "companies_precision": 0.995}),
    ("blind422", {"companies": 0.985, "companies_precision": 0.995}),
    ("blind423", {"companies": 0.975, "companies_precision": 0.99}),
    ("blind424", {"companies": 0.975, "companies_precision": 0.97}),
    ("blind425", {"companies": 0.975, "companies_precision": 0.97}),
    # Eighty articles of 2020-2022 (tests/extract_gold/blind426-433: ports and container lines; builders; power
    # generators; battery makers; vaccines and biotech; EV start-ups; education after the 2021 rules; chip design and
    # foundry — ten articles each, topics in README), written after stop 45's last rule by helpers that saw no code,
    # scored once at 3b825128 (the final extractor): companies F1 0.975 (P 0.970, 0.9697 unrounded: below 0.97),
    # 0.965 (P 0.991), 0.984 (P 0.976), 0.977 (P 1.000), 0.974 (P 0.992), 0.996 (P 1.000), 0.981 (P 0.985), 1.000
    # (P 1.000); figures 0.999-1.000; tickers 1.000 in all eight.
    ("blind426", {"companies": 0.97, "companies_precision": 0.965}),
    ("blind427", {"companies": 0.96, "companies_precision": 0.99}),
    ("blind428", {"companies": 0.98, "companies_precision": 0.975}),
    ("blind429", {"companies": 0.975, "companies_precision": 0.995}),
    ("blind430", {"companies": 0.97, "companies_precision": 0.99}),
    ("blind431", {"companies": 0.995, "companies_precision": 0.995}),
    ("blind432", {"companies": 0.98, "companies_precision": 0.98}),
    ("blind433", {"companies": 0.995, "companies_precision": 0.995}),
]


@pytest.mark.parametrize(("gold_set", "floors"), _BLIND_FLOORS, ids=[name for name, _ in _BLIND_FLOORS])
def test_blind_sets_from_294_of_articles_written_for_them(gold_set, floors):
    _assert_scores(f"{gold_set}.json", GOLD / gold_set, **floors)


@pytest.mark.parametrize("gold_file", ["real-heldout.json", "real-heldout2.json", "real-heldout3.json",
                                       "real-heldout4.json", "real-heldout5.json", "real-heldout6.json",
                                       "real-heldout7.json", "blind8.json", "blind9.json", "blind10.json", "blind11.json", "blind12.json", "blind13.json", "blind14.json",
                                       "blind15.json", "blind16.json", "blind17.json", "blind18.json",
                                       "blind19.json", "blind20.json", "blind21.json", "blind22.json", "blind23.json", "blind24.json",
                                       "blind25.json", "blind26.json", "blind27.json", "blind28.json", "blind29.json", "blind30.json", "blind31.json", "blind32.json",
                                       "blind33.json", "blind34.json", "blind35.json", "blind36.json",
                                       "blind37.json", "blind38.json", "blind39.json", "blind40.json", "blind41.json", "blind42.json",
                                       "blind43.json", "blind44.json", "blind45.json", "blind46.json",
                                       "blind47.json", "blind48.json", "blind49.json", "blind50.json",
                                       "blind51.json", "blind52.json", "blind53.json", "blind54.json",
                                       "blind55.json", "blind56.json", "blind57.json", "blind58.json", "blind59.json", "blind60.json", "blind61.json", "blind62.json", "blind63.json", "blind64.json", "blind65.json", "blind66.json", "blind67.json", "blind68.json", "blind69.json", "blind70.json", "blind71.json", "blind72.json", "blind73.json", "blind74.json", "blind75.json", "blind76.json", "blind77.json", "blind78.json", "blind79.json", "blind80.json", "blind81.json", "blind82.json", "blind83.json", "blind84.json", "blind85.json", "blind86.json", "blind87.json", "blind88.json", "blind89.json", "blind90.json", "blind91.json", "blind92.json", "blind93.json", "blind94.json", "blind95.json", "blind96.json", "blind97.json", "blind98.json", "blind99.json", "blind100.json", "blind101.json", "blind102.json", "blind103.json", "blind104.json", "blind105.json", "blind106.json", "blind107.json", "blind108.json", "blind109.json", "blind110.json", "blind111.json", "blind112.json", "blind113.json", "blind114.json", "blind115.json", "blind116.json", "blind117.json", "blind118.json", "blind119.json", "blind120.json", "blind121.json", "blind122.json", "blind123.json", "blind124.json", "blind125.json", "blind126.json", "blind127.json", "blind128.json", "blind129.json", "blind130.json", "blind131.json", "blind132.json", "blind133.json", "blind134.json", "blind135.json", "blind136.json", "blind137.json", "blind138.json", "blind139.json", "blind140.json", "blind141.json", "blind142.json", "blind143.json", "blind144.json", "blind145.json", "blind146.json", "blind147.json", "blind148.json", "blind149.json", "blind150.json", "blind151.json", "blind152.json", "blind153.json", "blind154.json", "blind155.json", "blind156.json", "blind157.json", "blind158.json", "blind159.json", "blind160.json", "blind161.json", "blind162.json", "blind163.json", "blind164.json", "blind165.json", "blind166.json", "blind167.json", "blind168.json", "blind169.json", "blind170.json", "blind171.json", "blind172.json", "blind173.json", "blind174.json", "blind175.json", "blind176.json", "blind177.json", "blind178.json",
                                       "blind179.json", "blind180.json", "blind181.json", "blind182.json",
                                       "blind183.json", "blind184.json", "blind185.json", "blind186.json",
                                       "blind187.json", "blind188.json", "blind189.json", "blind190.json",
                                       "blind191.json", "blind192.json", "blind193.json", "blind194.json",
                                       "blind195.json", "blind196.json", "blind197.json", "blind198.json",
                                       "blind199.json", "blind200.json", "blind201.json", "blind202.json",
                                       "blind203.json", "blind204.json", "blind205.json", "blind206.json",
                                       "blind207.json", "blind208.json", "blind209.json", "blind210.json",
                                       "blind211.json", "blind212.json", "blind213.json", "blind214.json",
                                       "blind215.json", "blind216.json", "blind217.json", "blind218.json",
                                       "blind219.json", "blind220.json", "blind221.json", "blind222.json",
                                       "blind223.json", "blind224.json", "blind225.json", "blind226.json",
                                       "blind227.json", "blind228.json", "blind229.json", "blind230.json",
                                       "blind231.json", "blind232.json", "blind233.json", "blind234.json",
                                       "blind235.json", "blind236.json", "blind237.json", "blind238.json",
                                       "blind239.json", "blind240.json", "blind241.json", "blind242.json",
                                       "blind243.json", "blind244.json", "blind245.json", "blind246.json",
                                       "blind247.json", "blind248.json", "blind249.json", "blind250.json",
                                       "blind251.json", "blind252.json", "blind253.json", "blind254.json",
                                       "blind255.json", "blind256.json", "blind257.json", "blind258.json",
                                       "blind259.json", "blind260.json", "blind261.json", "blind262.json",
                                       "blind263.json", "blind264.json", "blind265.json", "blind266.json",
                                       "blind267.json", "blind268.json", "blind269.json", "blind270.json",
                                       "blind271.json", "blind272.json", "blind273.json", "blind274.json",
                                       "blind275.json", "blind276.json", "blind277.json", "blind278.json",
                                       "blind279.json", "blind280.json", "blind281.json", "blind282.json",
                                       "blind283.json", "blind284.json", "blind285.json", "blind286.json",
                                       "blind287.json", "blind288.json", "blind289.json", "blind290.json",
                                       "blind291.json", "blind292.json", "blind293.json",
                                       "blind294.json", "blind295.json", "blind296.json", "blind297.json",
                                       "blind298.json", "blind299.json", "blind300.json", "blind301.json",
                                       "blind302.json", "blind303.json", "blind304.json", "blind305.json",
                                       "blind306.json", "blind307.json", "blind308.json", "blind309.json",
                                       "blind310.json", "blind311.json", "blind312.json", "blind313.json",
                                       "blind314.json", "blind315.json", "blind316.json", "blind317.json",
                                       "blind318.json", "blind319.json", "blind320.json", "blind321.json",
                                       "blind322.json", "blind323.json", "blind324.json", "blind325.json",
                                       "blind326.json", "blind327.json", "blind328.json", "blind329.json",
                                       "blind330.json", "blind331.json", "blind332.json", "blind333.json",
                                       "blind334.json", "blind335.json", "blind336.json", "blind337.json",
                                       "blind338.json", "blind339.json", "blind340.json", "blind341.json",
                                       "blind342.json", "blind343.json", "blind344.json", "blind345.json",
                                       "blind346.json", "blind347.json", "blind348.json", "blind349.json",
                                       "blind350.json", "blind351.json", "blind352.json", "blind353.json",
                                       "blind354.json", "blind355.json", "blind356.json", "blind357.json",
                                       "blind358.json", "blind359.json", "blind360.json", "blind361.json",
                                       "blind362.json", "blind363.json", "blind364.json", "blind365.json",
                                       "blind366.json", "blind367.json", "blind368.json", "blind369.json",
                                       "blind370.json", "blind371.json", "blind372.json", "blind373.json",
                                       "blind374.json", "blind375.json", "blind376.json", "blind377.json",
                                       "blind378.json", "blind379.json", "blind380.json", "blind381.json",
                                       "blind382.json", "blind383.json", "blind384.json", "blind385.json",
                                       "blind386.json", "blind387.json", "blind388.json", "blind389.json",
                                       "blind390.json", "blind391.json", "blind392.json", "blind393.json",
                                       "blind394.json", "blind395.json", "blind396.json", "blind397.json",
                                       "blind398.json", "blind399.json", "blind400.json", "blind401.json",
                                       "blind402.json", "blind403.json", "blind404.json", "blind405.json",
                                       "blind406.json", "blind407.json", "blind408.json", "blind409.json",
                                       "blind410.json", "blind411.json", "blind412.json", "blind413.json",
                                       "blind414.json", "blind415.json", "blind416.json", "blind417.json",
                                       "blind418.json", "blind419.json", "blind420.json", "blind421.json",
                                       "blind422.json", "blind423.json", "blind424.json", "blind425.json",
                                       "blind426.json", "blind427.json", "blind428.json", "blind429.json",
                                       "blind430.json", "blind431.json", "blind432.json", "blind433.json"])
def test_held_out_gold_keeps_no_article_text(gold_file):
    """The gold holds figures and names, never sentences: no string in it is longer than a name."""
    import json

    gold = json.loads((GOLD / gold_file).read_text(encoding="utf-8"))["articles"]
    assert len(gold) >= 3
    for g in gold.values():
        assert "title" not in g["meta"]
        strings = [t for t, _ in g["numbers"]["required"]] + g["numbers"]["optional"]
        strings += [n for name, al in g["companies"]["required"].items() for n in [name, *al]]
        long = [s for s in strings if len(s) > (60 if s.isascii() else 30)]  # (an English legal name may be long)
        assert not long, long
