"""The rules of docs/architecture.md, checked on the code: no import cycles, small modules and
functions, views that neither query nor commit."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "consult"
MODULES = {
    ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p for p in PACKAGE.rglob("*.py")
}
VIEWS = [p for p in PACKAGE.rglob("*.py") if p.stem.endswith("views")]


def _imports(name: str, path: Path) -> set[str]:
    """Modules of consult that `name` imports, at any depth of its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != name)
    return found


def test_no_import_cycles():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(trail[trail.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    # A package importing its own submodules is how packages work, not a cycle of design.
    real = [c for c in cycles if not any(b.startswith(a + ".") for a, b in zip(c, c[1:]))]
    assert real == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    long = [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 40
    ]
    assert long == []


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_views_neither_query_nor_commit(path):
    """Views call services and queries; one place commits (consult/unit_of_work.py)."""
    forbidden = {"commit", "rollback", "select", "scalars", "scalar", "execute"}
    found = [
        f"{node.attr}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in forbidden
    ]
    assert found == []


DOMAINS = ("accounts", "drafts", "comments", "digests", "hearings")  # each may use those before it


def test_domains_depend_one_way():
    backwards = []
    for name, path in MODULES.items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in DOMAINS:
            continue
        for target in _imports(name, path):
            other = target.split(".")[1] if target.count(".") >= 1 else ""
            if other in DOMAINS and DOMAINS.index(other) > DOMAINS.index(parts[1]):
                backwards.append(f"{name} -> {target}")
    assert backwards == []


def test_every_form_derives_from_the_one_base():
    """consult.forms.Form loads WTForms' messages once per language; a form built on FlaskForm
    directly would parse them again on every request."""
    direct = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path != PACKAGE / "forms.py" and "FlaskForm" in path.read_text(encoding="utf-8")
    ]
    assert direct == []
