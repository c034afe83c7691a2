"""Errors an editor can fix. str() of each is one or more `path:line: RULE-ID what — how to fix` lines."""

from __future__ import annotations


class InputError(Exception):
    """Bad input in a file the build reads (data/*.yml, a page): never a traceback, always a fix.

    The MkDocs adapter and `make check` catch this one class to turn any of its subclasses into a
    clean one-line-per-problem message.
    """


class RegistryError(InputError):
    """Bad registry data (contacts.yml, publishers.yml) or a bad reference to it."""


class YamlError(InputError):
    """A YAML file that cannot be parsed, or uses a YAML feature the build refuses."""
