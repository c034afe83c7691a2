"""Evidence policy: which sources prove a channel, and whether it may be published.

Verified: at least one fresh https source on the provider's own domains (for public lines, also
a page of the government the number belongs to), or, for a public emergency number, libphonenumber's
short-number metadata (the numbering-plan evidence kind). Corroborated: no official source, but two
fresh https sources from two *different publishers* listed as government, regulated institution or
national news. A government page only ever proves numbers of its own government. Anything else is
never rendered.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from scripts import paths
from scripts.registry.dialing import is_emergency, number_region
from scripts.registry.publishers import Publishers, government_region, load_publishers
from scripts.registry.schema import Channel, ChannelKind, Provider, ProviderKind, Publisher, Source
from scripts.registry.urls import host_matches, https_host, registrable_domain

MAX_AGE_DAYS = 365
WARN_AGE_DAYS = 180
INDEPENDENT_KINDS = (Publisher.government, Publisher.institution, Publisher.news)


class Status(str, Enum):
    verified = "verified"
    corroborated = "corroborated"
    unpublishable = "unpublishable"


class Basis(str, Enum):
    """Why a channel has its status: what a badge should say about it."""

    official = "official"  # a page on the provider's own domains (or its government's)
    numbering_plan = "numbering-plan"  # an emergency number in libphonenumber's short-number metadata
    independent = "independent"  # two different independent publishers
    none = "none"  # unpublishable


@dataclass(frozen=True)
class Policy:
    """Thresholds and the publisher host lists; `today` is injectable so tests are not date-bound."""

    today: dt.date
    max_age_days: int = MAX_AGE_DAYS
    warn_age_days: int = WARN_AGE_DAYS
    publisher_hosts: dict | None = None  # kind name -> tuple of domains
    government_regions: dict | None = None  # government host -> region; None: derived from the host's country ending
    same_publisher: tuple = field(default=())  # tuples of hosts that belong to one publisher

    @classmethod
    def load(cls, publishers_file: Path = paths.PUBLISHERS, today: dt.date | None = None) -> Policy:
        """Policy from data/publishers.yml; HC_TODAY and HC_MAX_AGE_DAYS override for tests and audits.

        Raises RegistryError (`publishers.yml:line: HC120 …`) when the file is malformed.
        """
        publishers = load_publishers(publishers_file)
        return cls.from_publishers(publishers, today)

    @classmethod
    def from_publishers(cls, publishers: Publishers, today: dt.date | None = None) -> Policy:
        if today is None:
            today = current_date()
        max_age = int(os.environ.get("HC_MAX_AGE_DAYS", MAX_AGE_DAYS))
        return cls(
            today=today,
            max_age_days=max_age,
            warn_age_days=min(WARN_AGE_DAYS, max_age),
            publisher_hosts=dict(publishers.hosts),
            government_regions=dict(publishers.government_regions),
            same_publisher=publishers.same_publisher,
        )

    def hosts(self, kind: str) -> tuple:
        return tuple((self.publisher_hosts or {}).get(kind, ()))

    def government_region(self, host: str) -> str | None:
        return government_region(host, self.government_regions)

    def publisher_of(self, host: str) -> str:
        """One name per publisher: hosts grouped under same_publisher share it, else the registrable domain."""
        for group in self.same_publisher or ():
            if host_matches(host, group):
                return "publisher:" + group[0]
        return registrable_domain(host)


def secure_host(url: str) -> str | None:
    """The host of a canonical https URL, or None when the URL cannot prove anything (see urls.url_problem)."""
    return https_host(url)


def _numbers_region(channel: Channel | None) -> str | None:
    if channel is None or channel.kind not in (ChannelKind.phone, ChannelKind.sms):
        return None
    return number_region(channel.value, channel.dial_region) if not channel.is_sender_name else channel.dial_region


def _own_government(source: Source, host: str, channel: Channel | None, policy: Policy) -> bool:
    """A government page proves only numbers of its own government (whose region must be known)."""
    wanted = _numbers_region(channel)
    if wanted is None:  # a web page or address, not a number
        return True
    return policy.government_region(host) == wanted


def source_is_official(source: Source, provider: Provider, policy: Policy, channel: Channel | None = None) -> bool:
    """An https source on the provider's own domains; for public lines, also its own government's hosts."""
    host = secure_host(source.url)
    if not host or source.publisher not in (Publisher.provider, Publisher.government):
        return False
    if source.publisher is Publisher.government and not _own_government(source, host, channel, policy):
        return False
    if host_matches(host, provider.domains):
        return True
    return (
        provider.kind is ProviderKind.public and source.publisher is Publisher.government and host_matches(host, policy.hosts("government"))
    )


def source_is_independent(source: Source, policy: Policy, channel: Channel | None = None) -> bool:
    """An https government, regulated-institution or national-news source whose host is listed for that kind."""
    if source.publisher not in INDEPENDENT_KINDS:
        return False
    host = secure_host(source.url)
    if not host or not host_matches(host, policy.hosts(source.publisher.value)):
        return False
    return source.publisher is not Publisher.government or _own_government(source, host, channel, policy)


def numbering_plan_proves(source: Source, channel: Channel, provider: Provider) -> bool:
    """Numbering-plan evidence holds for a public provider's emergency number in its own region."""
    return (
        source.publisher is Publisher.numbering_plan
        and provider.kind is ProviderKind.public
        and channel.kind is ChannelKind.phone
        and not channel.is_sender_name
        and channel.dial_region in provider.regions
        and is_emergency(channel.value, channel.dial_region)
    )


def current_date() -> dt.date:
    """Today, or HC_TODAY (YYYY-MM-DD) for tests and audits: the one date every age check uses."""
    return dt.date.fromisoformat(os.environ["HC_TODAY"]) if os.environ.get("HC_TODAY") else dt.date.today()


def stale_reason(source: Source, policy: Policy) -> str:
    """Why a source does not count by its date: in the future, or older than the limit; with the fix."""
    age = age_days(source, policy)
    if age < 0:
        return (
            f"its source's `checked` date {source.checked} is in the future (today is {policy.today}) — "
            f"write the date you actually read {source.url}"
        )
    return (
        f"its official source was checked {age} days ago, over the {policy.max_age_days}-day limit — "
        f"re-check {source.url} and update `checked`"
    )


def age_days(source: Source, policy: Policy) -> int:
    return (policy.today - source.checked).days


def is_fresh(source: Source, policy: Policy) -> bool:
    # Numbering-plan evidence is re-checked against the installed metadata on every build: no age.
    if source.publisher is Publisher.numbering_plan:
        return age_days(source, policy) >= 0
    return 0 <= age_days(source, policy) <= policy.max_age_days


@dataclass(frozen=True)
class Assessment:
    status: Status
    best: Source | None  # the source a badge links to
    reason: str  # why it is not publishable, or a summary of why it is
    basis: Basis = Basis.none  # how the status was reached: official page, numbering plan, independent sources
    emergency: bool = False  # an emergency number of its region in libphonenumber's short-number metadata

    @property
    def from_numbering_plan(self) -> bool:
        """Verified because the national numbering plan lists it as an emergency number: badge it as such."""
        return self.basis is Basis.numbering_plan


def assess(channel: Channel, provider: Provider, policy: Policy) -> Assessment:
    """Classify a channel as verified, corroborated or unpublishable under `policy`."""
    emergency = channel.kind is ChannelKind.phone and not channel.is_sender_name and is_emergency(channel.value, channel.dial_region)
    official = [s for s in channel.evidence if source_is_official(s, provider, policy, channel)]
    fresh_official = sorted((s for s in official if is_fresh(s, policy)), key=lambda s: s.checked, reverse=True)
    if fresh_official:
        return Assessment(Status.verified, fresh_official[0], "official source", Basis.official, emergency)
    plan = [s for s in channel.evidence if numbering_plan_proves(s, channel, provider) and is_fresh(s, policy)]
    if plan:
        return Assessment(
            Status.verified,
            plan[0],
            "emergency number in the national numbering plan (libphonenumber short-number metadata)",
            Basis.numbering_plan,
            emergency,
        )
    independent = [s for s in channel.evidence if source_is_independent(s, policy, channel) and is_fresh(s, policy)]
    by_publisher: dict[str, Source] = {}
    for source in sorted(independent, key=lambda s: s.checked, reverse=True):
        by_publisher.setdefault(policy.publisher_of(secure_host(source.url) or source.url), source)
    if len(by_publisher) >= 2:
        return Assessment(Status.corroborated, next(iter(by_publisher.values())), "two independent sources", Basis.independent, emergency)
    if official:
        return Assessment(Status.unpublishable, None, stale_reason(official[0], policy), emergency=emergency)
    domains = ", ".join(provider.domains)
    return Assessment(
        Status.unpublishable,
        None,
        f"no fresh https source on the provider's domains ({domains}) and fewer than two independent "
        f"government, regulated-institution or national-news publishers over https — add one, or remove the reference",
        emergency=emergency,
    )


def aging_sources(channel: Channel, policy: Policy) -> list[Source]:
    """Sources past the warning age but still within the limit: re-check them soon."""
    return [
        s
        for s in channel.evidence
        if s.publisher is not Publisher.numbering_plan and policy.warn_age_days < age_days(s, policy) <= policy.max_age_days
    ]


__all__ = [
    "Assessment",
    "Basis",
    "INDEPENDENT_KINDS",
    "MAX_AGE_DAYS",
    "Policy",
    "Status",
    "WARN_AGE_DAYS",
    "aging_sources",
    "age_days",
    "assess",
    "host_matches",
    "is_fresh",
    "numbering_plan_proves",
    "registrable_domain",
    "secure_host",
    "source_is_independent",
    "source_is_official",
]
