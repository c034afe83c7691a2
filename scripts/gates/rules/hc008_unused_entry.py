"""HC008: report publishable registry entries that no page shows (a number nobody can find is wasted work)."""

from scripts.gates.rules import Content, Finding
from scripts.registry.contacts import RegistryError

ID = "HC008"
NAME = "unused-registry-entry"
SEVERITY = "warning"
SUMMARY = "A provider in data/contacts.yml is not shown by any page (directory or card)."


def check(content: Content):
    contacts = content.contacts
    if isinstance(contacts, RegistryError):
        return
    shown_providers, regions, everything = set(), set(), False
    for _lang, _rel, path in content.all_pages():
        for _, function, arg, kwargs in content.calls(path):
            if function == "directory":
                region = kwargs.get("region", arg or None)
                if region:
                    regions.add(region)
                else:
                    everything = True
            elif function == "phone":
                shown_providers.add(arg.split(".")[0])
            else:
                shown_providers.add(arg)
    if everything:
        return
    for provider in contacts.registry.providers:
        if provider.id not in shown_providers and not regions & set(provider.regions):
            line = contacts.located.line_of(("providers", contacts.registry.providers.index(provider)))
            yield Finding(
                content.contacts_file,
                line,
                ID,
                f"provider {provider.id!r} is not shown on any page — add it to a directory or card, or remove it",
                "warning",
            )
