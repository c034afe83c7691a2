"""Read the registry calls in a page, and refuse everything else a template language could do.

Pages are Markdown with calls like `{{ phone("alipay.hotline") }}`. They are parsed with Jinja's
parser inside an immutable sandbox, but never executed as Jinja: the parse tree is checked
node by node, and only text and calls of the page functions with literal string arguments are
accepted. No attribute access, filters, tests, `{% set %}`, loops, arithmetic, concatenation,
globals (`lipsum`, `cycler`, `namespace` …) or variables exist for a page, so nothing a page
writes can run code or assemble digits at build time.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

# Parsing only: no loader, no globals, no filters a page could reach.
_ENV = ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=True)
_ENV.globals.clear()
_ENV.filters.clear()
_ENV.tests.clear()

EXAMPLE = '{{ phone("provider.channel") }}'


@dataclass(frozen=True)
class Call:
    """One page function call with literal arguments, and its line in the page body (1-based)."""

    name: str
    args: tuple
    kwargs: tuple[tuple[str, object], ...]
    line: int


@dataclass(frozen=True)
class Problem:
    """A construct a page may not use; `line` is 1-based inside the parsed text."""

    line: int
    rule: str
    message: str


@dataclass
class ParsedPage:
    """Text and calls in page order; `problems` is empty when the page may be rendered."""

    parts: list = field(default_factory=list)  # str | Call
    problems: list[Problem] = field(default_factory=list)

    @property
    def calls(self) -> list[Call]:
        return [p for p in self.parts if isinstance(p, Call)]


def _describe(node: nodes.Node) -> str:
    names = {
        nodes.Getattr: "attribute access (x.y)",
        nodes.Getitem: "item access (x[…])",
        nodes.Filter: "a filter (|…)",
        nodes.Test: "a test (is …)",
        nodes.Concat: "string concatenation (~)",
        nodes.Add: "arithmetic (+)",
        nodes.Sub: "arithmetic (-)",
        nodes.Mul: "arithmetic (*)",
        nodes.Div: "arithmetic (/)",
        nodes.FloorDiv: "arithmetic (//)",
        nodes.Mod: "arithmetic (%)",
        nodes.Pow: "arithmetic (**)",
        nodes.CondExpr: "a conditional expression",
        nodes.Name: "a variable",
        nodes.Const: "a literal value printed on its own",
        nodes.TemplateData: "text",
        nodes.List: "a list",
        nodes.Dict: "a dict",
        nodes.Tuple: "a tuple",
        nodes.Assign: "{% set %}",
        nodes.AssignBlock: "{% set %}",
        nodes.For: "{% for %}",
        nodes.If: "{% if %}",
        nodes.Macro: "{% macro %}",
        nodes.CallBlock: "{% call %}",
        nodes.FilterBlock: "{% filter %}",
        nodes.With: "{% with %}",
        nodes.Include: "{% include %}",
        nodes.Import: "{% import %}",
        nodes.FromImport: "{% from … import %}",
        nodes.Extends: "{% extends %}",
        nodes.Block: "{% block %}",
        nodes.ExprStmt: "{% do %}",
        nodes.Scope: "a scope block",
    }
    for kind, text in names.items():
        if type(node) is kind:
            return text
    return f"a {type(node).__name__} expression"


def _signature_problem(function: Callable, name: str, args: tuple, kwargs: dict) -> str | None:
    try:
        inspect.signature(function).bind(*args, **kwargs)
    except TypeError as exc:
        return f"{name}(): {exc} — see data/CONTACTS_FORMAT.md for the page functions and their arguments"
    return None


def _call(node: nodes.Node, functions: Mapping[str, Callable], problems: list[Problem]) -> Call | None:
    line = node.lineno
    allowed = ", ".join(f"{n}()" for n in functions)
    if not isinstance(node, nodes.Call):
        problems.append(
            Problem(
                line,
                "HC107",
                f"{_describe(node)} is not allowed in a page — pages may only call {allowed} with literal arguments, e.g. {EXAMPLE}",
            )
        )
        return None
    if not isinstance(node.node, nodes.Name) or node.node.name not in functions:
        if isinstance(node.node, nodes.Name):
            close = difflib.get_close_matches(node.node.name, list(functions), n=1)
            hint = f"did you mean {close[0]}()? " if close else ""
            problems.append(Problem(line, "HC107", f"unknown page function {node.node.name!r} — {hint}pages may only call {allowed}"))
        else:
            problems.append(
                Problem(line, "HC107", f"{_describe(node.node)} is not allowed in a page — pages may only call {allowed} by name")
            )
        return None
    name = node.node.name
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        problems.append(Problem(line, "HC108", f"{name}(): *args and **kwargs are not allowed — write each argument as a quoted literal"))
        return None
    args, kwargs, ok = [], {}, True
    for value in list(node.args) + [k.value for k in node.kwargs]:
        if not (isinstance(value, nodes.Const) and (value.value is None or isinstance(value.value, str))):
            problems.append(
                Problem(
                    value.lineno,
                    "HC108",
                    f'{name}(): {_describe(value)} as an argument is not allowed — write each argument as a quoted literal like "alipay.hotline"',
                )
            )
            ok = False
    if not ok:
        return None
    args = [a.value for a in node.args if isinstance(a, nodes.Const)]  # all Const: checked above
    kwargs = {k.key: k.value.value for k in node.kwargs if isinstance(k.value, nodes.Const)}
    problem = _signature_problem(functions[name], name, tuple(args), kwargs)
    if problem:
        problems.append(Problem(line, "HC108", problem))
        return None
    return Call(name, tuple(args), tuple(kwargs.items()), line)


def page_signatures(renderer_class) -> dict[str, Callable]:
    """The page functions of a renderer class, unbound, for checking calls without rendering."""
    from functools import partial

    return {name: partial(getattr(renderer_class, name), None) for name in renderer_class.PAGE_FUNCTIONS}


def parse_page(text: str, functions: Mapping[str, Callable]) -> ParsedPage:
    """Split page text into literal text and page-function calls; anything else is a Problem."""
    page = ParsedPage()
    try:
        tree = _ENV.parse(text)
    except jinja2.TemplateSyntaxError as exc:
        page.problems.append(
            Problem(
                exc.lineno or 1,
                "HC106",
                f"template syntax: {exc.message} — check the {{{{ … }}}} call on this line; to show braces literally wrap them in {{% raw %}}…{{% endraw %}}",
            )
        )
        return page
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            page.problems.append(
                Problem(
                    statement.lineno,
                    "HC107",
                    f"{_describe(statement)} is not allowed in a page — pages hold text and calls like {EXAMPLE}, nothing else",
                )
            )
            continue
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                page.parts.append(node.data)
                continue
            call = _call(node, functions, page.problems)
            if call is not None:
                page.parts.append(call)
    return page
