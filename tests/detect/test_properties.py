"""Property tests: valid numbers, however disguised, are found; ordinary figures with their context word are not.

Numbers come from `phonenumbers` (mainland 400 lines, 95xxx short codes, mobiles and landlines;
Hong Kong, Singapore and UK numbers) in the forms people write them; Hypothesis then swaps
digits for other scripts, numerals and look-alike letters, puts any separator people use
between the groups, hides invisible characters between digits and, in HTML, splits the number
with tags, comments and entities.
"""

from __future__ import annotations

import os

import phonenumbers
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, shortnumberinfo

from scripts.detect.documents import read_document
from scripts.detect.numbers import find_numbers

# Modest by default so the suite stays fast; HC_HYPOTHESIS_EXAMPLES=2000 for a long hunt.
FAST = settings(
    max_examples=int(os.environ.get("HC_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# --- numbers -------------------------------------------------------------------------------------

_D = st.integers(0, 9).map(str)


def _digits(n: int):
    return st.lists(_D, min_size=n, max_size=n).map("".join)


# (region, national digits) that phonenumbers accepts as valid numbers or short codes
NATIONAL = st.one_of(
    st.tuples(st.just("CN"), _digits(7).map(lambda d: "400" + d)),
    st.tuples(st.just("CN"), st.tuples(st.sampled_from("3456789"), _digits(9)).map(lambda t: "1" + t[0] + t[1])),
    st.tuples(st.just("CN"), _digits(8).map(lambda d: "010" + d)),
    st.tuples(st.just("CN"), _digits(8).map(lambda d: "021" + d)),
    st.tuples(st.just("HK"), st.tuples(st.sampled_from("235689"), _digits(7)).map("".join)),
    st.tuples(st.just("SG"), st.tuples(st.sampled_from("689"), _digits(7)).map("".join)),
    st.tuples(st.just("GB"), _digits(7).map(lambda d: "0300" + d)),
    st.tuples(st.just("GB"), _digits(8).map(lambda d: "020" + d)),
)
SHORT = _digits(3).map(lambda d: "95" + d)


@st.composite
def written_numbers(draw):
    """A valid number as a person would write it: national or international format, its groups."""
    region, national = draw(NATIONAL)
    number = phonenumbers.parse(national, region)
    assume(phonenumbers.is_valid_number(number))
    style = draw(st.sampled_from([PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164]))
    text = phonenumbers.format_number(number, style)
    return text, phonenumbers.national_significant_number(number)


@st.composite
def short_codes(draw):
    code = draw(SHORT)
    assume(shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(code, "CN"), "CN"))
    return code, code


# --- disguises -----------------------------------------------------------------------------------

SCRIPTS = {
    "ascii": "0123456789",
    "full-width": "０１２３４５６７８９",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
    "bengali": "০১২৩৪৫৬৭৮৯",
    "math-bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
    "math-mono": "𝟶𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾𝟿",
    "superscript": "⁰¹²³⁴⁵⁶⁷⁸⁹",
    "circled": "⓪①②③④⑤⑥⑦⑧⑨",
    "chinese": "零一二三四五六七八九",
    "chinese-capital": "零壹贰叁肆伍陆柒捌玖",
    "chinese-spoken": "〇幺两三四五六七八九",
}
SEPARATORS = [
    " ",
    "-",
    ".",
    "/",
    "|",
    "•",
    "·",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u3000",
    "\u2002",
    "\u200b",
    "\u00ad",
    "–",
    "—",
    "－",
    "／",
    "｜",
    "・",
    " - ",
    " / ",
    " | ",
    "\u200b\u200b",
    "_",
    "*",
    "~",
]
INVISIBLE = ["", "", "", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\ufe0f"]
HTML_SPLITS = ["", "", "<b></b>", "<span>", "</span>", "<!-- x -->", "<wbr>", "<br>", "</div><div>", "<em>", "</em>"]
LEADS = ["", "客服 ", "请拨打 ", "热线：", "Call ", "Our numbers ", "Please confirm ", "联系 ", "☎ ", "详见 "]
TRAILS = ["", "。", " 咨询", "号码", " 人工服务", "热线", ".", "，谢谢"]


@st.composite
def disguised(draw, source, html: bool = False):
    """(text, national digits): the number with every digit, separator and gap chosen by Hypothesis."""
    written, national = draw(source)
    out = []
    first_digit = True
    for ch in written:
        if ch.isdigit():
            script = draw(st.sampled_from(sorted(SCRIPTS)))
            glyph = SCRIPTS[script][int(ch)]
            gap = draw(st.sampled_from(INVISIBLE))
            if html:
                split = draw(st.sampled_from(HTML_SPLITS))
                entity = draw(st.booleans())
                glyph = f"&#{ord(glyph)};" if entity else glyph
                gap = split + gap
            out.append(("" if first_digit else gap) + glyph)
            first_digit = False
        elif ch == " " or ch == "-":
            out.append(draw(st.sampled_from(SEPARATORS)))
        elif ch == "+":
            out.append(draw(st.sampled_from(["+", "＋"])))
        else:
            out.append(ch)
    text = draw(st.sampled_from(LEADS)) + "".join(out) + draw(st.sampled_from(TRAILS))
    return text, national


@st.composite
def with_letters(draw, source):
    """O for 0 and l/I for 1 inside digit groups (each group keeps at least one real digit)."""
    written, national = draw(source)
    groups = written.split(" ")
    out = []
    for group in groups:
        letters = list(group)
        positions = [i for i, ch in enumerate(group) if ch in "01"]
        if positions and any(ch.isdigit() and ch not in "01" for ch in group):
            for i in draw(st.lists(st.sampled_from(positions), unique=True)):
                letters[i] = draw(st.sampled_from("Oo")) if group[i] == "0" else draw(st.sampled_from("lI"))
        out.append("".join(letters))
    return "客服 " + " ".join(out), national


def _found(findings, national: str) -> bool:
    return any(f.digits.lstrip("+").endswith(national) or national.endswith(f.digits.lstrip("+").lstrip("0")) for f in findings)


@FAST
@given(disguised(written_numbers()))
def test_disguised_numbers_are_found_in_text(case):
    text, national = case
    assert _found(find_numbers(text), national), repr(text)


@FAST
@given(disguised(short_codes()))
def test_disguised_short_codes_are_found_in_text(case):
    text, national = case
    assert _found(find_numbers(text), national), repr(text)


@FAST
@given(disguised(written_numbers(), html=True))
def test_disguised_numbers_are_found_in_html(case):
    text, national = case
    assert _found(read_document("page.html", f"<p>{text}</p>"), national), repr(text)


@FAST
@given(with_letters(written_numbers()))
def test_numbers_with_letters_for_digits_are_found(case):
    text, national = case
    assert _found(find_numbers(text), national), repr(text)


@FAST
@given(st.lists(written_numbers(), min_size=2, max_size=4), st.sampled_from([" ", "  ", " / ", "、", "，", " or ", "\n"]))
def test_numbers_side_by_side_are_each_found(numbers, joiner):
    """No digit escapes, however the run is cut (registry numbers side by side are tested in test_numbers)."""
    text = "客服 " + joiner.join(written for written, _ in numbers)
    findings = find_numbers(text)
    everything = "".join(ch for written, _ in numbers for ch in written if ch.isdigit())
    assert "".join(f.digits.lstrip("+") for f in findings) == everything, (text, [f.digits for f in findings])


# --- ordinary texts ----------------------------------------------------------------------------

_year = st.integers(2000, 2030)
_month = st.integers(1, 12)
_day = st.integers(1, 28)
_hour = st.integers(0, 23)
_minute = st.integers(0, 59)


def _n(lo: int, hi: int):
    return st.integers(lo, hi).map(str)


ORDINARY = st.one_of(
    st.builds(lambda y, m, d, h, mi: f"核实于 {y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}", _year, _month, _day, _hour, _minute),
    st.builds(lambda y, m, d: f"{y}年{m}月{d}日", _year, _month, _day),
    st.builds(lambda y, m, d, h, mi: f"Checked {d:02d}/{m:02d}/{y} at {h}:{mi:02d}", _year, _month, _day, _hour, _minute),
    st.builds(lambda n, y: f"依据 GB/T {n}-{y}", _n(10000, 99999), _year),
    st.builds(lambda n, y: f"符合 ISO/IEC {n}:{y}", _n(1000, 99999), _year),
    st.builds(lambda w, n: f"{w} {n}", st.sampled_from(["错误代码", "错误码：", "Error code"]), _n(1000, 999999)),
    st.builds(lambda n: f"验证码（例如 {n}）", _n(100000, 999999)),
    st.builds(lambda n, u: f"单日限额 {n} {u}", _n(1000, 9999999), st.sampled_from(["元", "美元", "港元", "yuan"])),
    st.builds(lambda n: f"商户号 1{n}", _digits(9)),
    st.builds(lambda n: f"邮编 {n}", _n(100000, 999999)),
    st.builds(lambda n, u: f"请等待 {n} {u}", _n(1, 99999), st.sampled_from(["分钟", "小时", "天", "个工作日", "days", "minutes", "秒"])),
    st.builds(lambda c, n: f"{c}{n}", st.sampled_from(["¥", "￥", "$", "RMB ", "HKD ", "RM ", "Rs. "]), _n(1000, 9999999)),
    st.builds(lambda a, b, c: f"版本 {a}.{b}.{c}", _n(0, 20), _n(0, 99), _n(0, 999)),
    st.builds(lambda n: f"订单号 {n}", _digits(19).filter(lambda d: d[0] != "0")),
    st.builds(lambda n: f"共 {n} 笔交易", _n(1000, 9999999)),
)


@FAST
@given(ORDINARY)
def test_ordinary_figures_with_their_context_word_stay_quiet(text):
    assert find_numbers(text) == [], text
    assert read_document("page.html", f"<p>{text}</p>") == [], text
