"""The running chapter's log of what it read: data files, rows of a year, names, templates, catalogue entries.

The edition runner sets READS_LOG_ENV for each chapter it executes; every read is appended to that file once,
and the chapter's recorded inputs (`esgbook.build.editions`) are made from it. While a derived value (the key
findings, the reconciliation) is computed, its reads are gathered in `GROUPS` instead: they are that value's
inputs, recorded with it.
"""
from __future__ import annotations

import os
from contextlib import contextmanager

READS_LOG_ENV = "ESGBOOK_READS_LOG"  # set by the edition runner to learn each chapter's inputs
# Kinds of input besides data rows and files (a prefix, then what was read):
NAMES = "names:"          # only the name columns of a data file (`<x>_en` / `<x>_zh`), not its figures
TEMPLATES = "templates:"  # a template module of esgbook.book.narrative, by its dotted name
CATALOGUE = "labels:"     # a catalogue key (labels.txt) or a text the Chinese labels translated: JSON [text, shown]
GROUPS: list[set[str]] = []  # the reads of the derived values being computed, innermost last
_noted: set[tuple[str, str]] = set()


@contextmanager
def inputs_of_value():
    """Inside the block, reads are not the chapter's: the caller records one input that stands for them
    (the Chinese labels record each text's translation, not every name and entry consulted for it)."""
    GROUPS.append(set())
    try:
        yield
    finally:
        GROUPS.pop()


def log(name: str) -> None:
    """Append one read to the running chapter's log (the caller has checked it is new)."""
    path = os.environ.get(READS_LOG_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(name + "\n")


def note_read(name: str) -> None:
    """Record an input read outside a Dataset (names, templates, catalogue entries) in the running chapter's
    log, once per chapter: a module-level cache must not hide a chapter's inputs from the next chapter."""
    if GROUPS:  # computing a derived value: an input of that value
        GROUPS[-1].add(name)
        return
    path = os.environ.get(READS_LOG_ENV)
    if path and (path, name) not in _noted:
        _noted.add((path, name))
        log(name)
