"""The segmenter's words: no word of jieba's own dictionary hides a firm's name behind a country's."""
import jieba

from kfin_tui.extract import extract
from kfin_tui.extract.dictionary import get_dictionary
from kfin_tui.extract.segment import COUNTRIES_BEFORE_FIRMS, COUNTRY_AND_FIRM_WORDS, ensure_jieba, lcut


def test_the_country_and_firm_words_are_all_there_are():
    """Recomputed from jieba's dictionary (as installed) and ours: a word that is a country and a form
    of a firm the segmenter would read as one word, so the name would begin inside a word."""
    jieba.initialize()
    d = get_dictionary()
    listed = set(COUNTRY_AND_FIRM_WORDS)  # (once taken out of jieba's words their count is 0)
    found = {c + form for c in COUNTRIES_BEFORE_FIRMS for form, e in d.by_form.items()
             if e.kind == "company" and not e.ambiguous and form not in e.ambiguous_forms and len(form) >= 2
             and d.by_form.get(c + form) is None and (jieba.dt.FREQ.get(c + form) or c + form in listed)}
    assert found == set(COUNTRY_AND_FIRM_WORDS)


def test_a_firm_after_its_country_is_read():
    ensure_jieba()
    assert lcut("收购了美国通用电气旗下的家电业务")[2:4] == ["美国", "通用电气"]
    got = [c.name for c in extract("海尔智家收购了美国通用电气旗下的家电业务。德国西门子的订单增加。").companies]
    assert "通用电气" in got and "西门子" in got
