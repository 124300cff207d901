"""Every route declares who may call it; staff routes refuse anonymous users and wrong roles."""

import re

import pytest

from consult.accounts.access import PUBLIC, TokenAccess, access_of
from consult.accounts.models import ROLES

# Routes residents may use. Anything else must be staff-only; a new public route has to be added here
# on purpose, so that no staff page becomes public by accident.
EXPECTED_PUBLIC = {
    "static",
    "site.home",
    "site.set_language",
    "site.set_display",
    "site.healthz",
    "accounts.login",
    "drafts.draft",
    "drafts.article",
    "drafts.memo",
    "drafts.search",
    "drafts.changes",  # the 修改对照表 of a published round
    "drafts.amendment",  # an amendment draft's instructions, one by one
    "drafts.amendment_item",
    "hearings.calendar",  # an announced hearing as .ics
    "site.feed",  # the Atom feed of consultations and reports
    "comments.comment_on_article",
    "comments.comment_on_draft",
    "comments.comment_on_amendment_item",
    "comments.thanks",
    "comments.lookup",
    "comments.receipt",
    "digests.report",
    "digests.open_data",
    "digests.not_my_point",  # a resident, by receipt number, says an answer is not about their point
    "hearings.announcement",
    "hearings.register",
    "hearings.receipt",
    # residents follow a draft by e-mail, confirm by the link sent to them, leave in one click
    "notifications.follow",
    "notifications.confirm",
    "notifications.unsubscribe",
    # the public API, its OpenAPI document and its readable page
    "api-docs.openapi_json",
    "api_docs_page.page",
    "api_public.consultations",
    "api_public.consultation",
    "api_public.structure",
    "api_public.articles",
    "api_public.article",
    "api_public.comments",
    "api_public.submit",
    "api_public.feedback",
    # the 代表联络站 where residents meet deputies: the list (by district and kind) and one page each
    "stations.index",
    "stations.detail",
    # deputies' suggestions once answered and published (one page each), and their open data
    "suggestions_public.index",
    "suggestions_public.detail",
    "suggestions_public.open_data",
}


def _fill(rule) -> str:
    """A concrete URL for a rule: the first choice of an any() converter, 1 for anything else."""
    path = re.sub(r"<any\(([^,)]+)[^)]*\):[^<>]+>", lambda m: m.group(1).strip(), rule.rule)
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", "1", path)


def test_every_route_declares_access(app):
    undeclared = [rule.endpoint for rule in app.url_map.iter_rules() if access_of(rule.endpoint) is None]
    assert undeclared == []


def test_public_routes_are_exactly_the_expected_ones(app):
    public = {rule.endpoint for rule in app.url_map.iter_rules() if access_of(rule.endpoint) == PUBLIC}
    assert public == EXPECTED_PUBLIC


def _staff_rules(app):
    """Routes for signed-in staff (API routes for tokens are checked in tests/api)."""
    return [
        rule
        for rule in app.url_map.iter_rules()
        if access_of(rule.endpoint) not in (PUBLIC, None) and not isinstance(access_of(rule.endpoint), TokenAccess)
    ]


def test_token_routes_refuse_anonymous_and_signed_in_callers_alike(app, client, login):
    rules = [r for r in app.url_map.iter_rules() if isinstance(access_of(r.endpoint), TokenAccess)]
    assert rules, "no token routes found"
    login("admin")  # a browser session is not a token
    for rule in rules:
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(_fill(rule), method=method)
            assert response.status_code == 401, (rule.rule, method)
            assert response.get_json()["error"]["code"] == "unauthorized"


def test_staff_routes_refuse_anonymous_users(app, client):
    rules = _staff_rules(app)
    assert rules, "no staff routes found"
    for rule in rules:
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(_fill(rule), method=method)
            assert response.status_code == 302, (rule.rule, method)
            assert "/staff/login" in response.headers["Location"]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "admin"])
def test_staff_routes_refuse_wrong_roles(app, client, login, role):
    login(role)
    for rule in _staff_rules(app):
        allowed = access_of(rule.endpoint)
        if role in allowed:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(_fill(rule), method=method)
            assert response.status_code == 403, (rule.rule, method, role)


def test_undeclared_route_is_refused(app, client):
    @app.route("/forgotten")
    def forgotten():
        return "secret"

    assert client.get("/forgotten").status_code == 403
