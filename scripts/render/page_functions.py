"""Render registry calls in page Markdown ({{ phone("alipay.hotline") }} …) through the templates in overrides/."""

from __future__ import annotations

import json
import re
import secrets
import string
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from scripts import paths
from scripts.registry.contacts import Contacts, RegistryError
from scripts.registry.dialing import parse_dialable
from scripts.registry.schema import ChannelKind
from scripts.render.official_contacts import official_contacts
from scripts.render.page_calls import ParsedPage, parse_page
from scripts.render.ui_strings import strings

TEMPLATES = paths.OVERRIDES / "partials" / "hc"
PAGE_FUNCTIONS = ("phone", "contact_card", "directory", "in_app_route", "number_checker")
PARSED_PAGES = 4096  # page parses a renderer remembers


class PageError(Exception):
    """A page whose registry calls cannot be rendered; str() is `path:line: message`."""


@dataclass
class _Row:
    provider: object
    numbers: list
    anchor: str


def _oneline(html: str) -> Markup:
    # Blank lines inside raw HTML would make Markdown end the HTML block and mangle the rest.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def as_json(value) -> Markup:
    """JSON for an inline <script type="application/json">: "<", ">" and "&" escaped so no data closes the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@lru_cache(maxsize=8)
def _environment(templates: str) -> ImmutableSandboxedEnvironment:
    """The Jinja environment for a templates folder, one per process: each template is compiled once,
    not once per language and build (`mkdocs serve` builds again on every save); Jinja recompiles
    a template whose file changed.

    Templates come from overrides/ (reviewed like code) but render registry strings: sandboxed and
    autoescaped, so no data string can become markup or reach Python internals.
    """
    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
    )


# Block-level elements whose content Markdown copies as it is when they stand alone between blank lines.
_BLOCK_TAGS = frozenset("section div details aside figure nav ul ol table".split())
_ROOT = re.compile(r"<([a-z]+)[\s>]")
# Where Markdown does not read HTML as HTML: the text before a call must have closed each of these.
_OPENERS = re.compile(r"<!--|-->|<(/?)(script|style|pre|textarea)\b|^[ \t]*(?:```|~~~)", re.I | re.M)


@lru_cache(maxsize=4096)
def _single_root(html: str) -> str | None:
    """The tag of `html`'s one root element when it is a block-level element Markdown copies verbatim
    (nothing inside asks for Markdown: no markdown= attribute); None when in doubt."""
    m = _ROOT.match(html)
    tag = m.group(1) if m else None
    if tag not in _BLOCK_TAGS or "markdown=" in html or not html.endswith(f"</{tag}>"):
        return None
    depth, last = 0, len(html) - len(f"</{tag}>")
    for t in re.finditer(rf"<(/?){tag}[\s>]", html):
        depth += -1 if t.group(1) else 1
        if depth <= 0 and t.start() != last:
            return None
    return tag if depth == 0 else None


def _markdown_reads_html_after(text: str) -> bool:
    """True if after `text` Markdown is back at the top level: no comment, raw-text element or code fence left open."""
    comment, fence = False, False
    raw: dict[str, int] = {}
    for m in _OPENERS.finditer(text):
        token = m.group(0)
        if token == "<!--":
            comment = comment or not fence
        elif token == "-->":
            comment = False
        elif m.group(2):
            name = m.group(2).lower()
            raw[name] = raw.get(name, 0) + (-1 if m.group(1) else 1)
        else:
            fence = not fence
    return not comment and not fence and not any(raw.values())


class Slots:
    """Registry HTML kept out of Markdown's way, for one page.

    Markdown copies a block element that stands alone between blank lines as it is, but reads all of
    it to get there (and MkDocs reads it once more for anchors): a card or a directory is put in the
    page as an empty element of the same kind with a slot name, and the adapter puts the HTML back
    into the converted page (`fill`). The names carry random letters per page, so no page text can
    forge one; when a slot does not come out of Markdown exactly once, the page is converted again
    with the HTML in place (`restore`), as if there were no slots.
    """

    def __init__(self):
        self.token = "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))
        self.html: dict[str, str] = {}  # placeholder -> the HTML it stands for

    def put(self, html: str, tag: str) -> str:
        name = f"{self.token}-{_letters(len(self.html))}"
        placeholder = f'<{tag} data-hc-slot="{name}"></{tag}>'
        self.html[placeholder] = html
        return placeholder

    def fill(self, converted: str) -> str | None:
        """`converted` with every slot filled; None when a slot is missing or repeated (convert again)."""
        if any(converted.count(placeholder) != 1 for placeholder in self.html):
            return None
        for placeholder, html in self.html.items():
            converted = converted.replace(placeholder, html, 1)
        return converted

    def restore(self, markdown: str) -> str:
        """The page Markdown with the HTML in place of every slot."""
        for placeholder, html in self.html.items():
            markdown = markdown.replace(placeholder, html)
        return markdown


def _letters(i: int) -> str:
    out = ""
    while True:
        out = chr(97 + i % 26) + out
        i //= 26
        if not i:
            return out


class Renderer:
    """Registry HTML for one language. The same calls work unchanged in zh and en pages."""

    PAGE_FUNCTIONS = PAGE_FUNCTIONS

    def __init__(self, contacts: Contacts, lang: str, templates: Path = TEMPLATES):
        self.contacts = contacts
        self.lang = lang
        self.t = strings(lang)
        self.env = _environment(str(templates))
        # Passed to every render (and so to every include), not set as globals: the environment
        # is shared by every renderer of the process.
        self._context = {"t": self.t, "lang": lang, "renderer": self}
        self.shown_providers: list[str] = []  # providers whose cards the current page shows, for JSON-LD
        self.functions = {name: getattr(self, name) for name in PAGE_FUNCTIONS}
        # Rendered once per build: the same call (or block) with the same literal arguments gives the
        # same HTML on every page of this language, and shows the same providers.
        self._rendered: dict[tuple, tuple[Markup, tuple[str, ...]]] = {}
        self._parsed: dict[str, ParsedPage] = {}  # page text -> its parse (a page met again: a copy, a serve rebuild)

    def _once(self, key: tuple, render) -> Markup:
        """`render()`, or its HTML from an earlier page of this build; the providers it showed are
        recorded for the current page either way. Errors are not kept: each page reports its own."""
        hit = self._rendered.get(key)
        if hit is None:
            start = len(self.shown_providers)
            html = render()
            hit = self._rendered[key] = (html, tuple(self.shown_providers[start:]))
        else:
            self.shown_providers.extend(hit[1])
        return hit[0]

    def _template(self, name: str, **context) -> Markup:
        return _oneline(self.env.get_template(name).render({**self._context, **context}))

    def block(self, name: str, **context) -> Markup:
        """A page-level block template from overrides/partials/hc/ (reminders, contact blocks)."""
        try:
            key = ("block", name, tuple(sorted(context.items())))
            hash(key)
        except TypeError:  # a list or model in the context: render it every time
            return self._template(name, **context)
        return self._once(key, lambda: self._template(name, **context))

    def hotline_block(self, provider_ids) -> Markup:
        """The verified-contacts block for these providers (front matter `providers:`), once per build."""
        ids = tuple(provider_ids)
        return self._once(
            ("hotline_block", ids),
            lambda: self._template("hotline_block.html", providers=[self.contacts.provider(p) for p in ids]),
        )

    def phone(self, contact_id: str) -> Markup:
        """Inline tel: link and evidence badge for a publishable phone or SMS channel."""
        contact = self.contacts.publishable(contact_id)
        if contact.channel.kind not in (ChannelKind.phone, ChannelKind.sms):
            raise RegistryError(
                f"HC103 {contact_id!r} is a {contact.channel.kind.value} channel, not a number — "
                f"use contact_card({contact.provider.id!r}) to show it"
            )
        if contact.channel.is_sender_name:
            return self._template("sender.html", contact=contact)
        dial = parse_dialable(contact.channel.value, contact.channel.dial_region or "")  # schema: numbers have a region
        return self._template("phone.html", contact=contact, dial=dial)

    def contact_card(self, provider_id: str, anchor: str | None = None) -> Markup:
        """A provider's card with every publishable channel; unpublishable ones are left out."""
        provider = self.contacts.provider(provider_id)
        anchor = anchor or f"hc-{provider.id}"
        self.shown_providers.append(provider.id)
        shown = self.contacts.channels_of(provider_id)
        has_number = any(c.channel.kind in (ChannelKind.phone, ChannelKind.sms) for c in shown)
        return self._template("contact_card.html", provider=provider, contacts=shown, has_number=has_number, anchor=anchor)

    def in_app_route(self, provider_id: str) -> Markup:
        """The provider's in-app route to customer service, as plain text."""
        provider = self.contacts.provider(provider_id)
        if provider.in_app_route is None:
            raise RegistryError(
                f"HC104 provider {provider_id!r} has no in_app_route in {self.contacts.located.path} — add one from a cited page, or remove the call"
            )
        return Markup.escape(provider.in_app_route.get(self.lang))

    def directory(self, region: str | None = None, kind: str = "wallet") -> Markup:
        """Every provider (in `region`, of `kind`) once, as a compact card: numbers first, the rest folded.

        On a phone a region stays a few screens long: name, published numbers with their badges and
        warnings, the in-app route; other channels, notes and official sites sit in a <details>.
        """
        providers = self.contacts.providers_in(region, kind)
        if not providers:
            raise RegistryError(f"HC105 directory(region={region!r}, kind={kind!r}) matches no provider — check the region code")
        # A provider can appear in several regions' directories on one page: anchors carry the region.
        prefix = "-".join(part.lower() for part in ("hc", kind or "all", region or "all"))
        numbered = (ChannelKind.phone, ChannelKind.sms)
        entries = []
        for p in providers:
            shown = self.contacts.channels_of(p.id)
            self.shown_providers.append(p.id)  # JSON-LD
            entries.append(
                {
                    "provider": p,
                    "anchor": f"{prefix}-{p.id}",
                    "numbers": [c for c in shown if c.channel.kind in numbered],
                    "others": [c for c in shown if c.channel.kind not in numbered],
                }
            )
        return self._template("directory.html", entries=entries, region=region or "", kind=kind or "")

    def number_checker(self) -> Markup:
        """The "Is this number official?" widget with the publishable registry inline (no request needed)."""
        data = official_contacts(self.contacts)
        return self._template("number_checker.html", data_json=as_json(data), text_json=as_json(self.t["checker"]))

    def slotted(self, html: str, slots: Slots | None, before: str = "", after: str = "\n\n") -> str:
        """`html`, or a slot for it when it is one block element standing alone between blank lines
        (`before` and `after` are the page text around it) where Markdown reads HTML as HTML."""
        if slots is None:
            return html
        alone = (not before.strip("\n") or before.endswith("\n\n")) and (not after.strip() or after.startswith("\n\n"))
        tag = _single_root(html) if alone else None
        return slots.put(html, tag) if tag and _markdown_reads_html_after(before) else html

    def render_page(self, markdown: str, src: str, first_line: int = 1, slots: Slots | None = None) -> str:
        """Render the registry calls in a page body; errors name `src` and the line in the source file.

        The body is parsed, never executed (scripts/render/page_calls.py): only text and page
        function calls with literal arguments exist, so a page cannot run code or build digits.
        With `slots`, cards and directories standing alone are left to `Slots` (see there).
        """
        offset = first_line - 1
        self.shown_providers = []
        page = self._parsed.get(markdown)
        if page is None:
            page = parse_page(markdown, self.functions)
            if len(self._parsed) >= PARSED_PAGES:
                self._parsed.clear()
            self._parsed[markdown] = page
        if page.problems:
            raise PageError("\n".join(f"{src}:{p.line + offset}: {p.rule} {p.message}" for p in page.problems))
        out: list[str] = []
        for index, part in enumerate(page.parts):
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                call = partial(self.functions[part.name], *part.args, **dict(part.kwargs))
                html = str(self._once((part.name, part.args, part.kwargs), call))
            except RegistryError as exc:
                raise PageError(f"{src}:{part.line + offset}: {exc}") from None
            if slots is not None:
                after = page.parts[index + 1] if index + 1 < len(page.parts) else ""
                html = self.slotted(html, slots, "".join(out), after if isinstance(after, str) else "")
            out.append(html)
        return "".join(out)
