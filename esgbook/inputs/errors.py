"""One error type for bad input, worded for the analyst who has to fix the file."""
from __future__ import annotations


class DataError(Exception):
    """Bad or missing input. `str()` is one line: file, row, column, what was expected."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None, problems: list[str] | None = None):
        self.file, self.row, self.column = file, row, column
        self.problems = problems or [message]
        super().__init__(message)


class YearNotFound(DataError):
    """A year was asked for that the data does not have."""


def where(file: str | None, row: int | None = None, column: str | None = None) -> str:
    """'data/x.csv, row 7, column "value"': row numbers count the header as row 1, like an editor."""
    parts = [file or "data package"]
    if row is not None:
        parts.append(f"row {row}")
    if column:
        parts.append(f'column "{column}"')
    return ", ".join(parts)
