"""One commit per request, in one place.

Services flush; views never commit or roll back. After a view that changes things (POST and the
other unsafe methods) returns a response below 400, the request's work is committed, and then
whatever waits for it (handing a job to the queue) runs. A 4xx answer, an exception, or a view
that called `abandon()` (a service refused with a domain error) rolls the work back. The commit
happens inside the dispatch, so a failed commit is handled like any error of the view (a lost
connection is a 503, not a 500).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, flash, g, request

from consult.extensions import db

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def abandon() -> None:
    """Undo what this request has flushed, now (the session stays usable for the page that
    explains why), and commit nothing at its end."""
    db.session.rollback()
    g.consult_abandoned = True


def refuse(field, message: str) -> None:
    """A service refused the form's input: undo its work and show the message on the field."""
    abandon()
    field.errors = [*field.errors, message]


def refuse_with_flash(message: str) -> None:
    """A service refused an action that answers with a redirect: undo its work, say why."""
    abandon()
    flash(message, "error")


def after_commit(callback: Callable[[], None]) -> None:
    """Run `callback` once the request's work is committed (never if it is rolled back)."""
    g.setdefault("consult_after_commit", []).append(callback)


def finish(response) -> None:
    # Popped, not read: an application context that outlives the request (a test's, a CLI's) must
    # not carry one request's refusal or callbacks into the next.
    abandoned, callbacks = g.pop("consult_abandoned", False), g.pop("consult_after_commit", [])
    if request.method in SAFE_METHODS:
        return
    if response.status_code >= 400 or abandoned:
        db.session.rollback()
        return
    db.session.commit()
    for callback in callbacks:
        callback()


class UnitOfWorkFlask(Flask):
    def dispatch_request(self):
        response = self.make_response(super().dispatch_request())
        finish(response)
        return response
