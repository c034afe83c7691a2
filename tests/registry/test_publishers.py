"""data/publishers.yml: host lists, government regions and same-publisher groups are validated."""

import pytest

from scripts import paths
from scripts.registry.errors import RegistryError
from scripts.registry.evidence import Policy
from scripts.registry.publishers import load_publishers


def load(tmp_path, text):
    path = tmp_path / "publishers.yml"
    path.write_text(text, encoding="utf-8")
    return load_publishers(path)


def refused(tmp_path, text) -> str:
    with pytest.raises(RegistryError) as info:
        load(tmp_path, text)
    return str(info.value)


def test_the_real_file_loads_and_every_government_host_has_a_region():
    publishers = load_publishers(paths.PUBLISHERS)
    assert set(publishers.hosts["government"]) == set(publishers.government_regions)
    assert publishers.government_regions["gov.cn"] == "CN"


def test_regions_come_from_the_country_ending_or_are_explicit(tmp_path):
    publishers = load(tmp_path, "government:\n  - gov.cn\n  - gov\n  - police.uk\n  - {host: navy.mil, region: US}\nnews: [news.cn]\n")
    assert publishers.government_regions == {"gov.cn": "CN", "gov": "US", "police.uk": "GB", "navy.mil": "US"}


def test_same_publisher_groups_count_once(tmp_path):
    publishers = load(tmp_path, "news: [news.cn, xinhuanet.com]\nsame_publisher:\n  - [news.cn, xinhuanet.com]\n")
    policy = Policy.from_publishers(publishers)
    assert policy.publisher_of("www.news.cn") == policy.publisher_of("www.xinhuanet.com")
    assert policy.publisher_of("www.news.cn") != policy.publisher_of("www.cnr.cn")


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("government: [gov.cn]\nnewz: [a.com]\n", 2, "unknown key 'newz'"),
        ("news:\n  - com.cn\n", 2, "public suffix"),
        ("news:\n  - github.io\n", 2, "public suffix"),
        ("institution:\n  - https://bank.com\n", 2, "only letters"),
        ("government:\n  - co.uk\n", 2, "not a government"),
        ("government:\n  - com\n", 2, "full domain name"),
        ("government:\n  - {host: gov.cn, region: GB}\n", 2, "contradicts"),
        ("government:\n  - {host: x.org, region: ZZ}\n", 2, "two-letter region"),
        ("news:\n  - {host: a.com, region: CN}\n", 2, "only government hosts take a region"),
        ("government: [police.gov.hk]\nnews:\n  - police.gov.hk\n", 3, "also listed under government"),
        ("news:\n  - a.com\n  - a.com\n", 3, "listed twice"),
        ("news: a.com\n", 1, "must be a list"),
        ("same_publisher:\n  - news.cn\n", 2, "two or more hosts"),
        ("news: [a.com]\nnews: [b.com]\n", 2, "duplicate key"),
        ("news: &n [a.com]\ninstitution: *n\n", 1, "anchor"),
        ("- a.com\n", 1, "must be a mapping"),
    ],
)
def test_malformed_files_give_one_clean_line_each(tmp_path, text, line, words):
    message = refused(tmp_path, text)
    assert f"publishers.yml:{line}: HC120 " in message and words in message, message


def test_policy_load_reports_the_publishers_file(tmp_path):
    path = tmp_path / "publishers.yml"
    path.write_bytes(b"\xef\xbb\xbfgovernment: [gov.cn]\n")
    with pytest.raises(RegistryError, match=r"publishers.yml:1: HC120 .*byte-order mark"):
        Policy.load(path)
