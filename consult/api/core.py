"""The app's flask-smorest Api, answering errors in the API's own shape."""

from __future__ import annotations

from flask import request
from flask_smorest import Api

from consult.api.errors import error_response, is_api_path
from consult.api.schemas import ErrorSchema


class ConsultApi(Api):
    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        """Statuses the site has no page of its own for (401, 409 …): JSON under /api, Flask's
        default page elsewhere."""
        return error_response(error) if is_api_path(request.path) else error


def api_of(app) -> ConsultApi:
    """The app's Api (one per app: its OpenAPI document describes that app)."""
    return app.extensions["consult_api"]
