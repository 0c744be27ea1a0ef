"""Start-up operations: open the workstation's database, sign a user in at a service location."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.first_start import JoinDetails
from app.organisation import WorkContext, work_context
from app.startup import open_workstation
from ui.operations import Failure, OperationRunner, Success


def open_database(
    runner: OperationRunner,
    *,
    data_dir: Path,
    first_start: str | None = "demo",
    join: JoinDetails | None = None,
    on_success: Success,
    on_error: Failure,
) -> None:
    """Open the workstation's database; a new one is set up as *first_start* says (None: left for the
    first-start dialog to ask)."""
    runner.run(lambda: open_workstation(data_dir, first_start=first_start, join=join), on_success, on_error)


def sign_in(
    runner: OperationRunner,
    *,
    username: str,
    service_location_code: str,
    on_success: Success,
    on_error: Failure,
) -> None:
    def work(session: Session) -> WorkContext:
        return work_context(session, username=username, service_location_code=service_location_code)

    runner.read(work, on_success=on_success, on_error=on_error)
