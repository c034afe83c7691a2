"""Command-line tools: thin commands over the stages (check, new, reverify, benchmark)."""
