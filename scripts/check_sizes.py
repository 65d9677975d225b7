"""Size limits of STYLE.md that ruff cannot check: no module over 600 lines (migrations aside),
no function over 80 lines. `make lint` runs it; it prints each offender and fails if there is one."""

import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "node_modules", "migrations", "var", ".git"}


def offences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    lines = text.count("\n") + 1
    if lines > MAX_MODULE_LINES:
        found.append(f"{path}: {lines} lines (at most {MAX_MODULE_LINES})")
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            # A parsed tree always has end positions; the type allows None for built ones.
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(
                    f"{path}:{node.lineno}: {node.name}() is {length} lines"
                    f" (at most {MAX_FUNCTION_LINES})"
                )
    return found


def main() -> int:
    paths = [
        path
        for path in sorted(ROOT.rglob("*.py"))
        if not SKIPPED.intersection(path.relative_to(ROOT).parts)
    ]
    found = [offence for path in paths for offence in offences(path.relative_to(ROOT))]
    print("\n".join(found) or f"{len(paths)} modules within the size limits")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
