"""Every API error in one shape, {"error": {"code", "message"}} (plus "details" for invalid input),
whatever raised it: a view, request parsing, the access check, the rate limiter or Flask itself."""

from __future__ import annotations

from typing import NoReturn

from flask import Response
from flask_babel import lazy_gettext as _l
from flask_smorest import abort
from werkzeug.exceptions import HTTPException

from consult.http import json_error

CODES = {
    400: ("bad_request", _l("请求的格式不正确。")),
    401: ("unauthorized", _l("需要有效的 API 令牌。")),
    403: ("forbidden", _l("没有权限调用这个接口。")),
    404: ("not_found", _l("没有找到。")),
    405: ("method_not_allowed", _l("这个接口不支持这种请求方法。")),
    409: ("conflict", _l("与已有的数据冲突。")),
    413: ("too_large", _l("请求太大。")),
    415: ("unsupported_media_type", _l("请以 application/json 提交。")),
    422: ("invalid_input", _l("提交的内容有误，请看 details。")),
    429: ("too_many_requests", _l("请求太频繁，请稍后再试。")),
    500: ("server_error", _l("服务器出错，已记录。")),
    503: ("unavailable", _l("服务暂时不可用，没有保存任何内容，请稍后重试。")),
}


def error_response(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    code, message = CODES.get(status, ("error", error.name))
    details = data.get("errors") or data.get("messages")
    if isinstance(details, dict) and set(details) == {"json"}:  # webargs files body errors under "json"
        details = details["json"]
    if details and not isinstance(details, dict):
        details = {"request": details}
    response = json_error(status, data.get("code", code), str(data.get("message", message)), details)
    for name, value in (data.get("headers") or {}).items():
        response.headers[name] = value
    allowed = getattr(error, "valid_methods", None)  # a 405 says what is allowed (RFC 9110)
    if allowed:
        response.headers["Allow"] = ", ".join(allowed)
    return response


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def api_abort(status: int, **data) -> NoReturn:
    """End the request with this status, in the API's error shape (`code`, `message`, `errors`)."""
    abort(status, **data)
    raise AssertionError("abort raised")  # flask-smorest's abort is not typed as never returning
