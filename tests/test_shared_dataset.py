"""The chapters a kernel executes one after another share what they derive from the same data (esgbook.inputs.dataset
`_SHARED`): the key findings are computed once per kernel, not once per chapter. Sharing must not change what a
chapter records as its inputs: a derived value records every file it reads whichever chapter computed it first,
and a chapter records a lookup it makes itself even when a derived value made it before."""
import pytest

from esgbook.analysis import story
from esgbook.inputs import dataset as data
from esgbook.inputs.reads import READS_LOG_ENV
from tests.conftest import edit_cell, row_of


@pytest.fixture(autouse=True)
def own_store(monkeypatch):
    """Each test starts with an empty shared store, and the process's store is back after it (as in
    test_assumptions): these tests model new kernels, and no other test sees what they put there."""
    monkeypatch.setattr(data, "_SHARED", {})


def fresh(year: int, root=None) -> data.Dataset:
    """A dataset as a new kernel loads it: nothing shared yet."""
    data._SHARED.clear()  # the test's own store (own_store)
    return data.load(year, root)


def test_datasets_of_the_same_data_and_year_share_derived_values_and_a_changed_byte_does_not(data_copy):
    calls = []

    def compute():
        calls.append(1)
        return {"answer": 42}

    first = fresh(2023, data_copy)
    assert first.cached(("probe",), compute) == {"answer": 42}
    assert data.load(2023, data_copy).cached(("probe",), compute) == {"answer": 42}
    assert len(calls) == 1, "a second chapter on the same data computed the value again"
    data.load(2022, data_copy).cached(("probe",), compute)
    assert len(calls) == 2, "another edition's value was taken for this one"

    edit_cell(data_copy, "suppliers.csv", row_of(data_copy, "suppliers.csv", year=2023), "value", "53")
    data.load(2023, data_copy).cached(("probe",), compute)
    assert len(calls) == 3, "a changed data file gave the value computed from its old bytes"


def test_the_key_findings_record_the_same_inputs_whoever_computed_them_first():
    alone = fresh(2023)
    findings = story.key_findings(alone)
    inputs_alone = alone._memo_reads[("story",)]

    after = fresh(2023)
    # A chapter that looked up names, the report and breakdown labels before asking for the findings.
    after.name("employees"), after.report, after.label("gender", "female")
    assert story.key_findings(after) == findings
    assert after._memo_reads[("story",)] == inputs_alone
    assert {"metrics.csv", "categories.csv", "reports.csv@report"} <= inputs_alone


def test_a_chapter_records_a_name_lookup_that_a_derived_value_made_first(tmp_path, monkeypatch):
    monkeypatch.setenv(READS_LOG_ENV, str(tmp_path / "reads"))  # as in an executing chapter
    ds = fresh(2023)
    story.key_findings(ds)  # looks metric names up inside the derived value, recorded as one derived input
    assert "metrics.csv" not in ds.reads
    ds.name("employees")
    assert "metrics.csv" in ds.reads, "the chapter's own lookup of a metric's name was not recorded"
