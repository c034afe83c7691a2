"""Registry HTML kept out of Markdown (page_functions.Slots): the converted page is byte for byte the
page Markdown would have made with the HTML in place, or the slots are not used."""

import markdown
import pytest

from scripts.render.page_functions import Renderer, Slots, _markdown_reads_html_after, _single_root

EXTENSIONS = ["toc", "admonition", "attr_list", "md_in_html", "tables", "def_list", "pymdownx.details", "pymdownx.superfences"]


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def _both(renderer: Renderer, body: str) -> tuple[str, str | None, Slots]:
    """(converted with the HTML in place, converted with slots then filled, the slots)."""
    plain = _convert(renderer.render_page(body, "docs/en/a.md"))
    slots = Slots()
    slotted = renderer.render_page(body, "docs/en/a.md", slots=slots)
    assert slots.restore(slotted) == renderer.render_page(body, "docs/en/a.md")
    return plain, slots.fill(_convert(slotted)), slots


BODIES = [
    'Intro.\n\n{{ contact_card("examplepay") }}\n\nAfter.\n',
    '# Title\n\n{{ directory(region="CN") }}\n',
    '{{ contact_card("examplepay") }}\n\n{{ contact_card("examplepay") }}\n',
    "- a list\n\n" + '{{ contact_card("examplepay") }}\n\n| a | b |\n|---|---|\n| x | y |\n',
]


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_slotted_page_is_the_same_page(contacts, lang, body):
    plain, filled, slots = _both(Renderer(contacts, lang), body)
    assert slots.html, "the cards stand alone: they should be slotted"
    assert filled == plain


NOT_SLOTTED = [
    'Call {{ phone("examplepay.hotline") }} today.\n',  # inline, inside a paragraph
    'Text right above\n{{ contact_card("examplepay") }}\n',  # no blank line before
    '{{ contact_card("examplepay") }}\ntext right below\n',  # no blank line after
    '```\n\n{{ contact_card("examplepay") }}\n\n```\n',  # in a code fence
    '<!-- hidden\n\n{{ contact_card("examplepay") }}\n\n-->\n',  # in a comment
    '<pre>\n\n{{ contact_card("examplepay") }}\n\n</pre>\n',  # in a raw-text element
    '    {{ contact_card("examplepay") }}\n',  # indented: code, or inside a list or admonition
]


@pytest.mark.parametrize("body", NOT_SLOTTED)
def test_html_stays_in_place_where_markdown_would_read_it_otherwise(contacts, body):
    plain, filled, slots = _both(Renderer(contacts, "en"), body)
    assert not slots.html
    assert filled == plain


def test_a_missing_or_repeated_slot_means_convert_again(contacts):
    slots = Slots()
    placeholder = slots.put("<section><p>card</p></section>", "section")
    assert slots.fill(f"<p>a</p>\n{placeholder}") == "<p>a</p>\n<section><p>card</p></section>"
    assert slots.fill("<p>lost in a code block</p>") is None
    assert slots.fill(placeholder + placeholder) is None
    assert Slots().token != slots.token and not any(ch.isdigit() for ch in placeholder)


def test_only_one_block_element_without_markdown_inside_is_slotted():
    assert _single_root('<section class="c"><h3 id="x">A</h3><section>B</section></section>') == "section"
    assert _single_root("<section>A</section>\n<section>B</section>") is None
    assert _single_root("<p>A</p>") is None  # a paragraph: Markdown may join it with text
    assert _single_root('<div markdown="1">[link](a.md)</div>') is None
    assert _single_root("<span>inline</span>") is None
    assert _single_root("<section>never closed") is None


def test_markdown_reads_html_after():
    assert _markdown_reads_html_after("# Title\n\ntext\n\n")
    assert not _markdown_reads_html_after("```\ncode\n")
    assert _markdown_reads_html_after("```\ncode\n```\n\n")
    assert not _markdown_reads_html_after("<!-- open\n")
    assert _markdown_reads_html_after("<!-- closed -->\n\n")
    assert not _markdown_reads_html_after("<script>\n")
    assert _markdown_reads_html_after("<SCRIPT>x</script>\n\n")
