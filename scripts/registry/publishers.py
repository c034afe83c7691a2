"""data/publishers.yml: which hosts count as which kind of publisher, whose government they are,
and which hosts belong to one publisher.

```yaml
government:
  - gov.cn                          # a government suffix: any sub-domain is a government body
  - {host: navy.mil, region: US}    # explicit region where the host does not end in a country code
news:
  - people.com.cn
institution:
  - icbc.com.cn
same_publisher:                     # several hosts, one publisher: they corroborate only once
  - [news.cn, xinhuanet.com]
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers

from scripts.registry.errors import RegistryError
from scripts.registry.urls import GOVERNMENT_SUFFIX_LABELS, host_matches, host_problem, is_public_suffix, region_of_tld
from scripts.registry.yaml_source import YamlError, load_located

RULE = "HC120"
KINDS = ("government", "news", "institution")
KEYS = KINDS + ("same_publisher",)


@dataclass(frozen=True)
class Publishers:
    """The parsed publisher lists."""

    hosts: dict = field(default_factory=dict)  # kind -> tuple of hosts
    government_regions: dict = field(default_factory=dict)  # government host -> region code
    same_publisher: tuple = ()  # tuples of hosts run by one publisher


def government_region(host: str, regions: dict | None) -> str | None:
    """The region of the government that runs `host`: from the longest matching listed entry, else its TLD.

    None when neither says: such a host proves no phone number (a government page proves only
    numbers of its own government, so its government must be known).
    """
    if regions:
        matches = [d for d in regions if host_matches(host, [d])]
        if matches:
            return regions[max(matches, key=len)]
    return region_of_tld(host)


def _problems(data, located) -> tuple[Publishers | None, list[str]]:
    path = located.path
    problems: list[str] = []

    def bad(loc: tuple, message: str) -> None:
        problems.append(f"{path}:{located.line_of(loc)}: {RULE} {message}")

    if data is None:
        data = {}
    if not isinstance(data, dict):
        bad((), "publishers.yml must be a mapping with the keys government, news, institution (and optionally same_publisher)")
        return None, problems
    for key in data:
        if key not in KEYS:
            bad((key,), f"unknown key {key!r} — use only {', '.join(KEYS)}")
    hosts: dict[str, list[str]] = {kind: [] for kind in KINDS}
    regions: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    for kind in KINDS:
        entries = data.get(kind) or []
        if not isinstance(entries, list):
            bad((kind,), f"{kind} must be a list of host names")
            continue
        for index, entry in enumerate(entries):
            loc = (kind, index)
            explicit_region = None
            if isinstance(entry, dict):
                extra = set(entry) - {"host", "region"}
                if extra or "host" not in entry:
                    bad(loc, "an entry is a host name or {host: example.gov.xx, region: XX} — nothing else")
                    continue
                if kind != "government":
                    bad(loc, f"only government hosts take a region; write the {kind} host as a plain name")
                    continue
                host, explicit_region = entry["host"], entry.get("region")
            else:
                host = entry
            if not isinstance(host, str):
                bad(loc, f"{host!r} is not a host name — write a bare host such as example.com")
                continue
            problem = host_problem(host, allow_public_suffix=(kind == "government"), allow_government_tld=(kind == "government"))
            if problem:
                bad(loc, f"host {host!r} {problem}")
                continue
            if kind == "government":
                if is_public_suffix(host) and host.split(".")[0] not in GOVERNMENT_SUFFIX_LABELS and "." in host:
                    bad(
                        loc,
                        f"{host!r} is a public suffix that anyone can register under (like co.uk or com.cn), not a government — list the body's own domain",
                    )
                    continue
                derived = region_of_tld(host)
                if explicit_region is not None:
                    if not isinstance(explicit_region, str) or explicit_region not in phonenumbers.SUPPORTED_REGIONS:
                        bad(loc, f"region {explicit_region!r} is not a two-letter region code such as CN, HK, GB or US")
                        continue
                    if derived and derived != explicit_region:
                        bad(loc, f"region {explicit_region} contradicts the host's country ending ({derived}) — remove the region")
                        continue
                region = explicit_region or derived
                if region is not None:
                    regions[host] = region
                # A government host whose country is unknown proves no phone number at all (evidence.py).
            if host in kind_of and kind_of[host] != kind:
                bad(loc, f"{host!r} is also listed under {kind_of[host]} — a host is one kind of publisher; keep one")
                continue
            if host in hosts[kind]:
                bad(loc, f"{host!r} is listed twice — keep one")
                continue
            kind_of[host] = kind
            hosts[kind].append(host)
    groups = []
    raw_groups = data.get("same_publisher") or []
    if not isinstance(raw_groups, list):
        bad(("same_publisher",), "same_publisher must be a list of lists of hosts, e.g. [news.cn, xinhuanet.com]")
        raw_groups = []
    for index, group in enumerate(raw_groups):
        loc = ("same_publisher", index)
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(h, str) for h in group):
            bad(loc, "each same_publisher entry is a list of two or more hosts, e.g. [news.cn, xinhuanet.com]")
            continue
        for host in group:
            problem = host_problem(host)
            if problem:
                bad(loc, f"host {host!r} {problem}")
        groups.append(tuple(group))
    if problems:
        return None, problems
    return Publishers(
        hosts={kind: tuple(v) for kind, v in hosts.items()},
        government_regions=regions,
        same_publisher=tuple(groups),
    ), problems


def load_publishers(path: Path, text: str | None = None) -> Publishers:
    """Parse and validate publishers.yml; RegistryError lists every problem as `path:line: HC120 …`."""
    try:
        located = load_located(path, text, rule=RULE)
    except YamlError as exc:
        raise RegistryError(str(exc)) from None
    publishers, problems = _problems(located.data, located)
    if problems or publishers is None:
        raise RegistryError("\n".join(problems))
    return publishers
