"""The init steps of the app factory, each a small function."""

from __future__ import annotations

import time

import sqlalchemy as sa
from flask import Flask, current_app, has_request_context, render_template, request
from flask_babel import format_date, format_decimal, format_time, get_locale
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable
from werkzeug.middleware.proxy_fix import ProxyFix

from consult.accounts.access import enforce_access
from consult.api.errors import error_response, is_api_path
from consult.config import shipped_dir
from consult.extensions import babel, csrf, db, limiter, login_manager, migrate
from consult.forms import fresh_fields
from consult.http import DatabaseIntegerConverter, refuse_nul_characters
from consult.logs import install_log_scrubbing
from consult.timezones import human_datetime


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # command-line tools speak the default language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = request.cookies.get("lang")
    if chosen is not None and chosen in languages:
        return chosen
    # Browsers send zh-CN / zh-TW / zh; everything Chinese reads the simplified text.
    best = request.accept_languages.best_match(["zh", "en"], default="zh")
    return "en" if best == "en" else "zh_Hans"


def select_timezone() -> str:
    return current_app.config["CITY_TIMEZONE"]


def init_wsgi(app: Flask) -> None:
    """Routes' integers fit the database; X-Forwarded-* is trusted only from the configured proxies;
    log lines never carry the values of a failed statement."""
    install_log_scrubbing(app.logger)
    app.url_map.converters["int"] = DatabaseIntegerConverter
    proxies = int(app.config["PROXY_COUNT"])
    if proxies > 0:
        # Flask's documented way to wrap the WSGI app; its stubs declare wsgi_app a method.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies
        )


def init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(shipped_dir("migrations")), render_as_batch=True, compare_type=True)
    babel.init_app(
        app,
        locale_selector=select_locale,
        timezone_selector=select_timezone,
        default_translation_directories=str(shipped_dir("translations")),
    )
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.session_protection = "strong"

    from consult.accounts.services import load_session_user
    from consult.comments.privacy import ContactCipher

    app.extensions["consult_contact_cipher"] = ContactCipher(tuple(app.config["CONTACT_KEYS"]))

    login_manager.user_loader(load_session_user)
    # Runs before Flask-SQLAlchemy's own teardown (teardowns run last-registered first).
    app.teardown_appcontext(release_session)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            sa.event.listen(db.engine, "connect", _sqlite_pragmas)


def release_session(_error=None) -> None:
    """A connection killed after the request's work was done (its commit went through, the
    response is ready) must not turn the answer into a 500: drop the dead connection."""
    try:
        db.session.close()
    except sa.exc.DBAPIError:
        db.session().invalidate()
        current_app.logger.warning("database connection lost while closing the session; connection dropped")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets readers go on while one writer writes; the busy timeout queues writers instead of
    # failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def register_blueprints(app: Flask) -> None:
    """Each domain's URLs (its routes.py), its signal receivers (its hooks.py) and its commands."""
    for blueprint in (*_domain_blueprints(), *_command_blueprints()):
        app.register_blueprint(blueprint)


def _domain_blueprints() -> tuple:
    from consult.accounts import routes as accounts
    from consult.comments import hooks as _comment_hooks  # noqa: F401  (connects its receivers)
    from consult.comments import routes as comments
    from consult.digests import hooks as _digest_hooks  # noqa: F401  (connects its receivers)
    from consult.digests import routes as digests
    from consult.drafts import hooks as _draft_hooks  # noqa: F401  (connects its receivers)
    from consult.drafts import routes as drafts
    from consult.hearings import hooks as _hearing_hooks  # noqa: F401  (connects its receivers)
    from consult.hearings import routes as hearings
    from consult.notifications import hooks as _notification_hooks  # noqa: F401  (connects its receivers)
    from consult.notifications import routes as notifications
    from consult.site import routes as site
    from consult.stations import routes as stations
    from consult.suggestions import routes as suggestions

    return (
        site.site, accounts.accounts, drafts.drafts, drafts.drafts_admin, comments.comments, comments.comments_admin,
        digests.digests, digests.digests_admin, hearings.hearings, hearings.hearings_admin,
        notifications.notifications, suggestions.suggestions, suggestions.suggestions_public, stations.stations,
    )  # fmt: skip


def _command_blueprints() -> tuple:
    from consult.accounts.cli import bp as users_cli
    from consult.comments.cli import bp as comments_cli
    from consult.demo.cli import bp as demo_cli
    from consult.drafts.cli import bp as drafts_cli
    from consult.hearings.cli import bp as hearings_cli

    return users_cli, drafts_cli, demo_cli, hearings_cli, comments_cli


def register_api(app: Flask) -> None:
    """The JSON API: it takes JSON bodies, never browser forms, so the CSRF token does not apply."""
    from consult.api.setup import init_api

    init_api(app)
    for name in ("api_public", "api_staff"):
        csrf.exempt(app.blueprints[name])


def register_request_hooks(app: Flask) -> None:
    app.before_request(refuse_nul_characters)
    app.before_request(enforce_access)

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'",
        )
        if app.config["HSTS_SECONDS"]:
            response.headers.setdefault(
                "Strict-Transport-Security", f"max-age={app.config['HSTS_SECONDS']}; includeSubDomains"
            )
        if current_user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
        return response


def register_error_pages(app: Flask) -> None:
    def render_error(error, status: int):
        if is_api_path(request.path):
            response = error_response(error if isinstance(error, HTTPException) else InternalServerError())
        else:
            message = getattr(error, "message_for_people", None)
            response = app.make_response((render_template("error.html", status=status, message=message), status))
        if status == 429:  # clients and proxies should know when to try again
            response.headers.setdefault("Retry-After", str(_seconds_until_reset()))
        return response

    for status in (400, 403, 404, 405, 413, 422, 429, 500, 503):
        app.register_error_handler(status, lambda error, status=status: render_error(error, status))
    app.register_error_handler(CSRFError, lambda error: render_error(error, 400))

    @app.errorhandler(sa.exc.DBAPIError)
    def database_connection_lost(error):
        """The database dropped this request's connection (a restart, a failover, a killed
        backend): nothing of the request was committed, so say so and ask for a retry; the
        form's token makes the retry store one record."""
        if not error.connection_invalidated:
            raise error
        db.session.rollback()
        app.logger.warning("database connection lost during %s %s; answered 503", request.method, request.path)
        response = render_error(ServiceUnavailable(), 503)
        response.headers["Retry-After"] = "2"
        return response


def _seconds_until_reset() -> int:
    limit = limiter.current_limit
    if limit is None:
        return 60
    return max(1, int(limit.reset_at - time.time()))


def _label_globals() -> dict:
    """Template functions that turn a stored code into its translated label."""
    from consult.comments import labels
    from consult.digests.labels import BUILD_STAGE_LABELS, DECISION_LABELS, KIND_LABELS, STANCE_LABELS
    from consult.hearings import labels as hearing_labels
    from consult.suggestions import labels as suggestion_labels

    tables = {
        "role_label": labels.ROLE_LABELS,
        "source_label": labels.SOURCE_LABELS,
        "reason_label": labels.REASON_LABELS,
        "personal_data_label": labels.PERSONAL_DATA_LABELS,
        "state_label": labels.STATE_LABELS,
        "resident_status_label": labels.RESIDENT_STATUS_LABELS,
        "action_label": labels.ACTION_LABELS,
        "decision_label": DECISION_LABELS,
        "kind_label": KIND_LABELS,
        "comment_stance_label": STANCE_LABELS,
        "stage_label": BUILD_STAGE_LABELS,
        "hearing_kind_label": hearing_labels.KIND_LABELS,
        "hearing_status_label": hearing_labels.STATUS_LABELS,
        "stance_label": hearing_labels.STANCE_LABELS,
        "registration_state_label": hearing_labels.REGISTRATION_STATE_LABELS,
        "registration_kind_label": hearing_labels.REGISTRATION_KIND_LABELS,
        "hearing_event_label": hearing_labels.EVENT_LABELS,
        "suggestion_state_label": suggestion_labels.STATE_LABELS,
        "suggestion_category_label": suggestion_labels.CATEGORY_LABELS,
        "suggestion_rating_label": suggestion_labels.RATING_LABELS,
        "report_label": suggestion_labels.REPORT_LABELS,
    }
    return {name: (lambda code, table=table: str(table.get(code, code or ""))) for name, table in tables.items()}


def register_template_helpers(app: Flask) -> None:
    from consult.comments.personal_data import personal_data_kinds
    from consult.digests.liveness import is_lost
    from consult.drafts.messages import CHANGE_LABELS, FORMATS, import_note, warning_text

    app.jinja_env.globals.update(_label_globals())
    from consult.site.views import display_classes

    app.context_processor(display_classes)
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        get_locale=get_locale,
        languages=app.config["LANGUAGES"],
        build_is_lost=is_lost,
        personal_data_kinds=personal_data_kinds,
        fresh_fields=fresh_fields,
    )
    app.jinja_env.filters.update(
        warning_text=warning_text,
        import_note=import_note,
        change_label=lambda change: str(CHANGE_LABELS.get(change, change)),
        import_format=lambda kind: str(FORMATS.get(kind, kind)),
        datetime=lambda value, fmt="moment": human_datetime(value, fmt),
        date=lambda value, fmt="long": format_date(value, fmt) if value else "",
        time=lambda value, fmt="short": format_time(value, fmt) if value else "",
        number=format_decimal,
    )
