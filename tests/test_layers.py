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


# --- one owner per thing many features change (ARCHITECTURE "Data") --------------------------------------

#: Writes a made-up history straight into the tables of a new database (seeding: no unit of work, no change
#: log), so it writes ledger rows and device rows of its own.
SEEDING = {"app/demo_data.py"}


def _workstation_sources() -> list[tuple[str, ast.AST]]:
    return [
        (path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for package in ("app", "ui")
        for path in sorted((ROOT / package).rglob("*.py"))
    ]


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def rows_made(tree: ast.AST, model: str) -> list[int]:
    """Lines where *tree* makes a row of *model*: calls it (``StockMovement(...)``, ``IndividualEvent.of``)
    or hands the class to a call (``rows.add(StockMovement, ...)``, ``insert(StockMovement)``)."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func
        # StockMovement(...) or a constructor such as IndividualEvent.of(...), not a column's method
        if isinstance(callee, ast.Attribute):
            callee = callee.value
        if (isinstance(callee, ast.Name) and callee.id == model) or any(
            isinstance(arg, ast.Name) and arg.id == model for arg in node.args
        ):
            lines.append(node.lineno)
    return sorted(set(lines))


def individual_statuses_set(tree: ast.AST) -> list[int]:
    """Lines where *tree* sets a device's status: ``x.status = IndividualStatus…`` (or on a name that says
    it is an individual or device), ``setattr(x, "status", …)`` of one, or ``status=`` for a new
    ``Individual`` row (``Individual(status=…)``, ``rows.add(Individual, status=…)``)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if not (isinstance(target, ast.Attribute) and target.attr == "status"):
                    continue
                owner = ast.unparse(target.value).lower()
                value = node.value
                if (
                    "individual" in owner
                    or "device" in owner
                    or (value is not None and "IndividualStatus" in _names(value))
                ):
                    lines.append(node.lineno)
        elif isinstance(node, ast.Call):
            callee = node.func
            if (
                isinstance(callee, ast.Name)
                and callee.id == "setattr"
                and len(node.args) >= 3
                and ast.unparse(node.args[1]) == "'status'"
                and "IndividualStatus" in _names(node.args[2])
            ):
                lines.append(node.lineno)
            new_device = (isinstance(callee, ast.Name) and callee.id == "Individual") or any(
                isinstance(arg, ast.Name) and arg.id == "Individual" for arg in node.args
            )
            if new_device and any(keyword.arg == "status" for keyword in node.keywords):
                lines.append(node.lineno)
    return sorted(set(lines))


def test_only_app_stock_makes_a_stock_movement() -> None:
    offenders = [
        f"{name}:{line}"
        for name, tree in _workstation_sources()
        if name not in {"app/stock.py", *SEEDING}
        for line in rows_made(tree, "StockMovement")
    ]
    assert offenders == []


def test_only_app_individuals_changes_a_device_status_and_writes_its_events() -> None:
    offenders = [
        f"{name}:{line}"
        for name, tree in _workstation_sources()
        if name not in {"app/individuals.py", *SEEDING}
        for line in [*individual_statuses_set(tree), *rows_made(tree, "IndividualEvent")]
    ]
    assert offenders == []


def test_the_owner_checks_see_every_form_of_bypass() -> None:
    tree = ast.parse(
        "session.add(StockMovement(quantity=1))\n"
        "rows.add(StockMovement, quantity=1)\n"
        "insert_rows(session, StockMovement, rows)\n"
        "select(StockMovement.quantity).where(StockMovement.article_id.in_(ids))\n"
        "individual.status = IndividualStatus.DELIVERED\n"
        "device.status = status\n"
        "unit.status = IndividualStatus.SCRAPPED\n"
        "line.status = LineStatus.DELIVERED\n"
        "setattr(found, 'status', IndividualStatus.BLOCKED)\n"
        "rows.add(Individual, individual_number='1', status=status)\n"
        "Individual(individual_number='1', status=status)\n"
        "session.add(IndividualEvent.of(individual, user_id=None))\n"
    )
    assert rows_made(tree, "StockMovement") == [1, 2, 3]
    assert individual_statuses_set(tree) == [5, 6, 7, 9, 10, 11]
    assert rows_made(tree, "IndividualEvent") == [12]
