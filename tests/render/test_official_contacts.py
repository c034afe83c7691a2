"""The data the number checker receives (and /official-contacts.json publishes)."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
import yaml

from scripts import paths
from scripts.registry.contacts import Contacts
from scripts.registry.evidence import Policy
from scripts.render.official_contacts import official_contacts
from scripts.render.page_functions import Renderer
from tests.conftest import FIXTURE_SITE, TODAY


def by_id(data: dict) -> dict:
    return {e["id"]: e for e in data["contacts"]}


def test_only_publishable_channels_are_listed(contacts):
    ids = set(by_id(official_contacts(contacts)))
    assert {"examplepay.hotline", "examplepay.uk-line", "examplepay.help-web"} <= ids
    assert "examplepay.unsourced" not in ids


def test_short_code_forms(contacts):
    hotline = by_id(official_contacts(contacts))["examplepay.hotline"]
    assert hotline["digits"] == ["008695999", "8695999", "95999"]
    assert hotline["country_code"] == "86"
    assert hotline["national_forms"] == ["95999"]
    assert hotline["status"] == "verified" and hotline["never_calls_you"] is True
    assert hotline["emergency"] is False
    assert hotline["provider"]["kind"] == "wallet" and hotline["dial_region"] == "CN"


def test_full_number_forms_with_and_without_trunk_prefix(contacts):
    uk = by_id(official_contacts(contacts))["examplepay.uk-line"]
    assert uk["country_code"] == "44"
    # what is left after "+44" or "0044": with the trunk 0 (as printed in the UK) or without
    assert uk["national_forms"] == ["02079460018", "2079460018"]
    assert set(uk["digits"]) == {"02079460018", "2079460018", "442079460018", "00442079460018"}
    assert uk["status"] == "corroborated"


def test_web_channels_have_no_number_forms(contacts):
    web = by_id(official_contacts(contacts))["examplepay.help-web"]
    assert web["digits"] == [] and web["national_forms"] == [] and web["country_code"] is None


def test_sender_names_match_by_name_not_by_country_code(tmp_path):
    registry = tmp_path / "contacts.yml"
    registry.write_text(
        textwrap.dedent("""\
        providers:
          - id: example-centre
            kind: public
            name: {zh: 示例反诈中心, en: Example anti-scam centre}
            regions: [HK]
            domains: [gov.example]
            channels:
              - id: sms-sender
                kind: sms
                value: "#EXAMPLE1"
                dial_region: HK
                sms_sender: true
                evidence:
                  - url: https://www.gov.example/sms
                    publisher: provider  # the centre's own site
                    checked: 2026-10-01
                    note: Fixture government page naming the sender.
        """),
        encoding="utf-8",
    )
    policy = Policy.load(FIXTURE_SITE / "data" / "publishers.yml", today=TODAY)
    sender = official_contacts(Contacts.load(registry, policy))["contacts"][0]
    assert sender["sender_name"] == "#EXAMPLE1"
    assert sender["country_code"] is None and sender["national_forms"] == []
    assert sender["sms_sender"] is True and sender["status"] == "verified"


def test_the_real_registry_serialises_and_every_region_has_a_name():
    data = official_contacts(Contacts.load())
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data  # /official-contacts.json
    regions = yaml.safe_load((paths.DATA / "ui.yml").read_text(encoding="utf-8"))["checker"]["regions"]
    for entry in data["contacts"]:
        if entry["kind"] in ("phone", "sms"):
            assert entry["dial_region"] in regions, (
                f"{entry['id']}: add a name for {entry['dial_region']} under checker: regions: in data/ui.yml"
            )
        if entry["country_code"]:
            cc = entry["country_code"]
            assert all(f.isdigit() for f in entry["national_forms"])
            # every national form is reachable from "+CC": its significant digits are listed with the code
            assert any(cc + f.lstrip("0") in entry["digits"] or f in entry["digits"] for f in entry["national_forms"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checker_html_has_no_inline_code_and_a_no_script_message(contacts, lang):
    html = str(Renderer(contacts, lang).number_checker())
    t = Renderer(contacts, lang).t["checker"]
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert len(scripts) == 2 and all('type="application/json"' in attrs for attrs in scripts)
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers (CSP)"
    noscript = re.search(r"<noscript markdown=\"1\">(.*?)</noscript>", html, re.S).group(1)
    assert t["nojs"] in noscript and f"[{t['nojs_link']}](../contact/directory.md)" in noscript
    assert re.search(r"<form class=\"hc-checker__form\" novalidate hidden>", html), "the form waits for the script"
    assert 'role="status" aria-live="polite"' in html
    data = json.loads(re.search(r'id="hc-checker-data">(.*?)</script>', html, re.S).group(1))
    words = json.loads(re.search(r'id="hc-checker-text">(.*?)</script>', html, re.S).group(1))
    assert data == official_contacts(contacts)
    assert words["verified_title"] == t["verified_title"] and isinstance(words["regions"]["CN"], str)


def test_emergency_numbers_are_marked(tmp_path):
    registry = tmp_path / "contacts.yml"
    registry.write_text(
        textwrap.dedent("""\
        providers:
          - id: example-police
            kind: public
            name: {zh: 公安机关, en: the police}
            regions: [CN]
            channels:
              - id: emergency
                kind: phone
                value: "110"
                dial_region: CN
                answers_calls: true
                evidence:
                  - {url: "https://news.example-broadcaster.example/a", publisher: news, checked: 2026-10-01, note: Fixture news report one.}
                  - {url: "https://www.other-paper.example/b", publisher: news, checked: 2026-10-01, note: Fixture news report two.}
        """),
        encoding="utf-8",
    )
    policy = Policy.load(FIXTURE_SITE / "data" / "publishers.yml", today=TODAY)
    police = official_contacts(Contacts.load(registry, policy))["contacts"][0]
    assert police["emergency"] is True and police["national_forms"] == ["110"] and police["country_code"] == "86"
