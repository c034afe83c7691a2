"""Links: calling schemes, messaging hosts and phone parameters are phone numbers; ids in paths are not."""

import pytest

from scripts.detect.numbers import scan_url
from scripts.detect.urls import decode, read_url, url_spans

PHONE_LINKS = [
    ("tel:95188", "95188"),
    ("tel:+86-10-5801-2345;ext=12", "+861058012345"),
    ("TEL:4008201234", "4008201234"),
    ("sms:95188?body=hello", "95188"),
    ("smsto:95188:hello", "95188"),
    ("callto:4008201234", "4008201234"),
    ("facetime:+8613800138000", "+8613800138000"),
    ("skype:+8613800138000?call", "+8613800138000"),
    ("whatsapp://send?phone=8613800138000", "8613800138000"),
    ("weixin://contacts/profile/4008201234", "4008201234"),
    ("sip:+861058012345@example.com", "+861058012345"),
    ("https://wa.me/8613800138000", "8613800138000"),
    ("https://api.whatsapp.com/send?phone=8613800138000&text=hi", "8613800138000"),
    ("https://t.me/+8613800138000", "+8613800138000"),
    ("https://example.com/contact?phone=95188", "95188"),
    ("https://example.com/?tel=%2B86%20400%20820%201234", "+864008201234"),
    ("tel:%39%35%31%38%38", "95188"),
    ("tel:%2539%2535%2531%2538%2538", "95188"),
    ("tel:1-800-FLOWERS", "18003569377"),
]


@pytest.mark.parametrize("url,digits", PHONE_LINKS, ids=[u for u, _ in PHONE_LINKS])
def test_phone_links_are_numbers_whatever_their_length(url, digits):
    assert digits in [h.digits for h in scan_url(url)]


@pytest.mark.parametrize(
    "url",
    [
        "https://support.google.com/pay/answer/6224181",
        "https://news.example.cn/a/20210326/1616756677935.shtml",
        "http://www.example.cn/jingji/20210714/t20210714_525534735.shtml",
        "https://example.com/article?id=12345678&page=2",
        "https://example.com/2026/11/22/notice.html",
        "mailto:help@example.com",
        "../../assets/javascripts/bundle.a5f9d56c.min.js",
        "tel:",
    ],
)
def test_ids_dates_and_timestamps_in_links_are_not_numbers(url):
    assert scan_url(url) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/call/400-820-1234",
        "https://example.com/13800138000",
        "https://example.com/?q=x#%2B86%20400%20820%201234",
        "https://example.com/path/+44-300-123-2040",
    ],
)
def test_unmistakable_numbers_anywhere_in_a_link(url):
    assert scan_url(url)


def test_links_found_in_running_text():
    text = "见 https://example.com/a（说明）和 tel:95188。Also www.example.com/x, wa.me/8613800138000 and note: 1234567"
    spans = [text[a:b] for a, b in url_spans(text)]
    assert spans == ["https://example.com/a", "tel:95188", "www.example.com/x", "wa.me/8613800138000"]


def test_decoding_and_parts():
    assert decode("%2539") == "9"
    kinds = [(p.kind, p.text) for p in read_url("https://wa.me/8613800138000?text=hi")]
    assert ("phone", "/8613800138000") in kinds and ("text", "hi") in kinds


def test_e_mail_addresses_are_identifiers():
    from scripts.detect.numbers import find_numbers

    assert find_numbers("客服邮箱 12345678@qq.com") == []
    assert scan_url("mailto:12345678@qq.com") == []
    assert [f.digits for f in find_numbers("邮箱 13800138000@qq.com")] == ["13800138000"]
    assert scan_url("mailto:13800138000@qq.com?subject=hi")
