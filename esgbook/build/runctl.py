"""Run control for editions: one run per edition, clean stops, nothing left behind.

- A lock per edition (`notebooks/.lock-<year>`, fcntl): a second run of the same year refuses at
  once, naming the process that holds it. The kernel releases the lock when its holder dies,
  however it dies, so a killed run never leaves a stale lock.
- SIGINT and SIGTERM raise `Stopped` in the main process, which ends the worker processes and the
  kernels they started (kernels run in sessions of their own, so Ctrl-C never reaches them, and
  they would only interrupt the cell if it did): the run stops in seconds with one line.
- A worker whose parent died (the run was killed with SIGKILL) ends its kernels and exits.
- Staging folders a killed run left (`notebooks/.tmp-<year>-*`, `.old-<year>-*`) are cleared by the
  next run of that year; if it was killed between the two renames of the final swap, the previous
  edition is put back, so the committed edition survives every way a run can end.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import psutil

from esgbook.inputs.errors import DataError

_held: dict[int, int] = {}  # year -> descriptor of the lock file this process holds


class Busy(DataError):
    """Another run of the same edition holds its lock."""


class Stopped(BaseException):
    """A stop signal arrived. A BaseException, so that no `except Exception` on the way swallows it."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signame = signal.Signals(signum).name
        self.exit_code = 128 + signum
        self.what = ""  # filled in by whoever knows what was stopped


_STOP: dict = {"signum": None}  # the first stop signal of this process, once one came


def _raise_stopped(signum, _frame):
    if _STOP["signum"] is not None:
        return  # a second Ctrl-C while stopping must not interrupt the clean-up
    _STOP["signum"] = signum
    raise Stopped(signum)


def stop_on_signals() -> None:
    _STOP["signum"] = None
    signal.signal(signal.SIGINT, _raise_stopped)
    signal.signal(signal.SIGTERM, _raise_stopped)


def check_stopped() -> None:
    """Raise Stopped again if a stop signal came and the run went on. The handler's exception is lost when the
    signal lands where Python can only print it: in a callback from C code (measured: validating the data
    package, a type check inside jsonschema's registry printed "Exception ignored" and the run finished). Called
    between the steps of a run and while it waits on its workers."""
    if _STOP["signum"] is not None:
        raise Stopped(_STOP["signum"])


@contextmanager
def signals_deferred():
    """Hold SIGINT and SIGTERM back for a block that must not be cut in two (the final swap)."""
    stops = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, stops)  # a held-back signal is delivered here


@contextmanager
def edition_lock(notebooks: Path, year: int):
    """Hold the edition's lock for the block (re-entrant within one process); Busy if another holds it."""
    if year in _held:
        yield
        return
    notebooks.mkdir(parents=True, exist_ok=True)
    path = notebooks / f".lock-{year}"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
        os.close(fd)
        raise Busy(f"another run of the {year} edition is in progress ({holder}, lock {path}): wait for it "
                   "to finish or stop it, then run again") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
    _held[year] = fd
    try:
        yield
    finally:
        del _held[year]
        os.close(fd)  # releases the lock; the file stays (removing it would race with the next run)


def clear_leftovers(notebooks: Path, year: int) -> int:
    """Remove what a killed run of `year` left; call holding the lock (so no live run owns them)."""
    edition = notebooks / str(year)
    olds = sorted(notebooks.glob(f".old-{year}-*"))
    if olds and not edition.exists():
        olds.pop().rename(edition)  # killed mid-swap: the previous edition is the one to keep
    leftovers = [*notebooks.glob(f".tmp-{year}-*"), *olds]
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    return len(leftovers)


def descendants() -> set[psutil.Process]:
    return set(psutil.Process().children(recursive=True))


def end_processes(procs) -> int:
    """Terminate, then kill what is still alive after two seconds; returns how many there were. An ended process
    is not reaped here: its owner waits for it (multiprocessing for a worker, subprocess for a helper). Reaped
    by psutil, a worker stays alive forever to multiprocessing, whose shutdown then spins at exit."""
    procs = list(procs)
    for p in procs:
        try:
            p.terminate()
        except psutil.NoSuchProcess:
            pass
    alive = _until_ended(procs, timeout=2)
    for p in alive:
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass
    _until_ended(alive, timeout=2)
    return len(procs)


def _ended(p: psutil.Process) -> bool:
    try:
        return p.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _until_ended(procs: list, timeout: float) -> list:
    """Wait (without reaping) until every process ended or `timeout` passed; returns those still running."""
    deadline = time.monotonic() + timeout
    alive = [p for p in procs if not _ended(p)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.02)
        alive = [p for p in alive if not _ended(p)]
    return alive


def worker_start(parent: int) -> None:
    """Initializer of each worker process: leave stopping to the parent, and die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the terminal's whole group: the parent acts
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in _held.values():  # the lock is the parent's: a worker outliving it must not hold it
        os.close(fd)
    _held.clear()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watchdog").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    end_processes(descendants())  # the kernels this worker started
    os._exit(1)
