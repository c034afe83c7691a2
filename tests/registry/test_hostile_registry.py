"""Hostile edits to data/contacts.yml are refused with one clean `contacts.yml:line: HC100 what — fix` line each."""

import datetime as dt
import time

import pytest

from scripts import paths
from scripts.registry.contacts import Contacts, RegistryError, parse
from scripts.registry.evidence import Basis, Policy, Status
from scripts.registry.schema import NUMBERING_PLAN_URL

BASE = f"""\
providers:
  - id: examplepay
    name: {{zh: 示例支付, en: ExamplePay}}
    regions: [CN]
    domains: [examplepay.example]
    channels:
      - id: hotline
        kind: phone
        value: "95999"
        dial_region: CN
        evidence:
          - url: https://help.examplepay.example/contact
            publisher: provider
            checked: 2026-10-01
            note: Read from a stored copy. Fixture source stating the hotline.
            quote: "客服热线 95999（每天）"
            archived: https://web.archive.org/web/2026/https://help.examplepay.example/contact
      - id: sender
        kind: sms
        value: "EXPAY"
        dial_region: CN
        sms_sender: true
        evidence:
          - url: https://help.examplepay.example/sms
            publisher: provider
            checked: 2026-10-01
            note: Read from a stored copy. Fixture source naming the sender.
            quote: "texts come from EXPAY"
  - id: hk-police
    kind: public
    name: {{zh: 香港警务处, en: Hong Kong Police Force}}
    regions: [HK]
    domains: [police.gov.hk]
    channels:
      - id: emergency
        kind: phone
        value: "999"
        dial_region: HK
        evidence:
          - url: {NUMBERING_PLAN_URL}
            publisher: numbering-plan
            checked: 2026-11-01
            note: Checked against libphonenumber's short-number metadata.
"""
URL = "url: https://help.examplepay.example/contact"


def refused(tmp_path, old: str, new: str) -> tuple[str, int]:
    assert old in BASE, old
    text = BASE.replace(old, new, 1)
    path = tmp_path / "contacts.yml"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(RegistryError) as info:
        parse(path)
    assert time.monotonic() - started < 1
    message = str(info.value)
    assert message.startswith(f"{path}:") and " HC100 " in message and "Traceback" not in message
    first_changed = next(i for i, (a, b) in enumerate(zip(BASE.splitlines(), text.splitlines(), strict=False), 1) if a != b)
    return message, first_changed


def test_base_registry_is_valid(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text(BASE, encoding="utf-8")
    contacts = Contacts.load(path, Policy(today=dt.date(2026, 11, 22), publisher_hosts={}))
    assert contacts.contact("examplepay.hotline").assessment.status is Status.verified
    police = contacts.contact("hk-police.emergency").assessment
    assert police.status is Status.verified and police.basis is Basis.numbering_plan and police.emergency


@pytest.mark.parametrize(
    "old,new,words",
    [
        (URL, 'url: "https://help.examplepay.example/\\tcontact"', "whitespace"),
        (URL, 'url: "https://help.examplepay.\\nexample/contact"', "whitespace"),
        (URL, 'url: "https://evil.example\\\\@help.examplepay.example/"', "backslash"),
        (URL, 'url: "https:/\\\\help.examplepay.example/contact"', "backslash"),
        (URL, "url: HTTPS://help.examplepay.example/contact", "lower case"),
        (URL, "url: https://help.examplepay.example@evil.example/contact", "user info"),
        (URL, "url: https://help.examplepay.example:8443/contact", "port"),
        (URL, "url: https://192.0.2.7/contact", "IP address"),
        (URL, "url: https://help.examplepay.example./contact", "trailing dot"),
        (URL, "url: https://xn--examplepy-abc.example/contact", "punycode"),
        (URL, "url: https://hеlp.examplepay.example/contact", "non-ASCII"),
        (URL, "url: http://help.examplepay.example/contact", "only https"),
        (URL, "url: file:///etc/passwd", "only https"),
        ("archived: https://web.archive.org", "archived: http://web.archive.org", "only https"),
        ('quote: "客服热线 95999（每天）"', 'quote: "客服热线 95998（每天）"', "does not contain 95999"),
        ('quote: "客服热线 95999（每天）"', 'quote: "客服热线 195999（每天）"', "does not contain 95999"),
        ('value: "95999"', 'value: "400-893-9888"', "shared-cost"),
        ('value: "95999"\n        dial_region: CN', 'value: "09061 234567"\n        dial_region: GB', "premium-rate"),
        ('value: "95999"', 'value: "99999"', "not a short code"),
        ('value: "95999"', 'value: "1-800-FLOWERS"', "digits"),
        ('value: "EXPAY"', 'value: "EX4008939888"', "digits"),
        ('value: "EXPAY"', 'value: "EX 400 893 98"', "digits"),
        ("domains: [examplepay.example]", "domains: [com.cn]", "public suffix"),
        ("domains: [examplepay.example]", "domains: [github.io]", "public suffix"),
        ("kind: public", "kind: wallet", "public emergency lines only"),
        ("    regions: [CN]\n", "    regions: [CN]\n    regions: [HK]\n", "duplicate key"),
        ("    regions: [CN]\n", "    regions: &r [CN]\n", "anchor"),
        ("        sms_sender: true\n", "        sms_sender: true\n        sms_sender: false\n", "duplicate key"),
    ],
)
def test_hostile_edits_are_refused_at_their_line(tmp_path, old, new, words):
    message, line = refused(tmp_path, old, new)
    assert words in message, message
    assert f"contacts.yml:{line}: HC100" in message, (line, message)


def test_numbering_plan_evidence_for_a_non_emergency_number_names_the_evidence(tmp_path):
    message, _ = refused(tmp_path, 'value: "999"', 'value: "18222"')
    line = next(i for i, text_line in enumerate(BASE.splitlines(), 1) if "publisher: numbering-plan" in text_line)
    assert f"contacts.yml:{line}: HC100" in message and "only emergency numbers" in message


def test_refusal_line_is_the_true_line(tmp_path):
    message, line = refused(tmp_path, URL, "url: http://help.examplepay.example/contact")
    assert f"contacts.yml:{line}: HC100 examplepay.hotline evidence 1 url:" in message


@pytest.mark.parametrize(
    "data,words",
    [
        (b"\xef\xbb\xbf" + BASE.encode(), "byte-order mark"),
        (BASE.encode().replace("示例".encode(), b"\xff\xfe"), "not valid UTF-8"),
        (BASE.encode() + b"\x00\x00", "NUL bytes"),
    ],
)
def test_unreadable_registry_files_are_refused(tmp_path, data, words):
    path = tmp_path / "contacts.yml"
    path.write_bytes(data)
    with pytest.raises(RegistryError, match=words):
        parse(path)


def test_alias_bomb_in_the_registry_is_refused_fast(tmp_path):
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    path = tmp_path / "contacts.yml"
    path.write_text(bomb, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(RegistryError, match="anchor"):
        parse(path)
    assert time.monotonic() - started < 0.5


@pytest.mark.parametrize(
    "provider_id,value,region",
    [
        ("hk-police.emergency", "999", "HK"),
        ("sg-police.emergency", "999", "SG"),
        ("uk-police.emergency", "999", "GB"),
    ],
)
def test_real_registry_holds_the_emergency_numbers_as_verified(provider_id, value, region):
    contacts = Contacts.load(paths.CONTACTS, Policy.load(today=dt.date(2026, 12, 3)))
    contact = contacts.contact(provider_id)
    assert (contact.channel.value, contact.channel.dial_region) == (value, region)
    assert contact.assessment.status is Status.verified and contact.assessment.from_numbering_plan


def test_a_police_hotline_like_cn_110_can_be_verified_from_the_numbering_plan(tmp_path):
    text = (
        BASE.replace("id: hk-police", "id: cn-police")
        .replace("regions: [HK]", "regions: [CN]")
        .replace("domains: [police.gov.hk]", "domains: [mps.gov.cn]")
        .replace("id: emergency", "id: hotline")
        .replace('value: "999"\n        dial_region: HK', 'value: "110"\n        dial_region: CN')
    )
    path = tmp_path / "contacts.yml"
    path.write_text(text, encoding="utf-8")
    contact = Contacts.load(path, Policy(today=dt.date(2026, 11, 22), publisher_hosts={})).contact("cn-police.hotline")
    assert contact.assessment.status is Status.verified and contact.assessment.from_numbering_plan
