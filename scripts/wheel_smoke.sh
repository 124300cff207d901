#!/usr/bin/env bash
# A built wheel works on its own: install it into a fresh virtualenv (no source tree on the path),
# migrate an empty SQLite database and answer one request in each language. Run from the repo root.
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make translations >/dev/null
.venv/bin/pip wheel --no-deps --quiet --wheel-dir "$work/dist" . 2>/dev/null
python3.11 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$work"/dist/consult-*.whl
cd "$work"  # away from the checkout: only the installed package can be imported
export CONSULT_DATABASE_URL="sqlite:///$work/smoke.sqlite3" CONSULT_SECRET_KEY=smoke
"$work/venv/bin/flask" --app consult db upgrade
"$work/venv/bin/python" - <<'PY'
import consult
from consult import create_app

assert "site-packages" in consult.__file__, consult.__file__
client = create_app().test_client()
for language, expected in (("zh_Hans", "开门立法"), ("en", "Open Legislation")):
    client.set_cookie("lang", language)
    page = client.get("/")
    assert page.status_code == 200 and expected in page.text, (language, page.status_code)
print("wheel smoke test: migrated and served / in zh_Hans and en from", consult.__file__)
PY
