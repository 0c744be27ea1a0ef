"""The workstation never imports the sync server: what both share is in ``db.sync_protocol``."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = "db.server"


def _imported_modules(path: Path) -> list[str]:
    """Every module an ``import`` or ``from … import`` of *path* names (``from db import server`` too)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _is_server(module: str) -> bool:
    return module == SERVER or module.startswith(SERVER + ".")


def test_no_workstation_source_file_imports_the_sync_server() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for package in ("app", "ui")
        for path in sorted((ROOT / package).rglob("*.py"))
        for module in _imported_modules(path)
        if _is_server(module)
    ]
    assert offenders == []


def test_the_workstation_program_runs_without_loading_the_sync_server() -> None:
    """Importing the whole desktop program (main window, sync client, change log) loads no ``db.server``."""
    script = (
        "import json, sys\n"
        "import app.changelog, app.sync.client, app.sync.numbers, app.sync.settings, ui.main_window\n"
        "print(json.dumps(sorted(m for m in sys.modules if m == 'db.server' or m.startswith('db.server.'))))\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_the_check_sees_every_form_of_import(tmp_path: Path) -> None:
    source = tmp_path / "example.py"
    source.write_text(
        "import db.server.service\nfrom db.server.app import create_app\nfrom db import server\n"
        "from db.sync_protocol.messages import Change\n",
        encoding="utf-8",
    )
    assert [m for m in _imported_modules(source) if _is_server(m)] == [
        "db.server.service",
        "db.server.app",
        "db.server.app.create_app",
        "db.server",
    ]
