"""Evidence URLs and domains, judged the way a browser reads them, with the Public Suffix List.

A browser silently deletes tabs and newlines inside a URL, reads `\\` as `/`, opens the host
after a `user@`, treats `0x7f.1` or `2130706433` as an IP address and lower-cases the host. An
address that a browser would read differently from its plain text is refused rather than
normalised, so what a reviewer reads in a pull request is exactly the page a reader reaches.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from publicsuffixlist import PublicSuffixList

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Characters a browser would percent-encode or that would break the HTML attribute / Markdown link.
_UNSAFE_IN_PATH = set('"<>`')
# Top-level domains run by one government (single-label entries in publishers.yml, and hosts' regions).
GOVERNMENT_TLDS = {"gov": "US", "mil": "US"}
# First labels of public suffixes reserved for government bodies (gov.cn, go.jp, police.uk …).
GOVERNMENT_SUFFIX_LABELS = {"gov", "go", "gob", "gouv", "govt", "government", "mil", "police", "gc"}
TLD_REGIONS = {"uk": "GB"}  # ccTLDs whose code is not the ISO region code


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    # Bundled with the package (ICANN and private sections): no network access.
    return PublicSuffixList()


def is_public_suffix(domain: str) -> bool:
    """True for com, com.cn, gov.uk, github.io …: names many unrelated owners register under."""
    return _psl().is_public(domain)


def registrable_domain(host: str) -> str:
    """www.news.cn and m.news.cn -> news.cn; a.github.io -> a.github.io (Public Suffix List)."""
    host = host.lower().rstrip(".")
    return _psl().privatesuffix(host) or host


def host_problem(host: str, allow_public_suffix: bool = False, allow_government_tld: bool = False) -> str | None:
    """Why `host` is not a plain lower-case DNS name we can match safely; None when it is fine.

    Domains someone claims to own (a provider's `domains`, news and institution hosts) must not be
    public suffixes; a page's host may be one (the Macao government portal is gov.mo itself), and
    publishers.yml lists government suffixes (gov.cn) and TLDs (gov) on purpose.
    """
    if not host:
        return "has no host name"
    if host != host.lower():
        return "must be written in lower case (browsers lower-case it)"
    if host.endswith("."):
        return "ends with a dot — remove the trailing dot"
    if len(host) > 253:
        return "is longer than a host name can be"
    labels = host.split(".")
    if len(labels) < 2 and not (allow_government_tld and host in GOVERNMENT_TLDS):
        return "is not a full domain name such as example.com (single-label and local names are refused)"
    for label in labels:
        if not _LABEL.fullmatch(label):
            return (
                f"has the part {label!r}: only letters a–z, digits and inner hyphens are allowed "
                f"(IP addresses, IDN / non-ASCII names, underscores and empty parts are refused)"
            )
        if label.startswith("xn--"):
            return f"has the punycode part {label!r}: internationalised names are look-alike risks and are refused"
    if not labels[-1].isalpha():
        return "ends in a number: a browser would read it as an IP address"
    if not allow_public_suffix and is_public_suffix(host):
        return "is a public suffix (like com.cn or github.io) under which unrelated owners register names — give the owner's own domain"
    return None


def region_of_tld(host: str) -> str | None:
    """The region a host's top-level domain belongs to (gov.cn → CN, gov.uk → GB, ftc.gov → US), if any."""
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if tld in GOVERNMENT_TLDS:
        return GOVERNMENT_TLDS[tld]
    region = TLD_REGIONS.get(tld, tld.upper())
    return region if len(tld) == 2 and region in phonenumbers.SUPPORTED_REGIONS else None


def url_problem(url: str) -> str | None:
    """Why `url` is not a canonical https URL that a browser reads exactly as written; None when it is."""
    if not isinstance(url, str) or not url:
        return "is empty — give the page's https:// address"
    odd = next((c for c in url if c.isspace() or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F), None)
    if odd is not None:
        return (
            f"contains whitespace or a control character (U+{ord(odd):04X}); browsers silently delete "
            f"tabs and newlines inside an address — remove it"
        )
    if "\\" in url:
        return "contains a backslash, which browsers read as / — copy the address from the browser's address bar"
    if not url.isascii():
        return (
            "contains non-ASCII characters — copy the address from the browser's address bar, where they are "
            "percent-encoded (e.g. %E5%AE%A2), and use the registered ASCII host name"
        )
    scheme = _SCHEME.match(url)
    if not scheme:
        return "has no scheme — start it with https://"
    if scheme.group(1).lower() != "https":
        return (
            f"uses {scheme.group(1)}: — only https:// pages count (plain http can be altered in transit; "
            f"file:, data:, ftp: and the like are not web pages)"
        )
    if scheme.group(1) != "https":
        return "must start with https:// in lower case"
    if not url.startswith("https://") or url.startswith("https:///"):
        return "must start with exactly https:// followed by the host name"
    rest = url[len("https://") :]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        return "contains user info before an @ — a browser would open the host after the @; give the page's real address"
    if ":" in authority or "[" in authority:
        return "names a port or an IP address — give the plain https://host/path address"
    if "%" in authority:
        return "has a percent-encoded host — write the host name in plain letters"
    problem = host_problem(authority, allow_public_suffix=True)
    if problem:
        return f"host {authority!r} {problem}"
    tail = rest[len(authority) :]
    if _BAD_PERCENT.search(tail):
        return "has a % that is not followed by two hex digits — copy the address from the browser's address bar"
    unsafe = next((c for c in tail if c in _UNSAFE_IN_PATH), None)
    if unsafe:
        return f"contains {unsafe!r}, which browsers percent-encode — copy the address from the browser's address bar"
    return None


def https_host(url: str) -> str | None:
    """The host of a canonical https URL (see url_problem), or None when the URL is refused."""
    if url_problem(url) is not None:
        return None
    return re.split(r"[/?#]", url[len("https://") :], maxsplit=1)[0]


def host_matches(host: str | None, domains) -> bool:
    """True when `host` is one of `domains` or a sub-domain of one (never a mere prefix or look-alike)."""
    if not host:
        return False
    return any(host == d or host.endswith("." + d) for d in domains)
