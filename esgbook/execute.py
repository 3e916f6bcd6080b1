"""Executing one chapter notebook in the worker's kernel, which is kept for the worker's next chapter.

Why not one papermill run (one kernel) per chapter: starting a kernel and importing pandas, Altair and
the package takes about a second of each chapter's second and a half. A worker process here keeps one
kernel and, before each chapter, clears the user namespace (`%reset -f`), moves to the chapter's folder and
sets the chapter's environment (where its data reads are logged, where its downloads go). The modules
stay imported; nothing in the package keeps state between chapters (every chapter loads its own
`Dataset`), so a chapter gives byte-identical outputs to a fresh kernel: nbval re-runs every committed
notebook in a fresh kernel and compares, and execution counts are nbclient's own (1, 2, ... per notebook).

The parameters are injected exactly as papermill injects them (its `parameterize_notebook`).
"""
from __future__ import annotations

import json
import os
import tempfile
from multiprocessing.util import Finalize

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

_KERNEL = {"km": None, "thread": None}


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


def _kernel_manager():
    km = _KERNEL["km"]
    if km is not None and km.has_kernel:
        return km
    from jupyter_client.manager import AsyncKernelManager  # noqa: PLC0415

    km = _KERNEL["km"] = AsyncKernelManager(kernel_name="python3")
    # A worker ends through multiprocessing (no atexit): its finalizers end the kernel with it.
    Finalize(km, _shutdown, exitpriority=10)
    return km


def _shutdown() -> None:
    """End the worker's kernel now (it holds nothing to save): kill its process and reap it."""
    km = _KERNEL["km"]
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is not None and process.poll() is None:
        process.kill()
        process.wait(timeout=5)
    _KERNEL["km"] = None


def setup_code(workdir: str, env: dict[str, str]) -> str:
    return ("get_ipython().run_line_magic('reset', '-f')\n"
            "import os as _os\n"
            f"_os.chdir({workdir!r})\n"
            f"_os.environ.update({json.dumps(env)})\n"
            "del _os\n")


def execute(nb, parameters: dict, workdir: str, env: dict[str, str], timeout: int = 600):
    """Execute `nb` (an nbformat node) with `parameters` in the worker's kernel; returns the executed node.
    Raises CellExecutionError (with the failing cell) like nbclient."""
    import nbformat  # noqa: PLC0415
    from papermill.iorw import load_notebook_node  # noqa: PLC0415
    from papermill.parameterize import parameterize_notebook  # noqa: PLC0415

    # Loaded and parameterised exactly as papermill does (its metadata, tags lists, the injected cell).
    with tempfile.TemporaryDirectory() as tmp:
        entry = os.path.join(tmp, "entry.ipynb")
        nbformat.write(nb, entry)
        nb = parameterize_notebook(load_notebook_node(entry), parameters)
    km = _kernel_manager()
    client = _Client(nb, km=km, timeout=timeout, kernel_name="python3", allow_errors=False,
                     record_timing=False, resources={"metadata": {"path": workdir}})
    client.setup_code = setup_code(workdir, env)
    try:
        # The first chapter starts the kernel: its environment (hash seed, data folder) is the worker's.
        _in_kernel_thread(client.execute, **({} if km.has_kernel else {"cwd": workdir}))
    except CellExecutionError as exc:
        exc.notebook = nb  # the notebook as far as it ran, with the traceback in the failing cell
        raise
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
    return nb


__all__ = ["execute", "CellExecutionError"]
