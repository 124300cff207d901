"""Small HTTP helpers every domain shares: where a `next` may lead, pages no cache may keep, and
numbers from the URL that must fit the database."""

from __future__ import annotations

import unicodedata
from functools import wraps
from urllib.parse import quote, unquote, urlsplit

from flask import Response, abort, jsonify, make_response, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import BadRequest
from werkzeug.routing import IntegerConverter

# PostgreSQL's `integer`: the type of every primary key. A larger id in a URL is simply not found.
MAX_ID = 2**31 - 1
MAX_PAGE = 100_000


def safe_next(target: str | None, fallback: str) -> str:
    """`target` if it is a path on this site, else `fallback`.

    Browsers and the Location header drop tabs and newlines and read a backslash as a slash, so
    "/\\t/evil.com" becomes "//evil.com". Decode first, refuse any control character or
    backslash, then accept only a URL with neither scheme nor host that starts with one slash.
    """
    if not target or len(target) > 2000:
        return fallback
    decoded = target
    for _ in range(3):  # percent-encoding nested a few times still decodes to what a browser sees
        decoded = unquote(decoded)
    if "\\" in decoded or any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in decoded):
        return fallback
    try:
        parts = urlsplit(target)
    except ValueError:
        return fallback
    if parts.scheme or parts.netloc or not target.startswith("/") or decoded.startswith("//"):
        return fallback
    return target


def no_store(view):
    """A page showing one person's private text: no browser or proxy cache may keep it."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        response.headers["Cache-Control"] = "private, no-store"
        return response

    return wrapper


def database_id(value) -> int:
    """A form's id, coerced as WTForms does with int, but refused (ValueError) when no row could
    have it: a larger number would be a database error instead of a form error."""
    number = int(value)
    if not 0 < number <= MAX_ID:
        raise ValueError("not an id")
    return number


def id_from_form(name: str) -> int:
    """An id posted in a form field; a missing or impossible one is simply not found (404)."""
    try:
        return database_id(request.form.get(name, ""))
    except ValueError:
        abort(404)


def page_arg(name: str = "page") -> int:
    """The page number asked for in the query string, between 1 and MAX_PAGE."""
    value = request.args.get(name, 1, type=int) or 1
    return min(max(value, 1), MAX_PAGE)


class DatabaseIntegerConverter(IntegerConverter):
    """`<int:…>` in every route: an integer the database can hold, or the route does not match."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class NulCharacter(BadRequest):
    """A NUL character: no text column (PostgreSQL) can store it, so the request is refused whole."""

    message_for_people = _l(
        "您提交的内容里有一个无法保存的空字符（NUL），它通常来自复制粘贴。"
        "请返回上一页，删除或重新输入这段文字后再提交。"
    )


def refuse_nul_characters() -> None:
    """Before every request: a NUL in the path finds no page; in a query, form field or file name
    it is a 400 that says why, instead of a database error and a 500."""
    if "\x00" in request.path:
        abort(404)
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        raise NulCharacter()
    if request.method in ("POST", "PUT", "PATCH"):
        fields = request.form.items(multi=True)
        if any("\x00" in key or "\x00" in value for key, value in fields):
            raise NulCharacter()
        if any("\x00" in (upload.filename or "") for upload in request.files.values()):
            raise NulCharacter()


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "pdf": "application/pdf",
}


def download(data: bytes, ascii_name: str, name: str, fmt: str) -> Response:
    """A file to save, never cached: `name` (Chinese) for browsers that read RFC 6266's filename*,
    `ascii_name` for the others."""
    response = Response(data, content_type=CONTENT_TYPES[fmt])
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}.{fmt}\"; filename*=UTF-8''{quote(f'{name}.{fmt}')}"
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


def json_error(status: int, code: str, message: str, details: dict | None = None) -> Response:
    """The one shape of every API error: {"error": {"code", "message"}}, and "details" for field errors."""
    body: dict = {"code": code, "message": message}
    if details:
        body["details"] = details
    response = jsonify(error=body)
    response.status_code = status
    return response
