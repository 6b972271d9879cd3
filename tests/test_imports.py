"""relay/ has no import cycles: the registry imports no rule, the policy only the registry."""

from __future__ import annotations

import ast
from pathlib import Path

RELAY = Path(__file__).resolve().parent.parent / "relay"


def _module_name(path: Path) -> str:
    parts = path.relative_to(RELAY.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, known: set[str]) -> set[str]:
    """The relay modules `path` imports, at module level or inside a function (a call that
    imports a module whose import needs the caller's module is a cycle too); imports under
    `if TYPE_CHECKING` are for the type checker only and do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found: set[str] = set()

    def visit(nodes: list[ast.AST]) -> None:
        for node in nodes:
            if isinstance(node, ast.If):
                if not _is_type_checking(node):
                    visit([*node.body, *node.orelse])
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
            else:  # function and class bodies, try/except/with blocks, ...
                visit(list(ast.iter_child_nodes(node)))

    visit(tree.body)
    edges: set[str] = set()
    for name in found:
        # `import relay.rules.base` also runs relay/__init__ and relay/rules/__init__
        pieces = name.split(".")
        for end in range(1, len(pieces) + 1):
            candidate = ".".join(pieces[:end])
            if candidate in known:
                edges.add(candidate)
    # A package is initialized before its modules run: a module importing its own package
    # (`from relay.store import _aiosqlite` in relay.store.sql) finds it already there.
    own = _module_name(path).split(".")
    ancestors = {".".join(own[:end]) for end in range(1, len(own) + 1)}
    return edges - ancestors


def import_graph() -> dict[str, set[str]]:
    paths = sorted(RELAY.rglob("*.py"))
    known = {_module_name(p) for p in paths}
    return {_module_name(p): _imports(p, known) for p in paths}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state:
                cycle = walk(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            cycle = walk(node)
            if cycle:
                return cycle
    return []


def test_relay_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 40
    cycle = find_cycle(graph)
    assert not cycle, " -> ".join(cycle)


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_registry_and_policy_import_no_rule_family() -> None:
    graph = import_graph()
    families = {name for name in graph if name.startswith("relay.rules.")} - {"relay.rules.base"}

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for target in graph[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    assert not reach("relay.rules.base") & families
    assert not reach("relay.rules") & families
    assert not reach("relay.policy") & families
