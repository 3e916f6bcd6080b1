"""The catalogue of labels in Traditional Chinese: captions, table headers and cells, chart titles,
axis and legend text, written in English in the sections and translated here when the Chinese
rendering of a table or chart is made."""
from __future__ import annotations

LABELS: dict[str, str] = {}


def translate(text: str) -> str:
    return LABELS.get(text, text)
