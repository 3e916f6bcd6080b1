"""Command line: `python -m esgbook {kpis,reconcile,validate,years,template,import} ...`.

On bad input or a missing year: one line on stderr, nothing on stdout, exit 2.
Output is built completely before anything is printed, so a failure never leaves half a table.
"""
from __future__ import annotations

import argparse
import io
import sys

from esgbook.exports.tables import KPI_COLUMNS, render
from esgbook.inputs.errors import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m esgbook", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("kpis", "the year's KPI table, recomputed from raw data"),
                       ("reconcile", "published figures against recomputed ones")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--year", type=int, required=True)
        p.add_argument("--format", choices=["csv", "json"], default="csv")
    sub.add_parser("validate", help="validate the data package; print the years it holds and, on stderr, "
                                    "plausibility warnings and each draft edition's checklist")
    sub.add_parser("years", help="print the years the data holds, one per line")
    p = sub.add_parser("template", help="write the data-entry workbook for a year (data-entry-YEAR.xlsx)")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--out", help="where to write it (default: data-entry-YEAR.xlsx here)")
    p = sub.add_parser("import", help="check a filled data-entry workbook; add its figures to data/ if all is valid")
    p.add_argument("file")
    args = parser.parse_args(argv)
    notes = ""  # warnings: printed on stderr after the output; they never change the exit status
    try:
        # Validate before pandas is even imported: bad input fails fast.
        from esgbook.inputs import validate  # noqa: PLC0415
        from esgbook.paths import data_dir  # noqa: PLC0415
        validate.check_package(data_dir())
        from esgbook.inputs import dataset as data  # noqa: PLC0415
        if args.command == "validate":
            checked = data.check()
            warnings = validate.plausibility(checked)
            # A draft edition's checklist (esgbook.analysis.draft): what its registers lack, never an error.
            from esgbook.analysis import draft  # noqa: PLC0415
            drafts = io.StringIO()
            years = draft.warn(checked._years, checked.root, drafts)  # noqa: SLF001
            out = "data package valid; years: " + ", ".join(map(str, checked._years))  # noqa: SLF001
            said = [f"{len(warnings)} plausibility warning(s)"] if warnings else []
            said += [f"what the draft edition(s) {', '.join(map(str, years))} lack"] if years else []
            out += f" ({' and '.join(said)} on stderr)\n" if said else "\n"
            notes = "".join(f"warning: {w}\n" for w in warnings) + drafts.getvalue()
        elif args.command == "years":
            out = "".join(f"{y}\n" for y in data.available_years())
        elif args.command == "template":
            from esgbook.inputs.intake import workbook  # noqa: PLC0415
            path = workbook.template(args.year, data_dir(), args.out or f"data-entry-{args.year}.xlsx")
            out = f"{path}\n"
            notes = (f"wrote {path}: fill in the yellow cells, then `make import FILE={path}`\n")
        elif args.command == "import":
            from esgbook.inputs.intake import workbook  # noqa: PLC0415
            added = workbook.import_workbook(args.file, data_dir())
            out = "".join(f"data/{file}: {n} row(s) added\n" for file, n in added.items())
        elif args.command == "kpis":
            from esgbook.analysis import kpis  # noqa: PLC0415
            from esgbook.exports import xbrl  # noqa: PLC0415
            ds = data.load(args.year)
            out = render(xbrl.with_fact_ids(kpis.kpi_table(ds))[KPI_COLUMNS], args.format)
        else:
            from esgbook.analysis import reconcile  # noqa: PLC0415
            ds = data.load(args.year)
            out = render(reconcile.reconciliation(ds), args.format)
    except DataError as exc:
        # One line; a workbook import lists every bad cell, one per line, so all are fixed at once.
        lines = exc.problems if args.command == "import" else [str(exc)]
        sys.stderr.write("".join(f"error: {line}\n" for line in lines))
        return 2
    sys.stdout.write(out)
    sys.stdout.flush()
    sys.stderr.write(notes)
    return 0
