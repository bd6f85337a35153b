"""The companies pass's shortcuts give what the long way gives (issue 13, speed): the dictionary scan
(ahocorasick-rs) is leftmost-longest over every form, lcut's one-block path is jieba.lcut, and the
memos keep their newest entries when full."""
from __future__ import annotations

import random
from pathlib import Path

import jieba

from kfin_tui.articles import load_file
from kfin_tui.articles.discovery import discover
from kfin_tui.extract.dictionary import get_dictionary
from kfin_tui.extract.segment import _LCUT_CACHE, ensure_jieba, lcut, make_room
from kfin_tui.extract.textnorm import nfkc_same_length

REPO = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    out = []
    for folder in (REPO / "corpus", REPO / "tests" / "extract_gold" / "articles"):
        for path in discover(folder):
            article, _ = load_file(path, folder)
            if article is not None and article.body_text:
                out.append(nfkc_same_length(article.body_text))
    assert len(out) >= 20
    return out


def _leftmost_longest(text: str, forms: set[str], longest: int) -> list[tuple[int, str]]:
    """The definition, the slow way: at each position the longest form that starts there, then on
    after it; (last index, form)."""
    out, i = [], 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            if text[i:i + n] in forms:
                out.append((i + n - 1, text[i:i + n]))
                i += n
                break
        else:
            i += 1
    return out


def test_dictionary_scan_is_leftmost_longest():
    d = get_dictionary()
    forms = {f for f in d.by_form if len(f) >= 2}
    longest = max(map(len, forms))
    texts = _texts()
    found = 0
    for text in texts:
        got = [(last, form) for last, (form, _entry) in d.scan(text)]
        assert got == _leftmost_longest(text, forms, longest)
        assert all(d.by_form[form] is entry for _last, (form, entry) in d.scan(text))
        found += len(got)
    assert found > 100  # the texts name companies: the comparison is not vacuous


def test_lcut_is_jieba_lcut_without_hmm():
    ensure_jieba()
    rnd = random.Random(13)
    pieces = [""]
    for text in _texts():
        for _ in range(40):
            i = rnd.randrange(len(text))
            pieces.append(text[i:i + rnd.randrange(1, 48)])  # one run, or spanning punctuation and spaces
    pieces += ["宁德时代", "abc123", "中国平安2024年", "腾讯、阿里", "Apple公司 发布", "\u9fd6\u4e00", "a-b_c.d"]
    for piece in pieces:
        _LCUT_CACHE.clear()
        assert lcut(piece) == jieba.lcut(piece, HMM=False), piece
        assert lcut(piece) == jieba.lcut(piece, HMM=False), piece  # memoised the same


def test_a_full_memo_keeps_its_newer_half():
    memo = {k: k * 2 for k in range(10)}
    make_room(memo, 20)
    assert len(memo) == 10  # not full: untouched
    make_room(memo, 10)
    assert list(memo) == [5, 6, 7, 8, 9] and memo[9] == 18


def _nfkc_char(c: str) -> str:
    """The table's rule for one character, the long way (unicodedata, no memo)."""
    import unicodedata

    from kfin_tui.extract.textnorm import BAR_LIKE

    if c in BAR_LIKE:
        return BAR_LIKE[c]
    if "\u4e00" <= c <= "\u9fff":
        return c
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


def test_nfkc_shortcuts_change_only_what_the_table_changes():
    """The characters the fast path leaves to no translate (outside MAY_CHANGE) are their own form,
    and each str.replace pair is the table's."""
    from kfin_tui.extract.textnorm import COMMON, MAY_CHANGE

    for a, b in COMMON:
        assert _nfkc_char(a) == b
    unchanged = [chr(cp) for cp in range(0x30000) if not 0xD800 <= cp <= 0xDFFF and MAY_CHANGE.match(chr(cp)) is None]
    assert len(unchanged) > 20_000
    assert [c for c in unchanged if _nfkc_char(c) != c] == []


def test_nfkc_same_length_is_the_table_char_by_char():
    """Mixed texts (full-width forms, common punctuation, ideographs, 丨, kept multi-char forms like
    ㈱ and …): the fast path gives the char-by-char table's text, of the same length."""
    rng = random.Random(5)
    pool = "，（）：；！？％丨ＡＢ１２３ａｂ　、。《》“”…—·㈱①ﬁ한가快手公司abc 123\n" + "".join(_texts()[:5])
    for _n in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 60)))
        want = "".join(_nfkc_char(c) for c in text)
        assert nfkc_same_length(text) == want
        assert len(nfkc_same_length(text)) == len(text)


def test_cut_block_is_jiebas_own_step():
    """segment's route over a block (DAG, log frequencies, glued letters) cuts as jieba's
    ``__cut_DAG_NO_HMM`` does, on every run of the texts and pieces of them."""
    import re

    from kfin_tui.extract.segment import _cut_block, jieba_cut_block

    ensure_jieba()
    rnd = random.Random(7)
    blocks = ["a", "ab1", "A股B股", "5G通信", "中国平安2024", "腾讯控股有限公司", "长江证券研究所", "+#&._%-"]
    for text in _texts():
        for run in re.findall(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%\-]+", text):
            blocks.append(run)
            i = rnd.randrange(len(run))
            blocks.append(run[i:i + rnd.randrange(1, 12)])
    assert len(blocks) > 1000
    for block in blocks:
        assert _cut_block(block) == jieba_cut_block(block), block
