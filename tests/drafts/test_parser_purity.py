"""The structure parser and importers are pure: no Flask, SQLAlchemy or WTForms."""

import subprocess
import sys

PURE = ["consult.drafts.structure", "consult.drafts.numerals", "consult.drafts.importers"]


def test_parser_imports_no_web_framework():
    code = (
        "import sys\n"
        f"for name in {PURE!r}: __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'flask', 'sqlalchemy', 'wtforms', 'flask_sqlalchemy'}"
        " or m in {'consult.extensions', 'consult.web'})\n"
        "print(','.join(bad))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert output == ""
