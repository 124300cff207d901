"""The home page and site-wide preferences (language)."""

from flask import current_app, has_request_context, redirect, render_template, request, url_for

from consult.accounts.access import public
from consult.db import utcnow
from consult.drafts import queries
from consult.hearings import queries as hearing_queries
from consult.http import safe_next
from consult.site.feeds import consultations_feed

ONE_YEAR = 365 * 24 * 3600


@public
def home():
    now = utcnow()
    consultations = queries.public_consultations(now)
    counts = queries.article_counts([c.version_id for c in consultations])
    hearings = hearing_queries.upcoming_public(now)
    return render_template("home.html", consultations=consultations, counts=counts, hearings=hearings, now=now)


@public
def set_language(code: str):
    response = redirect(safe_next(request.args.get("next"), url_for("site.home")))
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(
            "lang",
            code,
            max_age=ONE_YEAR,
            samesite="Lax",
            httponly=True,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


DISPLAY_OPTIONS = {"large": "text-large", "contrast": "contrast-high"}


@public
def set_display(option: str, state: str):
    """Age-friendly reading: large text and high contrast, kept in a cookie for a year."""
    response = redirect(safe_next(request.args.get("next"), url_for("site.home")))
    if option in DISPLAY_OPTIONS:
        chosen = set(filter(None, request.cookies.get("display", "").split(","))) & set(DISPLAY_OPTIONS)
        chosen = chosen | {option} if state == "on" else chosen - {option}
        response.set_cookie(
            "display",
            ",".join(sorted(chosen)),
            max_age=ONE_YEAR,
            samesite="Lax",
            httponly=True,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response


def display_classes() -> dict:
    if not has_request_context():  # PDFs and e-mails rendered outside a request
        return {"display": set(), "display_classes": ""}
    chosen = set(request.cookies.get("display", "").split(",")) & set(DISPLAY_OPTIONS)
    return {"display": chosen, "display_classes": " ".join(DISPLAY_OPTIONS[o] for o in sorted(chosen))}


@public
def healthz():
    return {"status": "ok"}


@public
def feed():
    """Consultations opening and closing, feedback reports published: an Atom feed."""
    data = consultations_feed(utcnow(), request.host.split(":")[0])
    return current_app.response_class(data, content_type="application/atom+xml; charset=utf-8")
