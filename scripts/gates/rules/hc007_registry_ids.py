"""HC007: registry ids carry no digit runs, so an id can never be mistaken for a number in the site."""

import re

from scripts.gates.rules import Content, Finding
from scripts.registry.contacts import RegistryError

ID = "HC007"
NAME = "registry-id-digits"
SEVERITY = "error"
SUMMARY = "A provider or channel id in data/contacts.yml contains digits."
_DIGITS = re.compile(r"\d")


def check(content: Content):
    contacts = content.contacts
    if isinstance(contacts, RegistryError):
        return
    for contact in contacts.all():
        if _DIGITS.search(contact.id):
            yield Finding(
                content.contacts_file,
                contact.line,
                ID,
                f"id {contact.id!r} contains digits — use words (cn-antifraud-line, not cn-96110): ids appear in page HTML and the output gate reads digits as numbers",
            )
