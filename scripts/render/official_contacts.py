"""The machine-readable list of publishable contacts: /official-contacts.json and the checker's data."""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberFormat, shortnumberinfo

from scripts.registry.contacts import Contacts
from scripts.registry.dialing import NumberError, dialable_forms, parse_dialable


def _numbering(value: str, region: str | None, is_sender_name: bool) -> tuple[str | None, list[str]]:
    """(country calling code, national digit forms) of a number; (None, []) for sender names and web/email.

    The national forms are what is left once a caller's `+CC` or `00CC` is taken off: the national
    significant number, the national format (with any trunk prefix, e.g. 0300… in the UK) and a
    short code's own digits. The checker matches input typed with `+` or `00` against these only.
    """
    if not region or is_sender_name:
        return None, []
    try:
        parsed = parse_dialable(value, region)
    except NumberError:
        return None, []
    number = parsed.number
    forms = {
        phonenumbers.national_significant_number(number),
        phonenumbers.normalize_digits_only(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)),
    }
    if not value.strip().startswith("+"):  # as dialled inside the country
        forms.add(phonenumbers.normalize_digits_only(value))
    return str(number.country_code), sorted(f for f in forms if f)


def official_contacts(contacts: Contacts) -> dict:
    """The machine-readable list of publishable channels, for the checker page and for others to use.

    Per phone or SMS channel: `digits` are every digit string the registry accepts as this number
    (as dialled, national, with country code, with 00 + country code); `country_code` and
    `national_forms` say how a number typed with `+` or `00` in front maps onto it; `emergency` marks
    an emergency number of its region (libphonenumber's short-number metadata). Sender names
    (`sender_name`) are matched by name, not by digits.
    """
    entries = []
    for c in contacts.all():
        if not c.publishable:
            continue
        ch, p, best = c.channel, c.provider, c.assessment.best
        assert best is not None  # every publishable channel has the source its badge links to
        is_number = ch.kind.value in ("phone", "sms")
        country_code, national_forms = _numbering(ch.value, ch.dial_region, ch.is_sender_name) if is_number else (None, [])
        emergency = (
            ch.kind.value == "phone"
            and not ch.is_sender_name
            and ch.dial_region is not None
            and shortnumberinfo.is_emergency_number(phonenumbers.normalize_digits_only(ch.value), ch.dial_region)
        )
        entries.append(
            {
                "id": c.id,
                "provider": {"id": p.id, "name": p.name.model_dump(), "kind": p.kind.value},
                "kind": ch.kind.value,
                "value": ch.value,
                "label": ch.label.model_dump() if ch.label else None,
                "dial_region": ch.dial_region,
                "sender_name": ch.value.upper().replace(" ", "") if ch.is_sender_name else None,
                "digits": sorted(dialable_forms(ch.value, ch.dial_region)) if is_number else [],
                "country_code": country_code,
                "national_forms": national_forms,
                "status": c.assessment.status.value,
                "emergency": emergency,
                "answers_calls": ch.answers_calls,
                "may_call_you": ch.may_call_you,
                "never_calls_you": ch.never_calls_you,
                "sms_sender": ch.sms_sender,
                "hours": ch.hours.model_dump() if ch.hours else None,
                "in_app_route": p.in_app_route.model_dump() if p.in_app_route else None,
                "evidence": {"url": best.url, "publisher": best.publisher.value, "checked": best.checked.isoformat()},
            }
        )
    return {"generated_for": contacts.policy.today.isoformat(), "max_evidence_age_days": contacts.policy.max_age_days, "contacts": entries}
