"""Evidence policy: which sources prove a channel, and whether it may be published.

Verified: at least one fresh source on the provider's own domains (for public lines, the
government domains listed for them). Corroborated: no official source, but two fresh sources
from different government, regulated-institution or national-news hosts. Anything else is
never rendered.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts import paths
from scripts.registry.schema import Channel, Provider, ProviderKind, Publisher, Source

MAX_AGE_DAYS = 365
WARN_AGE_DAYS = 180
INDEPENDENT_KINDS = (Publisher.government, Publisher.institution, Publisher.news)


class Status(str, Enum):
    verified = "verified"
    corroborated = "corroborated"
    unpublishable = "unpublishable"


@dataclass(frozen=True)
class Policy:
    """Thresholds and the publisher host lists; `today` is injectable so tests are not date-bound."""

    today: dt.date
    max_age_days: int = MAX_AGE_DAYS
    warn_age_days: int = WARN_AGE_DAYS
    publisher_hosts: dict = None  # kind name -> tuple of domains

    @classmethod
    def load(cls, publishers_file: Path = paths.PUBLISHERS, today: dt.date | None = None) -> "Policy":
        """Policy from data/publishers.yml; HC_TODAY and HC_MAX_AGE_DAYS override for tests and audits."""
        raw = yaml.safe_load(publishers_file.read_text(encoding="utf-8")) or {}
        hosts = {kind: tuple(raw.get(kind) or ()) for kind in ("government", "news", "institution")}
        if today is None:
            today = dt.date.fromisoformat(os.environ["HC_TODAY"]) if os.environ.get("HC_TODAY") else dt.date.today()
        max_age = int(os.environ.get("HC_MAX_AGE_DAYS", MAX_AGE_DAYS))
        return cls(today=today, max_age_days=max_age, warn_age_days=min(WARN_AGE_DAYS, max_age), publisher_hosts=hosts)


def secure_host(url: str) -> str | None:
    """The lower-case ASCII host of an https URL, or None when the URL cannot prove anything.

    Plain http can be rewritten in transit; non-ASCII or punycode hosts are look-alike risks;
    user-info tricks (`https://alipay.com@evil.cn`) are resolved to the real host by urlsplit.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme != "https" or not parts.hostname:
        return None
    host = parts.hostname.rstrip(".")
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        return None
    return host.lower()


def host_matches(host: str | None, domains) -> bool:
    """True when `host` is one of `domains` or a sub-domain of one (never a mere prefix or look-alike)."""
    if not host:
        return False
    return any(host == d or host.endswith("." + d) for d in domains)


def source_is_official(source: Source, provider: Provider, policy: Policy) -> bool:
    """An https source on the provider's own domains; for public lines, also any government host."""
    host = secure_host(source.url)
    if source.publisher in (Publisher.provider, Publisher.government) and host_matches(host, provider.domains):
        return True
    return (
        provider.kind is ProviderKind.public
        and source.publisher is Publisher.government
        and host_matches(host, policy.publisher_hosts.get("government", ()))
    )


def any_host(url: str) -> str | None:
    """The host of an http or https URL, with the same look-alike rejections as secure_host."""
    return secure_host("https://" + url.split("://", 1)[1]) if url.strip().lower().startswith("http://") else secure_host(url)


def source_is_independent(source: Source, policy: Policy) -> bool:
    """A government, regulated-institution or national-news source whose host is listed for that kind.

    Plain http is tolerated here (much Chinese news and local-government material is http-only)
    because corroboration needs two independent publishers; it never makes a source official.
    """
    if source.publisher not in INDEPENDENT_KINDS:
        return False
    return host_matches(any_host(source.url), policy.publisher_hosts.get(source.publisher.value, ()))


def age_days(source: Source, policy: Policy) -> int:
    return (policy.today - source.checked).days


def is_fresh(source: Source, policy: Policy) -> bool:
    return 0 <= age_days(source, policy) <= policy.max_age_days


def registrable_domain(host: str) -> str:
    """www.news.cn and m.news.cn -> news.cn: two sources on one registrable domain are one publisher."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"com", "gov", "org", "net", "co", "edu"} else 2
    return ".".join(labels[-keep:])


@dataclass(frozen=True)
class Assessment:
    status: Status
    best: Source | None  # the source a badge links to
    reason: str  # why it is not publishable, or a summary of why it is


def assess(channel: Channel, provider: Provider, policy: Policy) -> Assessment:
    """Classify a channel as verified, corroborated or unpublishable under `policy`."""
    official = [s for s in channel.evidence if source_is_official(s, provider, policy)]
    fresh_official = sorted((s for s in official if is_fresh(s, policy)), key=lambda s: s.checked, reverse=True)
    if fresh_official:
        return Assessment(Status.verified, fresh_official[0], "official source")
    independent = [s for s in channel.evidence if source_is_independent(s, policy) and is_fresh(s, policy)]
    by_publisher = {}
    for source in sorted(independent, key=lambda s: s.checked, reverse=True):
        by_publisher.setdefault(registrable_domain(any_host(source.url)), source)
    if len(by_publisher) >= 2:
        return Assessment(Status.corroborated, next(iter(by_publisher.values())), "two independent sources")
    if official:
        oldest = max(age_days(s, policy) for s in official)
        return Assessment(
            Status.unpublishable,
            None,
            f"its official source was checked {oldest} days ago, over the {policy.max_age_days}-day limit — "
            f"re-check {official[0].url} and update `checked`",
        )
    domains = ", ".join(provider.domains)
    return Assessment(
        Status.unpublishable,
        None,
        f"no fresh https source on the provider's domains ({domains}) and fewer than two independent "
        f"government, regulated-institution or national-news sources — add one, or remove the reference",
    )


def aging_sources(channel: Channel, policy: Policy) -> list[Source]:
    """Sources past the warning age but still within the limit: re-check them soon."""
    return [s for s in channel.evidence if policy.warn_age_days < age_days(s, policy) <= policy.max_age_days]
