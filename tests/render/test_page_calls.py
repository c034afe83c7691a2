"""Pages cannot run code: only text and page-function calls with literal arguments are accepted."""

from pathlib import Path

import pytest

from scripts.render.page_calls import page_signatures, parse_page
from scripts.render.page_functions import PageError, Renderer

FUNCTIONS = page_signatures(Renderer)

# Each construct a template language offers that a page must not have, by class.
HOSTILE = [
    ("attribute access to globals", "{{ phone.__globals__ }}"),
    ("bound method self", "{{ phone.__self__.contacts }}"),
    ("subscript", '{{ phone["__call__"] }}'),
    ("lipsum global", "{{ lipsum.__globals__['os'].system('id') }}"),
    ("cycler global", "{{ cycler(1, 2).next() }}"),
    ("joiner global", "{{ joiner(',')() }}"),
    ("namespace global", "{% set ns = namespace(x='95188') %}{{ ns.x }}"),
    ("range global", "{{ range(3) }}"),
    ("set statement", "{% set n = '95188' %}{{ n }}"),
    ("set block", "{% set n %}95188{% endset %}{{ n }}"),
    ("concatenation builds digits", "{{ '95' ~ '188' }}"),
    ("arithmetic builds digits", "{{ 95000 + 188 }}"),
    ("multiplication", "{{ '9' * 5 }}"),
    ("string formatting", "{{ '%d' % 95188 }}"),
    ("filter", "{{ '88159' | reverse }}"),
    ("filter join", "{{ ['95', '188'] | join }}"),
    ("bare literal number", "{{ 95188 }}"),
    ("bare literal string", "{{ '95188' }}"),
    ("variable", "{{ config }}"),
    ("for loop", "{% for d in '95188' %}{{ d }}{% endfor %}"),
    ("if block", "{% if true %}x{% endif %}"),
    ("macro", "{% macro m() %}95188{% endmacro %}{{ m() }}"),
    ("include", "{% include 'phone.html' %}"),
    ("import", "{% import 'phone.html' as p %}"),
    ("extends", "{% extends 'base.html' %}"),
    ("call block", "{% call phone('a.b') %}x{% endcall %}"),
    ("filter block", "{% filter upper %}x{% endfilter %}"),
    ("with block", "{% with a = 1 %}{{ a }}{% endwith %}"),
    ("conditional expression", "{{ phone('a.b') if true else '' }}"),
    ("computed argument", "{{ phone('alipay.' ~ 'hotline') }}"),
    ("argument from a variable", "{{ phone(x) }}"),
    ("attribute of a call", "{{ phone('a.b').__class__ }}"),
    ("filter on a call", "{{ phone('a.b') | safe }}"),
    ("star arguments", "{{ phone(*['a.b']) }}"),
    ("keyword splat", "{{ directory(**{'region': 'CN'}) }}"),
    ("unknown function", "{{ telephone('a.b') }}"),
    ("number argument", "{{ phone(95188) }}"),
    ("too many arguments", "{{ phone('a.b', 'c.d') }}"),
    ("unknown keyword", "{{ directory(country='CN') }}"),
    ("list literal", "{{ ['9','5'] }}"),
    ("dict literal", "{{ {'a': 1} }}"),
    ("tuple literal", "{{ (9, 5) }}"),
    ("comparison", "{{ 1 < 2 }}"),
    ("not", "{{ not phone }}"),
    ("test", "{{ phone is defined }}"),
    ("do statement", "{% do x %}"),
]


@pytest.mark.parametrize("name,snippet", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_refuses_every_construct_but_literal_calls(name, snippet):
    text = f"# Title\n\nSome text.\n{snippet}\nMore text.\n"
    page = parse_page(text, FUNCTIONS)
    assert page.problems, f"{name} was accepted"
    assert {p.line for p in page.problems} == {4}, page.problems  # the true line of the construct
    assert all(p.rule in ("HC106", "HC107", "HC108") for p in page.problems)
    assert all("—" in p.message for p in page.problems)  # every message says what to do


@pytest.mark.parametrize("snippet", [h[1] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_no_code_runs_while_rendering(contacts, tmp_path, snippet):
    marker = tmp_path / "ran"
    evil = snippet.replace("'id'", f"'touch {marker}'")
    with pytest.raises(PageError):
        Renderer(contacts, "en").render_page(f"a\n{evil}\n", "docs/en/a.md")
    assert not marker.exists()


def test_literal_calls_and_text_survive(contacts):
    text = 'Call {{ phone("examplepay.hotline") }} or see {{ directory(region="CN") }}.\n{% raw %}{{ x }}{% endraw %}\n'
    page = parse_page(text, FUNCTIONS)
    assert not page.problems
    assert [(c.name, c.args, dict(c.kwargs), c.line) for c in page.calls] == [
        ("phone", ("examplepay.hotline",), {}, 1),
        ("directory", (), {"region": "CN"}, 1),
    ]
    html = Renderer(contacts, "en").render_page(text, "docs/en/a.md")
    assert "{{ x }}" in html and "tel:95999" in html


def test_errors_carry_the_line_in_the_source_file(contacts):
    body = "\n\ntext\n\n{{ '9' ~ '5' }}\n"  # body starts on line 5 of the file
    with pytest.raises(PageError) as info:
        Renderer(contacts, "en").render_page(body, "docs/en/a.md", first_line=5)
    assert str(info.value).startswith("docs/en/a.md:9: HC107 string concatenation")


def test_several_problems_are_all_reported():
    page = parse_page("{{ a.b }}\nok\n{{ 1 + 2 }}\n", FUNCTIONS)
    assert [p.line for p in page.problems] == [1, 3]


def test_signature_mirrors_the_renderer():
    assert set(FUNCTIONS) == set(Renderer.PAGE_FUNCTIONS)
    assert not parse_page("{{ number_checker() }}", FUNCTIONS).problems
    assert not parse_page('{{ contact_card("x", anchor="y") }}', FUNCTIONS).problems


def test_page_module_has_no_execution_path():
    source = (Path(__file__).parents[2] / "scripts" / "render" / "page_calls.py").read_text(encoding="utf-8")
    for forbidden in ("from_string", ".render(", "compile(", "eval(", "exec("):
        assert forbidden not in source
