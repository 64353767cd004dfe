"""The shape of generator/: a one-way pipeline without import cycles.

Every import between generator's modules, at the top of a module or inside a
function, is an edge; the graph has no cycles, and a lower layer never
imports a higher one: model <- knowledge <- read <- analyse <- export <- render
<- build/cli (source, paths, output and urls are shared below them all).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PACKAGE = ROOT / "generator"
LAYERS = ["source", "paths", "output", "model", "knowledge", "urls", "read", "analyse", "export", "render",
          "build", "mkdocs_hook", "cli", "__main__"]


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports() -> dict[str, set[str]]:
    """generator module -> the generator modules it imports (anywhere in it)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def layer(module: str) -> int:
    part = module.split(".")[1] if "." in module else "__init__"
    return LAYERS.index(part) if part in LAYERS else -1


def test_the_import_graph_has_no_cycles():
    graph = imports()
    assert len(graph) > 30
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_a_lower_layer_never_imports_a_higher_one():
    upward = sorted((m, t) for m, targets in imports().items() for t in targets
                    if layer(m) >= 0 and layer(t) > layer(m) and m != "generator")
    assert upward == []


def test_no_module_grows_past_one_job():
    sizes = {module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {m: n for m, n in sizes.items() if n > 600} == {}


def test_the_code_names_none_of_the_published_documents_facts():
    """The generator is general: the sources' symbols and numbers live in content/, never in generator/."""
    import yaml

    sources = ROOT / "content" / "source"
    numbers = {"/".join(p.name.split(".")[0].split("_")[2:4]) for p in sources.glob("A_RES_*")}
    symbols = {yaml.safe_load(p.read_text(encoding="utf-8")).get("symbol") for p in sources.glob("*.meta.yml")} - {None}
    assert numbers and symbols
    found = [(module_name(p), fact) for p in PACKAGE.rglob("*.py") for fact in sorted(numbers | symbols)
             if fact in p.read_text(encoding="utf-8")]
    assert found == []
