"""Ways to break things on purpose, for benchmarks/faults.py: a fault repeated on a timer, a killed
gunicorn worker, a Redis that goes away, terminated PostgreSQL backends."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa


def _every(interval: float, action, stop: threading.Event) -> threading.Thread:
    def loop():
        while not stop.wait(interval):
            with contextlib.suppress(Exception):
                action()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def fault_running(interval: float, action):
    stop = threading.Event()
    thread = _every(interval, action, stop)
    try:
        yield
    finally:
        stop.set()
        thread.join()


def kill_a_worker(master: subprocess.Popen, kills: list) -> None:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    if children:
        os.kill(int(random.choice(children)), signal.SIGKILL)
        kills.append(time.monotonic())


class RedisProxy:
    """127.0.0.1:<port> → Redis, until close(): then the port is closed, as if Redis had stopped."""

    def __init__(self, target: str):
        parsed = urlsplit(target)
        self.target = (parsed.hostname or "127.0.0.1", parsed.port or 6379)
        self.database = parsed.path.strip("/") or "0"
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/{self.database}"

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = self.listener.accept()
                upstream = socket.create_connection(self.target)
                self.sockets += [client, upstream]
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)

    def close(self) -> None:
        self.listener.close()
        for each in self.sockets:
            with contextlib.suppress(OSError):
                each.shutdown(socket.SHUT_RDWR)
                each.close()


def terminate_backends(url: str) -> None:
    name = sa.make_url(url).database
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        connection.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
        connection.commit()
    engine.dispose()
