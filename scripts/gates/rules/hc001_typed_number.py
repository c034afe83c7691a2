"""HC001: no phone number may be typed into a page; numbers come only from the registry."""

import re

from scripts.detect.numbers import find_numbers
from scripts.gates.rules import Content, Finding

ID = "HC001"
NAME = "typed-phone-number"
SEVERITY = "error"
SUMMARY = "A phone-number-like string is typed into a page instead of coming from data/contacts.yml."

# Registry calls carry ids, not numbers; blank them so nothing inside them is mistaken for one.
_CALLS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def typed_numbers(text: str, registry_forms=frozenset()) -> list[tuple[int, str]]:
    """(line, message) for every number typed into page source `text`."""
    masked = _CALLS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return [
        (
            f.line,
            f"{f.reason} {f.text.strip()!r} is typed into the page — numbers may only come from the registry: "
            f"use {{{{ phone(\"provider.channel\") }}}} with an id from data/contacts.yml, or add the number there with its evidence first",
        )
        for f in find_numbers(masked, registry_forms, skip_urls=True)
    ]


def check(content: Content):
    forms = set(getattr(content.contacts, "publishable_digits", {}) or {})
    for lang, rel, path in content.all_pages():
        for line, message in typed_numbers(content.text(path), forms):
            yield Finding(path, line, ID, message)
