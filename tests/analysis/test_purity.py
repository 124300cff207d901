"""consult.analysis is pure: no web framework, no database, no web modules of consult."""

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "consult" / "analysis"
FORBIDDEN = (
    "flask",
    "flask_sqlalchemy",
    "flask_wtf",
    "flask_babel",
    "flask_login",
    "flask_migrate",
    "flask_limiter",
    "sqlalchemy",
    "wtforms",
    "werkzeug",
    "jinja2",
    "alembic",
)
# threadpoolctl: scikit-learn's own way of holding BLAS to one thread in each worker process.
ALLOWED_THIRD_PARTY = {"jieba", "numpy", "scipy", "sklearn", "threadpoolctl"}


def _is_forbidden(name: str) -> bool:
    top = name.split(".")[0]
    web_module = name.startswith("consult.") and not name.startswith("consult.analysis")
    return top in FORBIDDEN or web_module or name == "consult"


# ``consult/__init__.py`` is the app factory and imports Flask itself, so the parent
# package is replaced by an empty one: what is measured is what consult.analysis
# pulls in, whatever the parent does.
_PROBE = """
import json, sys, types
parent = types.ModuleType("consult")
parent.__path__ = [{consult!r}]
sys.modules["consult"] = parent
from consult.analysis import CommentInput, analyse
analyse([CommentInput(1, "公园遛狗要拴绳"), CommentInput(2, "河水发臭"), CommentInput(3, "遛狗拴绳")])
import consult.analysis.cli
print(json.dumps(sorted(sys.modules)))
"""


def test_importing_and_running_the_package_loads_no_web_module():
    code = _PROBE.format(consult=str(ROOT / "consult"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout)
    assert [m for m in loaded if _is_forbidden(m) and m != "consult"] == []


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: stays inside consult.analysis unless it climbs out
                if node.level > 1 + len(path.relative_to(PACKAGE).parts) - 1:
                    yield "consult"
                continue
            yield node.module


def test_no_module_of_the_package_imports_the_web_layer():
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        bad = [name for name in _imports(path) if _is_forbidden(name)]
        third = [
            name
            for name in _imports(path)
            if name.split(".")[0] not in sys.stdlib_module_names | ALLOWED_THIRD_PARTY
            and not name.startswith("consult.analysis")
        ]
        if bad or third:
            offenders[str(path.relative_to(ROOT))] = bad + third
    assert offenders == {}
