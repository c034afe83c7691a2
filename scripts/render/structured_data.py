"""Organization and ContactPoint JSON-LD for the providers a page shows, from the registry."""

from __future__ import annotations

import json

from scripts.registry.contacts import Contacts
from scripts.registry.dialing import parse_dialable
from scripts.registry.schema import ChannelKind, ProviderKind


def organization(contacts: Contacts, provider_id: str, lang: str) -> dict:
    """One schema.org Organization with a ContactPoint per publishable phone channel."""
    provider = contacts.provider(provider_id)
    points = []
    for contact in contacts.channels_of(provider_id):
        channel = contact.channel
        if channel.kind is not ChannelKind.phone:
            continue
        dial = parse_dialable(channel.value, channel.dial_region or "")  # schema: numbers have a region
        point = {
            "@type": "ContactPoint",
            "telephone": dial.display("en"),  # international form where one exists; short codes as dialled
            "contactType": channel.label.get(lang)
            if channel.label
            else ("customer service" if provider.kind is ProviderKind.wallet else "public hotline"),
            "areaServed": channel.dial_region,
        }
        points.append(point)
    data: dict[str, object] = {
        "@type": "GovernmentOrganization" if provider.kind is ProviderKind.public else "Organization",
        "name": provider.name.get(lang),
    }
    if provider.domains:
        data["url"] = f"https://{provider.domains[0]}/"
    if points:
        data["contactPoint"] = points
    return data


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> str:
    """`value` as JSON safe inside a <script> element (JSON-LD, type="application/json").

    <, > and & are written as \\u escapes, so no data string can close the element ("</script>"),
    open a comment ("<!--") or be read as markup or an entity; U+2028/U+2029 are escaped for old
    JavaScript parsers. JSON.parse and every JSON-LD reader read the escapes back as the characters.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text)


def jsonld(contacts: Contacts, provider_ids, lang: str) -> str | None:
    """A JSON-LD document for the page, or None when it shows no provider."""
    ids = list(dict.fromkeys(provider_ids))
    if not ids:
        return None
    graph = [organization(contacts, pid, lang) for pid in ids]
    return script_json({"@context": "https://schema.org", "@graph": graph})
