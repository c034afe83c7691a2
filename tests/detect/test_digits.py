"""Folding digits the way people read them: every script, numerals and look-alike letters; positions never move."""

import unicodedata

import pytest

from scripts.detect.digits import FOLD, fold, has_digits

FOLDED = [
    ("full-width", "４００－６７０", "400－670"),
    ("Arabic-Indic", "٤٠٠٦٧٠", "400670"),
    ("Extended Arabic-Indic", "۴۰۰۶۷۰", "400670"),
    ("Devanagari", "४००६७०", "400670"),
    ("Bengali", "৪০০৬৭০", "400670"),
    ("Thai", "๔๐๐๖๗๐", "400670"),
    ("mathematical bold", "𝟒𝟎𝟎𝟔𝟕𝟎", "400670"),
    ("mathematical monospace", "𝟺𝟶𝟶𝟼𝟽𝟶", "400670"),
    ("superscript", "⁴⁰⁰⁶⁷⁰", "400670"),
    ("subscript", "₄₀₀₆₇₀", "400670"),
    ("circled", "④⓪⓪⑥⑦⓪", "400670"),
    ("negative circled", "❹⓿⓿❻❼⓿", "400670"),
    ("Chinese everyday", "四零零六七〇", "400670"),
    ("Chinese financial", "肆零零陆柒零", "400670"),
    ("Chinese spoken", "幺幺零 两", "110 2"),
    ("mixed", "95零55", "95055"),
    ("letters in a digit group", "4OO-67O l23I", "400-670 1231"),
    ("Cyrillic and Greek look-alikes", "4ОО 67Ο", "400 670"),
    ("full-width letters", "4ＯＯ", "400"),
    ("full-width plus", "＋86", "+86"),
]


@pytest.mark.parametrize("label,text,expected", FOLDED, ids=[f[0] for f in FOLDED])
def test_folds_to_ascii_digits(label, text, expected):
    folded = fold(text)
    assert folded == expected
    assert len(folded) == len(text), "positions must not move"


@pytest.mark.parametrize("word", ["GOOGLE", "H2O", "Io", "lOl", "iOS 17", "COVID-19", "model O1a"])
def test_letters_stay_letters_outside_digit_groups(word):
    assert fold(word) == word


def test_every_unicode_decimal_digit_folds():
    missing = [
        hex(cp)
        for cp in range(0x80, 0x20000)
        if unicodedata.category(chr(cp)) == "Nd" and FOLD.get(chr(cp)) != str(unicodedata.digit(chr(cp)))
    ]
    assert missing == []


def test_quick_test_for_digits():
    assert not has_digits("no digits here, 没有数字")
    assert has_digits("一") and has_digits("𝟒") and has_digits("٤") and has_digits("⑨")
    assert not has_digits("+")
