"""The engine is a standalone pure package: stdlib only, nothing from Django or the rest of pmqa4.

SCORING-FACTS.md: "It knows nothing of the database or the web", so anyone can score by hand.
"""

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "engine"
PACKAGE = "pmqa4.scoring.engine"


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, relative imports resolved against its package."""
    package = ".".join([PACKAGE, *path.relative_to(ENGINE).parent.parts])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                found.append(".".join(base + ([node.module] if node.module else [])))
            else:
                found.append(node.module)
    return found


def is_allowed(module: str) -> bool:
    inside = module == PACKAGE or module.startswith(PACKAGE + ".")
    return inside or module.split(".")[0] in sys.stdlib_module_names


def test_the_engine_has_python_files_to_check():
    assert len(list(ENGINE.rglob("*.py"))) >= 5


def test_every_engine_module_imports_only_the_stdlib_and_the_engine():
    offenders = {
        f"{path.relative_to(ENGINE)}: {module}"
        for path in ENGINE.rglob("*.py")
        for module in imported_modules(path)
        if not is_allowed(module)
    }
    assert offenders == set()


def test_the_import_check_catches_django_and_the_rest_of_pmqa4():
    assert not is_allowed("django.db")
    assert not is_allowed("pmqa4.core.fiscal")
    assert not is_allowed("pmqa4.scoring.models")
    assert is_allowed("pmqa4.scoring.engine.facts")
    assert is_allowed("decimal")


def test_importing_the_engine_loads_no_django():
    code = (
        "import sys, pmqa4.scoring.engine; print(sorted(m for m in sys.modules if 'django' in m))"
    )
    root = ENGINE.parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
