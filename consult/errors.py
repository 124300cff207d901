"""The base of every domain error: a stable code the web layer turns into a translated message."""

from collections.abc import Callable
from functools import partial


class DomainError(Exception):
    def __init__(self, code: str, **detail):
        super().__init__(code)
        self.code = code
        self.detail = detail


def message_for(messages, code: str, **detail) -> str:
    """The translated message for a domain error code, its details filled in; the code itself if
    the table has no entry (a missing translation must never hide the error)."""
    template = messages.get(code)
    if template is None:
        return code
    try:
        return str(template) % detail if detail else str(template)
    except (KeyError, TypeError, ValueError):
        return str(template)


def messages_from(messages) -> Callable[..., str]:
    """A domain's `error_message(code, **detail)`: `message_for` over its table of messages."""
    return partial(message_for, messages)
