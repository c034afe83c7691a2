"""HC005: evidence is fresh. Over the limit fails; past the warning age asks for a re-check."""

from scripts.gates.evidence_age import aging_evidence, stale_evidence
from scripts.gates.rules import Content, located_findings
from scripts.registry.contacts import RegistryError

ID = "HC005"
NAME = "evidence-age"
SEVERITY = "error"
SUMMARY = "A source in data/contacts.yml was checked too long ago (over 365 days fails; over 180 warns)."


def check(content: Content):
    contacts = content.contacts
    if isinstance(contacts, RegistryError):
        return
    for lines, severity in ((stale_evidence(contacts), "error"), (aging_evidence(contacts), "warning")):
        yield from located_findings(lines, ID, content.contacts_file, severity)
