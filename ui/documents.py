"""Producing a printed document: read and render on a worker, save the PDF, open it in the PDF viewer.

The UI thread never waits on the database or on reportlab: ``open_document`` hands the whole job (the
read, the rendering with translated texts, writing the file) to the operation runner, and on success opens
the file with the desktop's PDF viewer, from which the clerk prints. Files go to a ``documents`` folder
under the workstation's data directory (``set_documents_dir``, called once at start).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from app.config import default_data_dir
from ui.messages import MessageBoxes
from ui.operations import Failure, OperationRunner
from ui.qt import QCoreApplication, QDesktopServices, QUrl, QWidget

log = logging.getLogger(__name__)

DOCUMENTS_FOLDER = "documents"

Build = Callable[[Session], bytes]


def translate_documents(source: str) -> str:
    """The ``translate`` given to the renderers: Qt's translation of the ``documents`` context.

    ``QCoreApplication.translate`` is thread-safe, so the worker translates while it renders.
    """
    return QCoreApplication.translate("documents", source)


class Documents:
    """Where PDFs are written, and whether they are opened (tests and offscreen runs do not open them)."""

    directory: Path | None = None
    open_files: bool = True


def set_documents_dir(data_dir: Path) -> Path:
    """Use ``<data_dir>/documents`` for the PDFs of this workstation; returns that folder."""
    Documents.directory = data_dir / DOCUMENTS_FOLDER
    return Documents.directory


def documents_dir() -> Path:
    """The folder for PDFs; the default data directory's when ``set_documents_dir`` was not called."""
    if Documents.directory is None:
        log.warning("documents folder not set at start; using the default data directory")
        return default_data_dir() / DOCUMENTS_FOLDER
    return Documents.directory


def safe_file_name(name: str) -> str:
    """*name* with anything a file system might refuse replaced; always ends in ``.pdf``."""
    stem = re.sub(r"[^\w\-. ]", "_", name.removesuffix(".pdf")).strip(" .") or "document"
    return f"{stem}.pdf"


def _unique_path(folder: Path, file_name: str) -> Path:
    """A path in *folder* that does not exist yet: ``name.pdf``, else ``name-2.pdf``, … (a PDF viewer may
    still hold the earlier file open, so it is never overwritten)."""
    path = folder / file_name
    number = 2
    while path.exists():
        path = folder / f"{Path(file_name).stem}-{number}.pdf"
        number += 1
    return path


def _should_open() -> bool:
    return Documents.open_files and os.environ.get("QT_QPA_PLATFORM", "") != "offscreen"


def open_document(
    runner: OperationRunner,
    *,
    build: Build,
    file_name: str,
    parent: QWidget | None,
    on_done: Callable[[Path], None] | None = None,
    on_error: Failure | None = None,
) -> None:
    """Build a PDF on the worker (``build(session)`` returns its bytes), save it and open it.

    *file_name* is a plain name (e.g. ``"lanforbindelse-26470001.pdf"``); never put a patient's identity
    or name in it. *on_done* gets the saved file's path; a failure's sentence goes to *on_error*, or to
    the runner's central error display when none is given. *parent* owns the message shown when no PDF
    viewer could open the file.
    """
    folder = documents_dir()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = safe_file_name(f"{safe_file_name(file_name).removesuffix('.pdf')}-{stamp}")

    def work(session: Session) -> Path:
        data = build(session)
        folder.mkdir(parents=True, exist_ok=True)
        path = _unique_path(folder, name)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
        log.info("document saved: %s (%d bytes)", path.name, len(data))
        return path

    def saved(path: Path) -> None:
        if _should_open() and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            log.warning("no PDF viewer opened %s", path.name)
            MessageBoxes.warn(
                parent,
                QCoreApplication.translate("Documents", "Document saved"),
                QCoreApplication.translate(
                    "Documents", "No PDF viewer could open the document; it was saved as {path}."
                ).format(path=str(path)),
            )
        if on_done is not None:
            on_done(path)

    runner.read(work, on_success=saved, on_error=on_error)
