"""Runs that stop cleanly: Ctrl-C / SIGTERM end a build with one line and no process left, a killed run
leaves nothing the next one trips over, and two runs of one edition never race."""
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from esgbook.build import runctl

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = ["00_index", "08_environment", "07_people"]


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def book(tmp_path):
    """A three-chapter book whose notebooks/2023/ starts as the committed edition's notebooks."""
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/00_index\nparts:\n  - caption: The report\n    chapters:\n"
                   "      - file: chapters/08_environment\n      - file: chapters/07_people\n", encoding="utf-8")
    edition = tmp_path / "nb" / "2023"
    edition.mkdir(parents=True)
    for name in CHAPTERS:
        shutil.copyfile(REPO / "notebooks" / "2023" / f"{name}.ipynb", edition / f"{name}.ipynb")
    env = {**os.environ, "ESGBOOK_TOC": str(toc), "ESGBOOK_NOTEBOOKS": str(tmp_path / "nb"),
           "ESGBOOK_BUILD": str(tmp_path / "build")}
    return tmp_path, env


def _start(env):
    # A session of its own, like a terminal's job: a "Ctrl-C" goes to the whole process group.
    return subprocess.Popen([sys.executable, "-m", "esgbook.build.editions", "run", "--year", "2023", "--force"], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _cmdline(process) -> list[str]:
    """A process's command line; none for one that ended while we looked (a short-lived helper, such as
    fc-match or the chart font's subsetter, can be a zombie for a moment before the run reaps it)."""
    try:
        return process.cmdline()
    except (psutil.ZombieProcess, psutil.NoSuchProcess, psutil.AccessDenied):
        return []


def _when_kernels_run(proc, timeout=60):
    """The run's processes once every worker's kernel has started (a worker is forked from the run: its command
    line is the run's)."""
    deadline = time.monotonic() + timeout
    run = psutil.Process(proc.pid)
    while time.monotonic() < deadline:
        kids = run.children(recursive=True)
        workers = sum(_cmdline(k) == _cmdline(run) for k in run.children())
        if workers and sum("ipykernel_launcher" in " ".join(_cmdline(k)) for k in kids) == workers:
            return kids
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    raise AssertionError("the kernels did not start")


def _gone(procs, timeout=5.0):
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    return [p for p in alive if p.status() != psutil.STATUS_ZOMBIE]


def _own_lines(stderr):
    # ipykernel logs a warning per kernel on start-up (TCP transport); everything else is ours.
    return [ln for ln in stderr.splitlines() if not ln.startswith("[IPKernelApp]")]


@pytest.mark.parametrize("sig, to_group", [(signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["ctrl-c-to-the-group", "sigterm-to-the-process"])
def test_signal_stops_the_run_with_one_line_and_no_process_left(book, sig, to_group):
    tmp, env = book
    before, committed = _snapshot(tmp / "nb" / "2023"), _snapshot(REPO / "notebooks")
    proc = _start(env)
    kids = _when_kernels_run(proc)
    sent = time.monotonic()
    os.killpg(proc.pid, sig) if to_group else proc.send_signal(sig)
    _, err = proc.communicate(timeout=15)
    took = time.monotonic() - sent
    assert proc.returncode == 128 + sig and took < 6, (proc.returncode, took, err)
    lines = _own_lines(err)
    # The run counts every process it ended when the signal came: at least the workers and kernels seen up
    # before it (a kernel may have a helper process of its own by then, so the count is not exact).
    assert len(lines) == 1, err
    said = re.fullmatch(rf"stopped by {sig.name}: the run of the 2023 edition \(0 of 4 chapter\(s\) done, (\d+) "
                        r"worker and kernel process\(es\) ended\); notebooks/2023/ is unchanged", lines[0])
    assert said and int(said[1]) >= len(kids), (lines, len(kids))
    assert _gone(kids) == []
    assert _snapshot(tmp / "nb" / "2023") == before
    assert not list((tmp / "nb").glob(".tmp-*")), "staging folder left behind"
    assert _snapshot(REPO / "notebooks") == committed


def test_killed_run_leaves_no_worker_and_nothing_the_next_run_trips_over(book):
    tmp, env = book
    before = _snapshot(tmp / "nb" / "2023")
    proc = _start(env)
    kids = _when_kernels_run(proc)
    proc.kill()  # SIGKILL: no handler runs
    proc.communicate(timeout=10)
    assert _gone(kids) == [], "orphaned workers or kernels survived their parent"
    assert _snapshot(tmp / "nb" / "2023") == before
    leftovers = list((tmp / "nb").glob(".tmp-2023-*"))
    assert leftovers, "expected the killed run's staging folder"
    # The next run gets the lock at once (the kernel released it) and clears what was left.
    with runctl.edition_lock(tmp / "nb", 2023):
        assert runctl.clear_leftovers(tmp / "nb", 2023) == len(leftovers)
    assert not list((tmp / "nb").glob(".tmp-*")) and _snapshot(tmp / "nb" / "2023") == before


def test_second_run_of_the_same_edition_refuses(book):
    tmp, env = book
    with runctl.edition_lock(tmp / "nb", 2023):
        out = subprocess.run([sys.executable, "-m", "esgbook.build.editions", "run", "--year", "2023"], cwd=REPO, env=env,
                             capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith(f"error: another run of the 2023 edition is in progress (pid {os.getpid()}, "
                                 "started "), out.stderr
    assert "wait for it to finish or stop it" in out.stderr and out.stderr.count("\n") == 1
    # Another year is not held up by it.
    with runctl.edition_lock(tmp / "nb", 2023), runctl.edition_lock(tmp / "nb", 2022):
        pass


def test_lock_is_released_when_its_holder_dies(tmp_path):
    code = ("import sys, time; from pathlib import Path; from esgbook.build import runctl\n"
            "with runctl.edition_lock(Path(sys.argv[1]), 2023):\n    print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    with pytest.raises(runctl.Busy):
        with runctl.edition_lock(tmp_path, 2023):
            pass
    holder.kill()
    holder.wait()
    with runctl.edition_lock(tmp_path, 2023):
        pass


def test_run_killed_mid_swap_gets_the_previous_edition_back(tmp_path):
    old = tmp_path / ".old-2023-4242"
    old.mkdir()
    (old / "08_environment.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / ".tmp-2023-abc").mkdir()
    (tmp_path / ".tmp-2022-def").mkdir()  # another year's: not this run's business
    assert runctl.clear_leftovers(tmp_path, 2023) == 1
    assert (tmp_path / "2023" / "08_environment.ipynb").read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".tmp-2022-def", "2023"]


def test_a_stop_during_the_final_swap_waits_for_it():
    code = ("import os, signal, time; from esgbook.build import runctl\nrunctl.stop_on_signals()\n"
            "try:\n    with runctl.signals_deferred():\n        os.kill(os.getpid(), signal.SIGINT); time.sleep(0.2)\n"
            "        print('swapped')\nexcept runctl.Stopped as exc:\n    print('stopped by', exc.signame)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=30)
    assert out.stdout.splitlines() == ["swapped", "stopped by SIGINT"], out.stderr


def test_a_test_session_removes_its_output_folder(tmp_path):
    """The folder a test session points the charts' CSVs at (conftest.py) is gone when the session ends:
    every `make test` had left one in /tmp."""
    probe = tmp_path / "test_probe.py"
    probe.write_text("import os, pathlib\n\ndef test_probe():\n"
                     f"    pathlib.Path({str(tmp_path / 'seen')!r}).write_text(os.environ['ESGBOOK_OUTPUT_DIR'])\n",
                     encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "ESGBOOK_OUTPUT_DIR"}
    env["TMPDIR"] = str(tmp_path)  # the probe lies outside the checkout: load the checkout's conftest by name
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "conftest",
                           str(probe)], cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    used = Path((tmp_path / "seen").read_text())
    assert used.parent == tmp_path and used.name.startswith("esgbook-nbval-")
    assert not used.exists()


def _sleep():
    time.sleep(60)


def test_an_ended_worker_is_left_for_its_owner_to_reap():
    """`runctl.end_processes` ends a run's workers without reaping them: multiprocessing waits for its own
    processes, and a worker reaped behind its back stays alive to it forever (the pool's shutdown at exit then
    spun, and a stopped run never ended)."""
    import multiprocessing

    worker = multiprocessing.get_context("fork").Process(target=_sleep)
    worker.start()
    assert runctl.end_processes([psutil.Process(worker.pid)]) == 1
    worker.join(timeout=5)
    assert not worker.is_alive() and worker.exitcode == -signal.SIGTERM


def test_a_stop_whose_exception_was_lost_still_stops_the_run():
    """A stop signal landing inside a callback from C code raises where Python can only print it ("Exception
    ignored"), as validating the data did once: the run then went on to the end. `runctl.check_stopped`, between
    a run's steps and while it waits on its workers, raises it again; a second signal while stopping does not."""
    code = ("import signal\nfrom esgbook.build import runctl\nrunctl.stop_on_signals()\n"
            "try:\n    signal.raise_signal(signal.SIGINT)\nexcept BaseException:\n    pass  # lost, as in C code\n"
            "signal.raise_signal(signal.SIGTERM)  # a second signal while stopping: no exception\n"
            "try:\n    runctl.check_stopped()\nexcept runctl.Stopped as exc:\n    print('stopped by', exc.signame, exc.exit_code)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped by SIGINT 130"
