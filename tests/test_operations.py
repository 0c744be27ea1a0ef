"""The operation runner: only the newest answer of a key is delivered, and a write broadcasts the areas of
the tables it really wrote."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.changes import Changes
from app.database import Database
from app.errors import InvalidInput
from app.i18n import QT_TRANSLATE_NOOP
from tests import factories
from ui.operations import OperationRunner

WAIT_S = 10


@pytest.fixture
def runner(qtbot: Any, database: Database) -> Iterator[OperationRunner]:
    runner = OperationRunner()
    runner.database = database
    yield runner
    runner.wait_for_done()
    qtbot.wait_until(lambda: not runner.busy(), timeout=WAIT_S * 1000)


def _blocked_until(gate: threading.Event, answer: Any) -> Any:
    def work(_session: Session) -> Any:
        assert gate.wait(WAIT_S)
        return answer

    return work


def test_an_older_answer_of_the_same_key_finishing_last_is_dropped(
    qtbot: Any, runner: OperationRunner
) -> None:
    gate = threading.Event()
    delivered: list[str] = []
    runner.read(_blocked_until(gate, "older"), on_success=delivered.append, key=("page", "list"))
    runner.read(lambda _session: "newer", on_success=delivered.append, key=("page", "list"))
    qtbot.wait_until(lambda: delivered == ["newer"], timeout=WAIT_S * 1000)
    assert runner.busy() and not runner.pending(("page", "list"))
    gate.set()
    qtbot.wait_until(lambda: not runner.busy(), timeout=WAIT_S * 1000)
    assert delivered == ["newer"]


def test_other_keys_and_requests_without_a_key_are_all_answered(qtbot: Any, runner: OperationRunner) -> None:
    delivered: list[str] = []
    for answer, key in (("a", ("page", "list")), ("b", ("page", "detail")), ("c", None), ("d", None)):
        runner.read(lambda _session, answer=answer: answer, on_success=delivered.append, key=key)
    qtbot.wait_until(lambda: not runner.busy(), timeout=WAIT_S * 1000)
    assert sorted(delivered) == ["a", "b", "c", "d"]


def test_a_stale_refusal_is_dropped_too_and_supersede_drops_what_is_on_its_way(
    qtbot: Any, runner: OperationRunner
) -> None:
    gate = threading.Event()
    refused: list[str] = []
    delivered: list[str] = []

    def refuse(_session: Session) -> None:
        assert gate.wait(WAIT_S)
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "The quantity must be at least 1."))

    runner.read(refuse, on_success=delivered.append, on_error=refused.append, key="search")
    runner.read(_blocked_until(gate, "newest"), on_success=delivered.append, key="search")
    assert runner.pending("search")
    runner.supersede("search")  # the clerk cleared the field: nothing on its way is wanted
    assert not runner.pending("search")
    gate.set()
    qtbot.wait_until(lambda: not runner.busy(), timeout=WAIT_S * 1000)
    assert refused == [] and delivered == []


def test_a_write_broadcasts_the_areas_of_the_tables_it_wrote(qtbot: Any, runner: OperationRunner) -> None:
    answers: list[str] = []
    with qtbot.wait_signal(runner.sig_changes, timeout=WAIT_S * 1000) as broadcast:
        runner.write(lambda session: factories.patient(session).last_name, on_success=answers.append)
    assert answers == ["Nilsson"]
    assert broadcast.args == [Changes(patients=True)]


def test_a_write_whose_answer_is_stale_still_broadcasts(qtbot: Any, runner: OperationRunner) -> None:
    gate = threading.Event()
    answers: list[str] = []

    def write(session: Session) -> str:
        assert gate.wait(WAIT_S)
        return factories.patient(session).last_name

    runner.write(write, on_success=answers.append, key="record")
    runner.read(lambda _session: "newer", on_success=answers.append, key="record")
    qtbot.wait_until(lambda: answers == ["newer"], timeout=WAIT_S * 1000)
    with qtbot.wait_signal(runner.sig_changes, timeout=WAIT_S * 1000) as broadcast:
        gate.set()
    assert broadcast.args == [Changes(patients=True)] and answers == ["newer"]


def test_a_write_that_changed_nothing_broadcasts_nothing(qtbot: Any, runner: OperationRunner) -> None:
    seen: list[Changes] = []
    runner.sig_changes.connect(seen.append)
    done: list[int] = []
    runner.write(lambda _session: 1, on_success=done.append)
    qtbot.wait_until(lambda: not runner.busy(), timeout=WAIT_S * 1000)
    assert done == [1] and seen == []
