"""Translation drift is visible: each Chinese chapter records the English prose it was last synced with
(`esgbook: {synced_with: <sha256>}` in its front matter, set by scripts/zh_sync.py --mark), and this test
lists the chapters whose English prose has changed since."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import jupytext

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("zh_sync", REPO / "scripts" / "zh_sync.py")
zh_sync = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(zh_sync)


def test_every_chinese_chapter_is_synced_with_its_english_prose():
    lagging = zh_sync.stale()
    assert not lagging, ("Chinese chapters behind their English prose (sync the translation, then run "
                         "`.venv/bin/python scripts/zh_sync.py --mark <chapter>`):\n"
                         + "\n".join(f"  chapters/zh-hant/{name}.md" + ("" if then else " (no record)")
                                     for name, then, _ in lagging))


def test_only_prose_counts(tmp_path, monkeypatch):
    """A code cell edit leaves the digest alone; a prose edit changes it."""
    english = REPO / "chapters" / "07_people.md"
    text = english.read_text(encoding="utf-8")
    base = tmp_path / "a.md"
    base.write_text(text, encoding="utf-8")
    code = tmp_path / "b.md"
    code.write_text(text.replace("ds = data.load(year)", "ds = data.load(year)  # edited"), encoding="utf-8")
    prose = tmp_path / "c.md"
    prose.write_text(text.replace("# 7 People", "# 7 Our people", 1), encoding="utf-8")
    assert zh_sync.prose_digest(base) == zh_sync.prose_digest(code)
    assert zh_sync.prose_digest(base) != zh_sync.prose_digest(prose)


def test_the_record_is_front_matter_jupytext_reads(tmp_path, monkeypatch):
    """The record sits in the front matter: jupytext reads it as notebook metadata and the cells are
    unchanged (so the code cells still match the English ones)."""
    chinese = REPO / "chapters" / "zh-hant" / "07_people.md"
    nb = jupytext.read(chinese)
    assert zh_sync.recorded(chinese), "chapters/zh-hant/07_people.md has no synced_with record"
    assert "synced_with" in nb.metadata.get("esgbook", {})
    english = jupytext.read(REPO / "chapters" / "07_people.md")
    assert [c.source for c in nb.cells if c.cell_type == "code"] == \
           [c.source for c in english.cells if c.cell_type == "code"]
