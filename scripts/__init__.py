"""The help center's generator: registry, evidence policy, rendering and content checks.

Plain Python with no MkDocs imports, except in mkdocs_hooks.py, the thin adapter.
"""
