"""HC030: a page that shows a provider is warned about each of its channels left out for missing evidence."""

from __future__ import annotations

from scripts.cli import check
from scripts.gates.rules import Content
from scripts.gates.rules import hc030_unpublishable_shown as hc030

# Fictional providers on reserved example domains; numbers from the fixture registry's fiction range.
CONTACTS = """\
providers:
  - id: okpay
    name: {zh: 好支付, en: OkPay}
    regions: [CN]
    domains: [okpay.example]
    channels:
      - id: hotline
        kind: phone
        value: "95999"
        dial_region: CN
        evidence:
          - url: https://help.okpay.example/contact
            publisher: provider
            checked: 2026-10-01
            note: Read from a stored copy. Fixture source stating the hotline.
      - id: rumoured
        kind: phone
        value: "95998"
        dial_region: CN
        evidence:
          - url: https://content-farm.example/numbers
            publisher: other
            checked: 2026-10-01
            note: Read from a stored copy. A number directory, which never counts.
  - id: fullpay
    name: {zh: 全支付, en: FullPay}
    regions: [HK]
    domains: [fullpay.example]
    channels:
      - id: help-web
        kind: web
        value: https://help.fullpay.example/
        evidence:
          - url: https://help.fullpay.example/
            publisher: provider
            checked: 2026-10-01
            note: Read from a stored copy. The provider's own help centre.
"""


def front(risk="low", providers=""):
    extra = f"providers: [{providers}]\n" if providers else ""
    return f"---\ntitle: Title\ndescription: A page used by the rule tests.\nlast_reviewed: 2026-11-01\nrisk: {risk}\n{extra}---\n\n# Title\n\n"


def content(tmp_path, pages: dict) -> Content:
    (tmp_path / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    for rel, text in pages.items():
        path = tmp_path / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Content(docs=tmp_path / "docs", contacts_file=tmp_path / "contacts.yml")


def found(tmp_path, pages):
    return [
        (f.path.relative_to(tmp_path / "docs").as_posix(), f.line, f.rule, f.severity, f.message)
        for f in hc030.check(content(tmp_path, pages))
    ]


def test_registry_is_as_the_tests_expect(tmp_path):
    contacts = content(tmp_path, {}).contacts
    assert {c.id: c.publishable for c in contacts.all()} == {"okpay.hotline": True, "okpay.rumoured": False, "fullpay.help-web": True}


def test_card_names_page_line_channel_and_missing_evidence(tmp_path):
    result = found(tmp_path, {"zh/a.md": front() + 'Text.\n\n{{ contact_card("okpay") }}\n'})
    assert len(result) == 1
    page, line, rule, severity, message = result[0]
    assert (page, line, rule, severity) == ("zh/a.md", 12, "HC030", "warning")
    assert message.startswith(
        "contact_card('okpay') leaves out phone channel 'okpay.rumoured': no fresh https source on the provider's domains (okpay.example)"
    )
    assert "contacts.yml:" in message and "—" in message
    assert "95998" not in message  # the warning names the channel, it does not spread the number


def test_directory_and_high_risk_block_count_as_showing(tmp_path):
    result = found(
        tmp_path,
        {
            "zh/dir.md": front() + '{{ directory(region="CN") }}\n',
            "zh/risky.md": front("high", "okpay, fullpay") + "Text.\n",
            "zh/low.md": front("low", "okpay") + "Low-risk pages show no contacts block.\n",
        },
    )
    assert [(p, line) for p, line, *_ in result] == [("zh/dir.md", 10), ("zh/risky.md", 6)]
    assert result[0][4].startswith("directory(region='CN') leaves out phone channel 'okpay.rumoured'")
    assert result[1][4].startswith("the verified-contacts block (front matter providers) leaves out phone channel 'okpay.rumoured'")


def test_once_per_page_and_nothing_for_complete_providers_or_phone_calls(tmp_path):
    result = found(
        tmp_path,
        {
            "zh/twice.md": front("high", "okpay") + '{{ contact_card("okpay") }}\n\n{{ directory(region="CN") }}\n',
            "zh/clean.md": front() + '{{ contact_card("fullpay") }}\n\n{{ phone("okpay.hotline") }}\n\n{{ directory(region="HK") }}\n',
            "zh/unknown.md": front() + '{{ contact_card("nopay") }}\n',  # HC002 reports unknown ids
        },
    )
    assert [(p, line) for p, line, *_ in result] == [("zh/twice.md", 6)]


def test_is_a_warning_in_make_check(tmp_path):
    pages = {f"{lang}/a.md": front() + '{{ contact_card("okpay") }}\n' for lang in ("zh", "en")}
    findings = [f for f in check.run(content(tmp_path, pages)) if f.rule == "HC030"]
    assert [f.severity for f in findings] == ["warning", "warning"]
    assert hc030 in check.ALL
