"""python -m esgbook.exports.xbrl: the taxonomy, an edition's report, and Arelle's verdict on it.

    python -m esgbook.exports.xbrl taxonomy [--check]        rewrite (or check) taxonomy/qifu-esg/
    python -m esgbook.exports.xbrl report --year Y --out F   write the edition's xBRL-JSON to F
    python -m esgbook.exports.xbrl validate F [F ...]        Arelle, offline, Units Registry on
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m esgbook.exports.xbrl", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("taxonomy", help="regenerate the extension taxonomy from data/metrics.csv and kpis.py")
    t.add_argument("--check", action="store_true", help="only check that the committed files are current")
    t.add_argument("--zip", type=Path, help="also write the taxonomy package as this zip file")
    r = sub.add_parser("report", help="write an edition's xBRL-JSON report")
    r.add_argument("--year", type=int, required=True)
    r.add_argument("--out", type=Path, required=True)
    v = sub.add_parser("validate", help="validate xBRL-JSON reports with Arelle, offline")
    v.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)

    from esgbook.exports.xbrl import taxonomy as tx  # noqa: PLC0415
    if args.command == "taxonomy":
        if args.check:
            stale = tx.stale()
            if stale:
                print("stale taxonomy files (run `python -m esgbook.exports.xbrl taxonomy`): " + ", ".join(stale),
                      file=sys.stderr)
                return 1
            print(f"{tx.PACKAGE_DIR.relative_to(tx.REPO)} is current")
        else:
            for p in tx.write():
                print(p.relative_to(tx.REPO))
        if args.zip:
            print(tx.package_zip(args.zip))
        return 0
    if args.command == "report":
        from esgbook.exports.xbrl.oim import dumps, report  # noqa: PLC0415
        from esgbook.inputs import dataset as data  # noqa: PLC0415
        from esgbook.inputs.errors import DataError  # noqa: PLC0415
        try:
            ds = data.load(args.year)
        except DataError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(dumps(report(ds)), encoding="utf-8")
        print(args.out)
        return 0
    from esgbook.exports.xbrl.arelle import validate  # noqa: PLC0415
    status = 0
    for f in args.files:
        res = validate(f)
        for level, code, text in res.errors + res.warnings:
            print(f"{f}: {level} [{code}] {text}")
        text = f.read_text(encoding="utf-8")
        n = len(json.loads(text)["facts"]) if f.suffix == ".json" else text.count("<ix:nonFraction ")
        print(f"{f}: {'valid' if res.ok else 'INVALID'}: {n} facts, {len(res.errors)} errors, "
              f"{len(res.warnings)} warnings; Arelle: {res.summary}")
        status |= 0 if res.ok else 1
    return status


if __name__ == "__main__":
    sys.exit(main())
