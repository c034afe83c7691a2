"""HC030: a page shows a provider whose registry lists a channel that cannot be published.

contact_card(), directory() and the verified-contacts block of high-risk pages leave such a
channel out without a word, so the reader never learns it exists. That is the safe default, but
the editor should know: this warning names the page, the channel and the evidence it lacks.
(phone() of an unpublishable channel is an error, HC002.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from scripts import paths
from scripts.content.front_matter import FrontMatterError, read_meta
from scripts.gates.rules import Content, Finding
from scripts.registry.contacts import Contacts, RegistryError

ID = "HC030"
NAME = "unpublishable-channel-shown"
SEVERITY = "warning"
SUMMARY = "A page shows a provider (card, directory or high-risk contacts block) with a channel left out for missing evidence."
_PROVIDERS_LINE = re.compile(r"^providers\s*:")


def _front_matter_providers(path: Path, text: str) -> tuple[list[str], int]:
    """Providers a high-risk page's verified-contacts block shows, and the line of `providers:`."""
    try:
        meta, _, _ = read_meta(path, text)
    except (FrontMatterError, RegistryError, ValueError):
        return [], 1  # HC003 reports the front matter
    if getattr(meta.risk, "value", meta.risk) != "high":
        return [], 1
    line = next((n for n, t in enumerate(text.splitlines(), start=1) if _PROVIDERS_LINE.match(t)), 1)
    return list(meta.providers), line


def _shown(content: Content, contacts: Contacts, path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, how it is shown, provider id) for every provider the page shows with its channels."""
    for line, function, arg, kwargs in content.calls(path):
        if function == "contact_card" and arg in contacts.providers:
            yield line, f"contact_card({arg!r})", arg
        elif function == "directory":
            region = kwargs.get("region", arg or None)
            kind = kwargs.get("kind", "wallet")
            for provider in contacts.providers_in(region, kind):
                yield line, f"directory(region={region!r})", provider.id
    providers, line = _front_matter_providers(path, content.text(path))
    for provider_id in providers:
        if provider_id in contacts.providers:
            yield line, "the verified-contacts block (front matter providers)", provider_id


def _entry(contacts: Contacts, line: int) -> str:
    path = Path(contacts.located.path)
    try:
        shown = path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        shown = str(path)
    return f"{shown}:{line}"


def check(content: Content) -> Iterator[Finding]:
    contacts = content.contacts
    if not isinstance(contacts, Contacts):
        return  # HC006 reports the registry itself
    for _lang, _rel, path in content.all_pages():
        reported: set[str] = set()
        for line, how, provider_id in sorted(_shown(content, contacts, path), key=lambda shown: shown[0]):
            for contact in contacts.channels_of(provider_id, publishable_only=False):
                if contact.publishable or contact.id in reported:
                    continue
                reported.add(contact.id)
                # The policy's reason ends with its own fix for a reference; this warning's fix is the evidence.
                missing = contact.assessment.reason.split(" — ")[0].rstrip(". ")
                yield Finding(
                    path,
                    line,
                    ID,
                    f"{how} leaves out {contact.channel.kind.value} channel {contact.id!r}: {missing} — "
                    f"add a qualifying source at {_entry(contacts, contact.line)} (data/CONTACTS_FORMAT.md), "
                    f"or remove the channel; until then readers of this page do not see it",
                    SEVERITY,
                )
