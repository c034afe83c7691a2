"""MkDocs adapter: the only module that knows MkDocs. Every decision is made in plain scripts/ modules.

static-i18n builds once per language inside the first build, so these hooks run once per
language; they keep per-language state keyed by locale and do site-wide work only once, after
the last language (see on_post_build).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `scripts` importable by path

from scripts import languages, paths, site_checks, structured_data  # noqa: E402
from scripts.evidence import Policy  # noqa: E402
from scripts.front_matter import FrontMatterError, read_meta  # noqa: E402
from scripts.page_blocks import augment  # noqa: E402
from scripts.registry import Contacts, RegistryError  # noqa: E402
from scripts.render import PageError, Renderer  # noqa: E402
from scripts.rules.hc001_typed_number import typed_numbers  # noqa: E402

log = get_plugin_logger("helpcenter")
_state: dict = {}


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def on_config(config):
    # Data sits beside mkdocs.yml, so fixture sites in tests bring their own registry.
    data = Path(config.config_file_path).parent / "data"
    publishers = data / "publishers.yml"
    registry = data / "contacts.yml"
    # static-i18n calls on_config once per language: parse the registry once per change, not per language.
    stamp = tuple((f, f.stat().st_mtime_ns if f.exists() else None) for f in (registry, publishers))
    if _state.get("stamp") == stamp:
        return config
    try:
        policy = Policy.load(publishers if publishers.exists() else paths.PUBLISHERS)
        contacts = Contacts.load(registry, policy)
    except RegistryError as exc:
        raise PluginError(f"Contact registry is invalid:\n{exc}") from None
    _state.update(contacts=contacts, renderers={}, stamp=stamp)
    for line in site_checks.stale_evidence(contacts):
        log.warning(line)
    for line in site_checks.aging_evidence(contacts):
        log.info(line)
    return config


def on_page_markdown(markdown, page, config, files):
    lang = _lang(page, config)
    renderers = _state["renderers"]
    renderer = renderers.get(lang) or renderers.setdefault(lang, Renderer(_state["contacts"], lang))
    src = Path(page.file.abs_src_path)
    rel = src.relative_to(Path(config.docs_dir).parent).as_posix()
    source = src.read_text(encoding="utf-8")
    typed = typed_numbers(source, set(_state["contacts"].publishable_digits))
    if typed:
        raise PluginError("\n".join(f"{rel}:{line}: HC001 {message}" for line, message in typed))
    try:
        meta, _body, first_line = read_meta(src, source)
        body = renderer.render_page(markdown, rel, first_line)
        page_path = Path(page.file.src_uri).relative_to(lang).as_posix() if page.file.src_uri.startswith(lang + "/") else page.file.src_uri
        body = augment(body, meta, renderer, page_path)
        _state.setdefault("jsonld", {})[page.file.src_uri] = structured_data.jsonld(_state["contacts"], renderer.shown_providers, lang)
        return body
    except (FrontMatterError, PageError, RegistryError) as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context, page, config, nav):
    # Rebuilt for every page from the page's own translations: static-i18n's defaults use
    # root-absolute links ("/en/") that break on a project site served under /<repo>/.
    urls = {lang: f.url for lang, f in getattr(page.file, "alternates", {}).items()}
    alts = languages.alternates(urls, config.site_url or "/")
    config.extra["alternate"] = [a for a in alts if a["lang"] != "x-default"]
    context["hc_alternates"] = alts
    context["hc_lang"] = _lang(page, config)
    context["hc_jsonld"] = _state.get("jsonld", {}).get(page.file.src_uri)
    return context


@event_priority(-200)  # after static-i18n has built every language and rewritten the search index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner, per-language build: the outer one finishes the site
    site = Path(config.site_dir)
    site_checks.finish_site(site, _state["contacts"])
    ours = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
    theme_dirs = [d for d in config.theme.dirs if Path(d).resolve() != ours]
    problems = site_checks.scan_output(site, _state["contacts"], site_checks.vendor_digests(theme_dirs))
    if problems:
        raise PluginError("Unregistered phone numbers in the built site:\n" + "\n".join(problems))
