"""Reviewers' diffs: `make diff` shows what changed between editions; nbdime stays out of the kernel."""
import importlib.util
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_nbdime_is_not_in_the_kernel_environment():
    # nbdime pulls rfc3987-syntax, which makes every `import altair` over a second slower.
    assert importlib.util.find_spec("nbdime") is None
    assert importlib.util.find_spec("rfc3987_syntax") is None


def test_make_diff_between_editions():
    out = subprocess.run(["make", "--no-print-directory", "diff", "A=2022", "B=2023", "CHAPTER=08_environment"],
                         cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    text = out.stdout
    assert "===== 08_environment.ipynb: 2022 -> 2023 =====" in text
    assert "-year = 2022" in text and "+year = 2023" in text  # the parameter, shown as a source change
    assert "1,276.2 MWh" in text  # 2023 electricity, an output the diff shows
    assert "papermill.start_time" not in text and '"id":' not in text  # metadata and ids hidden
