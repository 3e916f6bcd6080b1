"""Where things live, resolved from this file so a notebook runs the same from any folder."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The tools environment (nbdime, Arelle, fontTools: requirements-tools.txt), kept out of the kernel's.
TOOLS = Path(os.environ.get("ESGBOOK_TOOLS", REPO / ".venv-tools"))


def data_dir() -> Path:
    """The data package folder; ESGBOOK_DATA points elsewhere (tests use corrupted copies)."""
    return Path(os.environ.get("ESGBOOK_DATA", REPO / "data")).resolve()


CHAPTERS = REPO / "chapters"
# Overridable so a developer can build a partial book elsewhere without touching the real one.
NOTEBOOKS = Path(os.environ.get("ESGBOOK_NOTEBOOKS", REPO / "notebooks")).resolve()
BUILD = Path(os.environ.get("ESGBOOK_BUILD", REPO / "_build")).resolve()


def keep(path: Path, text: str) -> bool:
    """Write a kept file (a cache, a drawing) whole or not at all: a reader, or another process writing the same
    file, never sees half of it. A read-only folder keeps nothing; returns whether the file was written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return False
    return True


def build_dir() -> Path:
    """The build folder as ESGBOOK_BUILD says now (BUILD is read once, at import)."""
    return Path(os.environ.get("ESGBOOK_BUILD", REPO / "_build")).resolve()
TOC = Path(os.environ.get("ESGBOOK_TOC", REPO / "_toc.yml")).resolve()
