"""The help center's generator, one sub-package per stage a number passes through.

registry/ (facts and evidence policy) and content/ (editors' pages) -> detect/ (numbers in text)
-> render/ (page functions, templates) -> gates/ (source rules, output scan) -> site/ (assembly)
-> cli/ and mkdocs_adapter.py (the only module that imports MkDocs). See ARCHITECTURE.md.
"""
