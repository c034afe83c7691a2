"""Region codes in the registry are ISO 3166-1 alpha-2 codes (CN, HK, GB …), checked against a maintained list.

The list is libphonenumber's (`phonenumbers.SUPPORTED_REGIONS`, already pinned in the lock and
updated with it): every ISO 3166-1 country or territory that has telephone numbers. Besides the
officially assigned codes it holds three codes ISO reserves or leaves to users, which telephone
numbering uses and so does this registry: AC (Ascension Island) and TA (Tristan da Cunha),
exceptionally reserved, and XK (Kosovo), user-assigned. It leaves out the seven assigned codes of
places with no numbering plan of their own (AQ, BV, GS, HM, PN, TF, UM): no wallet or hotline
serves a region there. No other codes are allowed (no "EU", "UK" or "ZZ"): a directory(region=…)
matches a provider only on the exact code, so a code outside the list is a typo.
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers

KNOWN_REGIONS: frozenset[str] = frozenset(phonenumbers.SUPPORTED_REGIONS)

# Codes people write that are not ISO 3166-1 alpha-2, with the code they mean.
_MEANT = {
    "UK": "GB",  # the United Kingdom's ISO code is GB
    "EL": "GR",  # the EU's abbreviation for Greece
    "PRC": "CN",
    "HKG": "HK",  # alpha-3 codes of the regions the registry covers
    "CHN": "CN",
    "MAC": "MO",
    "TWN": "TW",
    "SGP": "SG",
    "MYS": "MY",
    "USA": "US",
    "GBR": "GB",
    "JPN": "JP",
    "IND": "IN",
    "IDN": "ID",
    "PHL": "PH",
    "KEN": "KE",
}


def region_problem(code: object) -> str | None:
    """None when `code` is a known region code; otherwise what is wrong and the fix, in one line."""
    if not isinstance(code, str) or not code.strip():
        return f"region {code!r} is missing or not text — write a two-letter ISO 3166-1 code such as CN or HK"
    if code in KNOWN_REGIONS:
        return None
    upper = code.strip().upper()
    if upper in KNOWN_REGIONS:
        return f"region {code!r} must be written in capitals without spaces — use {upper}"
    if upper in _MEANT:
        return f"region {code!r} is not an ISO 3166-1 alpha-2 code — use {_MEANT[upper]}"
    return (
        f"region {code!r} is not an ISO 3166-1 alpha-2 code of a place with phone numbers — "
        f"use two capital letters such as CN, HK or GB (the list: phonenumbers.SUPPORTED_REGIONS)"
    )


def check_region(code: str) -> str:
    """`code` itself when it is known; raise ValueError (for a pydantic validator) with the fix otherwise."""
    problem = region_problem(code)
    if problem:
        raise ValueError(problem)
    return code


def check_regions(codes: Iterable[str]) -> list[str]:
    """The codes, unchanged, when every one is known and none repeats; ValueError naming the first problem."""
    seen: set[str] = set()
    out = []
    for code in codes:
        check_region(code)
        if code in seen:
            raise ValueError(f"region {code!r} is listed twice — keep one")
        seen.add(code)
        out.append(code)
    return out
