"""Text messages behind one interface. No provider is built in: the default backend only logs (the
number left out: a contact never goes into a log line). A provider plugs in as a class with `send(phone, text)`, named by CONSULT_SMS_BACKEND
("package.module:ClassName"), constructed with the app's config."""

from __future__ import annotations

import importlib
from typing import Protocol

from flask import current_app


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class LoggingSmsBackend:
    def __init__(self, config) -> None:
        self.config = config

    def send(self, phone: str, text: str) -> None:
        current_app.logger.info("SMS to a resident (logging backend, not sent): %s", text)


def sms_backend() -> SmsBackend:
    name = current_app.config.get("SMS_BACKEND") or "consult.notifications.sms:LoggingSmsBackend"
    module, _, attribute = name.partition(":")
    backend_class = getattr(importlib.import_module(module), attribute)
    return backend_class(current_app.config)
