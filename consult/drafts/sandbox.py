"""Running a converter on an uploaded file without letting the file harm the server: in a child
process of its own session, with a time limit and a memory limit, killed whole (with anything it
started) when it overruns. The file is always written under a name we choose, in a fresh temporary
directory, and passed as one argument — never through a shell."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

MEMORY_BYTES = 2 * 1024**3  # address space: pdfminer on a 500-page draft needs a few hundred MB


class ConverterFailed(Exception):
    """`code`: "timeout" (killed after the time limit) or "crashed" (exited badly)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def _limits(memory: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def converted(
    data: bytes,
    suffix: str,
    command: Callable[[Path, Path], Sequence[str]],
    read: Callable[[bytes, Path], T],
    *,
    timeout: float,
    memory: int = MEMORY_BYTES,
    env: dict[str, str] | None = None,
) -> T:
    """Write `data` to `source{suffix}` in a fresh temporary directory, run `command(source, workdir)`
    there, and return `read(stdout, workdir)` before the directory is removed."""
    with tempfile.TemporaryDirectory(prefix="consult-import-") as workdir:
        work = Path(workdir)
        source = work / f"source{suffix}"
        source.write_bytes(data)
        process = subprocess.Popen(
            list(command(source, work)),
            cwd=work,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: killed with everything it started
            preexec_fn=_limits(memory),
            env={**os.environ, **(env or {})},
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConverterFailed("timeout") from None
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        if process.returncode != 0:
            raise ConverterFailed("crashed", err.decode("utf-8", "replace")[-300:])
        return read(out, work)
