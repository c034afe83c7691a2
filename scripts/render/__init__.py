"""Render: the page functions, page blocks, structured data and interface words, through overrides/ templates."""
