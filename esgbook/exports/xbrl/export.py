"""An edition's machine-readable files, written together: the xBRL-JSON report, the taxonomy package and the
headline table as Inline XBRL."""
from __future__ import annotations

from pathlib import Path

from esgbook.exports.xbrl import oim
from esgbook.exports.xbrl import taxonomy as tx
from esgbook.exports.xbrl.inline import headlines_xhtml


def write(ds, folder: Path, year: int | None = None) -> dict[str, str]:
    """Write downloads/esg-<year>.json, the taxonomy package beside it and the headline table as
    Inline XBRL (esg-<year>-headlines.xhtml); return their names."""
    year = ds.year if year is None else int(year)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {"xbrl_json": f"esg-{year}.json", "xbrl_taxonomy": tx.PACKAGE_NAME,
             "xbrl_inline": f"esg-{year}-headlines.xhtml"}
    (folder / files["xbrl_json"]).write_text(oim.dumps(oim.report(ds, year)), encoding="utf-8")
    if year == ds.year:
        (folder / files["xbrl_inline"]).write_text(headlines_xhtml(ds), encoding="utf-8")
    else:
        del files["xbrl_inline"]
    tx.package_zip(folder / files["xbrl_taxonomy"], ds.root)
    return files

