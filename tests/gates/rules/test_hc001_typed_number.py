"""HC001 (`make check`): numbers typed into pages, assets under docs/ or templates are named with file and line."""

from __future__ import annotations

import pytest

from scripts.gates.rules import Content, hc001_typed_number
from scripts.gates.rules.hc001_typed_number import typed_in_file, typed_numbers
from tests.conftest import FIXTURE_SITE

FRONT = "---\ntitle: {title}\ndescription: A page used by the HC001 tests.\nlast_reviewed: 2026-11-01\nrisk: low\n---\n\n"


def page(body: str, title: str = "Title") -> str:
    return FRONT.format(title=title) + body


def make_docs(tmp_path, files: dict) -> Content:
    for rel, body in files.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True, exist_ok=True)
    return Content(docs=tmp_path / "docs", contacts_file=FIXTURE_SITE / "data" / "contacts.yml")


PAGES = {
    "markdown emphasis": "客服电话：９５１**８８**",
    "raw html split": "95<b>188</b>",
    "html comment split": "400<!-- x -->670<!-- y -->0700",
    "entities": "&#52;&#48;&#48;&#x36;700700",
    "chinese numerals": "请拨打九五五八八",
    "letters": "热线 4OO-67O-O7OO",
    "attribute": '<span title="客服 4006700700">客服</span>',
    "link": "[客服](tel:95188)",
    "autolink": "<tel:95188>",
    "whatsapp": "[chat](https://wa.me/8613800138000)",
    "reference link": "[客服][1]\n\n[1]: sms:95188",
    "attr list": "客服 { title='4006700700' }",
    "code block": "```\n4006700700\n```",
    "unit that names a line": "95188号码",
    "context word abused": "错误代码 4006700700",
    "two numbers": "Our numbers 4008201234 4008205678",
}


@pytest.mark.parametrize("case", PAGES, ids=list(PAGES))
def test_pages_with_typed_numbers_fail(tmp_path, case):
    content = make_docs(tmp_path, {"zh/a.md": page("# 标题\n\n" + PAGES[case] + "\n"), "en/a.md": page("# T\n")})
    found = list(hc001_typed_number.check(content))
    assert found and {f.rule for f in found} == {"HC001"}, case
    assert all(f.path.name == "a.md" and f.line >= 10 for f in found)


def test_front_matter_is_read_too(tmp_path):
    content = make_docs(tmp_path, {"zh/a.md": page("# 标题\n", title="客服 4006700700"), "en/a.md": page("# T\n")})
    [finding] = hc001_typed_number.check(content)
    assert finding.line == 2


ORDINARY = [
    "核实于 2026-11-22 10:30，单日限额 50000 元，3-5 个工作日到账。",
    "依据 GB/T 35273-2020 和 ISO/IEC 27001:2022。",
    "错误代码 10003 表示网络超时；验证码（例如 123456）只在 App 内输入。",
    "商户号 1230000109；邮编 100000；等待 30 分钟。",
    '客服电话：{{ phone("examplepay.hotline") }}，工作时间 9:00–21:00。',
    '{{ contact_card("examplepay") }}',
    'Call {{ phone("examplepay.uk-line") }} on 2026-11-22 between 9:00 and 17:00.',
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_pages_pass(tmp_path, text):
    content = make_docs(tmp_path, {"zh/a.md": page("# 标题\n\n" + text + "\n"), "en/a.md": page("# T\n\n" + text + "\n")})
    assert list(hc001_typed_number.check(content)) == []


def test_registry_numbers_typed_into_a_page_are_still_typed():
    assert typed_numbers("客服 95999", frozenset({"95999"}))


ASSETS = {
    "assets/javascripts/extra.js": "el.textContent = '\\x34\\x30\\x30' + '6700700';",
    "assets/stylesheets/extra.css": '.x::after { content: "\\34 00 670 0700"; }',
    "assets/images/banner.svg": "<svg><text>热线 4006700700</text></svg>",
    "assets/data.json": '{"hotline": "4006700700"}',
    "assets/NOTE.TXT": "call 4006700700",
    "notes.md": "客服 4006700700",
    "zh/snippet.html": "<p>95<b>188</b></p>",
}


@pytest.mark.parametrize("rel", ASSETS, ids=list(ASSETS))
def test_numbers_in_assets_under_docs_fail(tmp_path, rel):
    content = make_docs(tmp_path, {"zh/a.md": page("# 标题\n"), "en/a.md": page("# T\n"), rel: ASSETS[rel]})
    found = list(hc001_typed_number.check(content))
    assert [f.path.name for f in found] == [rel.rsplit("/", 1)[-1]]


def test_registry_numbers_in_assets_pass_and_binary_files_are_skipped():
    assert typed_in_file("a.js", b"var official = '95999';", frozenset({"95999"})) == []
    assert typed_in_file("a.png", b"\x89PNG\r\n\x1a\n\x00\x00 4006700700", frozenset()) == []
    assert typed_in_file("a.html", b"<p>{{ number }} {% if x %}4006700700{% endif %}</p>", frozenset())
