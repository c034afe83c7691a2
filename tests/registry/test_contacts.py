"""Registry loading: schema errors name file and line; unknown ids suggest the closest ones."""

import pytest

from scripts.registry.contacts import RegistryError, parse
from tests.conftest import FIXTURE_SITE

GOOD = (FIXTURE_SITE / "data" / "contacts.yml").read_text(encoding="utf-8")


def error_for(tmp_path, text):
    path = tmp_path / "contacts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        parse(path)
    return str(info.value)


def test_fixture_registry_loads(contacts):
    assert {c.id for c in contacts.all()} == {"examplepay.hotline", "examplepay.uk-line", "examplepay.help-web", "examplepay.unsourced"}
    assert contacts.contact("examplepay.hotline").assessment.status.value == "verified"
    assert contacts.contact("examplepay.uk-line").assessment.status.value == "corroborated"
    assert not contacts.contact("examplepay.unsourced").publishable


def test_yaml_syntax_error_names_line(tmp_path):
    message = error_for(tmp_path, "providers:\n  - id: x\n   name: [\n")
    assert "contacts.yml:3:" in message and "YAML syntax error" in message


def test_unknown_key_names_its_line(tmp_path):
    text = GOOD.replace(
        "        answers_calls: true\n        never_calls_you: true", "        answers_calls: true\n        nevr_calls_you: true", 1
    )
    message = error_for(tmp_path, text)
    line = next(i for i, text_line in enumerate(text.splitlines(), 1) if "nevr_calls_you" in text_line)
    assert f"contacts.yml:{line}: HC100" in message and "nevr_calls_you" in message


def test_invalid_number_is_rejected_by_phonenumbers(tmp_path):
    message = error_for(tmp_path, GOOD.replace('value: "95999"', 'value: "95"'))
    assert "neither a valid number nor a possible short code" in message


def test_missing_dial_region_is_explained(tmp_path):
    message = error_for(tmp_path, GOOD.replace("        dial_region: CN\n", "", 1))
    assert "need dial_region" in message


def test_contradictory_call_flags_are_rejected(tmp_path):
    message = error_for(tmp_path, GOOD.replace("never_calls_you: true", "never_calls_you: true\n        may_call_you: true", 1))
    assert "cannot both be true" in message


def test_domain_with_scheme_is_rejected(tmp_path):
    message = error_for(tmp_path, GOOD.replace("domains: [examplepay.example]", "domains: [https://examplepay.example]"))
    assert "bare lower-case host" in message


def test_duplicate_channel_ids_are_rejected(tmp_path):
    message = error_for(tmp_path, GOOD.replace("- id: uk-line", "- id: hotline"))
    assert "used twice" in message


def test_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(RegistryError, match="missing"):
        parse(tmp_path / "nope.yml")


def test_unknown_contact_suggests_closest(contacts):
    with pytest.raises(RegistryError) as info:
        contacts.contact("examplepay.hotlin")
    assert "'examplepay.hotline'" in str(info.value) and "HC101" in str(info.value)


def test_unpublishable_contact_names_entry_and_missing_evidence(contacts):
    with pytest.raises(RegistryError) as info:
        contacts.publishable("examplepay.unsourced")
    message = str(info.value)
    assert "HC102" in message and "contacts.yml:" in message and "no fresh https source" in message


def test_publishable_digits_include_national_and_international_forms(contacts):
    forms = contacts.publishable_digits
    assert {"95999", "442079460018", "02079460018", "00442079460018"} <= set(forms)
    assert "12025550143" not in forms  # the unsourced channel never counts
