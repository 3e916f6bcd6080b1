"""Files that passed through a spreadsheet: read as meant, or one line naming file, row, column."""
import pytest

from conftest import DATA, edit_cell, row_of, run_cli

FILES = sorted(p.name for p in DATA.glob("*.csv"))


def _resave(folder, transform):
    for path in folder.glob("*.csv"):
        path.write_bytes(transform(path.read_bytes()))


@pytest.mark.parametrize("style, transform", [
    ("excel-csv-utf8", lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n")),  # BOM + CRLF
    ("classic-mac", lambda b: b.replace(b"\n", b"\r")),                        # CR only
    ("trailing-empty-rows", lambda b: b + b",,,,\r\n\r\n"),                    # rows left below the table
])
def test_spreadsheet_saved_copy_gives_identical_kpis(data_copy, style, transform):
    clean = run_cli("kpis", "--year", "2023", data_dir=data_copy)
    _resave(data_copy, transform)
    assert (data_copy / "environment.csv").read_bytes() != (DATA / "environment.csv").read_bytes()
    resaved = run_cli("kpis", "--year", "2023", data_dir=data_copy)
    assert clean.returncode == 0 and resaved.returncode == 0, resaved.stderr
    assert resaved.stdout.encode() == clean.stdout.encode() and len(clean.stdout) > 1000


@pytest.mark.parametrize("encoding, named", [
    ("big5", "Big5 (Traditional Chinese)"),
    ("gbk", "GBK / GB18030 (Simplified Chinese)"),
    ("utf-16", "UTF-16"),
])
def test_non_utf8_file_is_named_with_its_encoding(data_copy, encoding, named):
    path = data_copy / "environment.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    out = run_cli("validate", data_dir=data_copy)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr
    assert out.stderr.startswith("error: data/environment.csv, row ")
    assert f"the file appears to be {named}" in out.stderr and "CSV UTF-8" in out.stderr


# One bad value of each kind an analyst or a spreadsheet produces, in data/environment.csv.
BAD_VALUES = [
    ("full-width digits", "６２６３４", 'in ASCII digits, got "６２６３４"', "type it as 62634"),
    ("arabic-indic digits", "٦٢٦٣٤", "in ASCII digits", ""),
    ("thousands separator", "62,634", "without thousands separators (write 62634)", ""),
    ("unit in the value", "62634 t", "without a unit", ""),
    ("percent sign", "20.1%", "without a percent sign", ""),
    ("unicode minus", "\u221262634", 'an ASCII hyphen-minus "-"', "U+2212"),
    ("non-breaking space", "62634\u00a0", "non-breaking space (U+00A0)", ""),
    ("leading space", " 62634", "without spaces around it", ""),
    ("#VALUE!", "#VALUE!", 'the spreadsheet error "#VALUE!"', ""),
    ("#DIV/0!", "#DIV/0!", 'the spreadsheet error "#DIV/0!"', ""),
    ("#N/A", "#N/A", 'the spreadsheet error "#N/A"', ""),
    ("formula", "=SUM(E2:E5)", 'the formula "=SUM(E2:E5)"', "paste values"),
    ("inf", "inf", "not a finite number", ""),
    ("NaN", "NaN", "not a finite number", ""),
    ("absurd", "1e308", "below 1e+12", "mistyped exponent"),
    ("text", "n/a", 'expected a number, got "n/a"', ""),
]


def _one_line_error(out):
    assert out.returncode == 2 and out.stdout == "", out.stdout
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr
    return out.stderr


@pytest.mark.parametrize("value, fragment, hint", [v[1:] for v in BAD_VALUES], ids=[v[0] for v in BAD_VALUES])
def test_bad_value_named_by_file_row_column(data_copy, value, fragment, hint):
    row = row_of(data_copy, "environment.csv", year=2023, metric="water_t")
    edit_cell(data_copy, "environment.csv", row, "value", value)
    err = _one_line_error(run_cli("validate", data_dir=data_copy))
    assert err.startswith(f'error: data/environment.csv, row {row}, column "value": expected '), err
    assert fragment in err and hint in err, err


def test_spreadsheet_error_in_a_text_cell(data_copy):
    row = row_of(data_copy, "workforce.csv", year=2023, metric="employees", dimension="total")
    edit_cell(data_copy, "workforce.csv", row, "section", "#N/A")
    err = _one_line_error(run_cli("validate", data_dir=data_copy))
    assert err.startswith(f'error: data/workforce.csv, row {row}, column "section": expected a value, '
                          'got the spreadsheet error "#N/A"'), err


def _edit_lines(path, edit):
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(edit(lines)), encoding="utf-8")


def test_header_with_stray_spaces(data_copy):
    _edit_lines(data_copy / "suppliers.csv", lambda ls: [ls[0].replace("value", " value "), *ls[1:]])
    err = _one_line_error(run_cli("validate", data_dir=data_copy))
    assert err == ('error: data/suppliers.csv, row 1, column " value ": expected the column name "value" '
                   'without spaces around it, got " value "\n')


def test_duplicated_column(data_copy):
    _edit_lines(data_copy / "customers.csv", lambda ls: [ls[0] + ",value"] + [ln + ",1" if ln else ln for ln in ls[1:]])
    err = _one_line_error(run_cli("validate", data_dir=data_copy))
    assert err == ('error: data/customers.csv, row 1, column "value": expected each column once, got "value" '
                   "twice (columns 5 and 10)\n")


@pytest.mark.parametrize("blank", ["", ",,,,,,,"])
def test_blank_line_in_the_middle(data_copy, blank):
    _edit_lines(data_copy / "workforce.csv", lambda ls: ls[:5] + [blank] + ls[5:])
    err = _one_line_error(run_cli("validate", data_dir=data_copy))
    assert err == ("error: data/workforce.csv, row 6: expected a data row, got a blank line in the middle of the "
                   "file (delete the line)\n")


def test_every_real_file_is_read_unchanged():
    from esgbook.inputs.intake import files
    for name in FILES:
        assert files.read_text(DATA / name, name) == (DATA / name).read_text(encoding="utf-8"), name
