"""Consult: open-door legislation — drafts article by article, resident comments, digests, hearings.

Importing `consult` imports no web framework, so that `consult.analysis` and the draft parser stay
pure; the Flask app is built only when `create_app` is called.
"""

from __future__ import annotations


def create_app(config: dict | None = None):
    from consult import web
    from consult.config import load_config
    from consult.unit_of_work import UnitOfWorkFlask

    app = UnitOfWorkFlask(__name__, instance_relative_config=True)
    app.config.from_mapping(load_config(app.instance_path, config))
    web.init_wsgi(app)
    web.init_extensions(app)
    web.register_blueprints(app)
    web.register_api(app)
    web.register_request_hooks(app)
    web.register_error_pages(app)
    web.register_template_helpers(app)
    return app
