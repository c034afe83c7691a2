"""The navigation comes from the folders: a new page appears without editing mkdocs.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from scripts import paths
from scripts.site import nav
from tests.conftest import HERE, build_site

NAV_SITE = HERE / "fixtures" / "sites" / "nav"


def page(path: Path, title: str, extra: str = "", newline: str = "\n", final_newline: bool = True) -> Path:
    """A page with front matter; `newline` and `final_newline` imitate what editors write."""
    lines = ["---", f"title: {title}", "description: A page for the navigation tests.", "last_reviewed: 2026-11-01", "risk: low"]
    lines += [extra] if extra else []
    lines += ["---", "", f"# {title}", "", "Text."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((newline.join(lines) + (newline if final_newline else "")).encode("utf-8"))
    return path


# --- Reading front matter the way editors write it ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\norder: 3\n---\n\n# T\n",
        "---\r\ntitle: T\r\norder: 3\r\n---\r\n\r\n# T",  # Windows line endings, no final newline
        "\ufeff---\ntitle: T\norder: 3\n---\n# T",  # byte-order mark
        "---\ntitle: T\norder: 3\n---",  # nothing after the front matter
        "---\ntitle: T\nnav_order: 3\n---\n",
    ],
)
def test_front_matter_is_read_whatever_the_editor(text):
    meta = nav.front_matter(text)
    assert meta["title"] == "T"
    assert nav.order_of(meta) == 3


@pytest.mark.parametrize(
    "text",
    ["# No front matter\n", "---\ntitle: [unclosed\n---\n", "---\n- a list\n---\n", "---\ntitle: never closed\n", "---\ntitle: T\n----\n"],
)
def test_unreadable_front_matter_is_empty_not_a_crash(text):
    assert nav.order_of(nav.front_matter(text)) is None


@pytest.mark.parametrize("value", ["true", "'3'", "three", "[3]", "null"])
def test_only_numbers_count_as_order(value):
    assert nav.order_of(nav.front_matter(f"---\norder: {value}\n---\n")) is None


# --- Deriving the navigation -----------------------------------------------------------------


def test_home_first_then_listed_sections_then_others(tmp_path):
    for rel in ("index.md", "b/index.md", "a/index.md", "c/index.md", "z/x.md", "extra.md"):
        page(tmp_path / rel, rel)
    page(tmp_path / "y" / "index.md", "y", "order: 1")  # unlisted, but ordered: before unlisted, unordered folders
    derived = nav.derive(tmp_path, ["c", "a"])
    assert [next(iter(i)) if isinstance(i, dict) else i for i in derived] == ["Home", "c", "a", "y", "b", "z", "extra.md"]
    assert derived[0] == {"Home": "index.md"}


def test_index_first_then_order_then_file_name(tmp_path):
    section = tmp_path / "s"
    page(section / "aaa.md", "no order, first by name")
    page(section / "zzz.md", "no order, last by name")
    page(section / "late.md", "ordered", "order: 20")
    page(section / "early.md", "ordered", "nav_order: 10")
    page(section / "tie-b.md", "ordered", "order: 15")
    page(section / "tie-a.md", "ordered", "order: 15")
    page(section / "index.md", "index", "order: 99")  # the index page is first whatever its order
    (section / "notes.txt").write_text("not a page", encoding="utf-8")
    page(section / ".draft.md", "hidden")
    page(section / "_partial.md", "hidden")
    assert nav.derive(tmp_path) == [
        {
            "s": [
                "s/index.md",
                "s/early.md",
                "s/tie-a.md",
                "s/tie-b.md",
                "s/late.md",
                "s/aaa.md",
                "s/zzz.md",
            ]
        }
    ]


def test_sub_folders_are_sub_sections_after_the_pages(tmp_path):
    page(tmp_path / "s" / "index.md", "index")
    page(tmp_path / "s" / "page.md", "page")
    page(tmp_path / "s" / "deeper" / "index.md", "deeper")
    page(tmp_path / "s" / "deeper" / "leaf.md", "leaf")
    (tmp_path / "s" / "images").mkdir()  # no pages: not a section
    (tmp_path / "s" / "images" / "a.png").write_bytes(b"")
    assert nav.derive(tmp_path) == [{"s": ["s/index.md", "s/page.md", {"deeper": ["s/deeper/index.md", "s/deeper/leaf.md"]}]}]
    assert nav.section_folders(nav.derive(tmp_path)) == {"s": "s", "deeper": "s/deeper"}


def test_a_page_made_in_the_web_editor_appears(tmp_path):
    page(tmp_path / "index.md", "home")
    page(tmp_path / "account" / "index.md", "index", "order: 1")
    page(tmp_path / "account" / "locked.md", "ordered", "order: 10")
    # GitHub's "Create new file": no `order`, maybe Windows line endings, maybe no final newline.
    page(tmp_path / "account" / "new-page.md", "new", newline="\r\n", final_newline=False)
    assert nav.derive(tmp_path)[1] == {"account": ["account/index.md", "account/locked.md", "account/new-page.md"]}


def test_untranslated_section_shows_its_index_title(tmp_path):
    page(tmp_path / "loans" / "index.md", "Loans and credit")
    assert nav.untranslated_title("loans", "loans", tmp_path) == "Loans and credit"
    assert nav.untranslated_title("new-things", "new-things", tmp_path) == "New things"


def test_missing_folder_gives_an_empty_nav(tmp_path):
    assert nav.derive(tmp_path / "nothing") == []


# --- The real site ---------------------------------------------------------------------------


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV and python tags
    return yaml.load((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def _plugin(config: dict, name: str) -> dict:
    for item in config["plugins"]:
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return {}


def test_mkdocs_yml_has_no_page_list():
    assert "nav" not in _config(), "remove nav: from mkdocs.yml — the navigation comes from the folders"


def test_every_page_of_the_real_site_is_in_the_nav():
    sections = _plugin(_config(), "helpcenter")["sections"]
    for lang in paths.LANGUAGES:
        root = paths.DOCS / lang
        derived = nav.derive(root, sections)
        listed: list[str] = []
        stack = list(derived)
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                listed.append(item)
            else:
                for value in item.values():
                    stack.extend(value if isinstance(value, list) else [value])
        on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md") if not p.name.startswith((".", "_")))
        assert sorted(listed) == on_disk
        assert [next(iter(i)) for i in derived[: len(sections) + 1]] == ["Home", *sections]


def test_every_section_has_a_name_in_both_languages():
    config = _config()
    languages = {lang["locale"]: lang for lang in _plugin(config, "i18n")["languages"]}
    folders = sorted(d.name for d in (paths.DOCS / paths.DEFAULT_LANGUAGE).iterdir() if d.is_dir())
    for lang in paths.LANGUAGES:
        names = languages[lang].get("nav_translations") or {}
        missing = [f for f in folders if f not in names]
        assert not missing, f"mkdocs.yml: add under the {lang} language's nav_translations: " + ", ".join(f"{f}: <name>" for f in missing)


# --- A built mini-site -----------------------------------------------------------------------


def _nav_labels(html: str) -> list[str]:
    """Link texts of the primary navigation, in document order."""
    primary = html.split("md-nav--primary", 1)[1]
    return [re.sub(r"\s+", " ", t).strip() for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', primary, re.S)]


@pytest.mark.slow
def test_built_site_shows_a_new_web_editor_page_without_editing_mkdocs_yml(tmp_path):
    site = tmp_path / "nav-site"
    shutil.copytree(NAV_SITE, site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../../overrides", str(paths.OVERRIDES)), encoding="utf-8")
    before = config.read_bytes()
    for lang, title, newline in (("zh", "网页编辑器新建的页面", "\r\n"), ("en", "Page from the web editor", "\n")):
        page(site / "docs" / lang / "first" / "made-online.md", title, newline=newline, final_newline=False)
    out = tmp_path / "out"
    result = build_site(config, out)
    assert result.returncode == 0, result.stderr[-3000:]
    assert config.read_bytes() == before
    zh = _nav_labels((out / "first" / "made-online" / "index.html").read_text(encoding="utf-8"))
    en = _nav_labels((out / "en" / "first" / "made-online" / "index.html").read_text(encoding="utf-8"))
    # Listed order (second, then first); `second` has no nav_translations: its index page's title.
    assert zh.index("第二部分") < zh.index("第一部分") < zh.index("甲页") < zh.index("网页编辑器新建的页面")
    assert en.index("Second part") < en.index("First part") < en.index("Alpha page") < en.index("Page from the web editor")
    assert "first" not in zh + en and "second" not in zh + en
