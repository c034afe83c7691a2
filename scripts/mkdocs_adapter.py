"""MkDocs adapter: the only module that knows MkDocs. Every decision is made in plain scripts/ modules.

Registered as the `helpcenter` plugin (pyproject.toml entry point). static-i18n builds once per
language inside the first build, so events run once per language; the build context lives on the
plugin instance (one per build) and site-wide work happens once, after the last language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from scripts.content.front_matter import FrontMatterError, read_meta
from scripts.gates import evidence_age, output_scan
from scripts.gates.rules.hc001_typed_number import typed_numbers
from scripts.registry.contacts import RegistryError
from scripts.render import languages, structured_data
from scripts.render.page_blocks import augment
from scripts.render.page_functions import PageError
from scripts.site.assemble import finish_site, remove_site
from scripts.site.context import BuildContext

log = get_plugin_logger("helpcenter")


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


class HelpCenterPlugin(BasePlugin):
    """Registry rendering, page blocks and the source and output gates."""

    def __init__(self):
        self.build: BuildContext | None = None
        self._stamp = None
        self._site_dir: Path | None = None

    def on_config(self, config):
        # Data sits beside mkdocs.yml, so fixture sites in tests bring their own registry.
        self._site_dir = Path(config.site_dir)
        data = Path(config.config_file_path).parent / "data"
        # static-i18n calls on_config once per language: parse the registry once per change, not per language.
        stamp = tuple((f, f.stat().st_mtime_ns if f.exists() else None) for f in (data / "contacts.yml", data / "publishers.yml"))
        if self.build is not None and self._stamp == stamp:
            return config
        try:
            self.build = BuildContext.load(data)
        except RegistryError as exc:
            raise PluginError(f"Contact registry is invalid:\n{exc}") from None
        self._stamp = stamp
        for line in evidence_age.stale_evidence(self.build.contacts):
            log.warning(line)
        for line in evidence_age.aging_evidence(self.build.contacts):
            log.info(line)
        return config

    def on_page_markdown(self, markdown, page, config, files):
        build = self.build
        lang = _lang(page, config)
        renderer = build.renderer(lang)
        src = Path(page.file.abs_src_path)
        rel = src.relative_to(Path(config.docs_dir).parent).as_posix()
        source = src.read_text(encoding="utf-8")
        typed = typed_numbers(source, build.allowed_digits)
        if typed:
            raise PluginError("\n".join(f"{rel}:{line}: HC001 {message}" for line, message in typed))
        try:
            meta, body, first_line = read_meta(src, source)
            # MkDocs strips the blank lines after the front matter: count them back so messages
            # name the line an editor sees.
            first_line += len(body) - len(body.lstrip("\n"))
            body = renderer.render_page(markdown, rel, first_line)
            uri = page.file.src_uri
            page_path = uri.removeprefix(lang + "/") if uri.startswith(lang + "/") else uri
            body = augment(body, meta, renderer, page_path)
            build.jsonld[uri] = structured_data.jsonld(build.contacts, renderer.shown_providers, lang)
            return body
        except (FrontMatterError, PageError, RegistryError) as exc:
            raise PluginError(str(exc)) from None

    def on_page_context(self, context, page, config, nav):
        # Rebuilt for every page from the page's own translations: static-i18n's defaults use
        # root-absolute links ("/en/") that break on a project site served under /<repo>/.
        urls = {lang: f.url for lang, f in getattr(page.file, "alternates", {}).items()}
        alts = languages.alternates(urls, config.site_url or "/")
        config.extra["alternate"] = [a for a in alts if a["lang"] != "x-default"]
        context["hc_alternates"] = alts
        context["hc_lang"] = _lang(page, config)
        context["hc_jsonld"] = self.build.jsonld.get(page.file.src_uri)
        return context

    @event_priority(-200)  # after static-i18n has built every language and rewritten the search index
    def on_post_build(self, config):
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # an inner, per-language build: the outer one finishes the site
        site = Path(config.site_dir)
        finish_site(site, self.build.contacts)
        ours = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
        theme_dirs = [d for d in config.theme.dirs if Path(d).resolve() != ours]
        problems = output_scan.scan_output(site, self.build.contacts, output_scan.vendor_digests(theme_dirs))
        if problems:
            raise PluginError("Unregistered phone numbers in the built site:\n" + "\n".join(problems))

    def on_build_error(self, *, error):
        # A build that failed a gate (or anything else) must leave nothing that could be deployed.
        if self._site_dir is not None:
            remove_site(self._site_dir)
