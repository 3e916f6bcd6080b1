"""Executing one chapter notebook in the worker's kernel, which is kept for the worker's next chapter.

Why not one papermill run (one kernel) per chapter: starting a kernel and importing pandas, Altair and
the package takes about a second of each chapter's second and a half. A worker process here keeps one
kernel and, before each chapter, clears the user namespace (`%reset -f`), moves to the chapter's folder and
sets the chapter's environment (where its data reads are logged, where its downloads go). The modules
stay imported; what the package keeps between chapters is keyed by the data's bytes (parsed files, and the
tables and derived values of a package and year: `esgbook.inputs.dataset._SHARED`, which records the same
inputs whichever chapter computed a value first), so a chapter gives byte-identical outputs to a fresh kernel: nbval re-runs every committed
notebook in a fresh kernel and compares, and execution counts are nbclient's own (1, 2, ... per notebook).

Kernels start every time (`start_kernel`): over TCP a kernel's ports are picked free, released, and bound
by the kernel a moment later, so kernels starting in parallel (one per worker) can take each other's
ports and one dies before replying ("Kernel died before replying to kernel_info"). Here every kernel
talks over the IPC transport (Unix sockets) in a private directory of its own (`tempfile.mkdtemp`,
removed when the kernel ends), so no two kernels share an address. A start that still fails (a kernel
that dies at start-up, a machine too busy to answer in time) is retried twice after a short pause, and
then reported in one line: "the Python kernel could not be started after 3 attempts: <reason>".

The parameters are injected exactly as papermill injects them (its `parameterize_notebook`).
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import tempfile
from multiprocessing.util import Finalize
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from esgbook.inputs.errors import DataError

ATTEMPTS = 3  # kernel starts tried before giving up
BACKOFF = 0.5  # seconds before the second attempt; doubled before each further one
STARTUP_TIMEOUT = 60  # seconds a kernel has to answer kernel_info (nbclient's default)
PRIVATE_PREFIX = "esgbook-kernel-"  # + the owning process's pid: esgbook-kernel-<pid>-<random>/

_KERNEL = {"km": None, "thread": None}


class KernelStartFailed(DataError):
    """No kernel could be started, after every attempt; `str()` is one line with the last reason."""


class PrivateKernelManager(AsyncKernelManager):
    """A kernel on the IPC transport whose connection file and sockets live in a private directory,
    removed with the kernel's resources (a shutdown, or the clean-up after a failed start)."""

    def __init__(self, **kwargs):
        private = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}{os.getpid()}-", dir=private_root()))
        kwargs.setdefault("kernel_name", "python3")
        super().__init__(transport="ipc", ip=str(private / "kernel"), connection_file=str(private / "kernel.json"),
                         **kwargs)
        self.private_dir = private

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        try:
            await super()._async_cleanup_resources(restart=restart)
        finally:
            if not restart:
                shutil.rmtree(self.private_dir, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources  # AsyncKernelManager binds the base class's coroutine


def private_root() -> str:
    """The system's temporary folder, unless its path is too long for a Unix socket address
    (107 bytes on Linux, of which the kernel's directory, name and port number take about 45)."""
    root = tempfile.gettempdir()
    return root if len(root) <= 60 else "/tmp"


def sweep_private_dirs() -> int:
    """Remove the private directories of processes that are gone (a worker ended by a stop or killed
    cannot remove its own); returns how many. Those of live processes are left alone."""
    removed = 0
    for path in Path(private_root()).glob(f"{PRIVATE_PREFIX}*-*"):
        pid = path.name.removeprefix(PRIVATE_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed += not path.exists()
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: not ours to judge
    return True


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def start_kernel(cwd: str | None = None, *, attempts: int = ATTEMPTS,
                       timeout: float = STARTUP_TIMEOUT) -> PrivateKernelManager:
    """Start a Python kernel in its private IPC directory and wait until it answers kernel_info; returns
    its manager (end it with `await km.shutdown_kernel()`, which removes the directory). Retried up to
    `attempts` times; then KernelStartFailed, one line. The kernel inherits this process's environment."""
    sweep_private_dirs()
    reason = "no attempt was made"
    for attempt in range(1, attempts + 1):
        km = None
        try:
            km = PrivateKernelManager()
            await km.start_kernel(cwd=cwd)
            kc = km.client()
            kc.start_channels()
            try:
                await kc.wait_for_ready(timeout=timeout)
            finally:
                kc.stop_channels()
            return km
        except Exception as exc:  # noqa: BLE001 - every way a start fails is retried, then reported
            reason = _reason(exc)
            await _discard(km)
        except BaseException:
            await _discard(km)
            raise
        if attempt < attempts:
            await asyncio.sleep(BACKOFF * 2 ** (attempt - 1))
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    raise KernelStartFailed(f"the Python kernel could not be started after {tries}: {reason}")


async def _discard(km: PrivateKernelManager | None) -> None:
    """End what a failed start left: the kernel process if any, its sockets and its directory."""
    if km is None:
        return
    try:
        if km.has_kernel:
            await km.shutdown_kernel(now=True)
        else:
            await km.cleanup_resources()
    except Exception:  # noqa: BLE001 - the start's own error is the one to report
        pass
    finally:
        shutil.rmtree(km.private_dir, ignore_errors=True)


def _in_kernel_thread(fn, *args, **kwargs):
    """Run fn in the worker's one execution thread. Off the main thread nbclient installs no signal
    handlers of its own, so a stop (SIGTERM from the run) ends the worker at once, as the run expects;
    one thread keeps the kernel's client on one event loop."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    if _KERNEL["thread"] is None:
        _KERNEL["thread"] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kernel")
    return _KERNEL["thread"].submit(fn, *args, **kwargs).result()


class _Client(NotebookClient):
    """A notebook client on the worker's kernel that prepares the kernel for its chapter first."""

    setup_code = ""

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        if self.setup_code:
            msg_id = kc.execute(self.setup_code, silent=True, store_history=False)
            reply = await self.async_wait_for_reply(msg_id)
            if reply is None or reply["content"].get("status") != "ok":
                raise RuntimeError(f"the kernel could not be prepared for the chapter: {reply and reply['content']}")
        return kc


def _kernel_manager(cwd: str, attempts: int = ATTEMPTS) -> PrivateKernelManager:
    """The worker's kernel, started (in the kernel thread, on its event loop) when there is none."""
    km = _KERNEL["km"]
    if km is not None and km.has_kernel:
        return km
    from jupyter_core.utils import run_sync  # noqa: PLC0415

    # The kernel's environment is the worker's (the hash seed, the data folder); what differs per chapter is
    # set by each chapter's setup code.
    os.environ["PYTHONHASHSEED"] = "0"
    km = _KERNEL["km"] = _in_kernel_thread(run_sync(start_kernel), cwd, attempts=attempts)
    # A worker ends through multiprocessing (no atexit): its finalizers end the kernel with it.
    Finalize(km, _shutdown, exitpriority=10)
    return km


# What every chapter's first cell imports; a kernel started before its first chapter imports it at once.
PRELOAD = "import esgbook.analysis.story, esgbook.book.charts, esgbook.book.present, esgbook.inputs.dataset"


def prepare_worker(parent: int) -> None:
    """Initializer of a worker started while the run still plans (esgbook.build.editions): the worker's own set-up,
    then its kernel started and the package imported, beside the planning instead of after it. A start that
    fails here is left to the first chapter, which tries again and reports it in one line."""
    from jupyter_core.utils import run_sync  # noqa: PLC0415

    from esgbook.build import runctl  # noqa: PLC0415

    runctl.worker_start(parent)
    try:
        km = _kernel_manager(os.getcwd(), attempts=1)
        _in_kernel_thread(run_sync(_preload), km)
    except Exception:  # noqa: BLE001 - the first chapter starts (or reports) the kernel itself
        pass


async def _preload(km: PrivateKernelManager) -> None:
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        await kc.execute_interactive(PRELOAD, silent=True, store_history=False, timeout=STARTUP_TIMEOUT)
    finally:
        kc.stop_channels()


def _shutdown() -> None:
    """End the worker's kernel now (it holds nothing to save): kill its process, reap it, remove its
    private directory."""
    km = _KERNEL["km"]
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        process.kill()
        process.wait(timeout=5)
    if km is not None:
        shutil.rmtree(km.private_dir, ignore_errors=True)
    _KERNEL["km"] = None


def setup_code(workdir: str, env: dict[str, str]) -> str:
    return ("get_ipython().run_line_magic('reset', '-f')\n"
            "import os as _os\n"
            f"_os.chdir({workdir!r})\n"
            f"_os.environ.update({json.dumps(env)})\n"
            "del _os\n")


def execute(nb, parameters: dict, workdir: str, env: dict[str, str], timeout: int = 600):
    """Execute `nb` (an nbformat node) with `parameters` in the worker's kernel; returns the executed node.
    Raises CellExecutionError (with the failing cell) like nbclient, KernelStartFailed when no kernel starts."""
    import nbformat  # noqa: PLC0415
    from papermill.iorw import load_notebook_node  # noqa: PLC0415
    from papermill.parameterize import parameterize_notebook  # noqa: PLC0415

    # Loaded and parameterised exactly as papermill does (its metadata, tags lists, the injected cell).
    with tempfile.TemporaryDirectory() as tmp:
        entry = os.path.join(tmp, "entry.ipynb")
        nbformat.write(nb, entry)
        nb = parameterize_notebook(load_notebook_node(entry), parameters)
    km = _kernel_manager(workdir)
    client = _Client(nb, km=km, timeout=timeout, kernel_name="python3", allow_errors=False,
                     record_timing=False, resources={"metadata": {"path": workdir}})
    client.setup_code = setup_code(workdir, env)
    try:
        _in_kernel_thread(client.execute)
    except CellExecutionError as exc:
        exc.notebook = nb  # the notebook as far as it ran, with the traceback in the failing cell
        raise
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
    return nb


__all__ = ["execute", "start_kernel", "KernelStartFailed", "CellExecutionError"]
