"""No module of the package binds one top-level name twice. Rule branches merged side by side have each added a
module constant under a name another had taken (`_PATIENTS_WORD`, `_VERSUS_WORD`): the later binding silently
replaced the earlier for every function reading it at call time, and changed labels no branch's own tests saw."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "extractor"


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names += [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_top_level_name_is_bound_twice(path):
    counts = Counter(_top_level_names(ast.parse(path.read_text(encoding="utf-8"))))
    assert not [name for name, n in counts.items() if n > 1]


def test_the_check_sees_a_second_binding():
    tree = ast.parse("_A = 1\ndef f():\n    return _A\n_A = 2\n")
    assert Counter(_top_level_names(tree))["_A"] == 2
