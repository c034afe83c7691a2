"""Site assembly: the build context, per-language search indexes, site-wide files."""
