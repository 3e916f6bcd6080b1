"""What a chapter shows, computed once per language in the one execution of the chapter.

A chapter is executed once per edition, not once per language. Each call here runs the section
function under every language of `narrative.LANGUAGES` (sentences through that language's templates,
labels through its catalogue) and emits one output: the English rendering as the output's data, the
others in the output's metadata (`metadata["esgbook"]["zh_hant"]`, the same mime types). Staging the
Chinese edition swaps them in (`esgbook.build.site.localise`), so both languages show the same numbers from
the same run, and the English notebook is what nbval checks.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from esgbook.book import narrative

META = "esgbook"
PLACEHOLDER = "esgbook_placeholder"  # metadata of a glued chart that only says the year has no data
GLUE_PREFIX = "application/papermill.record/"  # myst_nb.glue's prefix for a glued, hidden output


def _bundle(obj: Any) -> tuple[dict, dict]:
    from IPython.core.formatters import format_display_data  # noqa: PLC0415 - only inside a kernel

    return format_display_data(obj)


def each_language(fn: Callable, *args, **kwargs) -> dict[str, Any]:
    """fn(*args) computed under every language: {lang: result}."""
    out = {}
    for lang in narrative.LANGUAGES:
        with narrative.using(lang):
            out[lang] = fn(*args, **kwargs)
    return out


def rendered(fn: Callable, *args, **kwargs) -> dict[str, dict]:
    """The display bundle of fn(*args) in every language (rendered inside the language, since tables
    and charts translate their labels when they render)."""
    out = {}
    for lang in narrative.LANGUAGES:
        with narrative.using(lang):
            out[lang] = _bundle(fn(*args, **kwargs))[0]
    return out


def emit(bundles: dict[str, dict], glue_name: str | None = None, placeholder: bool = False) -> None:
    """One output: English as its data, the other languages in its metadata; glued (hidden, under
    `glue_name`, as myst_nb.glue does) or displayed."""
    from IPython.display import display  # noqa: PLC0415

    prefix = GLUE_PREFIX if glue_name else ""
    data = {prefix + k: v for k, v in bundles["en"].items()}
    metadata: dict = {META: {lang: {prefix + k: v for k, v in b.items()}
                             for lang, b in bundles.items() if lang != "en"}}
    if glue_name:
        metadata["scrapbook"] = {"name": glue_name, "mime_prefix": prefix}
    if placeholder:  # a chart for a year without data: the site drops the figure that shows it
        metadata[PLACEHOLDER] = True
    display(data, raw=True, metadata=metadata)


def show(fn: Callable, *args, **kwargs) -> None:
    """Display fn(*args) (a table, a chart, markdown) in every language."""
    emit(rendered(fn, *args, **kwargs))


def show_all(fn: Callable, *args, **kwargs) -> None:
    """Display every item of the list fn(*args) returns (the same number in every language)."""
    per_lang = each_language(lambda: [_bundle(item)[0] for item in fn(*args, **kwargs)])
    sizes = {lang: len(items) for lang, items in per_lang.items()}
    if len(set(sizes.values())) != 1:
        raise ValueError(f"{fn.__name__} gave a different number of items per language: {sizes}")
    for i in range(sizes["en"]):
        emit({lang: items[i] for lang, items in per_lang.items()})


def glue_all(fn: Callable, *args, **kwargs) -> None:
    """Glue every value of the dict fn(*args) returns under its key, in every language; the keys
    must be the same in every language (the Chinese page pastes the same keys as the English one)."""
    from IPython.display import Markdown  # noqa: PLC0415

    per_lang = each_language(fn, *args, **kwargs)
    keys = list(per_lang["en"])
    for lang, values in per_lang.items():
        if list(values) != keys:
            raise ValueError(f"{fn.__name__} glues other keys in {lang}: "
                             f"{sorted(set(values) ^ set(keys))}")
    for key in keys:
        bundles = {}
        for lang, values in per_lang.items():
            text = values[key]
            if not isinstance(text, str):
                raise TypeError(f"glue {key!r}: format the number before gluing (got {type(text).__name__})")
            # A paragraph is pasted by a `{glue:md}` block (parsed as MyST); a string by `{glue:text}`.
            bundles[lang] = _bundle(Markdown(text) if isinstance(text, narrative.Md) else text)[0]
        emit(bundles, glue_name=key)
