"""Run Arelle (a certified XBRL processor, installed in .venv-tools) on a report, offline.

Arelle loads the report (xBRL-JSON, or Inline XBRL) with our taxonomy package, so the taxonomy's
URLs resolve to its files; the base specifications, the Units Registry and the Data Type Registry
come from Arelle's own bundled cache. It runs with `--workOffline` (the current spelling of the
deprecated `--internetConnectivity offline`): nothing is fetched. It validates XBRL 2.1, Dimensions
and OIM, with Units Registry checking on (`--utr`), and logs every message; `validate` returns them
parsed, with the summary lines Arelle prints. Arelle 2.47 loads OIM reports natively: the
`loadFromOIM` plugin is deprecated and not needed.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from esgbook.exports.xbrl import taxonomy as tx
from esgbook.paths import TOOLS

LOG_FORMAT = "%(levelname)s\t[%(messageCode)s] %(message)s"
_LINE = re.compile(r"^(?P<level>[A-Za-z-]+)\t\[(?P<code>[^\]]*)\] (?P<text>.*)$")


@dataclass
class Result:
    returncode: int
    messages: list[tuple[str, str, str]] = field(default_factory=list)   # (level, code, text)
    log: str = ""

    @property
    def errors(self) -> list[tuple[str, str, str]]:
        return [m for m in self.messages if m[0].lower() in ("error", "critical", "fatal")]

    @property
    def warnings(self) -> list[tuple[str, str, str]]:
        return [m for m in self.messages if m[0].lower() == "warning"]

    @property
    def summary(self) -> str:
        """Arelle's own closing lines: what it loaded and validated, and how long it took."""
        lines = [f"[{c}] {t}" for lvl, c, t in self.messages if c == "info" and
                 (t.startswith("validated") or t.startswith("loaded"))]
        return " / ".join(lines)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.errors


def arelle_command() -> list[str]:
    exe = TOOLS / "bin" / "arelleCmdLine"
    if not exe.exists():
        raise FileNotFoundError(f"{exe} is missing: run `make {TOOLS.name}/.installed` (requirements-tools.txt)")
    return [str(exe)]


def validate(report: Path, package: Path | None = None, utr: bool = True) -> Result:
    """Validate one xBRL-JSON report; `package` is the taxonomy package zip (built when omitted);
    `utr` turns Units Registry checking on (always, but for the test that shows it matters)."""
    with tempfile.TemporaryDirectory(prefix="esgbook-arelle-") as tmp:
        tmp = Path(tmp)
        if package is None:
            package = tx.package_zip(tmp / tx.PACKAGE_NAME)
        log = tmp / "arelle.log"
        env = dict(os.environ)
        # Arelle's user cache and config go in the temp dir: nothing of the user's is read or kept.
        env["XDG_CONFIG_HOME"] = str(tmp / "config")
        env["XDG_CACHE_HOME"] = str(tmp / "cache")
        cmd = arelle_command() + [
            "--file", str(report), "--packages", str(package), "--validate", *(["--utr"] if utr else []),
            "--workOffline", "--logFile", str(log), "--logFormat", LOG_FORMAT,
            "--logLevel", "info"]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
        text = log.read_text(encoding="utf-8") if log.exists() else ""
    messages = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if m:
            messages.append((m["level"], m["code"], m["text"]))
        elif messages:  # a message continued on the next line
            lvl, code, t = messages[-1]
            messages[-1] = (lvl, code, t + "\n" + line)
    return Result(proc.returncode, messages, text + proc.stdout + proc.stderr)
