"""Detect: reading phone numbers in text the way people read them, however disguised."""
