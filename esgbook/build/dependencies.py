"""Which files of the package a chapter's code runs: the modules its code cells import, and everything
those import in turn (read from the source with `ast`, imports inside functions included).

An edition re-executes a chapter when one of these files changes, so editing a section module re-executes
only the chapters that import it; the CSV tables shipped beside a module count too. The narrative's template
modules, which `esgbook.book.narrative` loads by listing its folders (`iter_modules`), are not counted here: a
chapter records the template modules of the topics it wrote as it runs (`templates:<module>` inputs, digested
by `module_files`), so editing one chapter's sentences re-executes only the chapters that write them.
"""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # esgbook/, two levels up from esgbook/build/
NAME = PACKAGE.name


def _module_file(dotted: str) -> Path | None:
    parts = dotted.split(".")
    if parts[0] != NAME:
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _dotted(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(tree: ast.AST, current: str | None = None, is_package: bool = False) -> set[str]:
    """Dotted names of modules (and of names that may be modules) imported anywhere in `tree`."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level and current:
                base = current.split(".")
                base = base[:len(base) - node.level + (1 if is_package else 0)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            out.add(module)
            out |= {f"{module}.{a.name}" for a in node.names}  # `from pkg import module`
    return out


@cache
def _direct(path: Path) -> frozenset[Path]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = imported_names(tree, _dotted(path), path.name == "__init__.py")
    found = {f for n in names if (f := _module_file(n))}
    # Parent packages run first: `import esgbook.book.sections.environment` runs esgbook/book/sections/__init__.py.
    for f in list(found):
        parent = f.parent
        while parent != PACKAGE.parent and (parent / "__init__.py").exists():
            found.add(parent / "__init__.py")
            parent = parent.parent
    return frozenset(found - {path})


def closure(code: str) -> list[Path]:
    """Every package file the code (a chapter's code cells) runs, sorted: modules and their CSV tables."""
    todo = [f for n in imported_names(ast.parse(code)) if (f := _module_file(n))]
    seen: set[Path] = set()
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.add(f)
        todo.extend(_direct(f) - seen)
    tables = {t for f in seen for t in f.parent.glob("*.csv")}
    return sorted(seen | tables)


def chapter_code(source: Path) -> str:
    """The code cells of a chapter source (MyST markdown), joined."""
    import jupytext  # noqa: PLC0415

    nb = jupytext.read(source)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code" and not c.source.lstrip().startswith("%"))


def module_files(dotted: str) -> list[Path]:
    """The files a module (a narrative template module, recorded at run time) runs: itself and its imports."""
    return closure(f"import {dotted}")
