"""Text from data never becomes markup: markup in any text cell of any file is rejected at validation."""
import json

import pytest

from conftest import DATA, edit_cell, run_cli
from esgbook.inputs import validate
from esgbook.inputs.errors import DataError

PAYLOADS = [
    ("<script>alert(2)</script>", "an HTML tag"),
    ("<img src=x onerror=alert(1)>", "an HTML tag"),
    ("see onerror=alert(1)", "an HTML event handler"),
    ("a javascript:alert(1) link", "a script URL"),
    ("</p>", "an HTML tag"),
    ("{ref}`x`", "a backtick"),
    ("{download}`data.csv`", "a backtick"),
    ("`code`", "a backtick"),
    ("[click](https://example.org)", "Markdown link syntax"),
    ("$$x^2$$", "display math"),
    (":::{warning}", "a MyST directive fence"),
]
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TEXT_COLUMNS = [(r["path"], f["name"]) for r in DESCRIPTOR["resources"] for f in r["schema"]["fields"]
                if f.get("type", "string") == "string"]


def _rejected(folder, file, column):
    with pytest.raises(DataError) as exc:
        validate.check_package(folder)
    message = str(exc.value)
    assert message.startswith(f'data/{file}, row 2, column "{column}": expected plain text, got '), message
    assert "\n" not in message
    return message


@pytest.mark.parametrize("file, column", TEXT_COLUMNS, ids=[f"{f}:{c}" for f, c in TEXT_COLUMNS])
def test_markup_in_every_text_column_is_rejected(data_copy, file, column):
    payload, named = PAYLOADS[TEXT_COLUMNS.index((file, column)) % len(PAYLOADS)]
    edit_cell(data_copy, file, 2, column, "Plain words " + payload)
    assert named in _rejected(data_copy, file, column)


@pytest.mark.parametrize("payload, named", PAYLOADS, ids=[p for p, _ in PAYLOADS])
def test_each_kind_of_markup_is_rejected(data_copy, payload, named):
    edit_cell(data_copy, "community_cases.csv", 2, "what_en", payload)
    assert named in _rejected(data_copy, "community_cases.csv", "what_en")


def test_the_issues_two_examples_through_the_cli(data_copy):
    edit_cell(data_copy, "community_cases.csv", 2, "what_en", "<script>alert(2)</script>")
    edit_cell(data_copy, "honours.csv", 2, "award_en", "<img src=x onerror=alert(1)>")
    out = run_cli("validate", data_dir=data_copy)
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith('error: data/honours.csv, row 2, column "award_en": expected plain text, '
                                 'got an HTML tag ("<i" in "<img src=x onerror=alert(1)>")')
    assert "(and 1 more problem(s))" in out.stderr


@pytest.mark.parametrize("text", ["below <5% of loans", "R&D; 3 < 4", "price $5 and $6", "a [note]", "Q&A (FAQ)"])
def test_plain_text_that_looks_close_is_accepted(data_copy, text):
    edit_cell(data_copy, "community_cases.csv", 2, "what_en", text)
    assert validate.check_package(data_copy) == [2022, 2023]


def test_no_real_data_is_rejected():
    assert validate.check_package(DATA) == [2022, 2023]
