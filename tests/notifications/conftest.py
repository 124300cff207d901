"""A real SMTP server for the tests (aiosmtpd), on a free port, keeping what it receives."""

from __future__ import annotations

import socket

import pytest
from aiosmtpd.controller import Controller
from smtp_inbox import Inbox


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    handler.port = controller.port  # type: ignore[attr-defined]
    yield handler
    controller.stop()


@pytest.fixture
def app_config(inbox):
    return {"SMTP_URL": f"smtp://127.0.0.1:{inbox.port}", "PUBLIC_URL": "http://localhost"}
