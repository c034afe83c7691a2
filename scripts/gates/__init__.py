"""Gates: source rules (HC0xx, one per module) and the output scan of the built site (HC300)."""
