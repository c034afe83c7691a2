"""HC020: a page holds text and page-function calls with literal arguments, nothing a template could execute."""

from scripts.gates.rules import Content, Finding
from scripts.render.page_calls import page_signatures
from scripts.render.page_functions import Renderer

ID = "HC020"
NAME = "page-calls-only"
SEVERITY = "error"
SUMMARY = "A page uses template code (variables, attributes, filters, {% set %}, arithmetic …) instead of a plain registry call."

FUNCTIONS = page_signatures(Renderer)


def check(content: Content):
    for _lang, _rel, path in content.all_pages():
        page, first_line = content.parsed(path)
        for problem in page.problems:
            # The build reports the same problems under their own ids (HC106–HC108); one rule id here.
            yield Finding(path, problem.line + first_line - 1, ID, f"{problem.rule} {problem.message}")
