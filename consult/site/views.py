"""The home page and site-wide preferences (language)."""
from flask import Blueprint, current_app, redirect, render_template, request, url_for

from consult.accounts.access import public
from consult.db import utcnow
from consult.drafts import queries

bp = Blueprint("main", __name__)

ONE_YEAR = 365 * 24 * 3600


@bp.route("/")
@public
def home():
    now = utcnow()
    consultations = queries.public_consultations(now)
    counts = queries.article_counts([c.version_id for c in consultations])
    return render_template("home.html", consultations=consultations, counts=counts, now=now)


@bp.route("/language/<code>")
@public
def set_language(code: str):
    target = request.args.get("next", "")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("main.home")
    response = redirect(target)
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie("lang", code, max_age=ONE_YEAR, samesite="Lax", httponly=True)
    return response


@bp.route("/healthz")
@public
def healthz():
    return {"status": "ok"}
