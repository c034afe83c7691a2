"""Evidence URLs as browsers read them, and domains against the Public Suffix List."""

import pytest

from scripts.registry.urls import host_problem, https_host, is_public_suffix, region_of_tld, registrable_domain, url_problem


@pytest.mark.parametrize(
    "url",
    [
        "https://alipay.com/contact",
        "https://cs.alipay.com",
        "https://www.example.gov.uk/a/b?c=d#e",
        "https://me.github.io/page",
        "https://gov.mo/zh-hans/news/389070",  # a government portal on its public suffix
        "https://www.stheadline.com/a/%E9%AA%97",
        "https://sc.isd.gov.hk/TuniS//www.info.gov.hk/gia/general/202401/01/P2024010100237.htm?fontSize=1",
    ],
)
def test_canonical_https_urls_pass(url):
    assert url_problem(url) is None
    assert https_host(url) == url.split("/")[2]


@pytest.mark.parametrize(
    "url,words",
    [
        ("https://ali\tpay.com/", "whitespace"),
        ("https://alipay.com/\n", "whitespace"),
        ("https://alipay.com/a b", "whitespace"),
        (" https://alipay.com/", "whitespace"),
        ("https://alipay.com\\@evil.cn/", "backslash"),
        ("https:/\\alipay.com/", "backslash"),
        ("https:\\\\alipay.com/", "backslash"),
        ("HTTPS://alipay.com/", "lower case"),
        ("hTTps://alipay.com/", "lower case"),
        ("http://alipay.com/", "http:"),
        ("file:///etc/passwd", "file:"),
        ("javascript:alert(1)", "javascript:"),
        ("data:text/html,x", "data:"),
        ("//alipay.com/x", "no scheme"),
        ("https:alipay.com", "exactly https://"),
        ("https:/alipay.com", "exactly https://"),
        ("https:///alipay.com", "exactly https://"),
        ("https://alipay.com@evil.cn/", "user info"),
        ("https://user:pw@alipay.com/", "user info"),
        ("https://alipay.com:8443/", "port"),
        ("https://alipay.com:443/", "port"),
        ("https://[::1]/", "IP address"),
        ("https://127.0.0.1/", "IP address"),
        ("https://2130706433/", "full domain name"),
        ("https://0x7f.1/", "IP address"),
        ("https://alipay.com./x", "trailing dot"),
        ("https://ALIPAY.com/", "lower case"),
        ("https://xn--alipy-6ve.com/", "punycode"),
        ("https://аlipay.com/", "non-ASCII"),
        ("https://支付宝.com/", "non-ASCII"),
        ("https://ali%70ay.com/", "percent-encoded host"),
        ("https://localhost/", "full domain name"),
        ("https://a_b.com/", "only letters"),
        ("https://a..com/", "only letters"),
        ("https://com.cn/x", None),  # a page may sit on a suffix host; the provider cannot own one
        ("https://a.com/%zz", "two hex digits"),
        ('https://a.com/"onmouseover', "percent-encode"),
        ("", "empty"),
    ],
)
def test_browser_tricks_are_refused(url, words):
    problem = url_problem(url)
    if words is None:
        assert problem is None
    else:
        assert problem is not None and words in problem, problem
        assert https_host(url) is None


@pytest.mark.parametrize("domain", ["com.cn", "github.io", "gov.uk", "police.uk", "co.uk", "com", "blogspot.com"])
def test_public_suffixes_cannot_be_owned(domain):
    assert is_public_suffix(domain)
    assert "public suffix" in host_problem(domain) or "full domain name" in host_problem(domain)


@pytest.mark.parametrize("domain", ["alipay.com", "www.police.uk", "police.gov.hk", "me.github.io", "safaricom.co.ke"])
def test_registrable_domains_can_be_owned(domain):
    assert host_problem(domain) is None


def test_registrable_domain_uses_the_public_suffix_list():
    assert registrable_domain("www.news.cn") == registrable_domain("m.news.cn") == "news.cn"
    assert registrable_domain("www.safaricom.co.ke") == "safaricom.co.ke"
    assert registrable_domain("a.github.io") != registrable_domain("b.github.io")
    assert registrable_domain("gaj.cq.gov.cn") == "cq.gov.cn"


def test_region_of_tld():
    assert region_of_tld("www.gov.uk") == "GB"
    assert region_of_tld("ftc.gov") == "US"
    assert region_of_tld("gov.hk") == "HK"
    assert region_of_tld("example.com") is None
    assert region_of_tld("example.eu") is None
