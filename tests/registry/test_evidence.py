"""Evidence policy: official hosts are matched exactly; freshness, corroboration and government rules hold."""

import datetime as dt

import pytest
from pydantic import ValidationError

from scripts.registry.evidence import Basis, Policy, Status, assess, host_matches, secure_host
from scripts.registry.schema import NUMBERING_PLAN_URL, Channel, Provider

TODAY = dt.date(2026, 11, 22)
POLICY = Policy(
    today=TODAY,
    publisher_hosts={
        "government": ("gov.cn", "gov.hk", "gov.uk"),
        "news": ("news.cn", "xinhuanet.com", "cnr.cn", "rthk.hk"),
        "institution": ("icbc.com.cn",),
    },
    same_publisher=(("news.cn", "xinhuanet.com"),),
)


def provider(channels, kind="wallet", domains=("alipay.com",), regions=("CN",)):
    return Provider.model_validate(
        {
            "id": "alipay",
            "kind": kind,
            "name": {"zh": "支付宝", "en": "Alipay"},
            "regions": list(regions),
            "domains": list(domains),
            "channels": channels,
        }
    )


def channel(*sources, value="95188", region="CN"):
    return Channel.model_validate(
        {
            "id": "hotline",
            "kind": "phone",
            "value": value,
            "dial_region": region,
            "evidence": [
                {"url": url, "publisher": publisher, "checked": checked, "note": "What the page says about it."}
                for url, publisher, checked in sources
            ],
        }
    )


def assessment(*sources, kind="wallet", domains=("alipay.com",), value="95188", region="CN", regions=("CN",)):
    ch = channel(*sources, value=value, region=region)
    return assess(ch, provider([], kind=kind, domains=domains, regions=regions), POLICY)


def status(*sources, **kwargs):
    return assessment(*sources, **kwargs).status


@pytest.mark.parametrize("url", ["https://alipay.com/contact", "https://cs.alipay.com/help", "https://cs.alipay.com"])
def test_accepts_the_providers_own_https_hosts(url):
    result = assessment((url, "provider", "2026-11-01"))
    assert result.status is Status.verified and result.basis is Basis.official


@pytest.mark.parametrize(
    "url,why",
    [
        ("https://alipay.com.evil.cn/contact", "suffix trick"),
        ("https://a1ipay.com/contact", "digit for letter"),
        ("https://notalipay.com/contact", "name as suffix"),
        ("https://evil.cn/#@alipay.com", "@ after the fragment is not user info"),
    ],
)
def test_lookalike_hosts_prove_nothing(url, why):
    assert status((url, "provider", "2026-11-01")) is Status.unpublishable, why


@pytest.mark.parametrize(
    "url,why",
    [
        ("https://xn--alipy-6ve.com/contact", "punycode"),
        ("https://аlipay.com/contact", "Cyrillic a"),
        ("http://cs.alipay.com/help", "not https"),
        ("https://alipay.com@evil.cn/contact", "user info"),
        ("ftp://alipay.com/contact", "scheme"),
        ("https://CS.ALIPAY.COM/help", "upper-case host"),
        ("https://www.alipay.com./x", "trailing dot"),
        ("https://alipay.com:443/x", "port"),
    ],
)
def test_non_canonical_and_insecure_urls_are_schema_errors(url, why):
    with pytest.raises(ValidationError) as info:
        channel((url, "provider", "2026-11-01"))
    assert "url" in str(info.value), why


def test_secure_host_accepts_only_canonical_https():
    assert secure_host("https://cs.alipay.com/x") == "cs.alipay.com"
    assert secure_host("https://CS.Alipay.com:443/x") is None
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


def test_two_independent_https_publishers_corroborate():
    result = assessment(
        ("https://www.news.cn/a", "news", "2026-10-01"),
        ("https://www.cnr.cn/b", "news", "2026-10-01"),
    )
    assert result.status is Status.corroborated and result.basis is Basis.independent


def test_two_pages_of_one_publisher_are_not_independent():
    assert (
        status(
            ("https://www.news.cn/a", "news", "2026-10-01"),
            ("https://m.news.cn/b", "news", "2026-10-01"),
        )
        is Status.unpublishable
    )


def test_one_publishers_several_domains_count_once():
    # news.cn and xinhuanet.com are both Xinhua (same_publisher in publishers.yml).
    assert (
        status(
            ("https://www.news.cn/a", "news", "2026-10-01"),
            ("https://www.xinhuanet.com/b", "news", "2026-10-01"),
        )
        is Status.unpublishable
    )


def test_plain_http_never_corroborates():
    with pytest.raises(ValidationError):
        channel(("https://www.news.cn/a", "news", "2026-10-01"), ("http://www.cnr.cn/b", "news", "2026-10-01"))


def test_unlisted_or_other_publishers_never_count():
    assert (
        status(
            ("https://content-farm.example/a", "news", "2026-10-01"),
            ("https://another-farm.example/b", "other", "2026-10-01"),
            ("https://www.news.cn/a", "news", "2026-10-01"),
        )
        is Status.unpublishable
    )


def test_claimed_kind_must_match_host_list():
    # A news site cannot be passed off as a government body.
    assert (
        status(
            ("https://www.news.cn/a", "government", "2026-10-01"),
            ("https://www.cnr.cn/b", "news", "2026-10-01"),
        )
        is Status.unpublishable
    )


def test_public_lines_are_verified_by_their_own_government():
    assert status(("https://www.gaj.cq.gov.cn/a", "government", "2026-10-01"), kind="public", domains=("mps.gov.cn",)) is Status.verified
    assert status(("https://www.gaj.cq.gov.cn/a", "government", "2026-10-01"), kind="wallet") is Status.unpublishable


def test_a_government_page_proves_only_numbers_of_its_own_government():
    # A Hong Kong government page does not make a mainland number (or a UK one) official.
    assert (
        status(("https://www.police.gov.hk/a", "government", "2026-10-01"), kind="public", domains=("mps.gov.cn",)) is Status.unpublishable
    )
    assert (
        status(
            ("https://www.gov.uk/a", "government", "2026-10-01"),
            kind="public",
            domains=("mps.gov.cn",),
            value="+86 10 6520 4114",
            region="CN",
        )
        is Status.unpublishable
    )
    assert (
        status(
            ("https://www.gov.uk/a", "government", "2026-10-01"),
            kind="public",
            domains=("mps.gov.cn",),
            value="+44 300 123 2040",
            region="GB",
            regions=("GB",),
        )
        is Status.verified
    )
    # ... nor does it corroborate one.
    assert (
        status(
            ("https://www.police.gov.hk/a", "government", "2026-10-01"),
            ("https://www.news.cn/b", "news", "2026-10-01"),
        )
        is Status.unpublishable
    )


def test_numbering_plan_verifies_public_emergency_numbers():
    for value, region in (("110", "CN"), ("999", "HK")):
        result = assessment(
            (NUMBERING_PLAN_URL, "numbering-plan", "2026-11-01"),
            kind="public",
            domains=("police.gov.hk",),
            value=value,
            region=region,
            regions=(region,),
        )
        assert result.status is Status.verified and result.basis is Basis.numbering_plan
        assert result.from_numbering_plan and result.emergency


def test_numbering_plan_evidence_does_not_age():
    result = assessment(
        (NUMBERING_PLAN_URL, "numbering-plan", "2020-01-01"),
        kind="public",
        domains=("police.gov.hk",),
        value="999",
        region="HK",
        regions=("HK",),
    )
    assert result.status is Status.verified


@pytest.mark.parametrize("value", ["95188", "12315"])
def test_numbering_plan_refuses_numbers_that_are_not_emergency_numbers(value):
    with pytest.raises(ValidationError, match="only emergency numbers"):
        channel((NUMBERING_PLAN_URL, "numbering-plan", "2026-11-01"), value=value)


def test_numbering_plan_url_must_be_the_metadata():
    with pytest.raises(ValidationError, match="libphonenumber"):
        channel(("https://example.com/plan", "numbering-plan", "2026-11-01"), value="110")


def test_numbering_plan_is_for_public_providers_only():
    ch = channel((NUMBERING_PLAN_URL, "numbering-plan", "2026-11-01"), value="110").model_dump()
    with pytest.raises(ValidationError, match="public emergency lines only"):
        provider([ch], kind="wallet")
    with pytest.raises(ValidationError, match="not one of the provider's regions"):
        provider([ch], kind="public", regions=("HK",))


def test_policy_reads_environment(monkeypatch, tmp_path):
    hosts = tmp_path / "publishers.yml"
    hosts.write_text("government: [gov.cn]\nnews: []\n", encoding="utf-8")
    monkeypatch.setenv("HC_TODAY", "2026-01-02")
    monkeypatch.setenv("HC_MAX_AGE_DAYS", "30")
    policy = Policy.load(hosts)
    assert policy.today == dt.date(2026, 1, 2)
    assert policy.max_age_days == 30 and policy.warn_age_days == 30
    assert policy.publisher_hosts["government"] == ("gov.cn",)
    assert policy.government_region("www.mps.gov.cn") == "CN"


def test_a_checked_date_in_the_future_says_so_instead_of_a_negative_age(contacts, policy):
    import dataclasses
    import datetime as dt

    from scripts.registry.evidence import assess

    early = dataclasses.replace(policy, today=dt.date(2026, 9, 1))
    contact = contacts.contact("examplepay.hotline")
    result = assess(contact.channel, contact.provider, early)
    assert result.status.value == "unpublishable"
    assert "is in the future (today is 2026-09-01)" in result.reason and "days ago" not in result.reason
