"""Every `next` leads to a page of this site: never to another host, never to a 500."""

from urllib.parse import unquote, urljoin, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consult.http import safe_next

SITE = "https://consult.example/drafts/"
HOSTILE = [
    "/%09/evil.com",
    "/\t/evil.com",
    "/%0A/evil.com",
    "/%0D%0A/evil.com",
    "/\r\n/evil.com",
    "//evil.com",
    "/\\evil.com",
    "/%5Cevil.com",
    "https://evil.com",
    "http:evil.com",
    "javascript:alert(1)",
    "/%2F/evil.com",
    "/%252F/evil.com",
    "%2F%2Fevil.com",
    "/%E2%80%8B/evil.com",
    " //evil.com",
    "/\x00/evil.com",
    "///evil.com",
    "\\\\evil.com",
    "evil.com",
    "",
]


def browser_target(location: str) -> str:
    """Where a browser goes for this Location, as the WHATWG URL parser reads it: C0 controls and
    spaces trimmed, tabs and newlines removed, backslashes taken as slashes."""
    cleaned = location.strip("".join(chr(c) for c in range(0x21)))
    cleaned = "".join(ch for ch in cleaned if ch not in "\t\n\r").replace("\\", "/")
    for _ in range(3):
        cleaned = unquote(cleaned)
    return urljoin(SITE, cleaned)


@pytest.mark.parametrize("target", HOSTILE)
def test_hostile_targets_fall_back(target):
    assert safe_next(target, "/home") == "/home"


@pytest.mark.parametrize("target", ["/drafts/park", "/drafts/park/articles/12-1?x=1#c", "/receipts?number=1C98"])
def test_paths_on_this_site_are_kept(target):
    assert safe_next(target, "/home") == target


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("/\\\t\n\r %:.@?#0aA2Fe5C")
            + ["%09", "%0A", "%2F", "%5C", "\x00", "\u3000", "\u200b", "https:", "evil.com"]
        ),
        max_size=12,
    ).map("".join)
)
def test_every_accepted_target_stays_on_this_site(target):
    result = safe_next(target, "/home")
    assert urlsplit(browser_target(result)).netloc == "consult.example"


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_refused_or_stays_on_this_site(target):
    assert urlsplit(browser_target(safe_next("/" + target, "/home"))).netloc == "consult.example"


@pytest.mark.parametrize("url", ["/language/en", "/display/large/on"])
@pytest.mark.parametrize(
    "target",
    ["/%09/evil.com", "%2F%09%2Fevil.com", "/%0A/evil.com", "/%0D%0A/evil.com", "https://evil.com", "/%5Cevil.com"],
)
def test_preference_switches_never_redirect_away(client, url, target):
    response = client.get(f"{url}?next={target}")
    assert response.status_code == 302
    assert urlsplit(browser_target(response.headers["Location"])).netloc == "consult.example"
    assert response.headers["Location"].endswith("/")


@pytest.mark.parametrize("target", ["%2F%09%2Fevil.com", "%2F%0A%2Fevil.com", "%2F%5Cevil.com"])
def test_login_never_redirects_away(app, client, target):
    from consult.accounts.services import create_user
    from consult.extensions import db

    from testapp import STAFF_PASSWORD

    create_user("drafter@example.org", "drafter", STAFF_PASSWORD)
    db.session.commit()
    response = client.post(
        f"/staff/login?next={target}", data={"email": "drafter@example.org", "password": STAFF_PASSWORD}
    )
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/staff/"
    assert urlsplit(browser_target(response.headers["Location"])).netloc == "consult.example"


def test_login_keeps_a_path_on_this_site(app, client, login):
    from consult.accounts.services import create_user
    from consult.extensions import db

    from testapp import STAFF_PASSWORD

    create_user("drafter@example.org", "drafter", STAFF_PASSWORD)
    db.session.commit()
    response = client.post(
        "/staff/login?next=%2Fstaff%2Fdigests%2F1", data={"email": "drafter@example.org", "password": STAFF_PASSWORD}
    )
    assert response.headers["Location"].endswith("/staff/digests/1")
