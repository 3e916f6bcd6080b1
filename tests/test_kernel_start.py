"""Kernels start every time: many started at once through `esgbook.build.execute.start_kernel` (as the run's
workers start theirs) all answer and end leaving nothing behind, and a start that keeps failing is retried,
then reported in one line."""
import asyncio
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil
import pytest

from esgbook.build import execute

REPO = Path(__file__).resolve().parent.parent
STARTS, AT_ONCE = 40, 4
DIES = [sys.executable, "-c", "import sys; sys.exit(3)"]  # a kernel command whose process dies at once
DIED = "RuntimeError: Kernel died before replying to kernel_info"


def _run(coro):
    """asyncio.run in a thread of its own: the browser tests' sync API may keep a loop running in this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _is_kernel(proc: psutil.Process) -> bool:
    try:
        return "ipykernel" in " ".join(proc.cmdline())
    except psutil.Error:  # gone meanwhile, or a zombie
        return False


def _private_dirs(pid: int) -> list[Path]:
    return sorted(Path(execute.private_root()).glob(f"{execute.PRIVATE_PREFIX}{pid}-*"))


async def _start_compute_end() -> tuple[int, int, str, str]:
    km = await execute.start_kernel(attempts=1)  # no retry: every start must succeed the first time
    pid, private = km.provisioner.pid, str(km.private_dir)
    try:
        kc = km.client()
        kc.start_channels()
        try:
            outputs = []
            reply = await kc.execute_interactive("1+1", output_hook=outputs.append, timeout=60)
        finally:
            kc.stop_channels()
    finally:
        await km.shutdown_kernel()
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    assert reply["content"]["status"] == "ok" and results == ["2"], (reply["content"], outputs)
    return os.getpid(), pid, private, results[0]


def _one_start(_: int) -> tuple[int, int, str, str]:
    """In a worker process, like the run's: one kernel started, asked 1+1, ended."""
    return _run(_start_compute_end())


def test_many_kernels_started_in_parallel_all_answer_and_leave_nothing():
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=AT_ONCE) as pool:
        done = list(pool.map(_one_start, range(STARTS)))
    took = time.monotonic() - started
    workers = {w for w, _, _, _ in done}
    assert [r for _, _, _, r in done] == ["2"] * STARTS
    assert len({p for _, p, _, _ in done}) == STARTS  # a kernel process of its own for every start
    assert len({d for _, _, d, _ in done}) == STARTS  # ... and a private directory of its own
    assert [d for _, _, d, _ in done if Path(d).exists()] == [], "private directories left behind"
    assert [w for w in workers if _private_dirs(w)] == []
    alive = [p for _, p, _, _ in done if psutil.pid_exists(p)
             and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
    assert alive == [], "kernel processes left behind"
    assert [k for k in psutil.Process().children(recursive=True) if _is_kernel(k)] == []
    print(f"{STARTS} kernel starts, {AT_ONCE} at a time, in {took:.1f}s")


@pytest.fixture
def failing_starts(monkeypatch):
    """Kernel starts whose process dies before answering, the first `failing_starts[0]` of them."""
    calls, plan = [], [0]
    real = execute.PrivateKernelManager.format_kernel_cmd

    def format_kernel_cmd(self, extra_arguments=None):
        calls.append(self.private_dir)
        return DIES if len(calls) <= plan[0] else real(self, extra_arguments)

    monkeypatch.setattr(execute.PrivateKernelManager, "format_kernel_cmd", format_kernel_cmd)
    monkeypatch.setattr(execute, "BACKOFF", 0.05)
    return plan, calls


def test_a_start_that_fails_twice_is_retried_and_succeeds(failing_starts):
    plan, calls = failing_starts
    plan[0] = 2

    async def start_and_end():
        km = await execute.start_kernel()
        assert await km.is_alive()
        await km.shutdown_kernel()
        return km.private_dir

    private = _run(start_and_end())
    assert len(calls) == 3 and calls[-1] == private
    assert [d for d in calls if d.exists()] == [] and _private_dirs(os.getpid()) == []


def test_a_kernel_that_never_starts_is_one_line(failing_starts):
    plan, calls = failing_starts
    plan[0] = 99
    since = time.time() - 1
    with pytest.raises(execute.KernelStartFailed) as caught:
        _run(execute.start_kernel())
    assert str(caught.value) == f"the Python kernel could not be started after 3 attempts: {DIED}"
    assert len(calls) == 3 and [d for d in calls if d.exists()] == [] and _private_dirs(os.getpid()) == []
    left = [k for k in psutil.Process().children(recursive=True) if k.create_time() >= since]
    assert left == [], "a failed start left a process (or did not reap it)"


def test_a_run_whose_kernel_never_starts_says_so_in_one_line_and_changes_nothing(tmp_path):
    """Through `python -m esgbook.build.editions run`: one error line, naming the chapter and the edition."""
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/08_environment\n", encoding="utf-8")
    env = {**os.environ, "ESGBOOK_TOC": str(toc), "ESGBOOK_NOTEBOOKS": str(tmp_path / "nb"),
           "ESGBOOK_BUILD": str(tmp_path / "build")}
    code = ("import sys; from esgbook.build import editions, execute\n"
            "execute.BACKOFF = 0.05\n"
            f"execute.PrivateKernelManager.format_kernel_cmd = lambda self, extra_arguments=None: {DIES!r}\n"
            "sys.exit(editions.main(['run', '--year', '2023']))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    errors = [ln for ln in out.stderr.splitlines() if ln.startswith("error:")]
    assert out.returncode == 2 and errors == [
        "error: chapter 08_environment could not run for 2023: the Python kernel could not be started after "
        f"3 attempts: {DIED}; notebooks/2023/ is unchanged"], out.stderr
    assert not (tmp_path / "nb" / "2023").exists() and not list((tmp_path / "nb").glob(".tmp-*"))


def test_directories_of_ended_processes_are_swept_and_live_ones_kept():
    """What a worker ended by a stop could not remove goes at the next start (or at the end of the run)."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = Path(execute.private_root()) / f"{execute.PRIVATE_PREFIX}{gone.stdout.strip()}-test"
    live = Path(execute.private_root()) / f"{execute.PRIVATE_PREFIX}{os.getpid()}-test"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "kernel.json").write_text("{}", encoding="utf-8")
    try:
        assert execute.sweep_private_dirs() >= 1
        assert not dead.exists() and live.exists()
    finally:
        for folder in (dead, live):
            shutil.rmtree(folder, ignore_errors=True)
