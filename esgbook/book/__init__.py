"""The book: chapter sections, their narrative in each language, presentation, charts, outputs."""
