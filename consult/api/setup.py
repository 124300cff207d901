"""The API on the app: flask-smorest's Api (our error shape), its blueprints, the OpenAPI document
public at /api/v1/openapi.json, CORS for the public part only, and the audit of token uses."""

from __future__ import annotations

from flask import Flask, g, request
from flask_cors import CORS

from consult.accounts.access import public
from consult.accounts.tokens import record_use
from consult.api.core import ConsultApi

API_PREFIX = "/api/v1"


def init_api(app: Flask) -> None:
    from consult.api import docs, public_routes, staff_routes

    app.config.setdefault("API_TITLE", "Consult API")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.1.0")
    app.config.setdefault("OPENAPI_URL_PREFIX", API_PREFIX)
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Chinese as Chinese, not escapes
    api = ConsultApi(app, spec_kwargs={"info": {"description": docs.DESCRIPTION}})
    app.extensions["consult_api"] = api
    api.spec.components.security_scheme("token", {"type": "http", "scheme": "bearer"})
    api.register_blueprint(public_routes.blp)
    api.register_blueprint(staff_routes.blp)
    app.register_blueprint(docs.bp)
    serve_spec = app.view_functions["api-docs.openapi_json"]  # a bound method: it takes no marks

    def openapi_json():
        return serve_spec()

    app.view_functions["api-docs.openapi_json"] = public(openapi_json)
    # Browsers on other sites may read the public part, never the staff part.
    CORS(app, resources={rf"{API_PREFIX}/(?!staff/).*": {"origins": "*", "methods": ["GET"]}}, send_wildcard=True)
    app.after_request(_audit_token_use)


def _audit_token_use(response):
    token = g.pop("api_token", None)
    if token is not None:
        record_use(token.id, request.method, request.path, response.status_code)
    return response
