"""Findings into sentences, in one place per language.

A section computes *findings* from the data: a `Finding` names its topic (what it is about),
the case the data fall into (rose / fell / unchanged / no prior year / not disclosed /
above the range ...), and the facts it carries (numbers as `Q`, names as text). It never
writes prose. `write` turns a finding into a sentence through the templates of a language
(`esgbook.book.narrative.en`, one module per chapter), so the same findings can be written in
another language, and a branch of the data that a template does not cover fails loudly
instead of printing a sentence that is false.

Sentences reach a chapter as glued values: plain strings for `{glue:text}` inside fixed
prose, `Md` strings for whole paragraphs pasted with a `{glue:md}` block. A paragraph the
year lacks is `absent(...)`: a MyST comment, so nothing shows but every edition glues the
same keys (reviewer diffs line up between editions).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from esgbook.inputs import reads


@dataclass(frozen=True)
class Q:
    """A quantity to print: the value, the decimals it is shown with, its unit id (`data/units.csv`),
    and the report's hedge ('more than', 'about', 'below')."""
    value: float | None
    decimals: int = 0
    unit: str = ""
    qualifier: str = ""

    @property
    def missing(self) -> bool:
        return self.value is None or (isinstance(self.value, float) and math.isnan(self.value))

    def rounded(self) -> float | None:
        return None if self.missing else round(float(self.value), self.decimals)


@dataclass(frozen=True)
class Change:
    """A change between two years: relative (%) for amounts, in percentage points for rates."""
    value: float | None
    points: bool = False
    decimals: int = 1
    signed: bool = True   # '+41.9%' in brackets; False for 'grew by 41.9%'

    def size(self) -> Change:
        return Change(None if self.value is None else abs(self.value), self.points, self.decimals, False)


@dataclass(frozen=True)
class Dir:
    """A direction for a verb in prose: 'up' / 'down' / 'flat' (each language has its words)."""
    case: str


@dataclass(frozen=True)
class Finding:
    topic: str          # the template family, '<chapter>.<what>' (e.g. 'env.scope2_factor')
    case: str           # the branch of the data (e.g. 'above_all', 'within', 'below_all')
    facts: dict[str, Any] = field(default_factory=dict)


class Md(str):
    """A glued paragraph of MyST markdown (pasted with a `{glue:md}` block, so roles such as
    {numref} work). An empty paragraph is `absent(...)`."""


def absent(what: str) -> Md:
    """A paragraph the edition's year lacks: a MyST comment renders nothing, yet the key is glued."""
    return Md(f"% not shown: {what}")


# The language sentences are written in. A chapter runs its section code once per language
# (`present.show`, `present.glue_numbers`, `charts.publish`), so sections never pass it around.
LANGUAGES = ("en", "zh_hant")
_CURRENT: ContextVar[str] = ContextVar("esgbook_language", default="en")


def current() -> str:
    return _CURRENT.get()


@contextmanager
def using(lang: str):
    """Write every sentence inside the block in `lang` ('en' or 'zh_hant')."""
    token = _CURRENT.set(lang.replace("-", "_"))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def merged_templates(package: str, path, skip: tuple[str, ...] = ()) -> dict:
    """Every chapter module's TEMPLATES in a language package, merged; a topic defined twice is an error.
    (Each language's `templates()` calls this on its own folder, so a module added there is found.)"""
    from pkgutil import iter_modules  # noqa: PLC0415

    out: dict = {}
    for info in iter_modules(path):
        if info.name in skip:
            continue
        for topic, cases in import_module(f"{package}.{info.name}").TEMPLATES.items():
            if topic in out:
                raise ValueError(f"template topic {topic!r} is defined twice")
            out[topic] = cases
            TOPIC_MODULES[(package, topic)] = f"{package}.{info.name}"
    return out


# Which template module holds each topic ((language package, topic) -> module): a chapter's recorded inputs
# name the modules of the topics it wrote (`esgbook.build.editions`), so editing one chapter's templates
# re-executes only the chapters that write its topics.
TOPIC_MODULES: dict[tuple[str, str], str] = {}


def _note_topic(package: str, topic: str) -> None:
    module = TOPIC_MODULES.get((package, topic))
    if module:
        reads.note_read(reads.TEMPLATES + module)


def language(lang: str | None = None):
    return import_module(f"{__name__}.{(lang or current()).replace('-', '_')}")


def write(finding: Finding, lang: str | None = None) -> str:
    """The sentence for `finding` in `lang` (default: the current language); a case without a
    template is a bug, not an empty string."""
    lang = lang or current()
    module = language(lang)
    templates = module.templates()
    try:
        template: str | Callable = templates[finding.topic][finding.case]
    except KeyError:
        raise KeyError(f"no {lang} template for {finding.topic!r} case {finding.case!r}") from None
    _note_topic(module.__name__, finding.topic)
    facts = _Formatted(finding.facts, module.fmt)  # only the facts a template uses are formatted
    return template(facts) if callable(template) else template.format_map(facts)


def format_fact(value, lang) -> str:
    """A fact written by the language module `lang`: numbers, changes and directions in its words, a
    finding through its templates, a list joined its way, other text through its labels."""
    if isinstance(value, Q):
        return lang.quantity(value)
    if isinstance(value, Change):
        return lang.change(value)
    if isinstance(value, Dir):
        return lang.VERBS[value.case]
    if isinstance(value, Finding):  # a name or date written in this language (`findings.name`, `findings.date`)
        return write(value)
    if isinstance(value, (list, tuple)):
        return lang.join([format_fact(v, lang) for v in value])
    return lang.label(value if isinstance(value, str) else str(value))


class _Formatted(dict):
    """Facts formatted on first use: a case that leaves out the prior year never formats it."""

    def __init__(self, facts: dict, fmt: Callable):
        super().__init__()
        self._facts, self._fmt = facts, fmt

    def __missing__(self, key):
        value = self[key] = self._fmt(self._facts[key])
        return value

    def __contains__(self, key) -> bool:  # whether the finding carries a fact, formatted yet or not
        return key in self._facts


def figure_block(label: str, alt: str, caption: str, data_link: str, gap: str = " ") -> str:
    """A chart's `{glue:figure}` block with its CSV link (`data_link`: 'Data (CSV)' / '數據（CSV）'), glued
    only in a year whose chart draws figures."""
    return (f"```{{glue:figure}} {label}\n:name: {label}\n:alt: {alt}\n\n{caption}{gap}"
            f"{{download}}`{data_link} <downloads/{label}.csv>`\n```")


def sentence(text: str) -> str:
    """A template's text as a sentence of the current language: its full stop ('.' or '。') added
    unless it has one (templates leave it off, so that they can also be clauses)."""
    return language().sentence(text)


def paragraph(*sentences: str) -> Md:
    """Sentences joined into one glued paragraph (a space between English sentences, none between
    Chinese ones); empty sentences are skipped."""
    text = language().JOIN.join(s.strip() for s in sentences if s and s.strip())
    return Md(text) if text else absent("no sentence for this year")
