"""Load data/contacts.yml, report schema errors with file:line, and look contacts up by id."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from scripts import paths
from scripts.registry.dialing import dialable_forms
from scripts.registry.errors import RegistryError
from scripts.registry.evidence import Assessment, Policy, Status, assess
from scripts.registry.schema import Channel, ChannelKind, Provider, Registry
from scripts.registry.yaml_source import Located, YamlError, load_located

__all__ = ["Contact", "Contacts", "RegistryError", "parse"]


def _describe(loc: tuple, data=None) -> str:
    """`providers.3.channels.1.evidence.0.url` -> `mpesa.reversal-sms evidence 1 url`: names editors can find."""
    parts = list(loc)
    try:
        if len(parts) >= 2 and parts[0] == "providers" and isinstance(parts[1], int):
            provider = data["providers"][parts[1]]
            name = str(provider.get("id", f"provider {parts[1] + 1}"))
            rest = parts[2:]
            if len(rest) >= 2 and rest[0] == "channels" and isinstance(rest[1], int):
                name += "." + str(provider["channels"][rest[1]].get("id", f"channel {rest[1] + 1}"))
                rest = rest[2:]
                if len(rest) >= 2 and rest[0] == "evidence" and isinstance(rest[1], int):
                    rest = [f"evidence {rest[1] + 1}", *rest[2:]]
            return " ".join([name, *map(str, rest)]) if rest else name
    except (KeyError, IndexError, TypeError, AttributeError):
        pass
    return ".".join(str(part) for part in loc) or "(top level)"


def parse(path: Path = paths.CONTACTS, text: str | None = None) -> tuple[Registry, Located]:
    """Validate the contacts file; raise RegistryError listing every problem as `path:line: …`."""
    if text is None and not path.exists():
        raise RegistryError(f"{path}:1: HC100 the contact registry file is missing — create it (see data/CONTACTS_FORMAT.md)")
    try:
        located = load_located(path, text, rule="HC100")
    except YamlError as exc:
        raise RegistryError(str(exc)) from None
    try:
        return Registry.model_validate(located.data), located
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            message = error["msg"].removeprefix("Value error, ")
            tagged = re.match(r"@([\w.\-]+) ", message)
            if tagged:  # a model-level error about one field (schema.at): point at that field's line
                loc += tuple(int(p) if p.isdigit() else p for p in tagged.group(1).split("."))
                message = message[tagged.end() :]
            if error.get("type") == "extra_forbidden":
                message += " — remove it or fix its spelling (fields are listed in data/CONTACTS_FORMAT.md)"
            elif error.get("type") == "missing":
                message += " — add it (fields are listed in data/CONTACTS_FORMAT.md)"
            problems.append(f"{path}:{located.line_of(loc)}: HC100 {_describe(loc, located.data)}: {message}")
        raise RegistryError("\n".join(problems)) from None


@dataclass(frozen=True)
class Contact:
    """One channel with its provider and its evidence assessment: what renderers receive."""

    provider: Provider
    channel: Channel
    assessment: Assessment
    line: int

    @property
    def id(self) -> str:
        return f"{self.provider.id}.{self.channel.id}"

    @property
    def publishable(self) -> bool:
        return self.assessment.status is not Status.unpublishable


class Contacts:
    """The loaded registry under an evidence policy."""

    def __init__(self, registry: Registry, located: Located, policy: Policy):
        self.registry = registry
        self.located = located
        self.policy = policy
        self.providers = {p.id: p for p in registry.providers}
        self.contacts: dict[str, Contact] = {}
        for pi, provider in enumerate(registry.providers):
            for ci, channel in enumerate(provider.channels):
                line = located.line_of(("providers", pi, "channels", ci))
                contact = Contact(provider, channel, assess(channel, provider, policy), line)
                self.contacts[contact.id] = contact

    @classmethod
    def load(cls, path: Path = paths.CONTACTS, policy: Policy | None = None) -> Contacts:
        registry, located = parse(path)
        return cls(registry, located, policy or Policy.load())

    def where(self, contact: Contact) -> str:
        return f"{self.located.path}:{contact.line}"

    def _unknown(self, kind: str, wanted: str, choices) -> RegistryError:
        close = difflib.get_close_matches(wanted, list(choices), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return RegistryError(f"HC101 unknown {kind} id {wanted!r}.{hint} Valid ids are listed in {self.located.path}.")

    def provider(self, provider_id: str) -> Provider:
        """The provider with this id, or a RegistryError naming the closest ids."""
        if provider_id not in self.providers:
            raise self._unknown("provider", provider_id, self.providers)
        return self.providers[provider_id]

    def contact(self, contact_id: str) -> Contact:
        """The channel `provider.channel`, or a RegistryError naming the closest ids."""
        if contact_id not in self.contacts:
            raise self._unknown("contact", contact_id, self.contacts)
        return self.contacts[contact_id]

    def publishable(self, contact_id: str) -> Contact:
        """Like contact(), but refuse a channel whose evidence does not meet the policy."""
        contact = self.contact(contact_id)
        if not contact.publishable:
            raise RegistryError(
                f"HC102 contact {contact_id!r} cannot be published: {contact.assessment.reason}. Its entry is at {self.where(contact)}."
            )
        return contact

    def providers_in(self, region: str | None = None, kind: str | None = "wallet") -> list[Provider]:
        """Providers a directory(region=…, kind=…) lists, in registry order."""
        return [p for p in self.registry.providers if (region is None or region in p.regions) and (kind is None or p.kind.value == kind)]

    def channels_of(self, provider_id: str, publishable_only: bool = True) -> list[Contact]:
        provider = self.provider(provider_id)
        found = [self.contacts[f"{provider.id}.{c.id}"] for c in provider.channels]
        return [c for c in found if c.publishable or not publishable_only]

    def all(self) -> list[Contact]:
        return list(self.contacts.values())

    @cached_property
    def publishable_digits(self) -> dict[str, Contact]:
        """Every digit string a published phone/SMS channel may legitimately appear as in the site."""
        forms: dict[str, Contact] = {}
        for contact in self.contacts.values():
            if contact.publishable and contact.channel.kind in (ChannelKind.phone, ChannelKind.sms):
                for form in dialable_forms(contact.channel.value, contact.channel.dial_region):
                    forms[form] = contact
        return forms
