"""The validation cache (validated.json) lives in the build folder and is keyed on everything a check
depends on: the file, its description, the validator's code and the library versions."""
from pathlib import Path

from esgbook.inputs import validate

DATA = Path(__file__).resolve().parent.parent / "data"


def _counting(monkeypatch) -> list[str]:
    checked: list[str] = []
    real = validate._resource_problems

    def spy(resource, root):
        checked.append(resource["name"])
        return real(resource, root)
    monkeypatch.setattr(validate, "_resource_problems", spy)
    return checked


def test_the_cache_follows_esgbook_build(tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path / "build"))
    assert validate.cache_path() == (tmp_path / "build" / "validated.json").resolve()
    checked = _counting(monkeypatch)
    assert validate.schema_problems(DATA / "datapackage.json") == []
    assert (tmp_path / "build" / "validated.json").exists()
    assert "kpis" in checked and "known_discrepancies" in checked  # a cold cache checks every resource
    checked.clear()
    assert validate.schema_problems(DATA / "datapackage.json") == [] and checked == []


def test_a_new_library_version_checks_every_file_again(tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    validate.schema_problems(DATA / "datapackage.json")
    checked = _counting(monkeypatch)
    assert "frictionless==" in validate.library_versions() and "pandas==" in validate.library_versions()
    monkeypatch.setattr(validate, "library_versions", lambda: "frictionless==99.0;pandas==99.0")
    validate.schema_problems(DATA / "datapackage.json")
    assert len(checked) == len(validate.json.loads((DATA / "datapackage.json").read_text())["resources"])


def test_new_validator_code_checks_every_file_again(tmp_path, monkeypatch):
    monkeypatch.setenv("ESGBOOK_BUILD", str(tmp_path))
    validate.schema_problems(DATA / "datapackage.json")
    checked = _counting(monkeypatch)
    monkeypatch.setattr(validate, "RULES", b"a new rule")
    validate.schema_problems(DATA / "datapackage.json")
    assert "metrics" in checked and "workforce" in checked
