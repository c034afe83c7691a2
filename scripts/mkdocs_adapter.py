"""MkDocs adapter: the only module that knows MkDocs. Every decision is made in plain scripts/ modules.

Registered as the `helpcenter` plugin (pyproject.toml entry point). static-i18n builds once per
language inside the first build, so events run once per language; the build context lives on the
plugin instance (one per build) and site-wide work happens once, after the last language.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Section

from scripts import paths
from scripts.content.front_matter import FrontMatterError, read_meta
from scripts.content.source import read_page, tree_problems
from scripts.gates import evidence_age, output_scan
from scripts.gates.rules.hc001_typed_number import typed_numbers
from scripts.gates.rules.hc009_data_files import RENDERER_PYTHON, data_file_problems
from scripts.registry.errors import InputError
from scripts.render import languages, ui_strings
from scripts.render.page_blocks import augment
from scripts.render.page_functions import PageError, Slots
from scripts.site import nav as site_nav
from scripts.site.assemble import finish_site, remove_site
from scripts.site.context import BuildContext
from scripts.site.search_index import remember_segmentation

log = get_plugin_logger("helpcenter")

try:  # how MkDocs finds the anchors of raw HTML in a page (mkdocs.structure.pages, MkDocs 1.6)
    from mkdocs.structure.pages import _HTMLHandler as _AnchorFinder
except ImportError:  # pragma: no cover - another MkDocs: registry HTML simply goes through Markdown
    _AnchorFinder = None  # type: ignore[assignment,misc]


@functools.lru_cache(maxsize=4096)
def _anchor_ids(html: str) -> frozenset[str]:
    """The anchors MkDocs would have found in this raw HTML had it been in the page's Markdown."""
    parser = _AnchorFinder()
    parser.feed(html)
    parser.close()
    return frozenset(parser.present_anchor_ids)


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


# Results that depend only on their inputs, kept for the life of the process: `mkdocs serve` makes a
# new plugin for every rebuild, and most pages and data files have not changed since the last one.
# Failures are never kept (an exception is not remembered): a bad page or file is reported on every build.


@functools.lru_cache(maxsize=50_000)
def _typed_numbers(source: str, allowed: frozenset[str]) -> tuple:
    return tuple(typed_numbers(source, allowed))


@functools.lru_cache(maxsize=50_000)
def _read_meta(src: str, source: str):
    return read_meta(Path(src), source)


@functools.lru_cache(maxsize=4)
def _data_file_problems_of(key: tuple, publishers: Path) -> tuple[str, ...]:
    """HC009's checks, memoised on `key`: the path and SHA-256 of every file they read."""
    return tuple(data_file_problems(publishers, paths.DATA / "ui.yml", paths.DATA / "search_synonyms.yml", ui_strings.TEMPLATES))


def _data_file_problems(publishers: Path) -> list[str]:
    """HC009's checks of the data files, again only when one of the files they read has changed."""
    templates = ui_strings.TEMPLATES
    files = [publishers, paths.DATA / "ui.yml", paths.DATA / "search_synonyms.yml"]
    files += sorted(templates.rglob("*.html")) if templates.exists() else []
    try:
        key = tuple((str(f), hashlib.sha256(f.read_bytes()).hexdigest() if f.is_file() else None) for f in files + list(RENDERER_PYTHON))
    except OSError:  # the checks themselves say what cannot be read
        return data_file_problems(publishers, paths.DATA / "ui.yml", paths.DATA / "search_synonyms.yml", templates)
    return list(_data_file_problems_of(key, publishers))


class HelpCenterPlugin(BasePlugin):
    """Registry rendering, page blocks and the source and output gates."""

    # Tab order of the section folders; the pages inside come from the folders (scripts/site/nav.py).
    config_scheme = (("sections", config_options.ListOfItems(config_options.Type(str), default=[])),)
    _nav: list | None = None  # the navigation derived for the current build

    def __init__(self):
        self.build: BuildContext | None = None
        self._stamp = None
        self._site_dir: Path | None = None
        self._checked: Path | None = None  # the docs folder whose files were checked in this build
        self._sources: dict[str, str] = {}  # page text read in on_page_read_source, used once in on_page_markdown
        self._slots: dict[str, Slots] = {}  # registry HTML kept out of Markdown, put back in on_page_content

    @property
    def ctx(self) -> BuildContext:
        """The build context; every event after on_config has one."""
        if self.build is None:
            raise PluginError("helpcenter: the build context is missing — on_config did not run")
        return self.build

    def on_config(self, config):
        # The search plugin cuts every run of Chinese characters with jieba; most runs come again.
        remember_segmentation()
        # Data sits beside mkdocs.yml, so fixture sites in tests bring their own registry.
        self._site_dir = Path(config.site_dir)
        data = Path(config.config_file_path).parent / "data"
        # Refuse links, loops and unreadable pages before MkDocs walks the folder, and malformed
        # data files before any page renders: the same checks `make check` runs (HC009, HC010).
        # static-i18n calls on_config once per language on this same instance (one per build): the
        # files are checked once per build.
        if self._checked != Path(config.docs_dir):
            problems = tree_problems(Path(config.docs_dir))
            publishers = data / "publishers.yml" if (data / "publishers.yml").exists() else paths.PUBLISHERS
            problems += _data_file_problems(publishers)
            if problems:
                raise PluginError("\n".join(problems))
            self._checked = Path(config.docs_dir)
        # static-i18n calls on_config once per language: parse the registry once per change, not per language.
        stamp = tuple((f, f.stat().st_mtime_ns if f.exists() else None) for f in (data / "contacts.yml", data / "publishers.yml"))
        if self.build is not None and self._stamp == stamp:
            return config
        try:
            self.build = BuildContext.load(data)
        except InputError as exc:
            raise PluginError(f"Contact registry is invalid:\n{exc}") from None
        self._stamp = stamp
        for line in evidence_age.stale_evidence(self.ctx.contacts):
            log.warning(line)
        for line in evidence_age.aging_evidence(self.ctx.contacts):
            log.info(line)
        return config

    def on_page_read_source(self, page, config):
        # Read pages ourselves: invalid UTF-8, a BOM, binary or a link is a clean HC201, not a traceback.
        try:
            text = read_page(Path(page.file.abs_src_path))
        except InputError as exc:
            raise PluginError(str(exc)) from None
        self._sources[page.file.abs_src_path] = text  # on_page_markdown checks this same text
        return text

    def on_page_markdown(self, markdown, page, config, files):
        build = self.ctx
        lang = _lang(page, config)
        renderer = build.renderer(lang)
        src = Path(page.file.abs_src_path)
        rel = src.relative_to(Path(config.docs_dir).parent).as_posix()
        source = self._sources.pop(page.file.abs_src_path, None)
        if source is None:  # read by someone else than on_page_read_source
            try:
                source = read_page(src)
            except InputError as exc:
                raise PluginError(str(exc)) from None
        typed = _typed_numbers(source, build.allowed_digits)
        if typed:
            raise PluginError("\n".join(f"{rel}:{line}: HC001 {message}" for line, message in typed))
        try:
            meta, body, first_line = _read_meta(str(src), source)
            # MkDocs strips the blank lines after the front matter: count them back so messages
            # name the line an editor sees.
            first_line += len(body) - len(body.lstrip("\n"))
            slots = Slots() if _AnchorFinder is not None else None
            body = renderer.render_page(markdown, rel, first_line, slots)
            uri = page.file.src_uri
            page_path = uri.removeprefix(lang + "/") if uri.startswith(lang + "/") else uri
            body = augment(body, meta, renderer, page_path, build.site_pages(lang, files), slots)
            if slots is not None and slots.html:
                self._slots[uri] = slots
            build.jsonld[uri] = build.jsonld_for(lang, renderer.shown_providers)
            return body
        except (FrontMatterError, PageError, InputError) as exc:
            raise PluginError(str(exc)) from None

    @event_priority(100)  # before any other plugin sees the page's HTML
    def on_page_content(self, html, page, config, files):
        # Put the registry HTML kept out of Markdown back (page_functions.Slots), with its anchors, which
        # MkDocs would have found in the Markdown. If Markdown did not keep every slot exactly once
        # (a call inside a code block, say), convert the page again with the HTML in place.
        slots = self._slots.pop(page.file.src_uri, None)
        if slots is None:
            return html
        filled = slots.fill(html)
        page.markdown = slots.restore(page.markdown)
        if filled is None:
            page.render(config, files)
            return page.content
        for fragment in slots.html.values():
            page.present_anchor_ids = (page.present_anchor_ids or set()) | _anchor_ids(fragment)
        return filled

    def on_files(self, files, config):
        # No page list in mkdocs.yml: the navigation comes from the folders, on every build and
        # `make serve` reload, so a new page appears by itself. MkDocs builds the nav after this.
        if config.nav is not None and config.nav != self._nav:
            log.warning("mkdocs.yml has a nav: list; it is ignored — the navigation comes from the folders (scripts/site/nav.py)")
        docs = Path(config.docs_dir)
        lang_root = docs / config.theme["language"]
        self._nav = config.nav = site_nav.derive(lang_root if lang_root.is_dir() else docs, self.config["sections"])
        return files

    @event_priority(-150)  # after static-i18n has applied nav_translations
    def on_nav(self, nav, config, files):
        # A section folder nav_translations does not name shows its index page's title.
        folders = site_nav.section_folders(self._nav or [])
        lang_root = Path(config.docs_dir) / config.theme["language"]
        stack = list(nav.items)
        while stack:
            item = stack.pop()
            if isinstance(item, Section):
                if item.title in folders:
                    item.title = site_nav.untranslated_title(item.title, folders[item.title], lang_root)
                stack.extend(item.children)
        return nav

    def on_page_context(self, context, page, config, nav):
        # Rebuilt for every page from the page's own translations: static-i18n's defaults use
        # root-absolute links ("/en/") that break on a project site served under /<repo>/.
        urls = {lang: f.url for lang, f in getattr(page.file, "alternates", {}).items()}
        alts = languages.alternates(urls, config.site_url or "/")
        config.extra["alternate"] = [a for a in alts if a["lang"] != "x-default"]
        context["hc_alternates"] = alts
        context["hc_lang"] = _lang(page, config)
        context["hc_jsonld"] = self.ctx.jsonld.get(page.file.src_uri)
        # One description per page: overrides/main.html shows it, the search keywords use it.
        description = str((page.meta or {}).get("description") or config.site_description or "")
        self.ctx.descriptions[page.url] = context["hc_description"] = description
        return context

    @event_priority(-200)  # after static-i18n has built every language and rewritten the search index
    def on_post_build(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # an inner, per-language build: the outer one finishes the site
        site = Path(config.site_dir)
        try:
            finish_site(site, self.ctx.contacts, self.ctx.descriptions)
        except InputError as exc:
            raise PluginError(str(exc)) from None
        ours = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
        theme_dirs = [d for d in config.theme.dirs if Path(d).resolve() != ours]
        problems = output_scan.scan_output(site, self.ctx.contacts, output_scan.vendor_digests(theme_dirs))
        if problems:
            raise PluginError("Unregistered phone numbers in the built site:\n" + "\n".join(problems))

    def on_build_error(self, *, error):
        # A build that failed a gate (or anything else) must leave nothing that could be deployed.
        if self._site_dir is not None:
            remove_site(self._site_dir)
