"""HC006: data/contacts.yml parses and matches its schema (numbers checked with phonenumbers)."""

from scripts.gates.rules import Content, located_findings
from scripts.registry.contacts import RegistryError

ID = "HC006"
NAME = "registry-schema"
SEVERITY = "error"
SUMMARY = "data/contacts.yml has a YAML error, an unknown or missing field, or a number phonenumbers rejects."


def check(content: Content):
    contacts = content.contacts
    if not isinstance(contacts, RegistryError):
        return
    yield from located_findings(str(contacts).splitlines(), ID, content.contacts_file)
