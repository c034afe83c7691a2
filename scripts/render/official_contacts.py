"""The machine-readable list of publishable contacts: /official-contacts.json and the checker's data."""

from __future__ import annotations

from scripts.registry.dialing import dialable_forms
from scripts.registry.contacts import Contacts


def official_contacts(contacts: Contacts) -> dict:
    """The machine-readable list of publishable channels, for the checker page and for others to use."""
    entries = []
    for c in contacts.all():
        if not c.publishable:
            continue
        ch, p, best = c.channel, c.provider, c.assessment.best
        entries.append({
            "id": c.id,
            "provider": {"id": p.id, "name": p.name.model_dump(), "kind": p.kind.value},
            "kind": ch.kind.value,
            "value": ch.value,
            "label": ch.label.model_dump() if ch.label else None,
            "dial_region": ch.dial_region,
            "sender_name": ch.value.upper().replace(" ", "") if ch.is_sender_name else None,
            "digits": sorted(dialable_forms(ch.value, ch.dial_region)) if ch.kind.value in ("phone", "sms") else [],
            "status": c.assessment.status.value,
            "answers_calls": ch.answers_calls,
            "may_call_you": ch.may_call_you,
            "never_calls_you": ch.never_calls_you,
            "sms_sender": ch.sms_sender,
            "hours": ch.hours.model_dump() if ch.hours else None,
            "in_app_route": p.in_app_route.model_dump() if p.in_app_route else None,
            "evidence": {"url": best.url, "publisher": best.publisher.value, "checked": best.checked.isoformat()},
        })
    return {"generated_for": contacts.policy.today.isoformat(), "max_evidence_age_days": contacts.policy.max_age_days, "contacts": entries}
