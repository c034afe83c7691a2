"""Fixture mini-sites: the good one builds right; each kind of bad data stops the build with file:line."""

import json
import re

import pytest

from tests.conftest import build_site


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_languages_live_at_root_and_en(fixture_site):
    assert '<html lang="zh"' in read(fixture_site, "index.html")
    assert '<html lang="en"' in read(fixture_site, "en/index.html")
    assert '<html lang="zh"' in read(fixture_site, "article/index.html")
    assert '<html lang="en"' in read(fixture_site, "en/article/index.html")


@pytest.mark.parametrize("page", ["article/index.html", "en/article/index.html"])
def test_every_head_has_absolute_hreflang_alternates_and_x_default(fixture_site, page):
    head = read(fixture_site, page).split("</head>")[0]
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head))
    assert links == {
        "zh": "https://example.github.io/fixture/article/",
        "en": "https://example.github.io/fixture/en/article/",
        "x-default": "https://example.github.io/fixture/article/",
    }
    assert not re.search(r'<link rel="alternate" href=', head), "no relative duplicates from the theme"


def test_language_switcher_points_to_the_same_article(fixture_site):
    zh = read(fixture_site, "article/index.html")
    en = read(fixture_site, "en/article/index.html")
    assert re.search(r'<a href="../en/article/" hreflang="en" class="md-select__link">', zh)
    assert re.search(r'<a href="../../article/" hreflang="zh" class="md-select__link">', en)


def test_sitemap_lists_alternates_with_x_default(fixture_site):
    sitemap = read(fixture_site, "sitemap.xml")
    assert sitemap.count("<url>") == 6
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.github.io/fixture/article/"/>' in sitemap


def test_not_found_page_reads_in_both_languages(fixture_site):
    page = read(fixture_site, "404.html")
    assert "找不到这个页面" in page and 'lang="en">Go to the English home page' in page.replace("<li lang", "lang").replace(
        'lang="en"><a href="https://example.github.io/fixture/en/">', 'lang="en">'
    )


def test_high_risk_page_gets_reminder_and_contacts_from_front_matter(fixture_site):
    page = read(fixture_site, "article/index.html")
    assert page.index("谨防冒充客服") < page.index("<h1")
    assert 'data-hc-provider="examplepay"' in page.split("经过核实的官方渠道")[1]
    low = read(fixture_site, "index.html")
    assert "谨防冒充客服" not in low


def test_search_index_is_split_per_language(fixture_site):
    zh = json.loads(read(fixture_site, "search/search_index.zh.json"))
    en = json.loads(read(fixture_site, "search/search_index.en.json"))
    assert zh["docs"] and all(not d["location"].startswith("en/") for d in zh["docs"])
    assert en["docs"] and all(d["location"].startswith("en/") for d in en["docs"])


def test_official_contacts_json_has_only_publishable_channels(fixture_site):
    data = json.loads(read(fixture_site, "official-contacts.json"))
    ids = {c["id"] for c in data["contacts"]}
    assert ids == {"examplepay.hotline", "examplepay.uk-line", "examplepay.help-web"}


LOADS = re.compile(
    r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(?:https?:)?//'
    r'|<link\b(?=[^>]*\brel="(?:stylesheet|preload|modulepreload|icon|preconnect|dns-prefetch)")[^>]*\bhref="(?:https?:)?//'
)


def test_pages_load_nothing_from_other_hosts(fixture_site):
    for page in fixture_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not LOADS.search(html), f"{page} loads a resource from another host"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


# --- bad data: each must stop the build and say where and what to fix -----------------------------


def _edit(site, path, old, new):
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, text):
    from tests.conftest import FIXTURE_SITE

    source = (FIXTURE_SITE / path).read_text(encoding="utf-8")
    return source[: source.index(text)].count("\n") + 1


BAD = {
    "registry YAML syntax": (
        "data/contacts.yml",
        "    regions: [CN]",
        "    regions: [CN",
        r"data/contacts.yml:\d+: HC100 YAML syntax error",
    ),
    "registry unknown field": (
        "data/contacts.yml",
        "hours:",
        "open_hours:",
        rf"contacts.yml:{_line_of('data/contacts.yml', 'hours:')}: HC100 .*open_hours",
    ),
    "registry bad number": ("data/contacts.yml", 'value: "95999"', 'value: "95"', r"contacts.yml:\d+: HC100 .*neither a valid number"),
    "unknown contact id": (
        "docs/zh/index.md",
        'phone("examplepay.hotline")',
        'phone("examplepay.hotlin")',
        rf"docs/zh/index.md:{_line_of('docs/zh/index.md', 'phone(')}: HC101 .*'examplepay.hotline'",
    ),
    "unpublishable contact": (
        "docs/en/index.md",
        'phone("examplepay.hotline")',
        'phone("examplepay.unsourced")',
        rf"docs/en/index.md:{_line_of('docs/en/index.md', 'phone(')}: HC102 .*no fresh https source",
    ),
    "look-alike evidence": (
        "data/contacts.yml",
        "https://help.examplepay.example/contact",
        "https://help.examplepay.example.evil.test/contact",
        r"HC102 .*examplepay.hotline",
    ),
    "stale evidence": (
        "data/contacts.yml",
        "checked: 2026-10-01\n            note: Fixture source stating",
        "checked: 2025-01-01\n            note: Fixture source stating",
        r"HC110 evidence for examplepay.hotline: .*re-check https://help.examplepay.example/contact",
    ),
    "typed number in page": (
        "docs/zh/article.md",
        "# 账户被锁定",
        "# 账户被锁定\n\n客服电话 ９５１**８８**",
        r"docs/zh/article.md:\d+: HC001",
    ),
    "bad front matter": ("docs/en/article.md", "risk: high", "risk: severe", r"docs/en/article.md:5: HC200 front matter risk"),
    "number in an override": ("docs/en/index.md", "# Home", "# Home\n\n<!-- tel -->", None),
    "template code in a page": ("docs/en/article.md", "risk: high\n", "risk: high\n", None),
    "concatenated digits in a page": (
        "docs/zh/index.md",
        "# ",
        "{{ '95' ~ '188' }}\n\n# ",
        r"docs/zh/index.md:\d+: HC107 string concatenation",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_data_stops_the_build(site_copy, tmp_path, case):
    path, old, new, expected = BAD[case]
    if case == "number in an override":
        # A number that reaches the HTML without passing through a page: caught by the output gate.
        overrides = tmp_path / "overrides"
        import shutil

        from tests.conftest import HERE

        shutil.copytree(HERE.parent / "overrides", overrides)
        (overrides / "partials" / "copyright.html").write_text("<div>Hotline 400-670-0700</div>", encoding="utf-8")
        _edit(site_copy, "mkdocs.yml", f"custom_dir: {HERE.parent / 'overrides'}", f"custom_dir: {overrides}")
        expected = r"HC300 phone number '400-670-0700' is not a published registry number"
    elif case == "template code in a page":
        # Blank lines after the front matter (which MkDocs strips) must not shift the reported line.
        file = site_copy / path
        text = file.read_text(encoding="utf-8").replace("---\n\n", "---\n\n\n\n\n{{ lipsum.__globals__ }}\n\n", 1)
        file.write_text(text, encoding="utf-8")
        line = text[: text.index("{{ lipsum")].count("\n") + 1
        expected = rf"docs/en/article.md:{line}: HC107 attribute access"
    else:
        _edit(site_copy, path, old, new)
    result = build_site(site_copy / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0, f"{case}: build should fail"
    assert not (tmp_path / "out").exists(), f"{case}: a failed build left a site that could be deployed"
    assert re.search(expected, result.stdout + result.stderr), (result.stdout + result.stderr)[-2500:]


def test_pages_with_cards_carry_organization_jsonld(fixture_site):
    html = read(fixture_site, "en/index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    org = data["@graph"][0]
    assert org["name"] == "ExamplePay" and org["contactPoint"][0]["telephone"] == "95999"
