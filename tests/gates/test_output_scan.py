"""The output gate (HC300) over a built site: every published file is read, only registry numbers pass.

A small clean site is written to a temporary folder; each test adds one hostile file or change
the way a pull request could (a page, an asset, a theme override's output, data, a config
string) and the gate must name the file. Ordinary sites must pass.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time

import pytest

from scripts.gates.output_scan import scan_output, vendor_digests

REGISTRY = frozenset({"95017", "8695017", "008695017", "4006700700", "864006700700", "00864006700700", "100"})

CLEAN = {
    "index.html": (
        "<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>钱包帮助中心</title>"
        "<link rel='stylesheet' href='assets/stylesheets/site.css'>"
        '<script type=\'application/ld+json\'>{"telephone": "95017"}</script></head><body>'
        "<p>客服电话 <a href='tel:95017'>95017</a>，核实于 2026-11-22 10:30。</p>"
        "<p>服务热线 <span class='hc-phone__number'>400-670-0700</span>，单日限额 50000 元，3-5 个工作日。</p>"
        "<table><tr><td>95017</td><td>400 670 0700</td></tr></table>"
        "<p>错误代码 10003；验证码（例如 123456）；商户号 1230000109；邮编 100000；GB/T 35273-2020。</p>"
        "<svg viewBox='0 0 24 24'><path d='M12 2.5 9.5 6.5 400 670 0700'/></svg>"
        "</body></html>"
    ),
    "en/index.html": "<html lang='en'><body><p>Call <a href='tel:+8695017'>+86 95017</a> (checked 2026-11-22).</p></body></html>",
    "assets/stylesheets/site.css": ":root { --md-primary-fg-color: #0b5394; } .hc-card { padding: 0.6rem 1rem; z-index: 1000000; }",
    "assets/javascripts/number-checker.js": "var MAX_DIGITS = 30; var PAUSE_MS = 700; // answers after a pause\n",
    "search/search_index.zh.json": '{"config": {"lang": ["zh"]}, "docs": [{"location": "", "title": "首页", "text": "<p>客服 95017</p>"}]}',
    "official-contacts.json": '{"generated_for": "2026-12-03", "contacts": [{"digits": ["008695017", "8695017", "95017"]}]}',
    "sitemap.xml": "<urlset><url><loc>https://example.github.io/help/</loc><lastmod>2026-11-22</lastmod></url></urlset>",
    "assets/favicon.svg": "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><circle cx='16' cy='16' r='14'/></svg>",
    "assets/images/favicon.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
}
NUMBER = "4008201234"


def write_site(root, files):
    site = root / "site"
    for rel, content in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return site


@pytest.fixture
def site(tmp_path):
    return write_site(tmp_path, CLEAN)


def test_a_clean_site_passes(site):
    assert scan_output(site, REGISTRY) == []


HOSTILE = {
    "page text": ("about/index.html", f"<p>客服 {NUMBER}</p>"),
    "page split by tags and comments": ("about/index.html", "<p>400<span>820</span><!-- -->12<b>34</b></p>"),
    "page with entities": ("about/index.html", "<p>&#52;&#48;&#48;&#x38;201234</p>"),
    "page with full-width digits": ("about/index.html", "<p>客服 ４００８２０１２３４</p>"),
    "page with chinese numerals": ("about/index.html", "<p>请拨打九五五八八</p>"),
    "attribute": ("about/index.html", f"<img alt='热线 {NUMBER}' src='x.png'>"),
    "meta content": ("about/index.html", f"<meta name='description' content='客服 {NUMBER}'>"),
    "tel link": ("about/index.html", "<a href='tel:95188'>call</a>"),
    "whatsapp link": ("about/index.html", "<a href='https://wa.me/8613800138000'>chat</a>"),
    "phone parameter": ("about/index.html", "<a href='https://example.com/?phone=95188'>x</a>"),
    "json-ld": ("about/index.html", f'<script type=\'application/ld+json\'>{{"telephone": "{NUMBER}"}}</script>'),
    "inline script": ("about/index.html", "<script>x.textContent='\\x34\\x30\\x30'+'8201234'</script>"),
    "stylesheet content": ("assets/stylesheets/extra.css", '.md-footer::after { content: "\\34 00" " 820 1234"; }'),
    "stylesheet counter": ("assets/stylesheets/extra.css", f".x {{ counter-reset: n {NUMBER}; }}"),
    "script": ("assets/javascripts/extra.js", "el.textContent = '\\u{34}\\u{30}\\u{30}8201234';"),
    "module script": ("assets/javascripts/extra.mjs", f"export const T = '{NUMBER}';"),
    "source map": ("assets/javascripts/extra.js.map", f'{{"sourcesContent": ["// call {NUMBER}"]}}'),
    "search index": ("search/search_index.en.json", f'{{"docs": [{{"location": "x/", "text": "<p>call {NUMBER}</p>"}}]}}'),
    "data file": ("data/extra.json", f'{{"hotline": {NUMBER}}}'),
    "sitemap": ("sitemap.xml", f"<urlset><url><loc>https://example.github.io/help/call/{NUMBER}/</loc></url></urlset>"),
    "svg text": ("assets/images/banner.svg", f"<svg><text x='0' y='10'>热线 {NUMBER}</text></svg>"),
    "upper-case suffix": ("about/INDEX.HTML", f"<P>{NUMBER}</P>"),
    "unknown suffix": ("assets/data.bin2", f"hotline {NUMBER}"),
    "no suffix": ("CNAME", f"call-{NUMBER}.example.com"),
    "text file": ("robots.txt", f"# questions: {NUMBER}"),
    "markdown copy": ("about/source.MD", "客服 **400**820**1234**"),
    "vcard": ("contact.vcf", "BEGIN:VCARD\nTEL;TYPE=work:+86-400-820-1234\nEND:VCARD\n"),
    "utf-16 page": ("about/utf16.html", f"<p>{NUMBER}</p>".encode("utf-16")),
    "gzip sitemap": ("sitemap.xml.gz", gzip.compress(f"<urlset><loc>https://x/call/{NUMBER}</loc></urlset>".encode())),
    "file name": (f"call-{NUMBER}/index.html", "<p>hello</p>"),
    "registry number inside a longer run": ("about/index.html", "<p>短信 10695017</p>"),
    "registry number with a prefix": ("about/index.html", "<p>40095017</p>"),
    "registry number next to an unregistered one": ("about/index.html", "<p>95017 95188</p>"),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_each_hostile_file_is_named(tmp_path, case):
    rel, content = HOSTILE[case]
    site = write_site(tmp_path, {**CLEAN, rel: content})
    problems = scan_output(site, REGISTRY)
    assert problems, f"{case}: not caught"
    assert all(p.startswith("site/") and " HC300 " in p for p in problems)
    assert any(p.startswith(f"site/{rel}:") for p in problems), problems
    assert "data/contacts.yml" in problems[0] or "symlink" in problems[0] or "file name" in problems[0]


def test_problem_names_line_and_number(tmp_path):
    site = write_site(tmp_path, {"a.html": "<html>\n<body>\n<p>\nHotline 400-670-0701\n</p>"})
    [problem] = scan_output(site, REGISTRY)
    assert problem.startswith("site/a.html:4: HC300 phone number '400-670-0701' is not a published registry number")


def test_registry_numbers_pass_in_every_form(tmp_path):
    page = "<p>95017 · +86 95017 · 0086 95017 · ９５０１７ · 400-670-0700 · +86 400 670 0700 · 95017 400-670-0700</p>"
    site = write_site(tmp_path, {"a.html": page, "b.js": "var t = '95017';", "c.css": '.x::after { content: "400 670 0700"; }'})
    assert scan_output(site, REGISTRY) == []


def test_contacts_object_or_digit_set(tmp_path):
    class Contacts:
        publishable_digits = {d: object() for d in REGISTRY}

    site = write_site(tmp_path, CLEAN)
    assert scan_output(site, Contacts()) == []


def test_vendor_files_are_skipped_only_when_byte_identical(tmp_path):
    theme = tmp_path / "theme"
    (theme / "assets").mkdir(parents=True)
    vendored = b"var x=1048575,y=32768,z=4008201234;"
    (theme / "assets" / "bundle.min.js").write_bytes(vendored)
    digests = vendor_digests([theme])
    assert hashlib.sha256(vendored).hexdigest() in digests
    site = write_site(tmp_path, {**CLEAN, "assets/bundle.min.js": vendored})
    assert scan_output(site, REGISTRY, digests) == []
    changed = write_site(tmp_path / "changed", {**CLEAN, "assets/bundle.min.js": vendored + b"\n"})
    assert scan_output(changed, REGISTRY, digests)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlinks_inside_the_site_are_refused(tmp_path):
    site = write_site(tmp_path, CLEAN)
    outside = tmp_path / "outside.txt"
    outside.write_text("nothing", encoding="utf-8")
    (site / "leak.txt").symlink_to(outside)
    (site / "leakdir").symlink_to(tmp_path, target_is_directory=True)
    problems = scan_output(site, REGISTRY)
    assert any(p.startswith("site/leak.txt:1: HC300 a symlink") for p in problems)
    assert any(p.startswith("site/leakdir:1: HC300 a symlink") for p in problems)


def test_gate_cost_grows_with_size_not_faster(tmp_path):
    page = CLEAN["index.html"]
    small = write_site(tmp_path / "small", {f"p{i}/index.html": page for i in range(20)})
    large = write_site(tmp_path / "large", {f"p{i}/index.html": page for i in range(160)})
    scan_output(small, REGISTRY)  # warm caches (phonenumbers metadata, compiled patterns)
    start = time.perf_counter()
    scan_output(small, REGISTRY)
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    scan_output(large, REGISTRY)
    t_large = time.perf_counter() - start
    assert t_large < 8 * t_small * 2 + 0.5, (t_small, t_large)
