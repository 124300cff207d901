"""Notifications go to the real SMTP server of the `inbox` fixture (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def app_config(inbox):
    return {"SMTP_URL": f"smtp://127.0.0.1:{inbox.port}", "PUBLIC_URL": "http://localhost"}
