"""The plugin is tested on the tests' own FAQ site, never on the real docs/ (issue 22).

Only the published-site invariants (modules marked `pytestmark = pytest.mark.published_site`)
may build the real project or read its docs/: they assert what holds for any content that builds.
Every other module tests the plugin on tests/fixture/ (conftest's `fixture_site`,
`project_copy`) or on snippets, so that changing docs/ can never break it. This module reads each
test module's code (never runs it) and refuses one that reaches the real site without the marker:
a test that asks for the real site's fixtures (`site`, `server`, `published`…), or a path to the
project's docs/. conftest refuses such a test too, when it runs (`pytest_runtest_setup`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import PUBLISHED_SITE, REAL_SITE_FIXTURES

TESTS = Path(__file__).parent
# conftest.py defines the real site's fixtures, for the marked modules (it guards them itself).
MODULES = sorted(path for path in TESTS.glob("*.py") if path.name != "conftest.py")


def is_marked(tree: ast.Module) -> bool:
    """`pytestmark = pytest.mark.published_site` (or a list holding it), at the module's top level."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            return PUBLISHED_SITE in ast.unparse(node.value)
    return False


def reaches_the_real_site(tree: ast.Module) -> list[str]:
    """How a module's code reaches the real site: each test or fixture asking for the real site's
    fixtures, and each path to the project's docs/ (`PROJECT / "docs"`, `PROJECT.joinpath("docs")`,
    `PROJECT / "docs/faq"`…)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _takes_fixtures(node):
            asked = {argument.arg for argument in node.args.args + node.args.kwonlyargs}
            found += [
                f"line {node.lineno}: {node.name} asks for `{name}`" for name in asked & REAL_SITE_FIXTURES
            ]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            if _is_project(node.left) and _is_docs(node.right):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
        elif _is_project_joinpath_docs(node):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def _takes_fixtures(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A test, or a fixture: pytest gives their arguments (a helper's are its callers')."""
    return function.name.startswith("test") or any(
        "fixture" in ast.unparse(decorator) for decorator in function.decorator_list
    )


def _is_project_joinpath_docs(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "joinpath"
        and _is_project(node.func.value)
        and bool(node.args)
        and _is_docs(node.args[0])
    )


def _is_project(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "PROJECT"


def _is_docs(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.split("/")[0] == "docs"
    )


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_only_the_published_site_invariants_reach_the_real_site(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    if is_marked(tree):
        return
    assert not reaches_the_real_site(tree), (
        f"{module.name} reaches the real site without `pytestmark = pytest.mark.{PUBLISHED_SITE}`: "
        + "; ".join(reaches_the_real_site(tree))
        + ". Test the plugin on the tests' site (`fixture_site`, `project_copy`: tests/fixture/)."
    )


@pytest.mark.parametrize(
    ("code", "reaches"),
    [
        ("def test_x(site): pass", True),
        ("def test_x(fixture_site, server): pass", True),
        ("DOCS = PROJECT / 'docs'", True),
        ("x = PROJECT / 'docs/faq'", True),
        ("x = PROJECT.joinpath('docs')", True),
        ("@pytest.fixture\ndef built(site): pass", True),
        ("def test_x(fixture_site, project_copy): x = project_copy / 'docs'", False),
        ("def helper(site): return site.pages", False),
        ("x = PROJECT / 'overrides' / 'main.html'", False),
    ],
)
def test_the_check_finds_the_real_site(code: str, reaches: bool) -> None:
    assert bool(reaches_the_real_site(ast.parse(code))) is reaches
    assert not is_marked(ast.parse(code))
    assert is_marked(ast.parse(f"import pytest\npytestmark = pytest.mark.{PUBLISHED_SITE}\n{code}"))
