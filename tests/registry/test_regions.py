"""Region codes are ISO 3166-1 alpha-2 codes from a maintained list, with a fix for each wrong one."""

import pytest

from scripts import paths
from scripts.registry import regions
from scripts.registry.yaml_source import load_located


@pytest.mark.parametrize("code", ["CN", "HK", "MO", "TW", "GB", "US", "SG", "MY", "ID", "PH", "JP", "KE", "IN", "ZA", "MT", "XK"])
def test_known_codes_pass(code):
    assert regions.region_problem(code) is None
    assert regions.check_region(code) == code


@pytest.mark.parametrize(
    ("code", "fix"),
    [
        ("UK", "use GB"),
        ("EL", "use GR"),
        ("CHN", "use CN"),
        ("PRC", "use CN"),
        ("cn", "must be written in capitals without spaces — use CN"),
        (" HK", "use HK"),
        ("ZZ", "use two capital letters such as CN, HK or GB"),
        ("EU", "use two capital letters"),
        ("AQ", "of a place with phone numbers"),  # assigned, but no numbering plan: no wallet serves it
        ("", "write a two-letter ISO 3166-1 code"),
        (None, "write a two-letter ISO 3166-1 code"),
        (86, "write a two-letter ISO 3166-1 code"),
    ],
)
def test_unknown_codes_say_what_to_write(code, fix):
    problem = regions.region_problem(code)
    assert problem and problem.startswith(f"region {code!r} ") and " — " in problem and fix in problem
    with pytest.raises(ValueError, match="region"):
        regions.check_region(code)


def test_the_list_is_iso_3166_with_phone_numbers():
    assert len(regions.KNOWN_REGIONS) > 240
    assert all(len(code) == 2 and code.isupper() and code.isalpha() for code in regions.KNOWN_REGIONS)
    assert {"EU", "UK", "ZZ", "001"}.isdisjoint(regions.KNOWN_REGIONS)


def test_lists_are_checked_whole():
    assert regions.check_regions(["CN", "HK"]) == ["CN", "HK"]
    with pytest.raises(ValueError, match="listed twice"):
        regions.check_regions(["CN", "CN"])
    with pytest.raises(ValueError, match="use GB"):
        regions.check_regions(["US", "UK"])


def test_every_region_in_the_real_registry_is_known():
    data = load_located(paths.CONTACTS).data
    for provider in data["providers"]:
        for code in provider.get("regions", []):
            assert regions.region_problem(code) is None, f"{provider['id']}: {regions.region_problem(code)}"
        for channel in provider.get("channels", []):
            if channel.get("dial_region"):
                assert regions.region_problem(channel["dial_region"]) is None, f"{provider['id']}.{channel['id']}"
