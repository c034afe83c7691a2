"""HC006: data/contacts.yml parses and matches its schema (numbers checked with phonenumbers)."""

import re

from scripts.gates.rules import Content, Finding
from scripts.registry.contacts import RegistryError

ID = "HC006"
NAME = "registry-schema"
SEVERITY = "error"
SUMMARY = "data/contacts.yml has a YAML error, an unknown or missing field, or a number phonenumbers rejects."
_LOC = re.compile(r"^.+?:(?P<line>\d+): (HC100 )?(?P<msg>.*)$")


def check(content: Content):
    contacts = content.contacts
    if not isinstance(contacts, RegistryError):
        return
    for line in str(contacts).splitlines():
        m = _LOC.match(line)
        yield Finding(content.contacts_file, int(m["line"]) if m else 1, ID, m["msg"] if m else line)
