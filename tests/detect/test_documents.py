"""Published files read as a browser, a stylesheet engine or a script would read them.

Each class of hiding place (markup between digits, entities, attributes, links, CSS content,
JS escapes, JSON, XML/SVG, encodings, compression) has its own hostile documents; ordinary
documents of each kind must stay quiet.
"""

import gzip

import pytest

from scripts.detect import documents
from scripts.detect.documents import decode, kind_of, read_document, read_file

NUMBER = "4008201234"

HOSTILE = {
    "html split by tags": [
        ("a.html", "<p>95<b>188</b></p>"),
        ("a.html", '<p><span class="x">400</span>-<span>820</span>-1234</p>'),
        ("a.html", "<p>400<span>820</span><em>1234</em></p>"),
        ("a.html", "<p>400<br>820<br/>1234</p>"),
        ("a.html", "<p>400<wbr>820<wbr>1234</p>"),
        ("a.html", "<div>400</div><div>820</div><div>1234</div>"),
        ("a.html", "<table><tr><td>400</td><td>820</td><td>1234</td></tr></table>"),
        ("a.html", "<p>400\n820\n1234</p>"),
        ("a.html", "<ruby>400<rt></rt></ruby>8201234"),
    ],
    "html comments and declarations": [
        ("a.html", "<p>95<!-- hidden -->188</p>"),
        ("a.html", "<p>4<!---->0<!-- -->0<!--x-->8201234</p>"),
        ("a.html", "<!-- 客服 4008201234 -->"),
        ("a.html", "<p><![CDATA[4008201234]]></p>"),
        ("a.html", "<?php echo 1 ?><p>4008201234</p>"),
        ("a.html", "<p>95<!-->188</p>"),
        ("a.html", "<p>4008201234<!-- never closed"),
    ],
    "entities": [
        ("a.html", "<p>&#52;&#48;&#48;8201234</p>"),
        ("a.html", "<p>&#x34;&#x30;&#x30;8201234</p>"),
        ("a.html", "<p>&#52&#48&#48 8201234</p>"),
        ("a.html", "<p>400&nbsp;820&nbsp;1234</p>"),
        ("a.html", "<p>400&thinsp;820&ZeroWidthSpace;1234</p>"),
        ("a.html", "<p>&#65300;&#65296;&#65296;8201234</p>"),
        ("a.html", "<p>400&shy;820&shy;1234</p>"),
    ],
    "attributes": [
        ("a.html", f'<img alt="客服 {NUMBER}" src="x.png">'),
        ("a.html", f'<span title="热线 {NUMBER}">?</span>'),
        ("a.html", f'<button aria-label="Call {NUMBER}">x</button>'),
        ("a.html", f'<div data-phone="{NUMBER}"></div>'),
        ("a.html", f'<div data-config=\'{{"tel": "{NUMBER}"}}\'></div>'),
        ("a.html", f'<meta name="description" content="客服电话 {NUMBER}">'),
        ("a.html", f'<meta property="og:description" content="{NUMBER}">'),
        ("a.html", f'<input placeholder="{NUMBER}">'),
        ("a.html", f'<input value="{NUMBER}">'),
        ("a.html", f'<ol start="{NUMBER}"><li>x</li></ol>'),
        ("a.html", f'<span class="tel-{NUMBER}"></span>'),
        ("a.html", '<span title="&#52;&#48;&#48;8201234">x</span>'),
        ("a.html", '<iframe srcdoc="&lt;p&gt;400&lt;b&gt;820&lt;/b&gt;1234&lt;/p&gt;"></iframe>'),
        ("a.html", f'<div\n  title="{NUMBER}">x</div>'),
    ],
    "links": [
        ("a.html", '<a href="tel:95188">x</a>'),
        ("a.html", '<a href="TEL:+86-400-820-1234">x</a>'),
        ("a.html", '<a href="sms:95188?body=hi">x</a>'),
        ("a.html", '<a href="callto:4008201234">x</a>'),
        ("a.html", '<a href="https://wa.me/8613800138000">x</a>'),
        ("a.html", '<a href="https://api.whatsapp.com/send?phone=8613800138000">x</a>'),
        ("a.html", '<a href="whatsapp://send?phone=8613800138000">x</a>'),
        ("a.html", '<a href="weixin://dl/chat?4008201234">x</a>'),
        ("a.html", '<a href="https://example.com/contact?phone=95188">x</a>'),
        ("a.html", '<a href="https://example.com/?mobile=13800138000">x</a>'),
        ("a.html", '<a href="tel:%39%35%31%38%38">x</a>'),
        ("a.html", '<a href="tel:%2539%2535%2531%2538%2538">x</a>'),
        ("a.html", '<a href="https://example.com/call/400-820-1234">x</a>'),
        ("a.html", '<a href="#4008201234">x</a>'),
        ("a.html", '<link rel="alternate" href="tel:95188">'),
        ("a.html", '<img srcset="a.png 1x, tel:95188 2x">'),
        ("a.html", '<object data="tel:95188"></object>'),
        ("a.md", "[客服](tel:95188)"),
        ("a.md", "<tel:95188>"),
        ("a.md", "[ref]: sms:95188"),
    ],
    "scripts": [
        ("a.html", f'<script>document.write("{NUMBER}")</script>'),
        ("a.html", '<script>el.textContent = "\\x34\\x30\\x30" + "8201234";</script>'),
        ("a.html", '<script>t = "\\u0034\\u0030\\u0030\\u0038\\u0032\\u0030\\u0031\\u0032\\u0033\\u0034";</script>'),
        ("a.html", "<script>t = `\\u{34}\\u{30}\\u{30}8201234`;</script>"),
        ("a.html", "<script>t = '\\64\\60\\60' + '8201234';</script>"),
        ("a.html", f'<script type="application/ld+json">{{"@type":"Organization","telephone":"+86-{NUMBER}"}}</script>'),
        ("a.html", f'<script type="application/json">{{"tel":{NUMBER}}}</script>'),
        ("a.html", '<script type="text/template"><p>400<b>820</b>1234</p></script>'),
        ("a.html", f"<button onclick=\"alert('{NUMBER}')\">x</button>"),
        ("a.js", 'x.innerHTML = "400" +\n  "820" + "1234";'),
        ("a.mjs", "export const t = '\\x34\\x30\\x30\\x38\\x32\\x30\\x31\\x32\\x33\\x34';"),
        ("a.js", f"// call {NUMBER}\n"),
        ("a.js", 'x.textContent = "400" + 82 + "01234";'),
        ("a.js", "t = [4,0,0,8,2,0,1,2,3,4].join('');"),
    ],
    "stylesheets": [
        ("a.css", f'.x::after {{ content: "{NUMBER}"; }}'),
        ("a.css", '.x::before { content: "\\34 00" "\\38 20" "1234"; }'),
        ("a.css", '.x::after { content: "\\000034\\000030\\000030 8201234"; }'),
        ("a.css", f".x {{ counter-reset: n {NUMBER}; }} .x::after {{ content: counter(n); }}"),
        ("a.css", '.x { background: url("tel:95188"); }'),
        ("a.css", f"/* hotline {NUMBER} */"),
        ("a.css", f'@media print {{ .x::after {{ content: "{NUMBER}"; }} }}'),
        ("a.css", f':root {{ --hotline: "{NUMBER}"; }}'),
        ("a.html", f'<style>.x::after {{ content: "{NUMBER}" }}</style>'),
        ("a.html", f"<p style=\"--t: '{NUMBER}'\">x</p>"),
    ],
    "svg and xml": [
        ("a.svg", f"<svg><text x='1' y='2'>{NUMBER}</text></svg>"),
        ("a.svg", "<svg><text>400</text><text>820</text><text>1234</text></svg>"),
        ("a.svg", "<svg><text><tspan>400</tspan><tspan>8201234</tspan></text></svg>"),
        ("a.svg", f"<svg><title>{NUMBER}</title></svg>"),
        ("a.svg", f"<svg><desc>{NUMBER}</desc></svg>"),
        ("sitemap.xml", f"<urlset><url><loc>https://x.example/call/{NUMBER}/</loc></url></urlset>"),
        ("feed.atom", f"<feed><entry><title>热线 {NUMBER}</title></entry></feed>"),
    ],
    "json": [
        ("a.json", f'{{"text": "客服 {NUMBER}"}}'),
        ("a.json", f'{{"tel": {NUMBER}}}'),
        ("a.json", '{"text": "\\u0034\\u0030\\u00308201234"}'),
        ("search_index.json", '{"docs": [{"location": "a/", "text": "<p>95<b>188</b></p>"}]}'),
        ("a.json", f'{{"{NUMBER}": "key"}}'),
        ("a.webmanifest", f'{{"name": "Help {NUMBER}"}}'),
        ("a.map", f'{{"sourcesContent": ["// {NUMBER}"]}}'),
    ],
    "any suffix, any case": [
        ("A.HTML", f"<P>{NUMBER}</P>"),
        ("a.HTM", f"<p>{NUMBER}</p>"),
        ("a.Css", f'.x::after{{content:"{NUMBER}"}}'),
        ("a.JS", f'x="{NUMBER}"'),
        ("a.txt", f"Hotline {NUMBER}"),
        ("README.MD", "Hotline **400**820**1234**"),
        ("contact.vcf", "BEGIN:VCARD\nTEL;TYPE=work:+86-400-820-1234\nEND:VCARD"),
        ("data.csv", f"name,phone\nhelp,{NUMBER}"),
        ("noext", f"<p>{NUMBER}</p>"),
        ("weird.dat", f'{{"t": "{NUMBER}"}}'),
        ("robots.txt", f"# {NUMBER}"),
    ],
}

ORDINARY = [
    ("a.html", '<p>核实于 <time datetime="2026-11-22">2026-11-22</time>，单日限额 50000 元。</p>'),
    ("a.html", '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M12 2.5 9.5 6.5-1.5 1.5 400 820 1234"/></svg>'),
    ("a.html", '<link rel="stylesheet" href="assets/main.57a0d79d.min.css" integrity="sha384-+1234567890abcdef">'),
    ("a.html", '<a href="https://support.google.com/pay/answer/6224181">help</a>'),
    ("a.html", '<a href="https://news.example.cn/a/20210326/1616756677935.shtml">news</a>'),
    ("a.html", "<table><tr><td>2026-11-22</td><td>10:30</td></tr></table>"),
    ("a.html", "<p>错误代码 10003</p><p>验证码（例如 123456）</p><p>商户号 1230000109</p><p>邮编 100000</p>"),
    ("a.html", "<p>GB/T 35273-2020 与 ISO/IEC 27001:2022</p>"),
    ("a.html", "<script>var MAX_DIGITS = 30, PAUSE_MS = 700;</script>"),
    ("a.html", '<script type="application/json">{"base": "..", "version": "9.8.1"}</script>'),
    ("a.css", ":root { --md-primary-fg-color: #0b5394; } .x { width: 1234567px; z-index: 1000000; }"),
    ("a.js", "for (var i = 0; i < 100; i++) { setTimeout(f, 1000); }"),
    ("a.json", '{"generated_for": "2026-12-03", "max_evidence_age_days": 365}'),
    ("sitemap.xml", "<urlset><url><loc>https://x.example/a/</loc><lastmod>2026-11-22</lastmod></url></urlset>"),
    ("a.txt", "Updated 2026-11-22 10:30. Version 10.5.2."),
]


def _cases():
    return [(cls, name, text) for cls, docs in HOSTILE.items() for name, text in docs]


@pytest.mark.parametrize("cls,name,text", _cases(), ids=[f"{c}: {n}: {t[:50]!r}" for c, n, t in _cases()])
def test_hostile_documents_are_caught(cls, name, text):
    assert read_document(name, text), f"{cls}: {name} {text!r} should be flagged"


@pytest.mark.parametrize("name,text", ORDINARY, ids=[f"{n}: {t[:50]!r}" for n, t in ORDINARY])
def test_ordinary_documents_stay_quiet(name, text):
    assert read_document(name, text) == []


def test_findings_carry_the_source_line_and_part():
    html = "<html>\n<head>\n<meta content='x'>\n</head>\n<body>\n<p>\n客服 4<b>0</b>08201234\n</p>\n<img\n alt='95188'>\n</body></html>"
    found = read_document("a.html", html)
    assert [(f.line, f.digits, f.where) for f in found] == [(7, NUMBER, ""), (10, "95188", "alt=")]
    assert found[0].text.replace("\u200b", "") == "4008201234"


def test_json_findings_name_their_path():
    [finding] = read_document("search_index.json", '{"docs": [{"location": "a/", "text": "<p>call 4008201234</p>"}]}')
    assert finding.where == "docs[0].text"


def test_registry_numbers_are_still_reported_with_their_digits():
    found = read_document("a.html", '<a href="tel:95017">95017</a>', frozenset({"95017"}))
    assert {f.digits for f in found} == {"95017"}


def test_kind_comes_from_suffix_in_any_case_then_content():
    assert kind_of("A.HTML", "") == "markup" and kind_of("x.Css", "") == "css" and kind_of("x.MJS", "") == "js"
    assert kind_of("x.unknown", "  <p>") == "markup" and kind_of("x", '{"a": 1}') == "json" and kind_of("x", "hi") == "text"


def test_binary_files_are_skipped_and_text_encodings_read():
    assert read_file("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))) is None
    assert decode("\ufeffhello".encode("utf-8")) == "hello"
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        found = read_file("a.html", f"<p>{NUMBER}</p>".encode(codec))
        assert found and found[0].digits == NUMBER, codec


def test_gzip_files_are_read_inside():
    found = read_file("sitemap.xml.gz", gzip.compress(f"<urlset><loc>https://x/call/{NUMBER}</loc></urlset>".encode()))
    assert found and found[0].digits == NUMBER
    assert read_file("x.txt.gz.gz", gzip.compress(gzip.compress(NUMBER.encode())))
    assert read_file("x.gz", b"\x1f\x8bnot really gzip") is None


def test_a_compressed_file_too_large_inside_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_INFLATED", 1000)
    with pytest.raises(documents.Unreadable):
        read_file("bomb.txt.gz", gzip.compress(b" " * 5000))


def test_deeply_nested_files_are_still_read():
    assert read_document("a.json", "[" * 5000 + f'"{NUMBER}"' + "]" * 5000)
    assert read_document("a.css", "a{" * 3000 + f'content:"{NUMBER}"' + "}" * 3000)
