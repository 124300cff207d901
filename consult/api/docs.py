"""The API's readable page (/api/v1/docs): drawn on the server from the same OpenAPI document the
program reads, so it cannot drift from it; no JavaScript."""

from __future__ import annotations

import json

from flask import Blueprint, current_app, render_template

from consult.accounts.access import public
from consult.api.core import api_of

DESCRIPTION = (
    "Open-door legislation: drafts, their articles, published comments and answers. "
    "The public part needs no key; the staff part needs an API token (Authorization: Bearer …). "
    'Errors always read {"error": {"code": "…", "message": "…"}}. Lists are paged with a cursor: '
    "pass the next_cursor of one page to get the next; rows added meanwhile never shift a walk."
)
METHODS = ("get", "post", "put", "patch", "delete")
# A resident's words stay in their language whatever the page's.
EXAMPLE_COMMENT = json.dumps({"article": "12", "body": "建议延长公园夜间开放时间。"}, ensure_ascii=False)

bp = Blueprint("api_docs_page", __name__)


def operations(spec: dict) -> list[dict]:
    """Each operation of the document, in its order: method, path, summary, parameters, responses."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            parameters = [_resolved(spec, p) for p in (*item.get("parameters", []), *operation.get("parameters", []))]
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "token": bool(operation.get("security")),
                    "parameters": parameters,
                    "body": "requestBody" in operation,
                    "responses": sorted(code for code in operation.get("responses", {}) if code != "default"),
                }
            )
    return found


def _resolved(spec: dict, parameter: dict) -> dict:
    """A parameter given by reference (#/components/parameters/IF_NONE_MATCH) as the thing itself."""
    ref = parameter.get("$ref", "")
    if not ref.startswith("#/components/parameters/"):
        return parameter
    return spec["components"]["parameters"][ref.rsplit("/", 1)[1]]


@public
def page():
    spec = api_of(current_app).spec.to_dict()
    return render_template("api/docs.html", spec=spec, operations=operations(spec), example_comment=EXAMPLE_COMMENT)


bp.add_url_rule("/api/v1/docs", view_func=page)
