"""HC001: no phone number may be typed into a page; numbers come only from the registry."""

from scripts.number_detect import find_numbers
from scripts.rules import Content, Finding
import re

ID = "HC001"
NAME = "typed-phone-number"
SEVERITY = "error"
SUMMARY = "A phone-number-like string is typed into a page instead of coming from data/contacts.yml."

# Registry calls carry ids, not numbers; blank them so nothing inside them is mistaken for one.
_CALLS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def check(content: Content):
    contacts = content.contacts
    forms = set(getattr(contacts, "publishable_digits", {}) or {})
    for lang, rel, path in content.all_pages():
        text = _CALLS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), content.text(path))
        for f in find_numbers(text, forms, skip_urls=True):
            yield Finding(
                path, f.line, ID,
                f"{f.reason} {f.text.strip()!r} is typed into the page — numbers may only come from the registry: "
                f"use {{{{ phone(\"provider.channel\") }}}} with an id from data/contacts.yml, or add the number there with its evidence first",
            )
