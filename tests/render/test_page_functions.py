"""Rendering registry calls: golden HTML in both languages, and page errors that name file and line."""

from pathlib import Path

import pytest

from scripts.registry.contacts import RegistryError
from scripts.render.page_functions import PageError, Renderer

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("phone-verified", lambda r: r.phone("examplepay.hotline")),
    ("phone-corroborated", lambda r: r.phone("examplepay.uk-line")),
    ("contact-card", lambda r: r.contact_card("examplepay")),
    ("directory", lambda r: r.directory(region="CN")),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name,call", CASES, ids=[c[0] for c in CASES])
def test_matches_golden_html(contacts, lang, name, call):
    html = str(call(Renderer(contacts, lang)))
    golden = GOLDEN / f"{name}.{lang}.html"
    if not golden.exists():  # first run writes the file for review; commit it once it reads right
        golden.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == golden.read_text(encoding="utf-8")


def test_phone_link_and_badge(contacts):
    html = Renderer(contacts, "zh").phone("examplepay.hotline")
    assert 'href="tel:95999"' in html  # short codes dial without a country code
    assert "官方来源 · 核实于 2026-10-01" in html
    assert 'href="https://help.examplepay.example/contact"' in html


def test_international_number_formats_per_reader(contacts):
    zh, en = Renderer(contacts, "zh"), Renderer(contacts, "en")
    assert "+44 20 7946 0018" in zh.phone("examplepay.uk-line")
    assert 'href="tel:+44-20-7946-0018"' in en.phone("examplepay.uk-line")
    assert "Corroborated" in en.phone("examplepay.uk-line") and "confirm it in the app" in en.phone("examplepay.uk-line")


def test_card_leaves_out_unpublishable_channels(contacts):
    html = Renderer(contacts, "en").contact_card("examplepay")
    assert "555" not in html and "examplepay.unsourced" not in html
    assert "never calls from this number" in html


def test_same_call_renders_in_both_languages(contacts):
    page = 'Call {{ phone("examplepay.hotline") }}.'
    assert "95999" in Renderer(contacts, "zh").render_page(page, "docs/zh/a.md")
    assert "95999" in Renderer(contacts, "en").render_page(page, "docs/en/a.md")


def test_unknown_id_names_file_line_and_closest_id(contacts):
    page = '---\ntitle: x\n---\n\n第一段。\n\n拨打 {{ phone("examplepay.hotlne") }}。\n'
    body = page.split("---\n", 2)[2]
    with pytest.raises(PageError) as info:
        Renderer(contacts, "zh").render_page(body, "docs/zh/a.md", first_line=4)
    message = str(info.value)
    assert message.startswith("docs/zh/a.md:7: HC101")
    assert "'examplepay.hotline'" in message


def test_unpublishable_reference_fails_with_reason(contacts):
    with pytest.raises(PageError, match=r"docs/en/a.md:2: HC102 .*no fresh https source"):
        Renderer(contacts, "en").render_page('Hi\n{{ phone("examplepay.unsourced") }}\n', "docs/en/a.md")


def test_misspelt_function_is_explained(contacts):
    with pytest.raises(
        PageError, match=r"docs/en/a.md:1: HC107 unknown page function 'phnoe' — did you mean phone\(\)\? .*contact_card\(\)"
    ):
        Renderer(contacts, "en").render_page('{{ phnoe("examplepay.hotline") }}', "docs/en/a.md")


def test_template_syntax_error_names_line(contacts):
    with pytest.raises(PageError, match=r"docs/en/a.md:3: HC106"):
        Renderer(contacts, "en").render_page('a\nb\n{{ phone("x" }}\n', "docs/en/a.md")


def test_phone_refuses_non_number_channels(contacts):
    with pytest.raises(RegistryError, match="HC103 .*web channel"):
        Renderer(contacts, "en").phone("examplepay.help-web")


def test_directory_for_unknown_region_fails(contacts):
    with pytest.raises(RegistryError, match="HC105"):
        Renderer(contacts, "en").directory(region="ZZ")


def test_output_is_one_html_block_without_blank_lines(contacts):
    html = str(Renderer(contacts, "zh").directory(region="CN"))
    assert "\n\n" not in html
