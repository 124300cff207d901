"""Internationalisation: the English catalogue is complete, the .pot is current, templates and forms mark
every Chinese UI string for translation, and the language switch changes text and date formats."""

from __future__ import annotations

import ast
import re
import shlex
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
import pytest
from babel.dates import format_datetime
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
EN_CATALOGUE = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
POT = TRANSLATIONS / "messages.pot"
TEMPLATES = ROOT / "consult" / "templates"

PLACEHOLDER = re.compile(r"%\(\w+\)[a-z]")
# Han ideographs only: full-width punctuation (U+3000-U+303F, U+FF00-U+FFEF) and curly quotes may appear
# anywhere, because they carry no words to translate.
HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")

# Functions whose string arguments are msgids (first argument; ngettext also the second).
TRANSLATION_CALLS = {"_", "gettext", "_l", "lazy_gettext", "ngettext", "lazy_ngettext"}
PLURAL_CALLS = {"ngettext", "lazy_ngettext"}

# Han text in templates that is deliberately not translated, per template (path relative to consult/templates):
# the exact runs of Han characters allowed outside _() in that template's text or string literals, and why.
ALLOWED: dict[str, tuple[frozenset[str], str]] = {
    "base.html": (frozenset({"中文"}), "the language switch names each language in that language (an autonym)")
}
# Han string literals in forms.py modules that are data, not UI text: {(path, literal): reason}.
FORM_ALLOWED: dict[tuple[str, str], str] = {
    ("consult/drafts/forms.py", "草案"): "default version label of the (Chinese) legal text, stored with the draft "
    "like its title; it is not interface text",
    ("consult/drafts/forms.py", "草案修改稿"): "default label of a second version of the legal text, stored like "
    "草案 above",
}


def _strings(message) -> tuple[str, ...]:
    return tuple(message.string) if message.pluralizable else (message.string,)


def _ids(message) -> tuple[str, ...]:
    return tuple(message.id) if message.pluralizable else (message.id,)


def _read_catalogue(path: Path):
    with path.open("rb") as f:
        return read_po(f)


# a) the English catalogue ------------------------------------------------------------------------------------


def test_english_catalogue_is_complete_and_keeps_placeholders():
    catalogue = _read_catalogue(EN_CATALOGUE)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        ids, strings = _ids(message), _strings(message)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
            continue
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        expected = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for string in strings:
            found = set(PLACEHOLDER.findall(string))
            if found != expected:
                problems.append(f"placeholders {sorted(found)} instead of {sorted(expected)}: {ids[0]!r} -> {string!r}")
    assert len(catalogue) > 1, "the English catalogue is empty"
    assert not problems, f"{len(problems)} problem(s) in {EN_CATALOGUE.relative_to(ROOT)}:\n" + "\n".join(problems)


# b) the .pot is up to date -------------------------------------------------------------------------------------


def _extract_arguments(output: Path) -> list[str]:
    """The `pybabel extract` arguments of the Makefile's extract-messages target, writing to `output`."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^extract-messages:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert target, "Makefile has no extract-messages target"
    line = next((ln for ln in target.group(1).splitlines() if "pybabel extract" in ln), None)
    assert line, "the extract-messages target does not run `pybabel extract`"
    words = shlex.split(line.split("pybabel", 1)[1])
    for flag in ("-o", "--output-file", "--output"):
        if flag in words:
            words[words.index(flag) + 1] = str(output)
            break
    else:
        pytest.fail("`pybabel extract` in the Makefile has no -o option")
    return words


def test_pot_file_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    command = [
        sys.executable,
        "-c",
        "import sys; from babel.messages.frontend import main; sys.exit(main())",
        *_extract_arguments(fresh),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"pybabel extract failed:\n{result.stderr}"
    extracted = {m.id for m in _read_catalogue(fresh) if m.id}
    committed = {m.id for m in _read_catalogue(POT) if m.id}
    missing = sorted(map(str, extracted - committed))
    stale = sorted(map(str, committed - extracted))
    assert not missing and not stale, (
        "translations/messages.pot is out of date; run `make extract-messages`.\n"
        f"In the code but not in the .pot ({len(missing)}):\n  "
        + "\n  ".join(missing)
        + f"\nIn the .pot but no longer in the code ({len(stale)}):\n  "
        + "\n  ".join(stale)
    )


# c) templates ----------------------------------------------------------------------------------------------------


def _significant(tokens):
    return [t for t in tokens if t[1] not in ("whitespace", "comment_begin", "comment", "comment_end")]


def _is_msgid(tokens: list, i: int) -> bool:
    """Whether the string token tokens[i] is the msgid (or ngettext plural) of a translation call."""

    def at(k):
        return tokens[k][1:] if k >= 0 else (None, None)

    if at(i - 1) == ("operator", "(") and at(i - 2)[0] == "name" and at(i - 2)[1] in TRANSLATION_CALLS:
        return True
    return (
        at(i - 1) == ("operator", ",")
        and at(i - 2)[0] == "string"
        and at(i - 3) == ("operator", "(")
        and at(i - 4)[0] == "name"
        and at(i - 4)[1] in PLURAL_CALLS
    )


def _template_offences(env: jinja2.Environment, path: Path) -> list[str]:
    name = path.relative_to(TEMPLATES).as_posix()
    return _source_offences(env, name, path.read_text(encoding="utf-8"), ALLOWED.get(name, (frozenset(), ""))[0])


def _source_offences(env: jinja2.Environment, name: str, source: str, allowed: frozenset[str]) -> list[str]:
    tokens = _significant(env.lex(source, name=name))
    lines = source.splitlines()
    offences = []
    for i, (lineno, kind, value) in enumerate(tokens):
        if kind == "data":
            for match in HAN_RUN.finditer(value):
                if match.group() in allowed:
                    continue
                line = lineno + value[: match.start()].count("\n")
                offence = f"{name}:{line}: text outside _(): {lines[line - 1].strip()[:160]}"
                if offence not in offences:
                    offences.append(offence)
        elif kind == "string" and not _is_msgid(tokens, i):
            if any(run not in allowed for run in HAN_RUN.findall(value)):
                offences.append(f"{name}:{lineno}: string literal {value} outside _()/ngettext()")
    return offences


def test_templates_have_no_untranslated_chinese():
    env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.i18n"])
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert templates, f"no templates found under {TEMPLATES}"
    unknown = set(ALLOWED) - {p.relative_to(TEMPLATES).as_posix() for p in templates}
    assert not unknown, f"ALLOWED names templates that do not exist: {sorted(unknown)}"
    offences = [o for path in templates for o in _template_offences(env, path)]
    assert not offences, f"{len(offences)} Chinese string(s) not marked for translation:\n" + "\n".join(offences)


def test_template_check_catches_unmarked_text():
    env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.i18n"])
    source = (
        '<p>{{ _("好") }}（{{ n }}）：“{{ t }}”、</p>\n<p>\n说明 {{ ngettext("一", "多", n) }}</p>\n'
        '{{ x or "否" }}{{ parts|join("；") }}{% set y = "第" %}{# 注释 #}<a>中文</a>'
    )
    assert _source_offences(env, "t.html", source, frozenset({"第", "中文"})) == [
        't.html:3: text outside _(): 说明 {{ ngettext("一", "多", n) }}</p>',
        't.html:4: string literal "否" outside _()/ngettext()',
    ]


# d) form modules -------------------------------------------------------------------------------------------------


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _form_offences(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in TRANSLATION_CALLS:
            count = 2 if _call_name(node) in PLURAL_CALLS else 1
            exempt.update(id(arg) for arg in node.args[:count])
        elif isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                exempt.add(id(body[0].value))  # docstrings are not UI text
    rel = path.relative_to(root).as_posix()
    return [
        f"{rel}:{node.lineno}: {node.value!r} is not wrapped in _l()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and HAN.search(node.value)
        and id(node) not in exempt
        and (rel, node.value) not in FORM_ALLOWED
    ]


def test_forms_mark_chinese_strings_for_translation():
    modules = sorted((ROOT / "consult").rglob("forms.py"))
    assert modules, "no forms.py modules found"
    unknown = {p for p, _ in FORM_ALLOWED} - {p.relative_to(ROOT).as_posix() for p in modules}
    assert not unknown, f"FORM_ALLOWED names modules that do not exist: {sorted(unknown)}"
    offences = [o for path in modules for o in _form_offences(path)]
    assert not offences, f"{len(offences)} Chinese string(s) in forms not marked:\n" + "\n".join(offences)


def test_form_check_catches_unmarked_label(tmp_path):
    path = tmp_path / "forms.py"
    path.write_text(
        '"""表单。"""\na = StringField(_l("标题"))\n'
        'b = StringField("标题", validators=[DataRequired(message="必填")])\n',
        encoding="utf-8",
    )
    assert _form_offences(path, root=tmp_path) == [
        "forms.py:3: '标题' is not wrapped in _l()",
        "forms.py:3: '必填' is not wrapped in _l()",
    ]


# e) the language switch ------------------------------------------------------------------------------------------


def _get(app, client, url: str):
    # One app context per request, as in production: the `app` fixture keeps a single app context open for the
    # whole test, and Flask-Babel caches the locale on it (flask.g), so a second request would reuse the first one's.
    with app.app_context():
        return client.get(url)


SHORT = {"zh_Hans": "y年M月d日 HH:mm", "en": "d MMM y, HH:mm"}  # consult.timezones.human_datetime "short"


def _short(value, locale: str, timezone: str) -> str:
    return format_datetime(value, SHORT[locale], tzinfo=ZoneInfo(timezone), locale=locale)


def test_language_switch_changes_text_and_date_format(app, client):
    from factories import make_draft

    consultation = make_draft(status="open")
    closes_at = consultation.closes_at
    timezone = app.config["CITY_TIMEZONE"]

    zh = _get(app, client, "/")
    assert zh.status_code == 200
    assert '<html lang="zh-Hans">' in zh.text
    assert "法规草案公开征求意见" in zh.text
    zh_date = _short(closes_at, "zh_Hans", timezone)
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", zh_date), zh_date  # e.g. 2026年1月15日 09:30
    assert f"截止于 {zh_date}" in zh.text

    switch = _get(app, client, "/language/en?next=/")
    assert switch.status_code == 302
    assert switch.headers["Location"].endswith("/")

    en = _get(app, client, "/")
    assert en.status_code == 200
    assert '<html lang="en">' in en.text
    assert "Draft regulations open for public comment" in en.text
    assert "法规草案公开征求意见" not in en.text
    en_date = _short(closes_at, "en", timezone)
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", en_date), en_date  # e.g. 15 Jan 2026, 09:30
    assert f"closes {en_date}" in en.text
    assert zh_date not in en.text

    _get(app, client, "/language/zh_Hans?next=/")
    assert '<html lang="zh-Hans">' in _get(app, client, "/").text


def test_language_switch_ignores_unknown_languages_and_foreign_redirects(app, client):
    response = _get(app, client, "/language/fr?next=//evil.example/")
    assert response.status_code == 302
    assert "evil.example" not in response.headers["Location"]
    assert client.get_cookie("lang") is None
    assert '<html lang="zh-Hans">' in _get(app, client, "/").text
