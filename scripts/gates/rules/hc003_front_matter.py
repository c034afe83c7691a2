"""HC003: every page has valid front matter (title, description, last_reviewed, risk)."""

from scripts.content.front_matter import FrontMatterError, read_meta
from scripts.gates.rules import Content, Finding, located_findings

ID = "HC003"
NAME = "front-matter"
SEVERITY = "error"
SUMMARY = "Front matter is missing or does not match the article schema."


def check(content: Content):
    for _lang, _rel, path in content.all_pages():
        try:
            meta, _, _ = read_meta(path)
        except FrontMatterError as exc:
            yield from located_findings(str(exc).splitlines(), ID, path)
            continue
        contacts = content.contacts
        for provider in meta.providers:
            if hasattr(contacts, "providers") and provider not in contacts.providers:
                yield Finding(path, 1, ID, f"front matter providers: unknown provider {provider!r} — use an id from data/contacts.yml")
