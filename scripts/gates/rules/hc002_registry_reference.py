"""HC002: every registry call names an existing, publishable entry."""

from scripts.gates.rules import Content, Finding
from scripts.registry.contacts import RegistryError

ID = "HC002"
NAME = "registry-reference"
SEVERITY = "error"
SUMMARY = "A page calls phone(), contact_card(), directory() or in_app_route() with an id that does not exist or cannot be published."


def check(content: Content):
    contacts = content.contacts
    if isinstance(contacts, RegistryError):
        return  # HC006 reports the registry itself
    for _lang, _rel, path in content.all_pages():
        for line, function, arg, kwargs in content.calls(path):
            try:
                if function == "phone":
                    contacts.publishable(arg)
                elif function in ("contact_card", "in_app_route"):
                    provider = contacts.provider(arg)
                    if function == "in_app_route" and provider.in_app_route is None:
                        raise RegistryError(f"provider {arg!r} has no in_app_route — add one from a cited page, or remove the call")
                elif function == "directory":
                    region = kwargs.get("region", arg or None)
                    kind = kwargs.get("kind", "wallet")
                    if not contacts.providers_in(region, kind):
                        raise RegistryError(f"directory(region={region!r}, kind={kind!r}) matches no provider — check the region code")
            except RegistryError as exc:
                yield Finding(path, line, ID, str(exc).removeprefix("HC101 ").removeprefix("HC102 "))
