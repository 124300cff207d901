"""Accessibility: axe-core on the public pages (both languages, large text, high contrast) and the main
staff pages; the comment form by keyboard alone; large text and high contrast on a 390 px phone.

axe-core comes from the npm registry (package.json, `npm ci`, run by `make install`).
"""

import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from consult.comments.models import Comment
from consult.digests.models import Theme
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
PARK = "/drafts/park-regulation"

PUBLIC_PAGES = {
    "home": "/",
    "draft": PARK,
    "article": f"{PARK}/articles/12",
    "memo": f"{PARK}/memo",
    "search": f"{PARK}/search?q=遛狗",
    "receipt": "/receipts/{receipt}",
    "lookup": "/receipts",
    "lookup-not-found": "/receipts?number=0000-0000-0000",
    "feedback": "/drafts/dasha-river/feedback",
    "hearing": "/hearings/1",
    "thanks": "/receipts/{receipt}/thanks",
    "suggestions": "/suggestions",
    "stations": "/stations",
    "station": "/stations/1",
}
DISPLAY_PAGES = ("home", "draft", "article", "receipt")
STAFF_PAGES = {  # name: (role, path)
    "dashboard": ("drafter", "/staff/"),
    "import": ("drafter", "/staff/imports/new"),
    "moderation-queue": ("moderator", "/staff/consultations/1/comments"),
    "digest": ("drafter", "/staff/digests/1"),
    "article-digest": ("drafter", "/staff/digests/1/articles/{article_12}"),
    "theme": ("drafter", "/staff/digests/themes/{theme}"),
    "hearing-agenda": ("organizer", "/staff/hearings/1/agenda"),
    "hearing-speakers": ("organizer", "/staff/hearings/1/speakers"),
    "hearing-registrations": ("organizer", "/staff/hearings/1/registrations"),
    "hearing-overview": ("organizer", "/staff/hearings/1"),
    "suggestion-figures": ("drafter", "/staff/suggestions/figures"),
    "suggestions-similar": ("drafter", "/staff/suggestions/similar"),
    "suggestion-check": ("drafter", "/staff/suggestions/2"),
    "stations-manage": ("drafter", "/staff/stations"),
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core not installed: run `npm ci` (make install does)"
        if os.environ.get("CONSULT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ids(live_server) -> dict:
    """What the paths need from the demo: a receipt, 第十二条's article id, its largest theme."""
    with live_server.database() as session:
        receipt = session.scalar(
            sa.select(Comment.receipt)
            .where(Comment.consultation_id == 1, Comment.state == "approved", Comment.wants_public.is_(True))
            .order_by(Comment.id)
        )
        article_12 = load_structure(session.get(Consultation, 1).version_id).article("12").article_id
        theme = session.scalar(
            sa.select(Theme.id)
            .where(Theme.article_id == article_12, Theme.retired.is_(False))
            .order_by(Theme.size.desc())
        )
    return {"receipt": receipt, "article_12": article_12, "theme": theme}


@pytest.fixture(scope="module")
def reader(browser, live_server, sign_in):
    """reader(language, display, role): one page per kind of reader, kept for the module."""
    pages: dict[tuple, Page] = {}

    def open_page(language: str = "zh_Hans", display: tuple[str, ...] = (), role: str | None = None) -> Page:
        key = (language, display, role)
        if key not in pages:
            # axe is injected as an inline <script>, which the site's CSP (script-src 'self') rightly
            # refuses; these contexts alone bypass the CSP. The journeys run with it in force.
            context = browser.new_context(
                base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="zh-CN", bypass_csp=True
            )
            page = context.new_page()
            page.goto(f"/language/{language}?next=/")
            for option in display:
                page.goto(f"/display/{option}/on?next=/")
            if role:
                sign_in(page, role)
            pages[key] = page
        return pages[key]

    yield open_page
    for page in pages.values():
        page.context.close()


def check_axe(page: Page, source: str, name: str, log: dict) -> None:
    """Fail on serious and critical violations; log moderate and minor ones."""
    page.add_script_tag(content=source)
    log["pages"] += 1
    results = page.evaluate("tags => axe.run(document, {runOnly: tags})", AXE_TAGS)
    failing = []
    for violation in results["violations"]:
        nodes = violation["nodes"]
        targets = "; ".join(" ".join(node["target"]) for node in nodes[:3])
        line = (
            f"{name}: [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({len(nodes)} nodes: {targets} — {nodes[0]['html'][:120]})"
        )
        (failing if violation["impact"] in FAILING_IMPACTS else log["findings"]).append(line)
    assert not failing, "axe found serious or critical violations:\n" + "\n".join(failing)


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_passes_axe(name, language, reader, ids, axe_source, axe_log):
    page = reader(language)
    response = page.goto(PUBLIC_PAGES[name].format(**ids))
    assert response.status == (404 if name == "lookup-not-found" else 200)
    expect(page.locator("html")).to_have_attribute("lang", "en" if language == "en" else "zh-Hans")
    check_axe(page, axe_source, f"{name} ({language})", axe_log)


@pytest.mark.parametrize("display", [("large",), ("contrast",), ("contrast", "large")], ids="+".join)
@pytest.mark.parametrize("name", DISPLAY_PAGES)
def test_page_in_large_text_or_high_contrast_passes_axe(name, display, reader, ids, axe_source, axe_log):
    page = reader(display=display)
    page.goto(PUBLIC_PAGES[name].format(**ids))
    check_axe(page, axe_source, f"{name} ({'+'.join(display)})", axe_log)


def test_comment_form_with_errors_passes_axe(reader, axe_source, axe_log):
    page = reader()
    page.goto(PUBLIC_PAGES["article"])
    page.get_by_role("button", name="提交意见").click()
    expect(page.locator("#body-error")).to_be_visible()
    check_axe(page, axe_source, "article with form errors", axe_log)


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_page_passes_axe(name, reader, ids, axe_source, axe_log):
    role, path = STAFF_PAGES[name]
    page = reader(role=role)
    response = page.goto(path.format(**ids))
    assert response.status == 200, response.status
    check_axe(page, axe_source, f"staff {name}", axe_log)


FOCUS_STYLE = "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow].join(' ') }"
FOCUSED_STYLE = f"() => ({FOCUS_STYLE})(document.activeElement)"
ACTIVE = "() => document.activeElement.id || document.activeElement.tagName.toLowerCase()"


def test_comment_form_by_keyboard_alone(new_context, shots):
    shot = shots("keyboard", 1280)
    page = new_context(1280).new_page()
    page.goto(PUBLIC_PAGES["article"])
    order = ["body", "display_name", "contact", "district", "role", "visibility-0", "visibility-1", "submit"]
    resting = {name: page.locator(f"#{name}").evaluate(FOCUS_STYLE) for name in order}

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()
    for _ in range(40):  # past the breadcrumb and the article to the form
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE) == "body":
            break
    else:
        pytest.fail("Tab never reached the comment box")

    reached, focused = ["body"], {"body": page.evaluate(FOCUSED_STYLE)}
    for key in ["Tab"] * 5 + ["ArrowDown", "Tab"]:  # the radios are one stop; arrows choose within it
        page.keyboard.press(key)
        name = page.evaluate(ACTIVE)
        reached.append(name)
        focused[name] = page.evaluate(FOCUSED_STYLE)
        if name == "contact":
            shot(page, "focus-contact")
    assert reached == order
    for name in order:
        assert focused[name] != resting[name], f"#{name} shows no focus indicator: {focused[name]}"

    page.keyboard.press("Enter")  # on 提交意见, with the comment box still empty
    error = page.locator("#body-error")
    expect(error).to_have_text("请填写您的意见。")
    body = page.locator("#body")
    expect(body).to_have_attribute("aria-invalid", "true")
    assert "body-error" in (body.get_attribute("aria-describedby") or "").split()
    shot(page, "empty-form-error")


def _font_size(page: Page) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")


DISPLAY_CLASSES = {"large": "text-large", "contrast": "contrast-high"}


def _assert_still_on_and_fits(page: Page, option: str, standard_size: float) -> None:
    expect(page.locator("html")).to_have_class(re.compile(rf"(^|\s){DISPLAY_CLASSES[option]}(\s|$)"))
    expect(page.locator(f'header nav a[href^="/display/{option}/off"]')).to_have_count(1)  # offers to switch back
    scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, f"{page.url} scrolls sideways: {scroll_width} px in {inner_width} px"
    if option == "large":
        assert _font_size(page) >= 1.5 * standard_size - 0.01, (page.url, _font_size(page), standard_size)
    else:
        colours = page.evaluate(
            "() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
        )
        assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], (page.url, colours)


@pytest.mark.parametrize("option", DISPLAY_CLASSES)
def test_display_mode_stays_on_across_pages_without_sideways_scroll(option, new_context, shots):
    shot = shots(f"display-{option}", 390)
    plain = new_context(390).new_page()
    plain.goto("/")
    standard_size = _font_size(plain)

    page = new_context(390).new_page()
    page.goto("/")
    # Each check waits for the next page: the class is on the old page too, so without waiting the
    # checks could read a page that is being torn down.
    with page.expect_navigation():
        page.get_by_role("link", name="大字" if option == "large" else "高对比").click()
    _assert_still_on_and_fits(page, option, standard_size)
    shot(page, "home", full_page=True)
    with page.expect_navigation():
        page.get_by_role("link", name="滨海市公园管理条例（草案）", exact=True).click()
    _assert_still_on_and_fits(page, option, standard_size)
    shot(page, "draft")
    with page.expect_navigation():
        page.locator("#article-12").get_by_role("link", name="对第十二条提意见").click()
    _assert_still_on_and_fits(page, option, standard_size)
    shot(page, "article", full_page=True)
