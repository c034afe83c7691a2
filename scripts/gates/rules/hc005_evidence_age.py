"""HC005: evidence is fresh. Over the limit fails; past the warning age asks for a re-check."""

import re

from scripts.gates.evidence_age import aging_evidence, stale_evidence
from scripts.gates.rules import Content, Finding
from scripts.registry.contacts import RegistryError

ID = "HC005"
NAME = "evidence-age"
SEVERITY = "error"
SUMMARY = "A source in data/contacts.yml was checked too long ago (over 365 days fails; over 180 warns)."
_LOC = re.compile(r"^.+?:(?P<line>\d+): HC11\d (?P<msg>.*)$")


def check(content: Content):
    contacts = content.contacts
    if isinstance(contacts, RegistryError):
        return
    for lines, severity in ((stale_evidence(contacts), "error"), (aging_evidence(contacts), "warning")):
        for line in lines:
            m = _LOC.match(line)
            yield Finding(content.contacts_file, int(m["line"]) if m else 1, ID, m["msg"] if m else line, severity)
