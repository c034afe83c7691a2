"""The number detector: every disguise is caught, ordinary figures are left alone."""

import pytest

from scripts.detect.numbers import find_numbers

CAUGHT = [
    ("plain short code", "请拨打 95188 咨询"),
    ("spaces", "客服 400 670 0700"),
    ("dashes", "客服 400-670-0700"),
    ("dots", "客服 021.6888.8888"),
    ("brackets", "致电 (010) 5801-2345"),
    ("+86 prefix", "+86 10 5801 2345"),
    ("0086 prefix", "0086-10-58012345"),
    ("full-width digits", "热线：９５１８８"),
    ("full-width plus and digits", "＋８６ １０ ５８０１ ２３４５"),
    ("zero-width space", "95\u200b188"),
    ("zero-width joiner", "9\u200d5\u200d1\u200d8\u200d8"),
    ("soft hyphen", "400\u00ad670\u00ad0700"),
    ("bold split", "9**5**188"),
    ("italic split", "95_1_88"),
    ("code split", "95`188`"),
    ("raw HTML split", "95<b>188</b>"),
    ("raw HTML span", '<span class="x">400</span>-<span>670</span>-0700'),
    ("html entity nbsp", "400&nbsp;670&nbsp;0700"),
    ("tel link markdown", "[客服](tel:95188)"),
    ("tel link html", '<a href="tel:+8610">call</a>'),
    ("mobile number", "加微信 13800138000"),
    ("international UK", "Call 0300 123 2040"),
    ("international US", "+1 (402) 935-7733"),
    ("short police code after a phone word", "请拨打 110 报警"),
    ("short code after 'call'", "call 1799 now"),
]

IGNORED = [
    ("ISO date", "核实于 2026-11-22"),
    ("Chinese date", "2026年11月22日"),
    ("slash date", "22/11/2026"),
    ("year", "自 2021 年起"),
    ("year range", "2020-2026"),
    ("yuan amount", "手续费 12345 元"),
    ("currency sign", "¥12345"),
    ("dollar amount", "$1,000,000"),
    ("thousands separator", "1,000,000 users"),
    ("percentage", "约 0.1% 的手续费"),
    ("big percentage", "12345%"),
    ("duration", "等待 30 分钟"),
    ("duration english", "within 10000 days"),
    ("time of day", "9:00–21:00"),
    ("version", "版本 10.5.2"),
    ("v-version", "v1.65.2"),
    ("decimal", "1234.56"),
    ("count with unit", "共 10000 次"),
    ("count of pages", "第 110 页"),
    ("small count", "3 个工作日"),
    ("svg-ish coordinates", "M12 2.5 9.5 6.5-1.5 1.5"),
    ("long transaction id", "订单号 2026112212345678901"),
    ("short code without phone word", "110 people"),
]


@pytest.mark.parametrize("label,text", CAUGHT, ids=[c[0] for c in CAUGHT])
def test_catches_disguised_numbers(label, text):
    assert find_numbers(text), f"{label}: {text!r} should be flagged"


@pytest.mark.parametrize("label,text", IGNORED, ids=[c[0] for c in IGNORED])
def test_leaves_ordinary_figures_alone(label, text):
    assert find_numbers(text) == [], f"{label}: {text!r} should not be flagged"


def test_reports_line_and_column():
    [finding] = find_numbers("第一行\n请拨打 95188\n")
    assert (finding.line, finding.column) == (2, 5)
    assert finding.digits == "95188"


def test_three_and_four_digit_codes_need_a_phone_word():
    assert find_numbers("另见 4739 和 2882") == []
    assert [f.digits for f in find_numbers("拨打 2882", {"2882"})] == ["2882"]


def test_registry_forms_count_as_short_codes_at_five_digits():
    assert [f.digits for f in find_numbers("见 56789", {"56789"})] == ["56789"]


def test_urls_are_not_numbers_but_tel_links_are():
    assert find_numbers("见 https://example.com/a/20251212345678/b") == []
    assert find_numbers("tel:+862012345678") != []
