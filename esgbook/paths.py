"""Where things live, resolved from this file so a notebook runs the same from any folder."""
from __future__ import annotations

import json
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


class KeptDigests:
    """Digests kept between runs in the build folder (`<build>/<name>`, JSON): what a build works out once and
    looks up by a digest of everything it depends on. Read when first asked for a key it lacks; written
    whole (the newest `size`) at each addition, since worker processes end without running atexit. A cache: a
    read-only build folder only works them out again."""

    def __init__(self, name: str, size: int):
        self.name, self.size, self.items, self.read = name, size, {}, ""

    def get(self, key: str) -> str | None:
        folder = str(build_dir())
        if key not in self.items and self.read != folder:
            self.read = folder
            try:
                self.items = {**json.loads((build_dir() / self.name).read_text(encoding="utf-8")), **self.items}
            except (OSError, ValueError):
                pass
        return self.items.get(key)

    def put(self, key: str, value: str) -> str:
        self.items[key] = value
        keep(build_dir() / self.name, json.dumps(dict(sorted(self.items.items())[-self.size:]), indent=0))
        return value


def build_dir() -> Path:
    """The build folder as ESGBOOK_BUILD says now (BUILD is read once, at import)."""
    return Path(os.environ.get("ESGBOOK_BUILD", REPO / "_build")).resolve()
TOC = Path(os.environ.get("ESGBOOK_TOC", REPO / "_toc.yml")).resolve()
