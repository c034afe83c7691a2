"""Evidence policy: official hosts are matched exactly; freshness and corroboration rules hold."""

import datetime as dt

import pytest

from scripts.registry.schema import Channel, Provider
from scripts.registry.evidence import Policy, Status, assess, host_matches, secure_host

TODAY = dt.date(2026, 11, 22)
POLICY = Policy(
    today=TODAY,
    publisher_hosts={"government": ("gov.cn", "gov.hk"), "news": ("news.cn", "cnr.cn", "rthk.hk"), "institution": ("icbc.com.cn",)},
)


def provider(channels, kind="wallet", domains=("alipay.com",)):
    return Provider.model_validate({
        "id": "alipay", "kind": kind, "name": {"zh": "支付宝", "en": "Alipay"},
        "regions": ["CN"], "domains": list(domains), "channels": channels,
    })


def channel(*sources):
    return Channel.model_validate({
        "id": "hotline", "kind": "phone", "value": "95188", "dial_region": "CN",
        "evidence": [
            {"url": url, "publisher": publisher, "checked": checked, "note": "What the page says about it."}
            for url, publisher, checked in sources
        ],
    })


def status(*sources, kind="wallet", domains=("alipay.com",)):
    ch = channel(*sources)
    return assess(ch, provider([], kind=kind, domains=domains), POLICY).status


@pytest.mark.parametrize("url", [
    "https://alipay.com/contact",
    "https://cs.alipay.com/help",
    "https://CS.ALIPAY.COM/help",
    "https://www.alipay.com./x",
])
def test_accepts_the_providers_own_https_hosts(url):
    assert status((url, "provider", "2026-11-01")) is Status.verified


@pytest.mark.parametrize("url,why", [
    ("https://alipay.com.evil.cn/contact", "suffix trick"),
    ("https://a1ipay.com/contact", "digit for letter"),
    ("https://xn--alipy-6ve.com/contact", "punycode look-alike"),
    ("https://аlipay.com/contact", "Cyrillic a"),
    ("http://cs.alipay.com/help", "plain http"),
    ("https://notalipay.com/contact", "name as suffix"),
    ("https://alipay.com@evil.cn/contact", "user-info trick"),
    ("ftp://alipay.com/contact", "not https"),
])
def test_rejects_lookalike_and_insecure_sources(url, why):
    assert status((url, "provider", "2026-11-01")) is Status.unpublishable, why


def test_secure_host_normalises_and_rejects():
    assert secure_host("https://CS.Alipay.com:443/x") == "cs.alipay.com"
    assert secure_host("http://alipay.com") is None
    assert not host_matches("alipay.com.evil.cn", ["alipay.com"])
    assert host_matches("cs.alipay.com", ["alipay.com"])


def test_official_source_expires_after_max_age():
    assert status(("https://alipay.com/c", "provider", "2025-11-23")) is Status.verified  # 364 days
    assert status(("https://alipay.com/c", "provider", "2025-11-21")) is Status.unpublishable  # 366 days


def test_stale_reason_says_what_to_recheck():
    ch = channel(("https://alipay.com/c", "provider", "2024-01-01"))
    result = assess(ch, provider([]), POLICY)
    assert "re-check https://alipay.com/c" in result.reason


def test_future_dates_do_not_count():
    assert status(("https://alipay.com/c", "provider", "2027-01-01")) is Status.unpublishable


def test_two_independent_sources_corroborate():
    assert status(
        ("https://www.news.cn/a", "news", "2026-10-01"),
        ("http://www.cnr.cn/b", "news", "2026-10-01"),
    ) is Status.corroborated


def test_two_pages_of_one_publisher_are_not_independent():
    assert status(
        ("https://www.news.cn/a", "news", "2026-10-01"),
        ("https://m.news.cn/b", "news", "2026-10-01"),
    ) is Status.unpublishable


def test_unlisted_or_other_publishers_never_count():
    assert status(
        ("https://content-farm.example/a", "news", "2026-10-01"),
        ("https://another-farm.example/b", "other", "2026-10-01"),
        ("https://www.news.cn/a", "news", "2026-10-01"),
    ) is Status.unpublishable


def test_claimed_kind_must_match_host_list():
    # A news site cannot be passed off as a government body.
    assert status(
        ("https://www.news.cn/a", "government", "2026-10-01"),
        ("http://www.cnr.cn/b", "news", "2026-10-01"),
    ) is Status.unpublishable


def test_public_lines_are_verified_by_any_government_host():
    assert status(("https://www.gaj.cq.gov.cn/a", "government", "2026-10-01"), kind="public", domains=("mps.gov.cn",)) is Status.verified
    assert status(("https://www.gaj.cq.gov.cn/a", "government", "2026-10-01"), kind="wallet") is Status.unpublishable


def test_policy_reads_environment(monkeypatch, tmp_path):
    hosts = tmp_path / "publishers.yml"
    hosts.write_text("government: [gov.cn]\nnews: []\n", encoding="utf-8")
    monkeypatch.setenv("HC_TODAY", "2026-01-02")
    monkeypatch.setenv("HC_MAX_AGE_DAYS", "30")
    policy = Policy.load(hosts)
    assert policy.today == dt.date(2026, 1, 2)
    assert policy.max_age_days == 30 and policy.warn_age_days == 30
    assert policy.publisher_hosts["government"] == ("gov.cn",)
