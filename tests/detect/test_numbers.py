"""The number detector on plain text: every disguise is caught, ordinary figures are left alone.

Cases are grouped by class (what kind of disguise, what kind of ordinary figure); each class
has several members so a fix for one example cannot pass the class by accident.
"""

import pytest

from scripts.detect.numbers import find_numbers

CAUGHT = {
    "plain forms": [
        "请拨打 95188 咨询",
        "客服 400 670 0700",
        "客服 400-670-0700",
        "客服 021.6888.8888",
        "致电 (010) 5801-2345",
        "+86 10 5801 2345",
        "0086-10-58012345",
        "加微信 13800138000",
        "Call 0300 123 2040",
        "+1 (402) 935-7733",
    ],
    "unicode digits": [
        "热线：９５１８８",
        "＋８６ １０ ５８０１ ２３４５",
        "客服 ٤٠٠٦٧٠٠٧٠٠",
        "客服 ۴۰۰۶۷۰۰۷۰۰",
        "客服 ४००६७००७००",
        "客服 𝟒𝟎𝟎𝟔𝟕𝟎𝟎𝟕𝟎𝟎",
        "客服 𝟺𝟶𝟶𝟼𝟽𝟶𝟶𝟽𝟶𝟶",
        "客服 ⁴⁰⁰⁶⁷⁰⁰⁷⁰⁰",
        "客服 ④⓪⓪⑥⑦⓪⓪⑦⓪⓪",
        "客服 ❹⓿⓿❻❼⓿⓿❼⓿⓿",
        "客服 ৯৫১৮৮",
        "客服 ๙๕๑๘๘",
        "客服 4٠0６7０0७0０",
    ],
    "chinese numerals": [
        "请拨打九五五五五",
        "客服电话四零零六七零零七零零",
        "请拨95零55",
        "幺幺零报警",
        "壹贰叁肆伍陆柒捌玖",
        "四〇〇 六七〇 〇七〇〇",
        "热线 玖伍伍伍伍",
        "拨打 两两两两两两两",
        "九5五5五",
        "一三八零零一三八零零零",
    ],
    "letters for digits": ["400-67O-O7OO", "95l88", "客服 4OO 67O O7OO", "热线 I38OOI38OOO", "call 1-8OO-4l9-Ol57"],
    "separators": [
        "400 670 0700",
        "400|670|0700",
        "400•670•0700",
        "400·670·0700",
        "400/670/0700",
        "400\u2009670\u20090700",
        "400\u3000670\u30000700",
        "400\u00a0670\u00a00700",
        "400\u202f670\u202f0700",
        "400\u200b670\u200b0700",
        "400\u00ad670\u00ad0700",
        "4\u200d0\u200d0\u200d6\u200d7\u200d0\u200d0\u200d7\u200d0\u200d0",
        "400–670–0700",
        "400—670—0700",
        "400_670_0700",
        "400*670*0700",
        "400~670~0700",
        "400.670.0700",
        "400｜670｜0700",
        "400／670／0700",
        "400－670－0700",
        "400・670・0700",
        "400,670,0700",
        "400\n670\n0700",
        "4 0 0 6 7 0 0 7 0 0",
        "4-0-0-6-7-0-0-7-0-0",
        "(400) 670-0700",
        "【400】670【0700】",
        "4\u20e30\u20e30\u20e36\u20e37\u20e30\u20e30\u20e37\u20e30\u20e30\u20e3",
    ],
    "markdown emphasis": ["9**5**188", "95_1_88", "95`188`", "9~~5~~188", "95\\-188", "400\\-670\\-0700"],
    "extensions": ["电话 010-8888 分机 1234", "总机 8888 分机 12", "Tel 8888 ext. 1234", "8888 extension 12", "请拨打 95188 转 1"],
    "units that name a line": ["95188号码", "95188人工", "95188热线", "95188专线", "12381 预警劝阻专线", "12315 hotline"],
    "two numbers side by side": [
        "Our numbers 4008201234 4008205678",
        "400 820 1234 400 820 5678",
        "95188 95566 95533 95599 95588 95528",
        "4006700700 5 分钟",
    ],
    "words before that are not currencies": [
        "Please confirm 4008201234",
        "Our numbers 4008201234",
        "Please confirm 23456789",
        "Our numbers 23456789",
        "CONFIRM 23456789",
        "rm 23456789",
        "rs 23456789",
        "Farm 23456789",
        "charms 23456789",
        "usd 23456789",
    ],
    "plus never starts a version": ["+86.10.5801.2345", "+44.300.123.2040", "v +86 10 5801 2345", "版本 +86 10 5801 2345"],
    "links": [
        "[客服](tel:95188)",
        "tel:+862012345678",
        "sms:95188",
        "Tel:4008201234",
        "https://wa.me/8613800138000",
        "wa.me/8613800138000",
    ],
    "short codes with a phone word": ["请拨打 110 报警", "call 1799 now", "拨打 2882", "☎ 12315", "热线:95188", "12315热线"],
    "codes that are phone codes": ["the short code 95188", "Call the short code 95188", "area code 95188", "短号码 95188"],
    "spelled out": ["Call nine five one eight eight", "four zero zero, six seven zero, zero seven zero zero", "1-800-FLOWERS"],
    "registry number inside a longer run": ["10695017", "40095017", "106 95017", "95017123"],
    "numbers beside dates": ["95188 2026-11-22", "2026-11-22 4006700700", "核实于 2026 年，电话 4006700700"],
}

IGNORED = {
    "dates and times": [
        "核实于 2026-11-22",
        "2026年11月22日",
        "22/11/2026",
        "2026-11-22 10:30",
        "2026/11/22 10:30:15",
        "2026-11-22T10:30:00+08:00",
        "11月22日",
        "9:00–21:00",
        "周一至周五 9:00-18:00",
        "星期一至星期日",
        "10点30分",
        "自 2021 年起",
        "2020-2026",
        "2019",
    ],
    "standards": [
        "GB/T 35273-2020",
        "ISO/IEC 27001:2022",
        "ISO 8601",
        "RFC 3966",
        "GB 18030-2022",
        "JR/T 0068-2020",
        "ITU-T E.164",
        "NIST SP 800-63B",
        "PCI DSS 4.0",
    ],
    "context words": [
        "错误代码 10003",
        "错误码：10003",
        "Error code 10003",
        "验证码（例如 123456）",
        "verification code, e.g. 123456",
        "商户号 1230000109",
        "merchant ID 1230000109",
        "邮编 100000",
        "postcode 100000",
        "订单号 4200001234567890123",
        "身份证号 110101199003071234",
        "京ICP备2022012345号-1",
        "股票代码 600519",
        "卡号 6222 0212 3456 7890 123",
        "| 错误代码 | 10003 |",
        "**错误代码**：10003",
        "- 错误代码：`10003`",
        "The merchant number (商户号) is 1230000109.",
        "The code looks like 123456.",
        "SMS code 123456",
        "Postcode: 100000",
        "例如验证码 123456",
    ],
    "markdown around a unit or currency": ["手续费 **12345** 元", "¥**12345**", "单日限额 **50000** 元", "等待 _30_ 分钟"],
    "amounts": [
        "RM 23456789",
        "RM23456789",
        "Rs. 23456789",
        "USD 23456789",
        "HK$23456789",
        "单日限额 50000 元",
        "手续费 12345 元",
        "¥12345",
        "￥12,345.67",
        "$1,000,000",
        "RMB 50000",
        "RM 50000",
        "Rs. 50000",
        "USD 1 000 000",
        "每笔 50000 元、每日 200000 元",
        "单笔限额 5 万元",
        "1,000,000 users",
    ],
    "quantities and durations": [
        "约 0.1% 的手续费",
        "12345%",
        "等待 30 分钟",
        "within 10000 days",
        "last 90 days",
        "3-5 个工作日",
        "7×24 小时",
        "24小时内",
        "共 10000 次",
        "第 110 页",
        "3 个工作日",
        "110 people",
        "10 秒后",
        "every 60 seconds",
    ],
    "versions and decimals": ["版本 10.5.2", "v1.65.2", "1234.56", "M12 2.5 9.5 6.5-1.5 1.5", "192.168.1.1"],
    "chinese words with numerals": ["三三两两", "零钱通", "一一对应", "请勾选一项", "漏洞", "一二三", "星期一二三四五"],
    "small figures": ["另见 4739 和 2882", "Step 1, 2, 3", "2024, 2025", "110 people"],
    "links that carry ids": [
        "见 https://example.com/a/20251212345678/b",
        "https://support.google.com/pay/answer/6224181",
        "https://news.example.cn/a/20210326/1616756677935.shtml",
        "https://www.example.cn/c/2021-07-15/2905040.shtml",
    ],
}


def _cases(groups):
    return [(cls, text) for cls, texts in groups.items() for text in texts]


@pytest.mark.parametrize("cls,text", _cases(CAUGHT), ids=[f"{c}: {t!r}" for c, t in _cases(CAUGHT)])
def test_catches_disguised_numbers(cls, text):
    assert find_numbers(text), f"{cls}: {text!r} should be flagged"


@pytest.mark.parametrize("cls,text", _cases(IGNORED), ids=[f"{c}: {t!r}" for c, t in _cases(IGNORED)])
def test_leaves_ordinary_figures_alone(cls, text):
    assert find_numbers(text) == [], f"{cls}: {text!r} should not be flagged"


def test_reports_line_column_and_digits():
    [finding] = find_numbers("第一行\n请拨打 95188\n")
    assert (finding.line, finding.column) == (2, 5)
    assert finding.digits == "95188" and finding.text == "95188"


def test_digits_are_folded_and_keep_the_plus():
    [finding] = find_numbers("客服 ＋８６ ４００－六七〇－O7OO")
    assert finding.digits == "+864006700700"


def test_three_and_four_digit_codes_need_a_phone_word():
    assert find_numbers("另见 4739 和 2882") == []
    assert [f.digits for f in find_numbers("拨打 2882", {"2882"})] == ["2882"]


def test_registry_forms_count_as_short_codes_at_five_digits():
    assert [f.digits for f in find_numbers("见 56789", {"56789"})] == ["56789"]


def test_two_registry_numbers_side_by_side_stay_two():
    forms = {"95017", "95188"}
    assert [f.digits for f in find_numbers("95017 95188", forms)] == ["95017", "95188"]
    assert [f.digits for f in find_numbers("0120-990-634 0120-990-633", {"0120990634", "0120990633"})] == ["0120990634", "0120990633"]


def test_a_registry_number_inside_a_longer_run_is_not_that_number():
    forms = {"95017"}
    assert [f.digits for f in find_numbers("10695017", forms)] == ["10695017"]
    assert [f.digits for f in find_numbers("400 95017", forms)] == ["40095017"]


def test_an_extension_belongs_to_its_number():
    [finding] = find_numbers("请拨打 95017 转 3", {"95017"})
    assert finding.digits == "95017"


def test_a_unit_counts_only_the_figure_it_follows():
    assert [f.digits for f in find_numbers("4006700700 5 分钟")] == ["4006700700"]
    assert find_numbers("USD 1 000 000") == []


def test_context_words_never_hide_an_unmistakable_number():
    for text in ("错误代码 4006700700", "商户号 13800138000", "验证码 +86 10 5801 2345", "邮编 010-58012345"):
        assert find_numbers(text), text


def test_urls_are_read_as_links():
    assert find_numbers("见 https://example.com/a/20251212345678/b") == []
    assert [f.reason for f in find_numbers("tel:+862012345678")] == ["tel: link"]
    assert find_numbers("https://example.com/call/400-670-0700")
    assert find_numbers("https://example.com/?phone=95188")


def test_skip_urls_false_reads_links_as_text():
    assert find_numbers("https://example.com/a/6224181/b", skip_urls=False)


def test_a_group_longer_than_any_number_next_to_others_is_read_not_a_crash():
    # Found by tests/detect/test_segments.py: two 16-digit groups joined by a space made the run splitter fail.
    assert find_numbers("1234567812345678 1234567812345678") == []
    assert [f.digits for f in find_numbers("1234567812345678 4006700700")] == ["4006700700"]
