"""The processes one analysis shares out its chunked stages to (reading, character features).

Started on the first call with two tasks or more and kept for the rest of the analysis; with one
worker everything runs in the calling process. At most ``2 × processes`` tasks are in flight, so
memory is set by the size of a task, not by the input.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain
from typing import Any, TypeVar

from threadpoolctl import threadpool_limits

from .tokenizer import Tokenizer

T = TypeVar("T")
HEAR_EVERY = 1.0  # seconds between looks at the workers' news while a long task runs
# What a fork server loads once, before it forks any worker: the analysis and the dictionary. It does
# not import the caller's main module (a job worker's, a benchmark's), which the workers never use.
SERVER_LOADS = ["consult.analysis.pipeline", "consult.analysis.warm"]
# Per thread: two analyses running inline in two threads of one process each see their own.
_current = threading.local()


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_tokenizer() -> Tokenizer | None:
    """The tokenizer of the analysis whose task is running."""
    return getattr(_current, "tokenizer", None)


def report(news: Any) -> None:
    """Tell the process that handed out the running task how it is going (``map_unordered``'s ``hear``);
    nothing when nobody listens."""
    tell = getattr(_current, "tell", None)
    if tell is not None:
        tell(news)


def start_fork_server() -> None:
    """Start this process's fork server now (it loads the analysis and the dictionary, ~1.5 s of CPU)
    rather than when a build first needs workers. It lives as long as the process, so a long-running
    job worker that calls this as it starts never makes a build wait for it."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.get_context("forkserver").set_forkserver_preload(SERVER_LOADS)
        multiprocessing.forkserver.ensure_running()


def _nothing() -> None:
    return None


def _init_worker(tokenizer: Tokenizer | None, news: Any = None, owner: Any = None) -> None:
    _current.tokenizer = tokenizer
    _current.tell = news.put if news is not None else None
    threadpool_limits(limits=1)
    if owner is not None:
        threading.Thread(target=_exit_with, args=(owner,), name="owner-watch", daemon=True).start()


def _exit_with(owner: Any) -> None:
    """Wait until the process that started this worker is gone (only it holds the other end of
    ``owner``), then go too: a pool whose job worker was killed would otherwise wait for work for ever,
    holding its memory."""
    try:
        owner.recv_bytes()
    except (EOFError, OSError):
        pass
    os._exit(0)


class Workers:
    """``map`` over up to ``processes`` worker processes; use as a context manager.

    ``start`` names how they start: "fork" (the default where there is one) inherits the loaded
    dictionary; "forkserver" or "spawn" is for a process with threads (a job worker), where forking
    could copy a lock another thread holds. Each worker then uses one BLAS thread, so that two
    workers on two cores do not fight over four threads.
    """

    def __init__(self, processes: int = 1, tokenizer: Tokenizer | None = None, start: str | None = None):
        self.processes = max(1, processes)
        self.tokenizer = tokenizer
        self.start = start
        self._news: Any = None  # what tasks ``report``, on its way here
        self._pool: ProcessPoolExecutor | None = None
        self._booting: threading.Thread | None = None
        self._alive: Any = None  # closed only when this process ends (see _exit_with)
        self._method = ""  # how the processes start, once they have

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._booting is not None:
            self._booting.join()
            self._booting = None
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._news is not None:
            self._news.close()
            self._news = None
        if self._alive is not None:  # the workers have ended: nobody is left to watch it
            self._alive.close()
            self._alive = None

    def warm(self) -> None:
        """Start the processes now, so that they are ready by the time there is work: a fork
        server's workers take a second or two to boot. Returns at once: starting a process waits
        for the fork server to have loaded the analysis, so a thread of its own does the waiting.
        Forked workers start at once, and forking from a thread could copy a lock another holds:
        they are started here."""
        if self.processes > 1 and self._booting is None:
            pool = self._start()
            if self._method == "fork":
                self._boot(pool)
                return
            self._booting = threading.Thread(target=self._boot, args=(pool,), name="workers-boot", daemon=True)
            self._booting.start()

    def _boot(self, pool: ProcessPoolExecutor) -> None:
        try:
            for _ in range(self.processes):
                pool.submit(_nothing)
        except RuntimeError:  # shut down before they were all started: nothing left to start
            return

    def map(self, fn: Callable[..., T], tasks: Iterable[tuple[Any, ...]]) -> Iterator[T]:
        """``fn(*task)`` for each task, in order. ``fn`` must be a module-level function."""
        tasks = iter(tasks)
        first = next(tasks, None)
        if first is None:
            return
        second = next(tasks, None)
        if self.processes == 1 or second is None:
            yield from self._inline(fn, chain([first], [second] if second is not None else [], tasks))
            return
        pool = self._start()
        pending: deque[Future[T]] = deque()
        for task in chain([first, second], tasks):
            pending.append(pool.submit(fn, *task))
            if len(pending) >= 2 * self.processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def map_unordered(
        self,
        fn: Callable[..., T],
        tasks: Iterable[tuple[Any, ...]],
        hear: Callable[[Any], None] | None = None,
        meanwhile: Callable[[], None] | None = None,
    ) -> Iterator[tuple[int, T]]:
        """(position of the task, ``fn(*task)``) as each finishes: a long task does not hold back
        the news of the short ones done meanwhile. ``hear`` is called here with what the running
        tasks ``report``, within a second or so; ``meanwhile``, once, when the first tasks have been
        handed out (work of the caller's own that the workers need not wait for)."""
        tasks = list(tasks)
        if self.processes == 1 or len(tasks) < 2:
            if meanwhile is not None:
                meanwhile()
            yield from enumerate(self._inline(fn, iter(tasks), hear))
            return
        pool = self._start()
        self._pass_news(None)  # left over from an earlier map: not about these tasks
        waiting = iter(enumerate(tasks))
        running: dict[Future[T], int] = {}
        for position, task in waiting:
            running[pool.submit(fn, *task)] = position
            if len(running) >= 2 * self.processes:
                break
        if meanwhile is not None:
            meanwhile()
        while running:
            done, _ = wait(running, timeout=HEAR_EVERY if hear else None, return_when=FIRST_COMPLETED)
            self._pass_news(hear)
            for future in done:
                yield running.pop(future), future.result()
                follows = next(waiting, None)
                if follows is not None:
                    running[pool.submit(fn, *follows[1])] = follows[0]
        self._pass_news(hear)

    def _pass_news(self, hear: Callable[[Any], None] | None) -> None:
        while self._news is not None:
            try:
                news = self._news.get_nowait()
            except queue.Empty:
                return
            if hear is not None:
                hear(news)

    def _inline(
        self, fn: Callable[..., T], tasks: Iterator[tuple[Any, ...]], hear: Callable[[Any], None] | None = None
    ) -> Iterator[T]:
        # Set for each call only: between results the caller runs with what it had (its own news).
        for task in tasks:
            before = worker_tokenizer(), getattr(_current, "tell", None)
            _current.tokenizer, _current.tell = self.tokenizer, hear
            try:
                result = fn(*task)
            finally:
                _current.tokenizer, _current.tell = before
            yield result

    def _start(self) -> ProcessPoolExecutor:
        # Forked workers inherit the loaded dictionary, so they start in milliseconds; where fork
        # is unavailable the tokenizer is rebuilt in each worker.
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            method = self.start if self.start in methods else "fork" if "fork" in methods else "spawn"
            self._method = method
            context = multiprocessing.get_context(method)
            if method == "forkserver":  # running already if the job worker started it
                start_fork_server()
            # The news queue goes to each worker as it starts: a queue cannot travel with a task.
            self._news = context.Queue()
            # A worker that was not forked from this process holds no copy of ``_alive``: when this
            # process dies, the worker's end reads EOF (a forked one would keep it open itself).
            owner = None
            if method != "fork":
                owner, self._alive = context.Pipe(duplex=False)
            self._pool = ProcessPoolExecutor(
                self.processes,
                mp_context=context,
                initializer=_init_worker,
                initargs=(self.tokenizer, self._news, owner),
            )
        return self._pool
