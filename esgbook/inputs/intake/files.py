"""Read a CSV file the way the analyst meant it, or say in one line why it cannot be read.

Excel's "CSV UTF-8" adds a byte-order mark and CRLF line ends; Numbers and old Mac tools write
CR; both are accepted and give exactly the text of the clean file. A file in another encoding
(Big5 or UTF-16 from Excel on a Chinese system, GBK from WPS) is refused, naming the encoding it
appears to be in, because guessing an encoding silently can turn one Chinese name into another.
"""
from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from esgbook.inputs.errors import DataError, where

SAVE_AS_UTF8 = ('save it again as UTF-8: in Excel "File > Save As > CSV UTF-8 (Comma delimited)", '
                'in WPS or Numbers choose the text encoding "UTF-8"')
# Python codec names as an analyst knows them.
ENCODING_NAMES = {
    "big5": "Big5 (Traditional Chinese)", "big5hkscs": "Big5-HKSCS (Traditional Chinese)",
    "cp950": "Big5 (Traditional Chinese, Windows code page 950)",
    "gb2312": "GB2312 (Simplified Chinese)", "gbk": "GBK (Simplified Chinese)",
    "gb18030": "GBK / GB18030 (Simplified Chinese)", "cp936": "GBK (Simplified Chinese, code page 936)",
    "utf_16": "UTF-16", "utf_16_le": "UTF-16 (little-endian)", "utf_16_be": "UTF-16 (big-endian)",
    "utf_32": "UTF-32", "cp1252": "Windows-1252 (Western European)", "latin_1": "Latin-1",
    "shift_jis": "Shift JIS (Japanese)", "cp932": "Shift JIS (Japanese)", "euc_kr": "EUC-KR (Korean)",
}


def guess_encoding(raw: bytes) -> str | None:
    """The encoding `raw` appears to be in, as a name an analyst recognises; None if it cannot be told."""
    for bom, name in ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"),
                      (codecs.BOM_UTF16_LE, "utf_16_le"), (codecs.BOM_UTF16_BE, "utf_16_be")):
        if raw.startswith(bom):
            return ENCODING_NAMES[name]
    if raw[1:200:2].count(0) > 50 or raw[0:200:2].count(0) > 50:  # UTF-16 without a mark
        return ENCODING_NAMES["utf_16"]
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only on the failure path

    best = from_bytes(raw).best()
    if best is None:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    return ENCODING_NAMES.get(name, best.encoding)


def read_text(path: Path, shown: str) -> str:
    """The file's text: UTF-8, without a byte-order mark, `\\n` line ends, no trailing blank lines."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        seems = guess_encoding(raw)
        looks = f"the file appears to be {seems}" if seems else "its encoding cannot be told"
        raise DataError(f"{where(shown, line)}: expected UTF-8 text, got a byte (0x{raw[exc.start]:02X}) "
                        f"that is not UTF-8; {looks}; {SAVE_AS_UTF8}", file=shown, row=line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Rows a spreadsheet leaves below the table (empty, or only commas) are not data.
    lines = text.split("\n")
    while lines and not lines[-1].strip(","):
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def parse(text: str) -> list[list[str]]:
    """Header and rows as lists of cell strings (the header is row 1, as in an editor)."""
    return list(csv.reader(io.StringIO(text)))


def read_rows(path: Path, shown: str) -> list[list[str]]:
    return parse(read_text(path, shown))


def shape_problems(rows: list[list[str]], shown: str) -> list[DataError]:
    """What is wrong with the table's shape: the header's names, blank rows between data rows."""
    problems = []
    header = rows[0] if rows else []
    for i, name in enumerate(header):
        bare = name.strip(" \t\u00a0\u3000\u200b\ufeff")
        if name != bare:
            problems.append(DataError(f'{where(shown, 1, name)}: expected the column name "{bare}" without '
                                      f"spaces around it, got \"{name}\"", file=shown, row=1, column=name))
        if name in header[:i]:
            first = header.index(name) + 1
            problems.append(DataError(f'{where(shown, 1, name)}: expected each column once, got "{name}" '
                                      f"twice (columns {first} and {i + 1})", file=shown, row=1, column=name))
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            problems.append(DataError(f"{where(shown, n)}: expected a data row, got a blank line in the middle of "
                                      "the file (delete the line)", file=shown, row=n))
    return problems
