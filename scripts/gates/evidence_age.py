"""Evidence age: sources past the limit fail the strict build (HC110); sources nearing it warn (HC111)."""

from __future__ import annotations

from scripts.registry.contacts import Contacts
from scripts.registry.evidence import aging_sources, is_fresh, stale_reason


def stale_evidence(contacts: Contacts) -> list[str]:
    """One line per source older than the limit: the strict build fails on these."""
    lines = []
    for contact in contacts.all():
        for source in contact.channel.evidence:
            if not is_fresh(source, contacts.policy):
                lines.append(f"{contacts.where(contact)}: HC110 evidence for {contact.id}: {stale_reason(source, contacts.policy)}")
    return lines


def aging_evidence(contacts: Contacts) -> list[str]:
    """One line per source past the warning age: re-check soon."""
    return [
        f"{contacts.where(c)}: HC111 evidence for {c.id} is {(contacts.policy.today - s.checked).days} days old — re-check {s.url} soon"
        for c in contacts.all()
        for s in aging_sources(c.channel, contacts.policy)
    ]
