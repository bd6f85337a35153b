"""Versions of what the persistent index caches. Bump one when its output changes, so that
cached results are recomputed (a tiny module: the index reads it without importing the parsers).
"""

# kfin_tui.articles: the rows and texts an article file turns into (a bump re-reads every file)
LOADER_VERSION = 7  # 7: an undated plain-text post dated by its file time (≈); 6: --json dates in Beijing time (+08:00); 4: inert text (controls, BiDi, zero-width), http(s) links only; 5: a fetched item's tags and stocks, --json lines escape C1/BiDi
# kfin_tui.extract: figures and companies (a bump drops cached extractions only)
EXTRACTOR_VERSION = 14  # 14: a title's dictionary names read again when its only form has spaces (Goldman Sachs): lost by the title filter of c472b57; 13: blind sets 8-9: 第一至第三季度, index codes, Latin names after trading venues, spaced and event counts, table units, kinds of stock, branch offices, futures brokers, line-of-business groups, announced short names; futures companies, insurers' subsidiaries, 东方财富证券 in the dictionary; 12: a review of 11: 也称/称为 is no source cue, 有 stripped only off a rare pair, generic English …Investors; 11: month and quarter ranges (3至4月), fiscal quarters, 有 before a name, share classes and fund products before codes, a name running on into its alias, English …Investors firms; 10: WIND and 万得资讯 for 万得; 9: lists of companies, ST names of ordinary words, English firm names, 实业/炼化/化工… suffixes
